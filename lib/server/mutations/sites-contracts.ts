// Add, edit and remove a company's sites, contracts and balance-sheet events, each guarded by its own
// version and audited field by field.
import { balanceSheetEventFormSchema, contractFormSchema, deleteSchema, siteFormSchema } from "../../domain/forms";
import { contractSiteIssues, type ContractInput } from "../../domain/schemas";
import { Prisma } from "../../generated/prisma/client";
import type { Db } from "../db-client";
import {
  BALANCE_SHEET_EVENT_FIELDS, balanceSheetEventColumns, balanceSheetEventToInput, CONTRACT_FIELDS, contractColumns, contractToInput,
  SITE_FIELDS, siteColumns, siteToInput, storedAllocations, type ContractColumns,
} from "../rows";
import { diff, RECORD, recordChanges } from "./audit";
import { ConflictError, FieldError, FormError, invalid, NotFoundError, runWrite, type Tx, type WriteResult } from "./result";

async function companyByTicker(tx: Tx, ticker: string) {
  const company = await tx.company.findUnique({ where: { ticker } });
  if (!company) throw new NotFoundError(`Company ${ticker} not found`);
  return company;
}

const STALE = "Someone else changed this record after you opened it. Nothing was written.";

/** The next position after every record of the company (positions never repeat after a delete). */
async function nextPosition(tx: Tx, table: "site" | "contract" | "balanceSheetEvent", companyId: number) {
  const last = await (tx[table] as unknown as { aggregate(a: object): Promise<{ _max: { position: number | null } }> })
    .aggregate({ where: { companyId }, _max: { position: true } });
  return (last._max.position ?? -1) + 1;
}

export async function saveSite(db: Db, raw: unknown, user: string | null): Promise<WriteResult<{ id: number; version: number }>> {
  const parsed = siteFormSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, raw);
  const { ticker, id, version, site } = parsed.data;
  return runWrite("site", raw, () =>
    db.$transaction(async (tx) => {
      const company = await companyByTicker(tx, ticker);
      const clash = await tx.site.findFirst({ where: { companyId: company.id, name: site.name, ...(id ? { NOT: { id } } : {}) } });
      if (clash) throw new FieldError("site.name", `${ticker} already has a site named "${site.name}"`);
      const cols = siteColumns(site);
      if (id === undefined) {
        const created = await tx.site.create({ data: { companyId: company.id, position: await nextPosition(tx, "site", company.id), ...cols } });
        await recordChanges(tx, [{ entity: "Site", entityId: created.id, companyId: company.id, field: RECORD, before: null, after: cols }], user);
        return { id: created.id, version: created.version };
      }
      const before = await tx.site.findFirst({ where: { id, companyId: company.id } });
      if (!before) throw new NotFoundError("That site no longer exists");
      if (version === undefined) throw new FieldError("version", "Missing version");
      const updated = await tx.site.updateMany({ where: { id, version }, data: { ...cols, version: { increment: 1 } } });
      if (updated.count === 0) throw new ConflictError(STALE, { id, version: before.version, site: siteToInput(before) });
      await recordChanges(tx, diff("Site", id, company.id, before, cols, SITE_FIELDS), user);
      return { id, version: before.version + 1 };
    }),
  );
}

/** Contracts that sit on a site (as their one site or through an allocation). */
export async function contractsOnSite(tx: Tx, companyId: number, siteId: number) {
  const contracts = await tx.contract.findMany({ where: { companyId }, select: { code: true, siteId: true, siteAllocations: true } });
  return contracts.filter((k) => k.siteId === siteId || (storedAllocations(k) ?? []).some((x) => x.siteId === siteId)).map((k) => k.code);
}

export async function deleteSite(db: Db, raw: unknown, user: string | null): Promise<WriteResult<{ id: number }>> {
  const parsed = deleteSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, raw);
  const { ticker, id, version } = parsed.data;
  return runWrite("site removal", raw, () =>
    db.$transaction(async (tx) => {
      const company = await companyByTicker(tx, ticker);
      const before = await tx.site.findFirst({ where: { id, companyId: company.id } });
      if (!before) throw new NotFoundError("That site no longer exists");
      // Removing it would silently move those contracts' MW to "site unknown" and change the numbers.
      const onSite = await contractsOnSite(tx, company.id, id);
      if (onSite.length)
        throw new FormError(`${onSite.join(", ")} ${onSite.length === 1 ? "sits" : "sit"} on ${before.name}: move ${onSite.length === 1 ? "it" : "them"} to another site (or remove ${onSite.length === 1 ? "it" : "them"}) first`);
      const removed = await tx.site.deleteMany({ where: { id, version } });
      if (removed.count === 0) throw new ConflictError(STALE, { id, version: before.version, site: siteToInput(before) });
      const cols = Object.fromEntries(SITE_FIELDS.map((f) => [f, before[f]]));
      await recordChanges(tx, [{ entity: "Site", entityId: id, companyId: company.id, field: RECORD, before: cols, after: null }], user);
      return { id };
    }),
  );
}

/** The company's site ids by name; a contract naming a site the company does not have is a field error. */
async function siteResolver(tx: Tx, companyId: number, k: ContractInput) {
  const sites = await tx.site.findMany({ where: { companyId }, select: { id: true, name: true } });
  const ids = new Map(sites.map((s) => [s.name, s.id]));
  const [issue] = contractSiteIssues(k, new Set(ids.keys()));
  if (issue) throw new FieldError(`contract.${issue.path.join(".")}`, issue.message);
  return (name: string) => ids.get(name) ?? null;
}

/** Contract columns as Prisma writes them (a JSON column is set to null with DbNull). */
export const contractData = (cols: ContractColumns) =>
  ({ ...cols, siteAllocations: (cols.siteAllocations as unknown as Prisma.InputJsonValue) ?? Prisma.DbNull });

async function siteNames(tx: Tx, companyId: number) {
  const sites = await tx.site.findMany({ where: { companyId }, select: { id: true, name: true } });
  const names = new Map(sites.map((s) => [s.id, s.name]));
  return (id: number) => names.get(id) ?? null;
}

export async function contractInputOf(tx: Tx | Db, id: number) {
  const k = await tx.contract.findUnique({ where: { id } });
  if (!k) return null;
  return { id: k.id, version: k.version, contract: contractToInput(k, await siteNames(tx as Tx, k.companyId)) };
}

/** Creates a contract inside a transaction (also used when an event is applied). */
export async function insertContract(tx: Tx, companyId: number, contract: ContractInput, user: string | null, fromEventId?: number) {
  const taken = await tx.contract.findUnique({ where: { code: contract.id } });
  if (taken) throw new FieldError("contract.id", `Contract code ${contract.id} is already used`);
  const cols = contractColumns(contract, await siteResolver(tx, companyId, contract));
  const position = await nextPosition(tx, "contract", companyId);
  const created = await tx.contract.create({ data: { companyId, position, ...contractData(cols), fromEventId: fromEventId ?? null } });
  await recordChanges(tx, [{ entity: "Contract", entityId: created.id, companyId, field: RECORD, before: null, after: cols }], user);
  return created;
}

export async function saveContract(db: Db, raw: unknown, user: string | null): Promise<WriteResult<{ id: number; version: number }>> {
  const parsed = contractFormSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, raw);
  const { ticker, id, version, contract } = parsed.data;
  return runWrite("contract", raw, () =>
    db.$transaction(async (tx) => {
      const company = await companyByTicker(tx, ticker);
      if (id === undefined) {
        const created = await insertContract(tx, company.id, contract, user);
        return { id: created.id, version: created.version };
      }
      const before = await tx.contract.findFirst({ where: { id, companyId: company.id } });
      if (!before) throw new NotFoundError("That contract no longer exists");
      if (version === undefined) throw new FieldError("version", "Missing version");
      const clash = await tx.contract.findFirst({ where: { code: contract.id, NOT: { id } } });
      if (clash) throw new FieldError("contract.id", `Contract code ${contract.id} is already used`);
      const cols = contractColumns(contract, await siteResolver(tx, company.id, contract));
      const updated = await tx.contract.updateMany({ where: { id, version }, data: { ...contractData(cols), version: { increment: 1 } } });
      if (updated.count === 0) throw new ConflictError(STALE, await contractInputOf(tx, id));
      await recordChanges(tx, diff("Contract", id, company.id, before, cols, CONTRACT_FIELDS), user);
      return { id, version: before.version + 1 };
    }),
  );
}

export async function deleteContract(db: Db, raw: unknown, user: string | null): Promise<WriteResult<{ id: number }>> {
  const parsed = deleteSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, raw);
  const { ticker, id, version } = parsed.data;
  return runWrite("contract removal", raw, () =>
    db.$transaction(async (tx) => {
      const company = await companyByTicker(tx, ticker);
      const before = await tx.contract.findFirst({ where: { id, companyId: company.id } });
      if (!before) throw new NotFoundError("That contract no longer exists");
      const current = await contractInputOf(tx, id);
      const removed = await tx.contract.deleteMany({ where: { id, version } });
      if (removed.count === 0) throw new ConflictError(STALE, current);
      if (before.fromEventId != null) await tx.event.update({ where: { id: before.fromEventId }, data: { appliedAt: null, version: { increment: 1 } } });
      const cols = Object.fromEntries(CONTRACT_FIELDS.map((f) => [f, before[f]]));
      await recordChanges(tx, [{ entity: "Contract", entityId: id, companyId: company.id, field: RECORD, before: cols, after: null }], user);
      return { id };
    }),
  );
}

export async function balanceSheetEventInputOf(tx: Tx | Db, id: number) {
  const e = await tx.balanceSheetEvent.findUnique({ where: { id } });
  return e ? { id: e.id, version: e.version, event: balanceSheetEventToInput(e) } : null;
}

export async function saveBalanceSheetEvent(db: Db, raw: unknown, user: string | null): Promise<WriteResult<{ id: number; version: number }>> {
  const parsed = balanceSheetEventFormSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, raw);
  const { ticker, id, version, event } = parsed.data;
  return runWrite("balance-sheet event", raw, () =>
    db.$transaction(async (tx) => {
      const company = await companyByTicker(tx, ticker);
      const cols = balanceSheetEventColumns(event);
      if (id === undefined) {
        const position = await nextPosition(tx, "balanceSheetEvent", company.id);
        const created = await tx.balanceSheetEvent.create({ data: { companyId: company.id, position, ...cols } });
        await recordChanges(tx, [{ entity: "BalanceSheetEvent", entityId: created.id, companyId: company.id, field: RECORD, before: null, after: cols }], user);
        return { id: created.id, version: created.version };
      }
      const before = await tx.balanceSheetEvent.findFirst({ where: { id, companyId: company.id } });
      if (!before) throw new NotFoundError("That balance-sheet event no longer exists");
      if (version === undefined) throw new FieldError("version", "Missing version");
      const updated = await tx.balanceSheetEvent.updateMany({ where: { id, version }, data: { ...cols, version: { increment: 1 } } });
      if (updated.count === 0) throw new ConflictError(STALE, await balanceSheetEventInputOf(tx, id));
      await recordChanges(tx, diff("BalanceSheetEvent", id, company.id, before, cols, BALANCE_SHEET_EVENT_FIELDS), user);
      return { id, version: before.version + 1 };
    }),
  );
}

export async function deleteBalanceSheetEvent(db: Db, raw: unknown, user: string | null): Promise<WriteResult<{ id: number }>> {
  const parsed = deleteSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, raw);
  const { ticker, id, version } = parsed.data;
  return runWrite("balance-sheet event removal", raw, () =>
    db.$transaction(async (tx) => {
      const company = await companyByTicker(tx, ticker);
      const before = await tx.balanceSheetEvent.findFirst({ where: { id, companyId: company.id } });
      if (!before) throw new NotFoundError("That balance-sheet event no longer exists");
      const current = await balanceSheetEventInputOf(tx, id);
      const removed = await tx.balanceSheetEvent.deleteMany({ where: { id, version } });
      if (removed.count === 0) throw new ConflictError(STALE, current);
      const cols = Object.fromEntries(BALANCE_SHEET_EVENT_FIELDS.map((f) => [f, before[f]]));
      await recordChanges(tx, [{ entity: "BalanceSheetEvent", entityId: id, companyId: company.id, field: RECORD, before: cols, after: null }], user);
      return { id };
    }),
  );
}
