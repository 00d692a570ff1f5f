"use client";
// The screener table as one tab stop (a roving tabindex): every link, button and tooltip in it is out of
// the tab order but one, which the arrow keys, Home/End and Page Up/Down move (lib/view/grid-keys.ts).
// Without it a keyboard user tabbed through some 140 stops of the table to reach the chart. TanStack
// Table has a cell-selection feature with a roving tabindex, but it is a selection model (ranges, drag,
// state) this read-only table does not need, and the screener's JavaScript budget is nearly spent.
//
// It works on the DOM after each render of the table, because the stops come from small components
// (Link, Tip, UserEnteredMark) that each set their own tabIndex; only the table's render changes its rows.
import { useCallback, useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent, type RefObject } from "react";
import { moveInGrid, type GridPosition } from "@/lib/view/grid-keys";

const FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]";

interface Stop {
  el: HTMLElement;
  cell: number;
}

/** A row's stops: each cell's focusable elements, or the cell itself when it has none. */
function rowStops(tr: HTMLTableRowElement): Stop[] {
  const out: Stop[] = [];
  Array.from(tr.cells).forEach((cell, i) => {
    const inner = cell.querySelectorAll<HTMLElement>(FOCUSABLE);
    if (inner.length) inner.forEach((el) => out.push({ el, cell: i }));
    else out.push({ el: cell, cell: i });
  });
  return out;
}

/** The rows that hold cells: the header and the body, not the spacers of a windowed table. */
const gridRows = (table: HTMLTableElement) => Array.from(table.rows).filter((tr) => !tr.classList.contains("spacer"));

/** Where `target` is: its row and the stop that is it or holds it. */
function locate(rows: HTMLTableRowElement[], target: Node): (GridPosition & { stops: Stop[][] }) | null {
  const stops = rows.map(rowStops);
  for (let row = 0; row < rows.length; row++) {
    if (!rows[row].contains(target)) continue;
    const stop = stops[row].findIndex((s) => s.el === target || s.el.contains(target));
    return stop < 0 ? null : { row, stop, stops };
  }
  return null;
}

export function useRovingGrid(tableRef: RefObject<HTMLTableElement | null>) {
  const active = useRef<HTMLElement | null>(null);
  const position = useRef<GridPosition>({ row: 0, stop: 0 });

  const makeActive = useCallback((el: HTMLElement, at: GridPosition) => {
    if (active.current && active.current !== el) active.current.tabIndex = -1;
    el.tabIndex = 0;
    active.current = el;
    position.current = at;
  }, []);

  // After every render: new rows come with their own tab stops. Keep the one stop (the element last
  // focused, while it is still in the table; else the same place in the grid) and take out the rest.
  useLayoutEffect(() => {
    const table = tableRef.current;
    if (!table) return;
    let keep = active.current && table.contains(active.current) ? active.current : null;
    if (!keep) {
      const rows = gridRows(table);
      if (rows.length === 0) return;
      const row = Math.min(position.current.row, rows.length - 1);
      const stops = rowStops(rows[row]);
      keep = stops[Math.min(position.current.stop, stops.length - 1)].el;
      active.current = keep;
    }
    table.querySelectorAll<HTMLElement>(FOCUSABLE).forEach((el) => {
      if (el !== keep && el.tabIndex !== -1) el.tabIndex = -1;
    });
    keep.tabIndex = 0;
  });

  /** Focus that lands in the table (a click, a skip link, Tab) makes its stop the table's tab stop. */
  const onFocus = useCallback(
    (e: FocusEvent<HTMLElement>) => {
      const table = tableRef.current;
      if (!table || !table.contains(e.target)) return;
      const at = locate(gridRows(table), e.target);
      if (at) makeActive(at.stops[at.row][at.stop].el, at);
    },
    [tableRef, makeActive],
  );

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      const table = tableRef.current;
      if (!table || e.defaultPrevented) return;
      const at = locate(gridRows(table), e.target as Node);
      if (!at) return;
      const next = moveInGrid(
        at.stops.map((r) => r.map((s) => s.cell)),
        at,
        e,
      );
      if (!next) return;
      e.preventDefault();
      const el = at.stops[next.row][next.stop].el;
      makeActive(el, next);
      el.focus();
    },
    [tableRef, makeActive],
  );

  return { onFocus, onKeyDown };
}
