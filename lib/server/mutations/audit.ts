// The audit log: one row per changed field, written in the same transaction as the change.
import { Prisma } from "../../generated/prisma/client";
import type { Tx } from "./result";
import { sameValue } from "../same-value";

export type Entity = "Company" | "Site" | "SiteChange" | "Contract" | "Event" | "BalanceSheetEvent" | "AssumptionSet" | "Note" | "SavedView";
/** field name used when a whole record is created or deleted (before/after hold the record) */
export const RECORD = "(record)";

export interface Change {
  entity: Entity;
  entityId: number;
  companyId: number | null;
  field: string;
  before: unknown;
  after: unknown;
}

const same = sameValue; // key order aside (jsonb reorders keys): lib/server/same-value.ts

/** Field-by-field differences between two flat records (only the listed fields). */
export function diff(
  entity: Entity,
  entityId: number,
  companyId: number | null,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: readonly string[],
): Change[] {
  return fields
    .filter((f) => !same(before[f], after[f]))
    .map((f) => ({ entity, entityId, companyId, field: f, before: before[f] ?? null, after: after[f] ?? null }));
}

export async function recordChanges(tx: Tx, changes: Change[], user: string | null, revertOf?: number, batchId?: number) {
  if (changes.length === 0) return;
  await tx.auditEntry.createMany({
    data: changes.map((c) => ({
      entity: c.entity,
      entityId: c.entityId,
      companyId: c.companyId,
      field: c.field,
      before: json(c.before),
      after: json(c.after),
      user,
      revertOf: revertOf ?? null,
      batchId: batchId ?? null,
    })),
  });
}

const json = (v: unknown) => (v == null ? Prisma.DbNull : (v as Prisma.InputJsonValue));
