"use client";
// Row density: comfortable (the default) or compact, which fits more rows and columns on a screen. It is
// a reader's preference rather than part of the view, so it is kept in localStorage, not the URL: a
// shared link opens in the reader's own density.
import { useCallback, useEffect, useState } from "react";

export type Density = "comfortable" | "compact";

const KEY = "watt.screener.density";

/** The density and its setter. The server, and so the first render, draws the default. */
export function useDensity(): [Density, (d: Density) => void] {
  const [density, setDensity] = useState<Density>("comfortable");
  useEffect(() => {
    try {
      if (localStorage.getItem(KEY) === "compact") setDensity("compact");
    } catch { /* storage blocked (private mode, a policy): the default */ }
  }, []);
  const set = useCallback((d: Density) => {
    setDensity(d);
    try { localStorage.setItem(KEY, d); } catch { /* blocked: kept for this page */ }
  }, []);
  return [density, set];
}

/** One toggle button: pressed = compact rows. */
export function DensityToggle({ density, onChange }: { density: Density; onChange: (d: Density) => void }) {
  const compact = density === "compact";
  return (
    <button type="button" className="secondary density" aria-pressed={compact} onClick={() => onChange(compact ? "comfortable" : "compact")}
      title="Compact rows fit more companies and columns on the screen; remembered in this browser">
      Compact rows
    </button>
  );
}
