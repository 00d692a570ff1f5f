"use client";
// Named views shared by everyone using this instance: open one, save the current view under a name, or
// delete one. The name is checked with the same schema on the server; a refused name keeps what was typed.
import Link from "next/link";
import { useRef, useState } from "react";
import { FormStatus } from "@/app/components/FormStatus";
import { useWrite } from "@/app/components/use-write";
import { parseView, serializeView, type View } from "@/lib/view/params";
import { VIEW_NAME_MAX, viewNameProblem } from "@/lib/view/saved-view-rules";
import { deleteViewAction, saveViewAction } from "./actions";
import { useDismiss } from "./useDismiss";

export interface SavedViewItem {
  id: number;
  name: string;
  query: string;
  createdBy: string | null;
  createdAt: string;
  version: number;
}

export function SavedViews({ views, view }: { views: SavedViewItem[]; view: View }) {
  const [name, setName] = useState("");
  const [typedProblem, setTypedProblem] = useState<string | null>(null);
  const box = useRef<HTMLDetailsElement>(null);
  const save = useWrite(saveViewAction, { form: box });
  const remove = useWrite(deleteViewAction, { showsFields: false, showsConflict: false, busyText: "Deleting…" });
  const pending = save.pending || remove.pending;
  // the name's problem: checked here as typed, or the server's (a name taken, parameters it refuses)
  const nameError = typedProblem ?? save.fieldErrors.name?.[0] ?? save.fieldErrors.query?.[0];
  const status = remove.status ?? save.status;
  const query = serializeView(view).toString();
  // Compared in today's canonical form: a view saved before lists and columns were put in their declared order still matches.
  const current = views.find((v) => v.query === query || serializeView(parseView(new URLSearchParams(v.query)).view).toString() === query);

  useDismiss(box);

  const submit = () => {
    const problem = viewNameProblem(name);
    setTypedProblem(problem);
    remove.setStatus(null);
    if (problem) return save.refuse(problem);
    save.submit(
      { name, query },
      {
        onOk: (d) => {
          setName("");
          save.setStatus({ tone: "good", text: `Saved “${d.name}”` });
        },
      },
    );
  };
  const removeView = (v: SavedViewItem) => {
    save.setStatus(null);
    remove.submit({ id: v.id, version: v.version }, { okText: `Deleted “${v.name}”` });
  };

  return (
    <details className="saved-views" ref={box}>
      <summary>
        Saved views{views.length ? ` (${views.length})` : ""}
        {current ? `: ${current.name}` : ""}
      </summary>
      <div className="saved-views-panel">
        {views.length === 0 ? (
          <p className="muted small">No saved views yet. Set up the screen, name it below and save it: everyone using this instance sees it here.</p>
        ) : (
          <ul>
            {views.map((v) => (
              <li key={v.id} className={v === current ? "current" : undefined}>
                <Link
                  href={`/${v.query ? `?${v.query}` : ""}`}
                  aria-current={v === current ? "true" : undefined}
                  onClick={() => {
                    if (box.current) box.current.open = false;
                  }}
                >
                  {v.name}
                </Link>
                <span className="muted small">
                  {" "}
                  {v.createdBy ? `by ${v.createdBy}, ` : ""}
                  {v.createdAt.slice(0, 10)}
                </span>
                <button
                  type="button"
                  className="linklike danger"
                  onClick={() => removeView(v)}
                  disabled={pending}
                  aria-label={`Delete the view “${v.name}”`}
                >
                  delete
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="field">
          <label htmlFor="saved-view-name">Save the current view as</label>
          <span className="saved-view-save">
            <input
              id="saved-view-name"
              value={name}
              maxLength={VIEW_NAME_MAX + 20}
              onChange={(e) => {
                setName(e.target.value);
                setTypedProblem(null);
                save.setFieldErrors({});
                save.setStatus(null);
              }}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  submit();
                }
              }}
              aria-invalid={nameError ? true : undefined}
              aria-describedby="saved-view-error"
              placeholder="e.g. Contracted, Tier 1–2"
            />
            <button type="button" onClick={submit} disabled={pending}>
              {save.pending ? "Saving…" : "Save view"}
            </button>
          </span>
          <span id="saved-view-error" className="field-error" role={nameError ? "alert" : undefined}>
            {nameError ?? ""}
          </span>
          {/* the name's own message is beside it; the status line says everything else */}
          {!(nameError && status?.tone === "bad") && <FormStatus status={status} inline />}
        </div>
      </div>
    </details>
  );
}
