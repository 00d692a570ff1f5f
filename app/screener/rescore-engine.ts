// Loaded with the scoring code as one lazy chunk (useSetRows.ts): the scoring input for the page's view
// date, checked against the page's data revision, and the function that re-scores it under a set.
import type { Assumptions } from "@/lib/scoring/assumptions";
import { rescoreRows, type ScreenInput } from "@/lib/view/rescore";
import type { ScreenerRow } from "@/lib/view/rows";

export type Rescore = (values: Assumptions, current: readonly ScreenerRow[]) => ScreenerRow[];

/** null when the input cannot be had or is newer than the page: the server renders the view then. */
export async function loadRescore(page: { revision: number; viewDate: string }): Promise<Rescore | null> {
  const res = await fetch(`/api/screen/input?asOf=${encodeURIComponent(page.viewDate)}`, { headers: { accept: "application/json" } });
  if (!res.ok) return null;
  const input = (await res.json()) as ScreenInput;
  if (input.revision !== page.revision || input.viewDate !== page.viewDate) return null;
  return (values, current) => rescoreRows(input, values, current);
}

/** Whether the data changed since the page was rendered (another editor, an import): GET /api/revision. */
export async function dataChangedSince(revision: number): Promise<boolean> {
  const res = await fetch("/api/revision", { headers: { accept: "application/json" } });
  return res.ok && ((await res.json()) as { revision: number }).revision !== revision;
}
