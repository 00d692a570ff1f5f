// TanStack Table v9 setup for the screener: features and the sort function (built once, at module scope,
// as v9 requires) on the shared sort value of lib/view/filter.ts. The table only sorts: it is given the
// rows in view, filtered once per view by the screener (lib/view/filter.ts inView), which the chart and
// the facet counts read too, and it draws the view's columns itself, in the view's order (no visibility
// state). test/sort-parity.test.ts checks its order against lib/view's sortRows.
import { createColumnHelper, createSortedRowModel, rowSortingFeature, tableFeatures } from "@tanstack/react-table";
import { COLUMNS, sortsAscendingFirst, type ColumnId } from "@/lib/view/columns";
import { compareValues, sortValue } from "@/lib/view/filter";
import type { ScreenerRow } from "@/lib/view/rows";

// What the sort function reads of a row: its value, its original and the table's meta (the library's own
// row type for sortFns is Row<any, any>).
interface R {
  getValue(id: string): unknown;
  original: unknown;
  table: { options: { meta?: unknown } };
}

/** The table's meta: every row of the screen, filtered or not (the text ranks are worked out over them). */
export interface ScreenerTableMeta {
  allRows: readonly ScreenerRow[];
}

export const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: {
    screen: (a: R, b: R, id: string) => {
      const x = a.getValue(id) as number | string,
        y = b.getValue(id) as number | string;
      if (typeof x !== "string" || typeof y !== "string") return compareValues(x, y);
      const all = (a.table.options.meta as ScreenerTableMeta).allRows;
      return textRank(all, a.original as ScreenerRow, id) - textRank(all, b.original as ScreenerRow, id);
    },
  },
});

/**
 * Text sorts by collation (numeric, case- and accent-blind), a collator call per comparison: some 130,000
 * of them to sort 10,000 rows. The order of a column's distinct values is worked out once per data set
 * (every row of the screen, whatever the filters leave) and kept per row; sorting then compares ranks —
 * the same order, as numbers.
 */
const ranksByData = new WeakMap<readonly ScreenerRow[], Map<ColumnId, Map<ScreenerRow, number>>>();
function ranksOf(all: readonly ScreenerRow[], id: ColumnId): Map<ScreenerRow, number> {
  let byColumn = ranksByData.get(all);
  if (!byColumn) ranksByData.set(all, (byColumn = new Map()));
  let byRow = byColumn.get(id);
  if (!byRow) {
    const values = new Set<string>();
    for (const r of all) {
      const v = sortValue(r, id);
      if (typeof v === "string") values.add(v);
    }
    const sorted = [...values].sort(compareValues);
    const rankOf = new Map<string, number>();
    let k = 0;
    for (let i = 0; i < sorted.length; i++) {
      if (i > 0 && compareValues(sorted[i - 1], sorted[i]) !== 0) k++; // equal under collation → equal rank
      rankOf.set(sorted[i], k);
    }
    byRow = new Map();
    for (const r of all) {
      const v = sortValue(r, id);
      if (typeof v === "string") byRow.set(r, rankOf.get(v)!);
    }
    byColumn.set(id, byRow);
  }
  return byRow;
}
const textRank = (all: readonly ScreenerRow[], row: ScreenerRow, id: string) => ranksOf(all, id as ColumnId).get(row)!;

/** Works out the text ranks of every text column ahead of the first sort, one column per idle moment. */
export function warmTextRanks(allRows: readonly ScreenerRow[]): () => void {
  const ids = COLUMNS.filter((c) => c.kind === "text" || c.kind === "date" || c.kind === "flags").map((c) => c.id);
  const idle = (fn: () => void) => (typeof requestIdleCallback === "function" ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 50));
  const cancel = (h: number) => (typeof cancelIdleCallback === "function" ? cancelIdleCallback(h) : clearTimeout(h));
  let handle = 0;
  const next = () => {
    const id = ids.shift();
    if (id === undefined || allRows.length === 0) return;
    ranksOf(allRows, id);
    handle = idle(next) as number;
  };
  handle = idle(next) as number;
  return () => cancel(handle);
}

/** Column definitions: sort on the shared sort value (missing last both ways), display from the row. */
const helper = createColumnHelper<typeof features, ScreenerRow>();

export const columnDefs = helper.columns(
  COLUMNS.map((c) =>
    helper.accessor((r) => sortValue(r, c.id), {
      id: c.id,
      header: c.header,
      sortFn: "screen",
      sortUndefined: "last",
      sortDescFirst: !sortsAscendingFirst(c),
    }),
  ),
);
