// Reverting one audited change: the field (or record) goes back to its "before" value, but only if it
// still holds the "after" value — otherwise someone changed it since and the revert is refused. The
// revert is itself audited (revertOf points at the entry it undid).
import { EDITABLE_FACTS } from "../../domain/forms";
import { revertSchema } from "../../domain/forms";
import type { FactValue } from "../../domain/to-scoring";
import { storedAllocations } from "../rows";
import { parseOverrides } from "../overrides";
import { Prisma } from "../../generated/prisma/client";
import { RECORD, recordChanges, type Change, type Entity } from "./audit";
import { applyPointChange, pointOf, type PointWriter } from "./points";
import { assertRevertLeavesValidRecord } from "./revert-check";
import { RECORD_KINDS } from "./sites-contracts";
import { nextPosition } from "./records";
import { ConflictError, defineWrite, FieldError, NotFoundError, type Tx } from "./result";
import { sameValue } from "../same-value";

const same = sameValue; // key order aside (jsonb reorders keys): lib/server/same-value.ts
const CHANGED_SINCE = "This value was changed again after that entry; revert the newer change first.";

export const revertChange = defineWrite("revert", revertSchema, async (tx, { auditId }, user): Promise<{ revertedId: number }> => {
  const entry = await tx.auditEntry.findUnique({ where: { id: auditId } });
  if (!entry) throw new NotFoundError("That history entry does not exist");
  const change: Change = {
    entity: entry.entity as Entity,
    entityId: entry.entityId,
    companyId: entry.companyId,
    field: entry.field,
    before: entry.after,
    after: entry.before,
  };
  await undo(tx, change, entry.id);
  await assertRevertLeavesValidRecord(tx, change); // the form's own schema, or the revert rolls back
  await recordChanges(tx, [change], user, entry.id);
  return { revertedId: entry.id };
});

/** Applies `change.after` where the stored value must currently equal `change.before`. */
async function undo(tx: Tx, c: Change, entryId: number) {
  switch (c.entity) {
    case "Company":
      return undoCompany(tx, c, entryId);
    case "Site":
      return c.field === RECORD ? undoRecord(tx, c, "site") : undoColumn(tx, c, "site");
    case "Contract":
      return c.field === RECORD ? undoRecord(tx, c, "contract") : undoColumn(tx, c, "contract");
    case "Event":
      return undoEvent(tx, c);
    case "BalanceSheetEvent":
      return c.field === RECORD ? undoRecord(tx, c, "balanceSheetEvent") : undoColumn(tx, c, "balanceSheetEvent");
    case "SiteChange":
      return c.field === RECORD ? undoRecord(tx, c, "siteChange") : undoColumn(tx, c, "siteChange");
    case "AssumptionSet":
      return undoSet(tx, c);
    case "Note":
      return c.field === RECORD ? undoRecord(tx, c, "note") : undoColumn(tx, c, "note");
    case "SavedView":
      throw new FieldError("auditId", "A saved view is not reverted; save it again or delete it");
  }
}

async function undoCompany(tx: Tx, c: Change, entryId: number) {
  const company = await tx.company.findUnique({ where: { id: c.entityId } });
  if (!company) throw new NotFoundError("That company no longer exists");
  if ((EDITABLE_FACTS as readonly string[]).includes(c.field)) {
    // The change names one dated point (before and after share its as-of): it must still be as written.
    const asOf = ((c.before ?? c.after) as FactValue).asOf;
    const now = await pointOf(tx, company.id, c.field, asOf);
    if (!same(now, c.before)) throw new ConflictError(CHANGED_SINCE, now);
    await applyPointChange(tx, c, await writerOfRestored(tx, c, entryId));
  } else if (c.field === "assumptionOverrides") {
    const current = parseOverrides(company.assumptionOverrides) ?? {};
    if (!same(current, c.before)) throw new ConflictError(CHANGED_SINCE, current);
    await tx.company.update({ where: { id: company.id }, data: { assumptionOverrides: (c.after ?? {}) as object } });
  } else throw new FieldError("auditId", `Changes to ${c.field} cannot be reverted`);
  await tx.company.update({ where: { id: company.id }, data: { version: { increment: 1 } } });
}

/**
 * A revert puts back a figure's earlier value, so the point is recorded as its writer wrote it — not as
 * the reverter's: a user's correction of a dataset figure, reverted, is the dataset's figure again and no
 * longer marked user-entered (lib/domain/user-entered.ts). The writer is the latest earlier change that
 * wrote that value (reverts skipped: they only put values back): an update file's (a batch) or a
 * person's. None: the value came with the loaded snapshot ("dataset" — once corrected, whether it was the
 * dataset's own figure or one of its corrections is not recorded; neither is user-entered). The revert's
 * own audit entry still names who reverted.
 */
async function writerOfRestored(tx: Tx, c: Change, entryId: number): Promise<PointWriter> {
  if (c.after == null) return { origin: "user", user: null }; // the point is removed: nobody is recorded
  const earlier = await tx.auditEntry.findMany({
    where: { entity: "Company", companyId: c.companyId, field: c.field, id: { lt: entryId }, revertOf: null },
    orderBy: { id: "desc" },
  });
  const wrote = earlier.find((e) => same(e.after, c.after));
  if (!wrote) return { origin: "dataset", user: null, at: null };
  return { origin: wrote.batchId != null ? "update" : "user", user: wrote.user, at: wrote.at };
}

type Table = "site" | "contract" | "balanceSheetEvent" | "siteChange" | "note";
// Both delegates share the calls used here; typing them as one keeps this generic.
const table = (tx: Tx, t: Table) =>
  tx[t] as unknown as {
    findUnique(a: object): Promise<Record<string, unknown> | null>;
    update(a: object): Promise<unknown>;
    create(a: object): Promise<{ id: number }>;
    delete(a: object): Promise<unknown>;
  };

async function undoColumn(tx: Tx, c: Change, t: Table) {
  const row = await table(tx, t).findUnique({ where: { id: c.entityId } });
  if (!row) throw new NotFoundError("That record no longer exists");
  if (!same(row[c.field], c.before)) throw new ConflictError(CHANGED_SINCE, row[c.field]);
  if (t === "contract" && c.field === "siteAllocations") await refuseRemovedSites(tx, c.after);
  await table(tx, t).update({ where: { id: c.entityId }, data: { [c.field]: jsonColumn(c.field, c.after), version: { increment: 1 } } });
}

async function undoRecord(tx: Tx, c: Change, t: Table) {
  if (c.after == null) {
    // undoing a creation: delete the record if it is still as created
    const row = await table(tx, t).findUnique({ where: { id: c.entityId } });
    if (!row) throw new NotFoundError("That record no longer exists");
    const fields = Object.keys(c.before as object);
    if (!same(Object.fromEntries(fields.map((f) => [f, row[f]])), c.before)) throw new ConflictError(CHANGED_SINCE, row);
    // the same refusal as the form's delete: a site that contracts sit on stays
    await (RECORD_KINDS[t].beforeRemove as ((tx: Tx, companyId: number, row: unknown) => Promise<void>) | undefined)?.(tx, c.companyId!, row);
    await table(tx, t).delete({ where: { id: c.entityId } });
    if (t === "contract" && row.fromEventId != null)
      await tx.event.update({ where: { id: row.fromEventId as number }, data: { appliedAt: null, version: { increment: 1 } } });
    return;
  }
  // undoing a deletion: recreate it from the recorded columns
  const cols = { ...(c.after as Record<string, unknown>) };
  if (t === "contract") {
    if (await tx.contract.findUnique({ where: { code: cols.code as string } }))
      throw new FieldError("auditId", `Contract code ${cols.code} is in use again`);
    if (cols.siteId != null && !(await tx.site.findUnique({ where: { id: cols.siteId as number } }))) cols.siteId = null;
    await refuseRemovedSites(tx, cols.siteAllocations);
    cols.siteAllocations = jsonColumn("siteAllocations", cols.siteAllocations);
  } else if (t === "site" && (await tx.site.findFirst({ where: { companyId: c.companyId!, name: cols.name as string } }))) {
    throw new FieldError("auditId", `A site named "${cols.name}" exists again`);
  }
  const position = await nextPosition(tx, t, c.companyId!);
  const created = await table(tx, t).create({ data: { ...cols, companyId: c.companyId, position } });
  c.entityId = created.id; // the audit entry of the revert names the new row
}

/** Allocations may only name sites that still exist: a revert never re-creates a dangling reference. */
async function refuseRemovedSites(tx: Tx, allocations: unknown) {
  for (const x of storedAllocations({ siteAllocations: allocations as never }) ?? [])
    if (!(await tx.site.findUnique({ where: { id: x.siteId } })))
      throw new FieldError("auditId", "An allocation of this contract names a site that has been removed since; add the site back first");
}

/** JSON columns are set to null with DbNull; other columns take the value as recorded. */
const jsonColumn = (field: string, v: unknown) => (field === "siteAllocations" && v == null ? Prisma.DbNull : v);

async function undoEvent(tx: Tx, c: Change) {
  if (c.field !== "appliedAt") throw new FieldError("auditId", `Changes to ${c.field} cannot be reverted`);
  const event = await tx.event.findUnique({ where: { id: c.entityId }, include: { appliedContract: true } });
  if (!event) throw new NotFoundError("That event no longer exists");
  if (event.appliedContract) throw new FieldError("auditId", "Revert the creation of the contract this event added; that also un-applies the event");
  if (!same(event.appliedAt?.toISOString() ?? null, c.before)) throw new ConflictError(CHANGED_SINCE, event.appliedAt);
  await tx.event.update({ where: { id: event.id }, data: { appliedAt: c.after ? new Date(c.after as string) : null, version: { increment: 1 } } });
}

async function undoSet(tx: Tx, c: Change) {
  if (c.field === RECORD) {
    if (c.after == null) {
      const set = await tx.assumptionSet.findUnique({ where: { id: c.entityId } });
      if (!set) throw new NotFoundError("That set no longer exists");
      if (set.isDefault) throw new FieldError("auditId", "The default set cannot be deleted");
      await tx.assumptionSet.delete({ where: { id: set.id } });
    } else {
      const { name, values } = c.after as { name: string; values: object };
      if (await tx.assumptionSet.findUnique({ where: { name } })) throw new FieldError("auditId", `A set named "${name}" exists again`);
      c.entityId = (await tx.assumptionSet.create({ data: { name, values } })).id;
    }
    return;
  }
  const set = await tx.assumptionSet.findUnique({ where: { id: c.entityId } });
  if (!set) throw new NotFoundError("That set no longer exists");
  const values = { ...(set.values as Record<string, unknown>) };
  if (c.field === "name") {
    if (set.name !== c.before) throw new ConflictError(CHANGED_SINCE, set.name);
    await tx.assumptionSet.update({ where: { id: set.id }, data: { name: c.after as string, version: { increment: 1 } } });
  } else {
    const key = c.field.replace(/^values\./, "");
    if (!same(values[key], c.before)) throw new ConflictError(CHANGED_SINCE, values[key]);
    values[key] = c.after;
    await tx.assumptionSet.update({ where: { id: set.id }, data: { values: values as object, version: { increment: 1 } } });
  }
}
