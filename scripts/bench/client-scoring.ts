// Browser entry (bundled by run.ts for chromium): what re-scoring in the browser would cost on a change
// of assumption set — screen() plus the compact rows the table shows, timed inside the page.
import { screen } from "../../lib/scoring/screen";
import type { Assumptions } from "../../lib/scoring/assumptions";
import type { ScoringCompany } from "../../lib/scoring/types";
import { toScreenerRow } from "../../lib/view/rows";

(globalThis as unknown as { __scoreInPage: unknown }).__scoreInPage = (companies: ScoringCompany[], a: Assumptions, rounds: number) => {
  const ms: number[] = [];
  let n = 0;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    const rows = screen(companies, a, { viewDate: "2025-11-21" }).map(toScreenerRow);
    ms.push(performance.now() - t0);
    n += rows.length;
  }
  return { ms, n };
};
