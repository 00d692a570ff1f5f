"use client";
// Row density: comfortable (the default) or compact, which fits more rows and columns on a screen. It is
// a reader's preference rather than part of the view, so it is kept in localStorage, not the URL: a
// shared link opens in the reader's own density.
import { useCallback, useSyncExternalStore } from "react";

export type Density = "comfortable" | "compact";

const KEY = "watt.screener.density";

// Subscribers in this tab (a storage event only reaches the other tabs).
const listeners = new Set<() => void>();
function subscribe(onChange: () => void) {
  listeners.add(onChange);
  window.addEventListener("storage", onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("storage", onChange);
  };
}
function stored(): Density {
  try {
    return localStorage.getItem(KEY) === "compact" ? "compact" : "comfortable";
  } catch {
    return "comfortable"; // storage blocked (private mode, a policy): the default
  }
}

/** The density and its setter. The server, and so the first render, draws the default. */
export function useDensity(): [Density, (d: Density) => void] {
  const density = useSyncExternalStore(subscribe, stored, () => "comfortable" as const);
  const set = useCallback((d: Density) => {
    try {
      localStorage.setItem(KEY, d);
    } catch {
      /* blocked: the toggle cannot be remembered */
    }
    for (const l of listeners) l();
  }, []);
  return [density, set];
}

/** One toggle button: pressed = compact rows. */
export function DensityToggle({ density, onChange }: { density: Density; onChange: (d: Density) => void }) {
  const compact = density === "compact";
  return (
    <button
      type="button"
      className="secondary density"
      aria-pressed={compact}
      onClick={() => onChange(compact ? "comfortable" : "compact")}
      title="Compact rows fit more companies and columns on the screen; remembered in this browser"
    >
      Compact rows
    </button>
  );
}
