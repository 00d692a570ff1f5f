"use client";
// Analysts' notes on the company or on one of its figures: read, add, edit, delete. Every write goes
// through the server's schema and version check; a refused or unsent note keeps what was typed.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FACTS, type FactKey } from "@/lib/domain/facts";
import { NOTE_MAX_CHARS } from "@/lib/domain/enums";
import type { WriteResult } from "@/lib/server/mutations/result";
import { deleteNoteAction, saveNoteAction } from "./notes-actions";

export interface NoteItem { id: number; figure: FactKey | null; body: string; author: string | null; createdAt: string; version: number }

const figureLabel = (k: FactKey | null) => (k ? FACTS.find((f) => f.key === k)?.label ?? k : "The company");

function problemOf(r: WriteResult<unknown>): { body?: string; figure?: string; form?: string } {
  if (r.ok) return {};
  if (r.kind === "invalid") return { body: r.fieldErrors["note.body"]?.[0], figure: r.fieldErrors["note.figure"]?.[0], form: r.formErrors[0] };
  if (r.kind === "conflict") return { form: "Someone else changed this note after you opened it. Nothing was written; reload to see theirs (your text is kept here)." };
  return { form: r.message };
}

function NoteForm({ ticker, note, onDone }: { ticker: string; note?: NoteItem; onDone?: () => void }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [body, setBody] = useState(note?.body ?? "");
  const [figure, setFigure] = useState<string>(note?.figure ?? "");
  const [errors, setErrors] = useState<ReturnType<typeof problemOf>>({});
  const id = note ? `note-${note.id}` : "note-new";
  const over = body.trim().length > NOTE_MAX_CHARS;
  const submit = () => {
    if (!body.trim()) { setErrors({ body: "Write the note" }); return; }
    start(async () => {
      try {
        const r = await saveNoteAction({ ticker, ...(note ? { id: note.id, version: note.version } : {}), note: { figure: figure || null, body } });
        if (r.ok) { setErrors({}); if (!note) { setBody(""); setFigure(""); } onDone?.(); router.refresh(); }
        else setErrors(problemOf(r));
      } catch { setErrors({ form: "Could not reach the server. Nothing was saved; your text is kept." }); }
    });
  };
  return (
    <form className="note-form" onSubmit={(e) => { e.preventDefault(); submit(); }} aria-label={note ? "Edit the note" : "Add a note"}>
      <div className="field">
        <label htmlFor={`${id}-figure`}>About</label>
        <select id={`${id}-figure`} value={figure} onChange={(e) => setFigure(e.target.value)} aria-invalid={errors.figure ? true : undefined}>
          <option value="">The company</option>
          {FACTS.map((f) => <option key={f.key} value={f.key}>{f.label}</option>)}
        </select>
        {errors.figure && <span className="field-error" role="alert">{errors.figure}</span>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>Note</label>
        <textarea id={`${id}-body`} value={body} rows={3} onChange={(e) => { setBody(e.target.value); setErrors({}); }}
          aria-invalid={errors.body || over ? true : undefined} aria-describedby={`${id}-count`} />
        <span id={`${id}-count`} className={over ? "field-error" : "hint"}>{body.trim().length.toLocaleString("en-US")} / {NOTE_MAX_CHARS.toLocaleString("en-US")} characters</span>
        {errors.body && <span className="field-error" role="alert">{errors.body}</span>}
      </div>
      {errors.form && <p className="field-error" role="alert">{errors.form}</p>}
      <p className="note-actions">
        <button type="submit" disabled={pending}>{pending ? "Saving…" : note ? "Save note" : "Add note"}</button>
        {note && <button type="button" className="secondary" onClick={onDone} disabled={pending}>Cancel</button>}
      </p>
    </form>
  );
}

function NoteRow({ ticker, note }: { ticker: string; note: NoteItem }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [pending, start] = useTransition();
  const [error, setError] = useState("");
  if (editing) return <li><NoteForm ticker={ticker} note={note} onDone={() => setEditing(false)} /></li>;
  const remove = () => start(async () => {
    try {
      const r = await deleteNoteAction({ ticker, id: note.id, version: note.version });
      if (r.ok) router.refresh(); else setError(problemOf(r).form ?? "Not deleted");
    } catch { setError("Could not reach the server. Nothing was deleted."); }
  });
  return (
    <li data-note-id={note.id}>
      <p className="note-meta small muted">
        <strong>{figureLabel(note.figure)}</strong> · {note.author ?? "local user"} · {note.createdAt.slice(0, 10)}
      </p>
      <p className="note-body">{note.body}</p>
      <p className="note-actions small">
        <button type="button" className="linklike" onClick={() => setEditing(true)}>edit</button>{" "}
        <button type="button" className="linklike danger" onClick={remove} disabled={pending}>{pending ? "deleting…" : "delete"}</button>
        {error && <span className="field-error" role="alert"> {error}</span>}
      </p>
    </li>
  );
}

export function Notes({ ticker, notes }: { ticker: string; notes: NoteItem[] }) {
  return (
    <section aria-labelledby="notes-title" className="notes">
      <h2 id="notes-title">Notes{notes.length ? ` (${notes.length})` : ""}</h2>
      {notes.length === 0 ? <p className="muted">No notes yet. A note can be about the company or one of its figures; everyone using this instance sees it, with its author and date.</p> : (
        <ul className="note-list">{notes.map((n) => <NoteRow key={n.id} ticker={ticker} note={n} />)}</ul>
      )}
      {notes.length === 0 ? <NoteForm ticker={ticker} /> : (
        <details>
          <summary>Add a note</summary>
          <NoteForm ticker={ticker} />
        </details>
      )}
    </section>
  );
}
