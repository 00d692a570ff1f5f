"use client";
// Which columns the table shows, and in what order (the view's `cols`, in the URL: lib/view/column-order.ts).
// The menu's button says how many are shown; its panel (ColumnPickerPanel.tsx) loads when the menu first
// opens, or is pointed at or focused, so the screener's first JavaScript does not carry it.
import { lazy, Suspense, useRef, useState } from "react";
import { COLUMNS, columnDef } from "@/lib/view/columns";
import { displayColumns } from "@/lib/view/column-order";
import type { View } from "@/lib/view/params";
import { useDismiss } from "./useDismiss";

export type SetView = (patch: Partial<View>, mode?: "push" | "replace") => void;

export const OPTIONAL = COLUMNS.filter((c) => !c.required);

const loadPanel = () => import("./ColumnPickerPanel");
const ColumnPickerPanel = lazy(loadPanel);

export function ColumnPicker({ view, setView }: { view: View; setView: SetView }) {
  const box = useRef<HTMLDetailsElement>(null);
  const [opened, setOpened] = useState(false);
  useDismiss(box);
  const shown = displayColumns(view.cols).filter((id) => !columnDef(id)!.required);
  return (
    <details className="picker" ref={box} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary onPointerEnter={loadPanel} onFocus={loadPanel}>
        Columns ({shown.length}/{OPTIONAL.length})
      </summary>
      {opened && (
        <Suspense fallback={<p className="picker-panel muted small">Loading…</p>}>
          <ColumnPickerPanel view={view} setView={setView} shown={shown} />
        </Suspense>
      )}
    </details>
  );
}
