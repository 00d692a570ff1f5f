// Filter and sort of the screener view, one implementation for the browser and the API: the screener
// filters its rows once per view with inView() (the table, the chart and the counts read the result),
// GET /api/screen and the exports with applyView(). The filters are the ones the columns declare
// (lib/view/columns.ts), plus the search and the preset.
import { COLUMN_FILTERS, type ChoiceKey, type ColumnFilter, type ColumnId } from "./columns";
import { DEFAULT_VIEW, parseView, serializeView, type View } from "./params";
import { matchesPreset, PRESETS, type PresetId } from "./presets";
import type { ScreenerRow } from "./rows";
import { matchesSearch } from "./search";

export { matchesPreset, matchesSearch };

/** A range filter excludes rows whose value is missing. */
export const atLeast = (value: number | null, min: number | undefined) => min === undefined || (value != null && value >= min);

/** Whether the row passes one declared filter as the view sets it (an empty choice passes every row). */
export function passesFilter(row: ScreenerRow, f: ColumnFilter, view: View): boolean {
  if (f.variant === "atLeast") return atLeast(f.value(row), view[f.key] as number | undefined);
  const chosen = view[f.key] as readonly (string | number)[];
  if (chosen.length === 0) return true;
  const has = f.values(row);
  if (!Array.isArray(has)) return f.variant === "anyOf" ? chosen.includes(has as string | number) : chosen.every((o) => o === has);
  return f.variant === "anyOf" ? chosen.some((o) => has.includes(o)) : chosen.every((o) => has.includes(o));
}

export function matchesView(row: ScreenerRow, view: View): boolean {
  return matchesSearch(row, view.q) && matchesPreset(row, view.preset) && COLUMN_FILTERS.every((f) => passesFilter(row, f, view));
}

/**
 * How many rows each option of a choice (tier, flag) and each preset in place of the current one would
 * show, given the other filters: per choice filter (its View field) a count per option, and `presets`.
 */
export type FacetCounts = Record<ChoiceKey, Record<string, number>> & { presets: Record<PresetId, number> };

const CHOICES = COLUMN_FILTERS.filter((f) => f.variant !== "atLeast");

/**
 * The rows in view and the facet counts, in one pass: each predicate runs once per row. A facet counts
 * the rows that pass every filter but its own, so a row that fails two filters counts nowhere.
 */
export function inView(rows: readonly ScreenerRow[], view: View): { rows: ScreenerRow[]; counts: FacetCounts } {
  const counts = { presets: Object.fromEntries(PRESETS.map((p) => [p.id, 0])) } as FacetCounts;
  const byOption = counts as unknown as Record<string, Record<string, number>>;
  for (const f of CHOICES) byOption[f.key] = Object.fromEntries(f.options.map((o) => [String(o), 0]));
  const shown: ScreenerRow[] = [];
  const failed: (ColumnFilter | "preset")[] = [];
  for (const r of rows) {
    if (!matchesSearch(r, view.q)) continue;
    failed.length = 0;
    for (const f of COLUMN_FILTERS)
      if (!passesFilter(r, f, view)) {
        failed.push(f);
        if (failed.length > 1) break;
      }
    if (failed.length > 1) continue;
    if (!matchesPreset(r, view.preset)) {
      if (failed.length) continue;
      failed.push("preset");
    }
    if (failed.length === 0) shown.push(r);
    const only = failed[0];
    for (const f of CHOICES) {
      if (only !== undefined && only !== f) continue;
      const c = byOption[f.key];
      const v = f.values(r);
      for (const o of Array.isArray(v) ? v : [v]) c[String(o)]++;
    }
    if (only === undefined || only === "preset") for (const p of PRESETS) if (p.matches(r)) counts.presets[p.id]++;
  }
  return { rows: shown, counts };
}

/**
 * The part of the view the rows in view depend on (search, preset, filters) as a query string, and back:
 * the screener keys its one filtering pass on it, so a sort or a change of columns does not filter again.
 */
export function filterQuery(view: View): string {
  const only: View = { ...DEFAULT_VIEW, q: view.q, preset: view.preset };
  for (const f of COLUMN_FILTERS) (only as unknown as Record<string, unknown>)[f.key] = view[f.key];
  return serializeView(only).toString();
}
export const filtersOf = (query: string): View => parseView(new URLSearchParams(query)).view;

/**
 * The value a column sorts by. The discount column sorts by rank group first, so negative-EV companies
 * (whose discount exceeds 100%) stay apart rather than on top; null sorts last in either direction.
 */
export function sortValue(row: ScreenerRow, id: ColumnId): number | string | undefined {
  if (id === "discountBase") {
    if (row.discountBase == null) return undefined;
    return row.rankGroup === "negative-ev" ? row.discountBase - 1e9 : row.discountBase;
  }
  const v = row[id];
  if (v == null) return undefined;
  if (Array.isArray(v)) return v.length ? v.join(",") : undefined;
  return typeof v === "number" || typeof v === "string" ? v : undefined;
}

/** `localeCompare(b, "en", { numeric, base })`, made once: localeCompare with options builds a collator per call. */
const textOrder = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** Ascending comparison of present values (direction and missing values are handled by the caller). */
export function compareValues(a: number | string, b: number | string): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return textOrder.compare(String(a), String(b));
}

/**
 * Rows in the view's order: by the sort value, missing values last in either direction, ties by rank.
 * The table sorts with TanStack on the same sortValue and compareValues; test/sort-parity.test.ts checks
 * that both give this order for every column both ways.
 */
export function sortRows(rows: readonly ScreenerRow[], sort: View["sort"]): ScreenerRow[] {
  const sign = sort.dir === "asc" ? 1 : -1;
  return rows
    .map((r) => ({ r, v: sortValue(r, sort.id) }))
    .sort((x, y) => {
      if (x.v === undefined || y.v === undefined) return x.v === y.v ? x.r.rank - y.r.rank : x.v === undefined ? 1 : -1;
      return sign * compareValues(x.v, y.v) || x.r.rank - y.r.rank;
    })
    .map((x) => x.r);
}

/** Filter and order rows as the table would: for the API and any server-side consumer. */
export const applyView = (rows: readonly ScreenerRow[], view: View): ScreenerRow[] =>
  sortRows(
    rows.filter((r) => matchesView(r, view)),
    view.sort,
  );
