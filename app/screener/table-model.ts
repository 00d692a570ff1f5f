// TanStack Table v9 setup for the screener: features, filter and sort functions (built once, at module
// scope, as v9 requires) wired to the shared predicates in lib/view/filter.ts.
import {
  columnFilteringFeature, columnVisibilityFeature, createFilteredRowModel, createSortedRowModel,
  createColumnHelper, globalFilteringFeature, rowSortingFeature, tableFeatures, type Row,
} from "@tanstack/react-table";
import type { Flag, Tier } from "@/lib/scoring/types";
import { COLUMNS, type ColumnId } from "@/lib/view/columns";
import { atLeast, compareValues, matchesFlags, matchesSearch, matchesTiers, sortValue } from "@/lib/view/filter";
import type { View } from "@/lib/view/params";
import type { ScreenerRow } from "@/lib/view/rows";

type R = Row<any, any>;
const o = (row: R) => row.original as ScreenerRow;

export const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  columnVisibilityFeature,
  filteredRowModel: createFilteredRowModel(),
  sortedRowModel: createSortedRowModel(),
  filterFns: {
    tiers: (row: R, _id: string, tiers: Tier[]) => matchesTiers(o(row), tiers),
    flags: (row: R, _id: string, flags: Flag[]) => matchesFlags(o(row), flags),
    minDiscountPct: (row: R, _id: string, min: number) => atLeast(o(row).discountBase == null ? null : o(row).discountBase! * 100, min),
    atLeast: (row: R, id: string, min: number) => atLeast(o(row)[id as "contractedItMw"], min),
    search: (row: R, _id: string, q: string) => matchesSearch(o(row), q),
  },
  sortFns: {
    screen: (a: R, b: R, id: string) => compareValues(a.getValue(id) as number | string, b.getValue(id) as number | string),
  },
});

const FILTER_FN: Partial<Record<ColumnId, "tiers" | "flags" | "minDiscountPct" | "atLeast">> = {
  tier: "tiers", flags: "flags", discountBase: "minDiscountPct", contractedItMw: "atLeast",
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
      enableHiding: !c.required,
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
  return f;
}

export function visibilityOf(view: View): Record<string, boolean> {
  return Object.fromEntries(COLUMNS.map((c) => [c.id, c.required || view.cols.includes(c.id)]));
}
