"use server";
// Reverting one change from a company's history (the revert is audited too).
import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db";
import { revertChange } from "@/lib/server/mutations/revert";

export async function revertAction(input: unknown) {
  const r = await revertChange(db, input, null);
  if (r.ok) revalidatePath("/", "layout");
  return r;
}
