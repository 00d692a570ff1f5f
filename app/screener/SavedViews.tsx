"use client";
// Named views shared by everyone using this instance: the menu's button says how many there are and which
// one is in view; its panel (SavedViewsPanel.tsx: open, save, delete) loads when the menu first opens, or
// is pointed at or focused, so the screener's first JavaScript does not carry the write code.
import { lazy, Suspense, useRef, useState } from "react";
import { parseView, serializeView, type View } from "@/lib/view/params";
import { useDismiss } from "./useDismiss";

export interface SavedViewItem {
  id: number;
  name: string;
  query: string;
  createdBy: string | null;
  createdAt: string;
  version: number;
}

const loadPanel = () => import("./SavedViewsPanel");
const SavedViewsPanel = lazy(loadPanel);

export function SavedViews({ views, view }: { views: SavedViewItem[]; view: View }) {
  const box = useRef<HTMLDetailsElement>(null);
  const [opened, setOpened] = useState(false);
  const query = serializeView(view).toString();
  // Compared in today's canonical form: a view saved before lists and columns were put in their declared order still matches.
  const current = views.find((v) => v.query === query || serializeView(parseView(new URLSearchParams(v.query)).view).toString() === query);

  useDismiss(box);

  return (
    <details className="saved-views" ref={box} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary onPointerEnter={loadPanel} onFocus={loadPanel}>
        Saved views{views.length ? ` (${views.length})` : ""}
        {current ? `: ${current.name}` : ""}
      </summary>
      {opened && (
        <Suspense fallback={<p className="saved-views-panel muted small">Loading…</p>}>
          <SavedViewsPanel views={views} current={current} query={query} box={box} />
        </Suspense>
      )}
    </details>
  );
}
