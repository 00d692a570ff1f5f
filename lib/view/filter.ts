// Filter and sort predicates of the screener view. The client table registers them as TanStack filter
// and sort functions; GET /api/screen applies them directly — one implementation for both.
import type { Flag, Tier } from "../scoring/types";
import type { ColumnId } from "./columns";
import type { View } from "./params";
import { matchesPreset, PRESETS, type PresetId } from "./presets";
import type { ScreenerRow } from "./rows";
import { matchesSearch } from "./search";

export { matchesPreset, matchesSearch };
export const matchesTiers = (row: ScreenerRow, tiers: readonly Tier[]) => tiers.length === 0 || tiers.includes(row.tier);
/** All selected flags must be present (flags narrow the list). */
export const matchesFlags = (row: ScreenerRow, flags: readonly Flag[]) => flags.every((f) => row.flags.includes(f));
/** A range filter excludes rows whose value is missing. */
export const atLeast = (value: number | null, min: number | undefined) => min === undefined || (value != null && value >= min);

type Filter = keyof Pick<View, "q" | "tiers" | "flags" | "minDiscountPct" | "minContractedMw" | "preset">;

export function matchesView(row: ScreenerRow, view: View, skip?: Filter): boolean {
  return (
    (skip === "q" || matchesSearch(row, view.q)) &&
    (skip === "tiers" || matchesTiers(row, view.tiers)) &&
    (skip === "flags" || matchesFlags(row, view.flags)) &&
    (skip === "minDiscountPct" || atLeast(row.discountBase == null ? null : row.discountBase * 100, view.minDiscountPct)) &&
    (skip === "minContractedMw" || atLeast(row.contractedItMw, view.minContractedMw)) &&
    (skip === "preset" || matchesPreset(row, view.preset))
  );
}

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

/** Filter and order rows as the table would: for the API and any server-side consumer. */
export function applyView(rows: readonly ScreenerRow[], view: View): ScreenerRow[] {
  const { id, dir } = view.sort;
  const sign = dir === "asc" ? 1 : -1;
  return rows
    .filter((r) => matchesView(r, view))
    .map((r) => ({ r, v: sortValue(r, id) }))
    .sort((x, y) => {
      if (x.v === undefined || y.v === undefined) return x.v === y.v ? x.r.rank - y.r.rank : x.v === undefined ? 1 : -1;
      return sign * compareValues(x.v, y.v) || x.r.rank - y.r.rank;
    })
    .map((x) => x.r);
}

/** How many rows each tier / flag option, and each preset in place of the current one, would show, given the other filters. */
export function facetCounts(rows: readonly ScreenerRow[], view: View) {
  const tiers: Record<Tier, number> = { 1: 0, 2: 0, 3: 0 };
  const flags: Partial<Record<Flag, number>> = {};
  const presets = Object.fromEntries(PRESETS.map((p) => [p.id, 0])) as Record<PresetId, number>;
  for (const r of rows) {
    // Each predicate once per row (the same as matchesView(r, view, "tiers"), (…, "flags") and (…, "preset")).
    const rest = matchesSearch(r, view.q) &&
      atLeast(r.discountBase == null ? null : r.discountBase * 100, view.minDiscountPct) && atLeast(r.contractedItMw, view.minContractedMw);
    if (!rest) continue;
    const tier = matchesTiers(r, view.tiers), flag = matchesFlags(r, view.flags), preset = matchesPreset(r, view.preset);
    if (flag && preset) tiers[r.tier]++;
    if (tier && preset) for (const f of r.flags) flags[f] = (flags[f] ?? 0) + 1;
    if (tier && flag) for (const p of PRESETS) if (p.matches(r)) presets[p.id]++;
  }
  return { tiers, flags, presets };
}
