"use server";
// Reverting one change from a company's history (the revert is audited too).
import { db } from "@/lib/server/db";
import { guarded } from "@/lib/server/guard";
import { revertChange } from "@/lib/server/mutations/revert";

export async function revertAction(input: unknown) {
  return guarded((user) => revertChange(db, input, user));
}
