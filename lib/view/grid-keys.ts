// Where an arrow key (or Home, End, Page Up, Page Down) takes the keyboard in the screener table. The
// table is one tab stop; inside it the keys move between "stops": each cell's links, buttons and
// tooltips, or the cell itself when it has none (app/screener/useRovingGrid.ts does the DOM side). A
// row is given as the cell index of each of its stops, in order: [0, 1, 1, 2] is a row whose second
// cell holds two stops (the ticker's link and its ✎ mark).

export interface GridPosition {
  row: number;
  stop: number;
}

export interface GridKey {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
}

/** Rows a Page Up or Page Down moves. */
export const PAGE_ROWS = 10;

/**
 * The position `key` moves to from `at`, or null when the key is not the table's (the browser handles
 * it: Tab, Enter, letters) or the grid is empty. Left and right stay in the row, up and down keep the
 * cell (the first stop of the same cell, or of the last cell when the row is shorter); nothing wraps.
 */
export function moveInGrid(rows: readonly (readonly number[])[], at: GridPosition, k: GridKey): GridPosition | null {
  if (rows.length === 0 || k.altKey || k.shiftKey) return null;
  const last = rows.length - 1;
  const row = Math.min(Math.max(at.row, 0), last);
  const stop = Math.min(Math.max(at.stop, 0), rows[row].length - 1);
  const toRow = (r: number): GridPosition => {
    const target = Math.min(Math.max(r, 0), last);
    const cell = rows[row][stop];
    const same = rows[target].indexOf(cell);
    if (same >= 0) return { row: target, stop: same };
    // a shorter row (the "no company matches" row): its last stop before or at that cell
    let s = 0;
    while (s + 1 < rows[target].length && rows[target][s + 1] <= cell) s++;
    return { row: target, stop: s };
  };
  const ctrl = k.ctrlKey || k.metaKey;
  switch (k.key) {
    case "ArrowLeft":
      return ctrl ? null : { row, stop: Math.max(stop - 1, 0) };
    case "ArrowRight":
      return ctrl ? null : { row, stop: Math.min(stop + 1, rows[row].length - 1) };
    case "ArrowUp":
      return ctrl ? null : toRow(row - 1);
    case "ArrowDown":
      return ctrl ? null : toRow(row + 1);
    // Ctrl+Page Up/Down switch the browser's tabs
    case "PageUp":
      return ctrl ? null : toRow(row - PAGE_ROWS);
    case "PageDown":
      return ctrl ? null : toRow(row + PAGE_ROWS);
    case "Home":
      return ctrl ? { row: 0, stop: 0 } : { row, stop: 0 };
    case "End":
      return ctrl ? { row: last, stop: rows[last].length - 1 } : { row, stop: rows[row].length - 1 };
    default:
      return null;
  }
}
