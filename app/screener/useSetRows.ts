"use client";
// The rows of the assumption set the view asks for. The server rendered one set; another one is re-scored
// in the page from the scoring input (GET /api/screen/input, lib/view/rescore.ts), which is loaded when the
// browser is idle, with the scoring code as its own chunk. When the page cannot (too many companies, the data
// changed since the page was rendered, the input failed to load, a set the page does not know), the server
// renders the view instead: router.refresh() for the address as it stands (decision 0021).
import { useRouter } from "next/navigation";
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Assumptions } from "@/lib/scoring/assumptions";
import type { ScreenerRow } from "@/lib/view/rows";
import type { Rescore } from "./rescore-engine";

/** What the server sends the page for re-scoring it; null above IN_PAGE_MAX_COMPANIES. */
export interface InPageScoring {
  revision: number;
  viewDate: string;
  /** every valid set's values, by name */
  sets: Record<string, Assumptions>;
}

type Engine = { key: string; rescore: Rescore } | { key: string; failed: true };

const keyOf = (p: InPageScoring) => `${p.revision} ${p.viewDate}`;

const engineCode = () => import("./rescore-engine");

export function useSetRows(props: {
  rows: ScreenerRow[];
  /** the set the server scored, and the one the address asked it for (undefined: the default) */
  setName: string;
  requestedSet: string | undefined;
  defaultSet: string;
  buildCostOfServer: { low: number; base: number; high: number };
  inPage: InPageScoring | null;
  /** the set the view asks for now (undefined: the default) */
  wanted: string | undefined;
}) {
  const { inPage, wanted } = props;
  const router = useRouter();
  const [engine, setEngine] = useState<Engine | null>(null);
  const loading = useRef<string | null>(null);
  const current = engine && inPage && engine.key === keyOf(inPage) ? engine : null;

  const load = useCallback(() => {
    if (!inPage || loading.current === keyOf(inPage)) return;
    const key = (loading.current = keyOf(inPage));
    engineCode()
      .then((m) => m.loadRescore(inPage))
      .then(
        (rescore) => setEngine(rescore ? { key, rescore } : { key, failed: true }),
        () => setEngine({ key, failed: true }),
      );
  }, [inPage]);

  // Ready before the first change: loaded once the page is idle.
  useEffect(() => {
    if (!inPage) return;
    const idle = window.requestIdleCallback?.(load, { timeout: 3000 }) ?? window.setTimeout(load, 1000);
    return () => (window.cancelIdleCallback ? window.cancelIdleCallback(idle) : window.clearTimeout(idle));
  }, [inPage, load]);

  const fromServer = wanted === props.requestedSet;
  const name = wanted ?? props.defaultSet;
  const values = inPage?.sets[name];
  const rescored = useMemo(
    () => (!fromServer && values && current && "rescore" in current ? current.rescore(values, props.rows) : null),
    [fromServer, values, current, props.rows],
  );

  const serverNeeded = !fromServer && (!inPage || !values || (current !== null && "failed" in current));
  useEffect(() => {
    if (serverNeeded) startTransition(() => router.refresh());
    else if (!fromServer && !current) load();
  }, [serverNeeded, fromServer, current, load, router]);

  // The rows are shown at once; then the page asks whether the data changed since it was rendered (another
  // editor, an import). If so, the server renders the view, and the whole page is brought up to date.
  const shownRescored = rescored !== null;
  useEffect(() => {
    if (!shownRescored || !inPage) return;
    let cancelled = false;
    engineCode()
      .then((m) => m.dataChangedSince(inPage.revision))
      .then((changed) => {
        if (changed && !cancelled) setEngine({ key: keyOf(inPage), failed: true });
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [shownRescored, name, inPage]);

  // One object per set's values, so the memoized table and chart do not re-render for an equal one.
  const buildCost = useMemo(
    () => (values ? { low: values.buildCostLowUsdPerW, base: values.buildCostBaseUsdPerW, high: values.buildCostHighUsdPerW } : null),
    [values],
  );
  if (rescored && buildCost) return { rows: rescored, setName: name, buildCost, pending: false };
  return { rows: props.rows, setName: fromServer ? props.setName : name, buildCost: props.buildCostOfServer, pending: !fromServer };
}
