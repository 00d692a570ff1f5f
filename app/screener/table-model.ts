// TanStack Table v9 setup for the screener: features, filter and sort functions (built once, at module
// scope, as v9 requires) wired to the shared predicates in lib/view/filter.ts.
import {
  columnFilteringFeature, createFilteredRowModel, createSortedRowModel,
  createColumnHelper, globalFilteringFeature, rowSortingFeature, tableFeatures, type Row,
} from "@tanstack/react-table";
import type { Flag, Tier } from "@/lib/scoring/types";
import { COLUMNS, type ColumnId } from "@/lib/view/columns";
import { atLeast, compareValues, matchesFlags, matchesPreset, matchesSearch, matchesTiers, sortValue } from "@/lib/view/filter";
import type { View } from "@/lib/view/params";
import type { PresetId } from "@/lib/view/presets";
import type { ScreenerRow } from "@/lib/view/rows";

type R = Row<any, any>;
const o = (row: R) => row.original as ScreenerRow;

export const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  sortedRowModel: createSortedRowModel(),
  filterFns: {
    tiers: (row: R, _id: string, tiers: Tier[]) => matchesTiers(o(row), tiers),
    flags: (row: R, _id: string, flags: Flag[]) => matchesFlags(o(row), flags),
    minDiscountPct: (row: R, _id: string, min: number) => atLeast(o(row).discountBase == null ? null : o(row).discountBase! * 100, min),
    atLeast: (row: R, id: string, min: number) => atLeast(o(row)[id as "contractedItMw"], min),
    search: (row: R, _id: string, q: string) => matchesSearch(o(row), q),
    preset: (row: R, _id: string, id: PresetId) => matchesPreset(o(row), id),
  },
  sortFns: {
    screen: (a: R, b: R, id: string) => {
      const x = a.getValue(id) as number | string, y = b.getValue(id) as number | string;
      return typeof x === "string" && typeof y === "string" ? textRank(a, id) - textRank(b, id) : compareValues(x, y);
    },
  },
});

/**
 * Text sorts by collation (numeric, case- and accent-blind), a collator call per comparison: some 130,000
 * of them to sort 10,000 rows. The order of a column's distinct values is worked out once per data set
 * (the table's core rows, new objects whenever the data changes) and kept per row; sorting then compares
 * ranks — the same order, as numbers.
 */
const rankByRow = new Map<string, WeakMap<R, number>>();
function textRank(row: R, id: string): number {
  let rank = rankByRow.get(id)?.get(row);
  if (rank === undefined) {
    const all = row.table.getCoreRowModel().rows as R[];
    const values = new Set<string>();
    for (const r of all) {
      const v = r.getValue(id);
      if (typeof v === "string") values.add(v);
    }
    const sorted = [...values].sort(compareValues);
    const rankOf = new Map<string, number>();
    let k = 0;
    for (let i = 0; i < sorted.length; i++) {
      if (i > 0 && compareValues(sorted[i - 1], sorted[i]) !== 0) k++; // equal under collation → equal rank
      rankOf.set(sorted[i], k);
    }
    const byRow = new WeakMap<R, number>();
    for (const r of all) {
      const v = r.getValue(id);
      if (typeof v === "string") byRow.set(r, rankOf.get(v)!);
    }
    rankByRow.set(id, byRow);
    rank = byRow.get(row)!;
  }
  return rank;
}

/** Works out the text ranks of every text column ahead of the first sort, one column per idle moment. */
export function warmTextRanks(coreRows: readonly unknown[]): () => void {
  const ids = COLUMNS.filter((c) => c.kind === "text" || c.kind === "date" || c.kind === "flags").map((c) => c.id as string);
  const idle = (fn: () => void) =>
    typeof requestIdleCallback === "function" ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 50);
  const cancel = (h: number) => (typeof cancelIdleCallback === "function" ? cancelIdleCallback(h) : clearTimeout(h));
  let handle = 0;
  const next = () => {
    const id = ids.shift();
    if (id === undefined || coreRows.length === 0) return;
    textRank(coreRows[0] as R, id);
    handle = idle(next) as number;
  };
  handle = idle(next) as number;
  return () => cancel(handle);
}

/** A preset reads several fields of the row; it sits on the ticker column, which is always there. */
const FILTER_FN: Partial<Record<ColumnId, "tiers" | "flags" | "minDiscountPct" | "atLeast" | "preset">> = {
  tier: "tiers", flags: "flags", discountBase: "minDiscountPct", contractedItMw: "atLeast", ticker: "preset",
};

/** Column definitions: sort on the shared sort value (missing last both ways), display from the row. */
const helper = createColumnHelper<typeof features, ScreenerRow>();

export const columnDefs = helper.columns(
  COLUMNS.map((c) =>
    helper.accessor((r) => sortValue(r, c.id), {
      id: c.id,
      header: c.header,
      sortFn: "screen",
      sortUndefined: "last",
      sortDescFirst: c.kind !== "text" && c.kind !== "date" && c.id !== "rank" && c.id !== "tier",
      filterFn: FILTER_FN[c.id],
    }),
  ),
);

export function columnFiltersOf(view: View) {
  const f: { id: string; value: unknown }[] = [];
  if (view.tiers.length) f.push({ id: "tier", value: view.tiers });
  if (view.flags.length) f.push({ id: "flags", value: view.flags });
  if (view.minDiscountPct !== undefined) f.push({ id: "discountBase", value: view.minDiscountPct });
  if (view.minContractedMw !== undefined) f.push({ id: "contractedItMw", value: view.minContractedMw });
  if (view.preset) f.push({ id: "ticker", value: view.preset });
  return f;
}
