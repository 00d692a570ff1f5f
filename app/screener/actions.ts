"use server";
// Server actions of the screener: saved views. Each checks the writer and parses with the form's schema
// (inside the mutation), writes in one transaction, audits, and refreshes the pages.
import { db } from "@/lib/server/db";
import { guarded } from "@/lib/server/guard";
import { deleteView, saveView } from "@/lib/server/mutations/saved-views";

export async function saveViewAction(input: unknown) {
  return guarded((user) => saveView(db, input, user));
}
export async function deleteViewAction(input: unknown) {
  return guarded((user) => deleteView(db, input, user));
}
