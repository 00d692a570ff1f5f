// Analyst notes, per company or per figure: a record kind like sites and contracts, so a note is written
// through the same parse → company → version check → audit path and can be reverted from the history.
// The author is whoever wrote the note first (the signed-in name; null in local mode) and stays on edits.
import type { Note } from "../../generated/prisma/client";
import { noteFormSchema } from "../../domain/forms";
import type { NoteInput } from "../../domain/schemas";
import { createRecord, removeRecord, saveRecord, type RecordKind } from "./records";
import type { Tx } from "./result";

export const NOTE_FIELDS = ["figure", "body", "author"] as const;
type NoteColumns = { figure: string | null; body: string; author: string | null };

export const noteToInput = (row: Pick<Note, "figure" | "body">): NoteInput => ({
  figure: (row.figure ?? null) as NoteInput["figure"],
  body: row.body,
});

export const NOTE: RecordKind<NoteInput, NoteColumns> = {
  table: "note",
  entity: "Note",
  noun: "note",
  key: "note",
  schema: noteFormSchema,
  fields: NOTE_FIELDS,
  async columns(tx: Tx, _companyId, note, id) {
    // an edit keeps the note's author; a new note gets its writer in create() below
    const author = id === undefined ? null : ((await tx.note.findUnique({ where: { id }, select: { author: true } }))?.author ?? null);
    return { figure: note.figure ?? null, body: note.body, author };
  },
  current: async (_tx, row) => ({ id: row.id, version: row.version, note: noteToInput(row as unknown as Note) }),
};

export const saveNote = saveRecord(NOTE, async (tx, companyId, note, user) =>
  createRecord(NOTE, tx, companyId, { ...(await NOTE.columns(tx, companyId, note)), author: user }, user),
);
export const deleteNote = removeRecord(NOTE);

/** A company's notes, newest first, with the figure they are about. */
export async function notesOf(tx: Pick<Tx, "note">, companyId: number) {
  return tx.note.findMany({ where: { companyId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}
