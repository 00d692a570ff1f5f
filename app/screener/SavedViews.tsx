"use client";
// Named views shared by everyone using this instance: open one, save the current view under a name, or
// delete one. The name is checked with the same schema on the server; a refused name keeps what was typed.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import type { WriteResult } from "@/lib/server/mutations/result";
import { serializeView, type View } from "@/lib/view/params";
import { VIEW_NAME_MAX, viewNameProblem } from "@/lib/view/saved-view-rules";
import { deleteViewAction, saveViewAction } from "./actions";
import { useDismiss } from "./useDismiss";

export interface SavedViewItem { id: number; name: string; query: string; createdBy: string | null; createdAt: string; version: number }

const UNREACHABLE = "Could not reach the server. Nothing was saved; your entry is kept.";

function messageOf(r: WriteResult<unknown>): { field?: string; form?: string } {
  if (r.ok) return {};
  if (r.kind === "invalid") return { field: r.fieldErrors.name?.[0] ?? r.fieldErrors.query?.[0], form: r.formErrors[0] };
  return { form: r.message };
}

export function SavedViews({ views, view }: { views: SavedViewItem[]; view: View }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [name, setName] = useState("");
  const [error, setError] = useState<{ field?: string; form?: string }>({});
  const [status, setStatus] = useState("");
  const box = useRef<HTMLDetailsElement>(null);
  const query = serializeView(view).toString();
  const current = views.find((v) => v.query === query);

  useDismiss(box);

  const save = () => {
    const problem = viewNameProblem(name);
    if (problem) { setError({ field: problem }); return; }
    start(async () => {
      setStatus("Saving…");
      try {
        const r = await saveViewAction({ name, query });
        if (r.ok) { setName(""); setError({}); setStatus(`Saved “${r.data.name}”`); router.refresh(); }
        else { setError(messageOf(r)); setStatus(""); }
      } catch { setError({ form: UNREACHABLE }); setStatus(""); }
    });
  };
  const remove = (v: SavedViewItem) => start(async () => {
    try {
      const r = await deleteViewAction({ id: v.id, version: v.version });
      if (r.ok) { setStatus(`Deleted “${v.name}”`); router.refresh(); } else setError(messageOf(r));
    } catch { setError({ form: "Could not reach the server. Nothing was deleted." }); }
  });

  return (
    <details className="saved-views" ref={box}>
      <summary>Saved views{views.length ? ` (${views.length})` : ""}{current ? `: ${current.name}` : ""}</summary>
      <div className="saved-views-panel">
        {views.length === 0 ? <p className="muted small">No saved views yet. Set up the screen, name it below and save it: everyone using this instance sees it here.</p> : (
          <ul>
            {views.map((v) => (
              <li key={v.id} className={v === current ? "current" : undefined}>
                <Link href={`/${v.query ? `?${v.query}` : ""}`} aria-current={v === current ? "true" : undefined}
                  onClick={() => { if (box.current) box.current.open = false; }}>{v.name}</Link>
                <span className="muted small"> {v.createdBy ? `by ${v.createdBy}, ` : ""}{v.createdAt.slice(0, 10)}</span>
                <button type="button" className="linklike danger" onClick={() => remove(v)} disabled={pending} aria-label={`Delete the view “${v.name}”`}>delete</button>
              </li>
            ))}
          </ul>
        )}
        <div className="field">
          <label htmlFor="saved-view-name">Save the current view as</label>
          <span className="saved-view-save">
            <input id="saved-view-name" value={name} maxLength={VIEW_NAME_MAX + 20} onChange={(e) => { setName(e.target.value); setError({}); }}
              onKeyDown={(e) => { if (e.key === "Enter") { e.preventDefault(); save(); } }}
              aria-invalid={error.field ? true : undefined} aria-describedby="saved-view-error" placeholder="e.g. Contracted, Tier 1–2" />
            <button type="button" onClick={save} disabled={pending}>{pending ? "Saving…" : "Save view"}</button>
          </span>
          <span id="saved-view-error" className="field-error" role={error.field || error.form ? "alert" : undefined}>{error.field ?? error.form ?? ""}</span>
          <span className="muted small" aria-live="polite">{status}</span>
        </div>
      </div>
    </details>
  );
}
