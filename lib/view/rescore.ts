// The screener's rows for another assumption set, computed in the page from the scoring input the server
// sent (GET /api/screen/input): the same screen() and the same row builder as the server's loadScreen, so
// the same rows, without a round trip (decision 0021). Loaded as its own chunk, on idle or on the first set
// change, so the scoring library is not in the screener's first JavaScript.
import type { Assumptions } from "../scoring/assumptions";
import type { ScoringCompany } from "../scoring/types";
import { screen } from "../scoring/screen";
import { toScreenerRow, type ScreenerRow } from "./rows";

/**
 * Above this many companies a set change goes to the server (a navigation), as before. Each row is
 * explained (the tier's why), which costs about 0.3–0.5 ms a company on fresh input, and the page's main
 * thread is blocked meanwhile: at 18 companies a few milliseconds against a ~100 ms round trip, at 1,000
 * several hundred. The input is about 5 KB a company. See docs/performance.md.
 */
export const IN_PAGE_MAX_COMPANIES = 100;

/** What the server sends for in-page re-scoring, for one view date and data revision. */
export interface ScreenInput {
  revision: number;
  viewDate: string;
  companies: ScoringCompany[];
}

/**
 * The rows under `values`. What does not depend on the set (the note counts, what a person entered) is
 * carried over from the rows the server rendered, by ticker.
 */
export function rescoreRows(input: ScreenInput, values: Assumptions, current: readonly ScreenerRow[]): ScreenerRow[] {
  const before = new Map(current.map((r) => [r.ticker, r]));
  return screen(input.companies, values, { viewDate: input.viewDate }).map((s) => {
    const row = toScreenerRow(s);
    const was = before.get(row.ticker);
    if (was) {
      row.notes = was.notes;
      row.userEntered = was.userEntered;
    }
    return row;
  });
}
