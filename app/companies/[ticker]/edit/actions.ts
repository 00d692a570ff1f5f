"use server";
// Server actions of the company edit page. Each checks the writer, parses its input with the same zod
// schema the form uses (inside the mutation), writes in one transaction and refreshes the pages.
import { db } from "@/lib/server/db";
import { guarded } from "@/lib/server/guard";
import { saveMarketFigures, saveOverrides } from "@/lib/server/mutations/company";
import { applyEvent } from "@/lib/server/mutations/events";
import {
  deleteBalanceSheetEvent,
  deleteContract,
  deleteSite,
  deleteSiteChange,
  saveBalanceSheetEvent,
  saveContract,
  saveSite,
  saveSiteChange,
} from "@/lib/server/mutations/sites-contracts";

export async function saveMarketFiguresAction(input: unknown) {
  return guarded((user) => saveMarketFigures(db, input, user));
}
export async function saveOverridesAction(input: unknown) {
  return guarded((user) => saveOverrides(db, input, user));
}
export async function saveSiteAction(input: unknown) {
  return guarded((user) => saveSite(db, input, user));
}
export async function deleteSiteAction(input: unknown) {
  return guarded((user) => deleteSite(db, input, user));
}
export async function saveContractAction(input: unknown) {
  return guarded((user) => saveContract(db, input, user));
}
export async function deleteContractAction(input: unknown) {
  return guarded((user) => deleteContract(db, input, user));
}
export async function applyEventAction(input: unknown) {
  return guarded((user) => applyEvent(db, input, user));
}
export async function saveBalanceSheetEventAction(input: unknown) {
  return guarded((user) => saveBalanceSheetEvent(db, input, user));
}
export async function deleteBalanceSheetEventAction(input: unknown) {
  return guarded((user) => deleteBalanceSheetEvent(db, input, user));
}
export async function saveSiteChangeAction(input: unknown) {
  return guarded((user) => saveSiteChange(db, input, user));
}
export async function deleteSiteChangeAction(input: unknown) {
  return guarded((user) => deleteSiteChange(db, input, user));
}
