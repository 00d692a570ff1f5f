// Add, edit and remove a company's sites and contracts, each guarded by its own version.
import { contractFormSchema, deleteSchema, siteFormSchema } from "../../domain/forms";
import type { ContractInput } from "../../domain/schemas";
import type { Db } from "../db-client";
import { CONTRACT_FIELDS, contractColumns, contractToInput, SITE_FIELDS, siteColumns, siteToInput } from "../rows";
import { diff, RECORD, recordChanges } from "./audit";
import { ConflictError, FieldError, invalid, NotFoundError, runWrite, type Tx, type WriteResult } from "./result";

async function companyByTicker(tx: Tx, ticker: string) {
  const company = await tx.company.findUnique({ where: { ticker } });
  if (!company) throw new NotFoundError(`Company ${ticker} not found`);
  return company;
}

const STALE = "Someone else changed this record after you opened it. Nothing was written.";

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
        const position = await tx.site.count({ where: { companyId: company.id } });
        const created = await tx.site.create({ data: { companyId: company.id, position, ...cols } });
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

export async function deleteSite(db: Db, raw: unknown, user: string | null): Promise<WriteResult<{ id: number }>> {
  const parsed = deleteSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, raw);
  const { ticker, id, version } = parsed.data;
  return runWrite("site removal", raw, () =>
    db.$transaction(async (tx) => {
      const company = await companyByTicker(tx, ticker);
      const before = await tx.site.findFirst({ where: { id, companyId: company.id } });
      if (!before) throw new NotFoundError("That site no longer exists");
      const removed = await tx.site.deleteMany({ where: { id, version } });
      if (removed.count === 0) throw new ConflictError(STALE, { id, version: before.version, site: siteToInput(before) });
      const cols = Object.fromEntries(SITE_FIELDS.map((f) => [f, before[f]]));
      await recordChanges(tx, [{ entity: "Site", entityId: id, companyId: company.id, field: RECORD, before: cols, after: null }], user);
      return { id };
    }),
  );
}

async function siteIdFor(tx: Tx, companyId: number, k: ContractInput) {
  if (k.site == null || k.site === "") return null;
  const site = await tx.site.findFirst({ where: { companyId, name: k.site } });
  if (!site) throw new FieldError("contract.site", `No site named "${k.site}"`);
  return site.id;
}

export async function contractInputOf(tx: Tx | Db, id: number) {
  const k = await tx.contract.findUnique({ where: { id }, include: { site: true } });
  return k ? { id: k.id, version: k.version, contract: contractToInput(k, k.site?.name ?? null) } : null;
}

/** Creates a contract inside a transaction (also used when an event is applied). */
export async function insertContract(tx: Tx, companyId: number, contract: ContractInput, user: string | null, fromEventId?: number) {
  const taken = await tx.contract.findUnique({ where: { code: contract.id } });
  if (taken) throw new FieldError("contract.id", `Contract code ${contract.id} is already used`);
  const cols = contractColumns(contract, await siteIdFor(tx, companyId, contract));
  const position = await tx.contract.count({ where: { companyId } });
  const created = await tx.contract.create({ data: { companyId, position, ...cols, fromEventId: fromEventId ?? null } });
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
      const cols = contractColumns(contract, await siteIdFor(tx, company.id, contract));
      const updated = await tx.contract.updateMany({ where: { id, version }, data: { ...cols, version: { increment: 1 } } });
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
