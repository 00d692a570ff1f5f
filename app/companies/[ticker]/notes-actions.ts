"use server";
// Server actions of a company's notes: the writer is checked, the note parsed with the form's schema
// inside the mutation, written with a version check and audited.
import { db } from "@/lib/server/db";
import { guarded } from "@/lib/server/guard";
import { deleteNote, saveNote } from "@/lib/server/mutations/notes";

export async function saveNoteAction(input: unknown) {
  return guarded((user) => saveNote(db, input, user));
}
export async function deleteNoteAction(input: unknown) {
  return guarded((user) => deleteNote(db, input, user));
}
