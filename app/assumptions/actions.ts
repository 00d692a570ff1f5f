"use server";
// Writes of named assumption sets. Each checks the writer, parses its input with the form's own zod
// schema (inside the mutation) and returns the WriteResult; after a successful write every page is
// re-rendered with the new numbers (screener, company pages, these pages).
import { db } from "@/lib/server/db";
import { guarded } from "@/lib/server/guard";
import { createAssumptionSet, deleteAssumptionSet, updateAssumptionSet } from "@/lib/server/mutations/assumption-sets";

export async function createSetAction(input: unknown) {
  return guarded((user) => createAssumptionSet(db, input, user));
}
export async function updateSetAction(input: unknown) {
  return guarded((user) => updateAssumptionSet(db, input, user));
}
export async function deleteSetAction(input: unknown) {
  return guarded((user) => deleteAssumptionSet(db, input, user));
}
