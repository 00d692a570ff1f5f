// The order of the screener's columns. The view's `cols` (the URL's `cols` parameter) is an ordered list:
// the table, the column picker and the CSV export show the chosen columns in that order. The required
// columns (rank, ticker) always come first, where they stick at the table's left edge while it scrolls.
import { COLUMNS, type ColumnId } from "./columns";

const REQUIRED = COLUMNS.filter((c) => c.required).map((c) => c.id);
const isRequired = (id: ColumnId) => REQUIRED.includes(id);
const chosen = (cols: readonly ColumnId[]) => cols.filter((id) => !isRequired(id));

/** Every column the table shows, in display order: the required ones, then the chosen ones in the order of `cols`. */
export function displayColumns(cols: readonly ColumnId[]): ColumnId[] {
  return [...REQUIRED, ...chosen(cols)];
}

/**
 * `cols` with `id` one place earlier (`by` −1, left in the table) or later (+1) among the chosen
 * columns; the same list at either end, or for a column that is not shown.
 */
export function moveColumn(cols: readonly ColumnId[], id: ColumnId, by: -1 | 1): ColumnId[] {
  const list = chosen(cols);
  const i = list.indexOf(id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= list.length) return displayColumns(cols);
  [list[i], list[j]] = [list[j], list[i]];
  return [...REQUIRED, ...list];
}

/**
 * `cols` with `id` shown. It goes back beside its neighbours in the registry: after the nearest column
 * before it there that is shown (first when none is), so the default layout comes back as it was; the
 * order of the columns already shown is kept.
 */
export function showColumn(cols: readonly ColumnId[], id: ColumnId): ColumnId[] {
  const list = chosen(cols);
  if (isRequired(id) || list.includes(id)) return displayColumns(cols);
  const registry = COLUMNS.map((c) => c.id);
  const before = registry
    .slice(0, registry.indexOf(id))
    .reverse()
    .find((x) => list.includes(x));
  list.splice(before === undefined ? 0 : list.indexOf(before) + 1, 0, id);
  return [...REQUIRED, ...list];
}

/** `cols` without `id` (a required column stays). */
export function hideColumn(cols: readonly ColumnId[], id: ColumnId): ColumnId[] {
  return displayColumns(cols.filter((x) => x !== id || isRequired(x)));
}
