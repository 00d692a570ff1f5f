"use client";
// Analysts' notes on the company or on one of its figures: read, add, edit, delete. Every write goes
// through the server's schema and version check; a refused or unsent note keeps what was typed.
import { useRef, useState } from "react";
import { ConflictPanel } from "@/app/components/ConflictPanel";
import { FormStatus } from "@/app/components/FormStatus";
import { useWrite } from "@/app/components/use-write";
import { FACTS, type FactKey } from "@/lib/domain/facts";
import { NOTE_MAX_CHARS } from "@/lib/domain/enums";
import { conflictRows, mergeMine } from "@/lib/view/conflict";
import { deleteNoteAction, saveNoteAction } from "./notes-actions";

export interface NoteItem {
  id: number;
  figure: FactKey | null;
  body: string;
  author: string | null;
  createdAt: string;
  version: number;
}

const figureLabel = (k: FactKey | null) => (k ? (FACTS.find((f) => f.key === k)?.label ?? k) : "The company");
type NoteInput = { figure: FactKey | null; body: string };
const LABELS: Record<string, string> = { "note.figure": "About", "note.body": "Note" };
const format = (path: string, v: unknown) =>
  path === "note.figure" ? figureLabel((v as FactKey | null) ?? null) : v == null || v === "" ? "—" : String(v);

function NoteForm({ ticker, note, onDone }: { ticker: string; note?: NoteItem; onDone?: () => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [body, setBody] = useState(note?.body ?? "");
  const [figure, setFigure] = useState<string>(note?.figure ?? "");
  const [version, setVersion] = useState(note?.version);
  const [loaded, setLoaded] = useState<NoteInput>({ figure: note?.figure ?? null, body: note?.body ?? "" });
  const save = useWrite(saveNoteAction, { form: formRef });
  const id = note ? `note-${note.id}` : "note-new";
  const over = body.trim().length > NOTE_MAX_CHARS;
  const errors = { body: save.fieldErrors["note.body"]?.[0], figure: save.fieldErrors["note.figure"]?.[0] };
  const mine: NoteInput = { figure: (figure || null) as FactKey | null, body: body.trim() };
  const send = (input: NoteInput, v = version) =>
    save.submit(
      { ticker, ...(note ? { id: note.id, version: v } : {}), note: input },
      {
        okText: note ? "Note saved" : "Note added",
        onOk: () => {
          if (!note) {
            setBody("");
            setFigure("");
          }
          onDone?.();
        },
      },
    );
  const submit = () => {
    if (!body.trim()) {
      save.setFieldErrors({ "note.body": ["Write the note"] });
      return save.refuse("Nothing was saved: write the note first.");
    }
    send(mine);
  };
  const theirs = save.conflict?.current as { version: number; note: NoteInput } | undefined;
  return (
    <form
      ref={formRef}
      className="note-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      aria-label={note ? "Edit the note" : "Add a note"}
    >
      <div className="field">
        <label htmlFor={`${id}-figure`}>About</label>
        <select id={`${id}-figure`} value={figure} onChange={(e) => setFigure(e.target.value)} aria-invalid={errors.figure ? true : undefined}>
          <option value="">The company</option>
          {FACTS.map((f) => (
            <option key={f.key} value={f.key}>
              {f.label}
            </option>
          ))}
        </select>
        {errors.figure && (
          <span className="field-error" role="alert">
            {errors.figure}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>Note</label>
        <textarea
          id={`${id}-body`}
          value={body}
          rows={3}
          onChange={(e) => {
            setBody(e.target.value);
            save.setFieldErrors({});
          }}
          aria-invalid={errors.body || over ? true : undefined}
          aria-describedby={`${id}-count`}
        />
        <span id={`${id}-count`} className={over ? "field-error" : "hint"}>
          {body.trim().length.toLocaleString("en-US")} / {NOTE_MAX_CHARS.toLocaleString("en-US")} characters
        </span>
        {errors.body && (
          <span className="field-error" role="alert">
            {errors.body}
          </span>
        )}
      </div>
      {save.conflict && theirs && (
        <ConflictPanel
          title="Not saved: this note changed since you opened it"
          message={save.conflict.message}
          level={3}
          rows={conflictRows({ note: theirs.note }, { note: loaded }, { note: mine })}
          labelOf={(p) => LABELS[p] ?? p}
          format={format}
          pending={save.pending}
          onReapply={() => send(mergeMine(theirs.note, loaded, mine), theirs.version)}
          onDiscard={() => {
            setVersion(theirs.version);
            setLoaded(theirs.note);
            setBody(theirs.note.body);
            setFigure(theirs.note.figure ?? "");
            save.setConflict(null);
          }}
        />
      )}
      {save.status?.tone === "bad" && <FormStatus status={save.status} />}
      <p className="note-actions">
        <button type="submit" disabled={save.pending}>
          {save.pending ? "Saving…" : note ? "Save note" : "Add note"}
        </button>
        {note && (
          <button type="button" className="secondary" onClick={onDone} disabled={save.pending}>
            Cancel
          </button>
        )}
      </p>
    </form>
  );
}

function NoteRow({ ticker, note }: { ticker: string; note: NoteItem }) {
  const [editing, setEditing] = useState(false);
  const remove = useWrite(deleteNoteAction, { showsFields: false, showsConflict: false, busyText: "Deleting…" });
  if (editing)
    return (
      <li>
        <NoteForm ticker={ticker} note={note} onDone={() => setEditing(false)} />
      </li>
    );
  return (
    <li data-note-id={note.id}>
      <p className="note-meta small muted">
        <strong>{figureLabel(note.figure)}</strong> · {note.author ?? "local user"} · {note.createdAt.slice(0, 10)}
      </p>
      <p className="note-body">{note.body}</p>
      <p className="note-actions small">
        <button type="button" className="linklike" onClick={() => setEditing(true)}>
          edit
        </button>{" "}
        <button
          type="button"
          className="linklike danger"
          onClick={() => remove.submit({ ticker, id: note.id, version: note.version }, { okText: "Deleted" })}
          disabled={remove.pending}
        >
          {remove.pending ? "deleting…" : "delete"}
        </button>
        {remove.status?.tone === "bad" && (
          <>
            {" "}
            <FormStatus status={remove.status} inline />
          </>
        )}
      </p>
    </li>
  );
}

export function Notes({ ticker, notes }: { ticker: string; notes: NoteItem[] }) {
  return (
    <section aria-labelledby="notes-title" className="notes">
      <h2 id="notes-title">Notes{notes.length ? ` (${notes.length})` : ""}</h2>
      {notes.length === 0 ? (
        <p className="muted">
          No notes yet. A note can be about the company or one of its figures; everyone using this instance sees it, with its author and date.
        </p>
      ) : (
        <ul className="note-list">
          {notes.map((n) => (
            <NoteRow key={n.id} ticker={ticker} note={n} />
          ))}
        </ul>
      )}
      {notes.length === 0 ? (
        <NoteForm ticker={ticker} />
      ) : (
        <details>
          <summary>Add a note</summary>
          <NoteForm ticker={ticker} />
        </details>
      )}
    </section>
  );
}
