"use client";
// The saved views' panel: the list (open one, delete one) and "save the current view as". The name is
// checked with the same schema on the server; a refused name keeps what was typed. Loaded when the menu
// first opens (SavedViews.tsx), so the write code is not in the screener's first JavaScript.
import Link from "next/link";
import { useState, type RefObject } from "react";
import { FormStatus } from "@/app/components/FormStatus";
import { useWrite } from "@/app/components/use-write";
import { VIEW_NAME_MAX, viewNameProblem } from "@/lib/view/saved-view-rules";
import { deleteViewAction, saveViewAction } from "./actions";
import type { SavedViewItem } from "./SavedViews";

export default function SavedViewsPanel(props: {
  views: SavedViewItem[];
  current: SavedViewItem | undefined;
  query: string;
  box: RefObject<HTMLDetailsElement | null>;
}) {
  const { views, current, query, box } = props;
  const [name, setName] = useState("");
  const [typedProblem, setTypedProblem] = useState<string | null>(null);
  const save = useWrite(saveViewAction, { form: box });
  const remove = useWrite(deleteViewAction, { showsFields: false, showsConflict: false, busyText: "Deleting…" });
  const pending = save.pending || remove.pending;
  // the name's problem: checked here as typed, or the server's (a name taken, parameters it refuses)
  const nameError = typedProblem ?? save.fieldErrors.name?.[0] ?? save.fieldErrors.query?.[0];
  const status = remove.status ?? save.status;

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
  );
}
