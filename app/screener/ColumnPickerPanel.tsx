"use client";
// The column picker's panel: the shown columns in table order, each with "move left" and "move right"
// buttons (so the order can be changed from the keyboard, without drag and drop), then the hidden ones.
// Loaded when the menu first opens (ColumnPicker.tsx).
import { useLayoutEffect, useRef } from "react";
import { columnDef, type ColumnId } from "@/lib/view/columns";
import { hideColumn, moveColumn, showColumn } from "@/lib/view/column-order";
import type { View } from "@/lib/view/params";
import { OPTIONAL, type SetView } from "./ColumnPicker";

export default function ColumnPickerPanel({ view, setView, shown }: { view: View; setView: SetView; shown: ColumnId[] }) {
  // A moved or toggled column's row is re-created or moved in the DOM, which drops the focus; put it
  // back on the control that was used, so the keyboard can press it again.
  const refocus = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!refocus.current) return;
    document.getElementById(refocus.current)?.focus();
    refocus.current = null;
  });

  const hidden = OPTIONAL.filter((c) => !shown.includes(c.id));
  const change = (cols: ColumnId[], focusId: string) => {
    refocus.current = focusId;
    setView({ cols });
  };

  // One array of items keyed by column, shown ones first: a column that is shown or hidden moves within
  // it rather than being re-created in another list, so its checkbox stays the same element.
  const items = [
    ...shown.map((id, i) => {
      const header = columnDef(id)!.header;
      return (
        <li key={id}>
          <label>
            <input id={`col-show-${id}`} type="checkbox" checked onChange={() => change(hideColumn(view.cols, id), `col-show-${id}`)} />
            {header}
          </label>
          {/* aria-disabled rather than disabled: a disabled button loses the focus at the end of the row */}
          <MoveButton id={id} header={header} by={-1} atEnd={i === 0} onMove={change} cols={view.cols} />
          <MoveButton id={id} header={header} by={1} atEnd={i === shown.length - 1} onMove={change} cols={view.cols} />
        </li>
      );
    }),
    ...(hidden.length
      ? [
          <li key="hidden-heading" className="picker-heading" aria-hidden="true">
            Hidden
          </li>,
        ]
      : []),
    ...hidden.map((c) => (
      <li key={c.id}>
        <label>
          <input id={`col-show-${c.id}`} type="checkbox" checked={false} onChange={() => change(showColumn(view.cols, c.id), `col-show-${c.id}`)} />
          {c.header}
        </label>
      </li>
    )),
  ];
  return (
    <fieldset className="picker-panel">
      <legend>Shown columns in table order, then the hidden ones</legend>
      <ul className="picker-list">{items}</ul>
    </fieldset>
  );
}

function MoveButton({
  id,
  header,
  by,
  atEnd,
  cols,
  onMove,
}: {
  id: ColumnId;
  header: string;
  by: -1 | 1;
  atEnd: boolean;
  cols: ColumnId[];
  onMove: (cols: ColumnId[], focusId: string) => void;
}) {
  const domId = `col-move-${id}-${by < 0 ? "left" : "right"}`;
  return (
    <button
      type="button"
      id={domId}
      className="secondary small move"
      aria-label={`Move ${header} ${by < 0 ? "left" : "right"}`}
      aria-disabled={atEnd}
      onClick={() => {
        if (!atEnd) onMove(moveColumn(cols, id, by), domId);
      }}
    >
      <span aria-hidden="true">{by < 0 ? "←" : "→"}</span>
    </button>
  );
}
