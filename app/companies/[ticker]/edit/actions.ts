"use server";
// Server actions of the company edit page. Each parses its input with the same zod schema the form
// uses (inside the mutation), writes in one transaction, and refreshes every page that shows the
// numbers. The user is null until sign-in exists (issue: reliability and security).
import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db";
import { saveMarketFigures, saveOverrides } from "@/lib/server/mutations/company";
import { applyEvent } from "@/lib/server/mutations/events";
import type { WriteResult } from "@/lib/server/mutations/result";
import { deleteContract, deleteSite, saveContract, saveSite } from "@/lib/server/mutations/sites-contracts";

async function done<T>(result: Promise<WriteResult<T>>): Promise<WriteResult<T>> {
  const r = await result;
  if (r.ok) revalidatePath("/", "layout");
  return r;
}

export async function saveMarketFiguresAction(input: unknown) { return done(saveMarketFigures(db, input, null)); }
export async function saveOverridesAction(input: unknown) { return done(saveOverrides(db, input, null)); }
export async function saveSiteAction(input: unknown) { return done(saveSite(db, input, null)); }
export async function deleteSiteAction(input: unknown) { return done(deleteSite(db, input, null)); }
export async function saveContractAction(input: unknown) { return done(saveContract(db, input, null)); }
export async function deleteContractAction(input: unknown) { return done(deleteContract(db, input, null)); }
export async function applyEventAction(input: unknown) { return done(applyEvent(db, input, null)); }
