// A company's sites, contracts and balance-sheet events: what each kind of record checks and stores. The
// write path itself (parse, version check, audit) is lib/server/mutations/records.ts.
import { balanceSheetEventFormSchema, contractFormSchema, siteChangeFormSchema, siteFormSchema } from "../../domain/forms";
import { contractSiteIssues, type BalanceSheetEventInput, type ContractInput, type SiteChangeInput, type SiteInput } from "../../domain/schemas";
import { Prisma } from "../../generated/prisma/client";
import type { Db } from "../db-client";
import {
  BALANCE_SHEET_EVENT_FIELDS,
  balanceSheetEventColumns,
  balanceSheetEventToInput,
  CONTRACT_FIELDS,
  contractColumns,
  contractToInput,
  SITE_CHANGE_FIELDS,
  SITE_FIELDS,
  siteChangeColumns,
  siteChangeToInput,
  siteColumns,
  siteToInput,
  storedAllocations,
  type BalanceSheetEventColumns,
  type ContractColumns,
  type SiteChangeColumns,
  type SiteColumns,
} from "../rows";
import { NOTE } from "./notes";
import { createRecord, removeRecord, saveRecord, type RecordKind } from "./records";
import { FieldError, FormError, type Tx } from "./result";
import type { BalanceSheetEvent, Contract, Site, SiteChange } from "../../generated/prisma/client";

const SITE: RecordKind<SiteInput, SiteColumns> = {
  table: "site",
  entity: "Site",
  noun: "site",
  key: "site",
  schema: siteFormSchema,
  fields: SITE_FIELDS,
  async columns(tx, companyId, site, id) {
    const clash = await tx.site.findFirst({ where: { companyId, name: site.name, ...(id ? { NOT: { id } } : {}) } });
    if (clash) throw new FieldError("site.name", `This company already has a site named "${site.name}"`);
    return siteColumns(site);
  },
  current: async (_tx, row) => ({ id: row.id, version: row.version, site: siteToInput(row as unknown as Site) }),
  // Removing a site that contracts sit on would silently move their MW to "site unknown".
  async beforeRemove(tx, companyId, row) {
    const onSite = await contractsOnSite(tx, companyId, row.id);
    if (onSite.length === 0) return;
    const them = onSite.length === 1 ? "it" : "them";
    throw new FormError(
      `${onSite.join(", ")} ${onSite.length === 1 ? "sits" : "sit"} on ${row.name}: move ${them} to another site (or remove ${them}) first`,
    );
  },
};

/** Contracts that sit on a site (as their one site or through an allocation). */
export async function contractsOnSite(tx: Tx, companyId: number, siteId: number) {
  const contracts = await tx.contract.findMany({ where: { companyId }, select: { code: true, siteId: true, siteAllocations: true } });
  return contracts.filter((k) => k.siteId === siteId || (storedAllocations(k) ?? []).some((x) => x.siteId === siteId)).map((k) => k.code);
}

/** The company's site ids by name; a contract naming a site the company does not have is a field error. */
async function siteResolver(tx: Tx, companyId: number, k: ContractInput) {
  const sites = await tx.site.findMany({ where: { companyId }, select: { id: true, name: true } });
  const ids = new Map(sites.map((s) => [s.name, s.id]));
  const [issue] = contractSiteIssues(k, new Set(ids.keys()));
  if (issue) throw new FieldError(`contract.${issue.path.join(".")}`, issue.message);
  return (name: string) => ids.get(name) ?? null;
}

async function siteNames(tx: Tx | Db, companyId: number) {
  const names = new Map((await tx.site.findMany({ where: { companyId }, select: { id: true, name: true } })).map((s) => [s.id, s.name]));
  return (id: number) => names.get(id) ?? null;
}

/** Contract columns as Prisma writes them (a JSON column is set to null with DbNull). */
export const contractData = (cols: ContractColumns) => ({
  ...cols,
  siteAllocations: (cols.siteAllocations as unknown as Prisma.InputJsonValue) ?? Prisma.DbNull,
});

const CONTRACT: RecordKind<ContractInput, ContractColumns> = {
  table: "contract",
  entity: "Contract",
  noun: "contract",
  key: "contract",
  schema: contractFormSchema,
  fields: CONTRACT_FIELDS,
  async columns(tx, companyId, contract, id) {
    const clash = await tx.contract.findFirst({ where: { code: contract.id, ...(id ? { NOT: { id } } : {}) } });
    if (clash) throw new FieldError("contract.id", `Contract code ${contract.id} is already used`);
    return contractColumns(contract, await siteResolver(tx, companyId, contract));
  },
  data: contractData,
  current: async (tx, row) => ({
    id: row.id,
    version: row.version,
    contract: contractToInput(row as unknown as Contract, await siteNames(tx, row.companyId)),
  }),
  // removing a contract that came from an event un-applies the event
  async afterRemove(tx, row) {
    if (row.fromEventId != null)
      await tx.event.update({ where: { id: row.fromEventId as number }, data: { appliedAt: null, version: { increment: 1 } } });
  },
};

const BALANCE_SHEET_EVENT: RecordKind<BalanceSheetEventInput, BalanceSheetEventColumns> = {
  table: "balanceSheetEvent",
  entity: "BalanceSheetEvent",
  noun: "balance-sheet event",
  key: "event",
  schema: balanceSheetEventFormSchema,
  fields: BALANCE_SHEET_EVENT_FIELDS,
  columns: async (_tx, _companyId, event) => balanceSheetEventColumns(event),
  current: async (_tx, row) => ({ id: row.id, version: row.version, event: balanceSheetEventToInput(row as unknown as BalanceSheetEvent) }),
};

const SITE_CHANGE: RecordKind<SiteChangeInput, SiteChangeColumns> = {
  table: "siteChange",
  entity: "SiteChange",
  noun: "site change",
  key: "change",
  schema: siteChangeFormSchema,
  fields: SITE_CHANGE_FIELDS,
  async columns(tx, companyId, change) {
    const site = await tx.site.findFirst({ where: { companyId, name: change.site }, select: { id: true } });
    if (!site) throw new FieldError("change.site", `This company has no site named "${change.site}"`);
    return siteChangeColumns(change, site.id);
  },
  current: async (tx, row) => ({
    id: row.id,
    version: row.version,
    change: siteChangeToInput(row as unknown as SiteChange, await siteNames(tx, row.companyId)),
  }),
};

/** Creates a contract inside a transaction (also used when an event is applied). */
export async function insertContract(tx: Tx, companyId: number, contract: ContractInput, user: string | null, fromEventId?: number) {
  const cols = await CONTRACT.columns(tx, companyId, contract);
  return createRecord(CONTRACT, tx, companyId, cols, user, { fromEventId: fromEventId ?? null });
}

/** Each kind by its table, for paths that remove a record other than the form's delete (a revert). */
export const RECORD_KINDS = { site: SITE, contract: CONTRACT, balanceSheetEvent: BALANCE_SHEET_EVENT, siteChange: SITE_CHANGE, note: NOTE } as const;

export const saveSite = saveRecord(SITE);
export const deleteSite = removeRecord(SITE);
export const saveContract = saveRecord(CONTRACT, (tx, companyId, contract, user) => insertContract(tx, companyId, contract, user));
export const deleteContract = removeRecord(CONTRACT);
export const saveBalanceSheetEvent = saveRecord(BALANCE_SHEET_EVENT);
export const deleteBalanceSheetEvent = removeRecord(BALANCE_SHEET_EVENT);
export const saveSiteChange = saveRecord(SITE_CHANGE);
export const deleteSiteChange = removeRecord(SITE_CHANGE);

export async function siteChangeInputOf(tx: Tx | Db, id: number) {
  const c = await tx.siteChange.findUnique({ where: { id } });
  return c ? { id: c.id, version: c.version, change: siteChangeToInput(c, await siteNames(tx, c.companyId)) } : null;
}

export async function contractInputOf(tx: Tx | Db, id: number) {
  const k = await tx.contract.findUnique({ where: { id } });
  return k ? { id: k.id, version: k.version, contract: contractToInput(k, await siteNames(tx, k.companyId)) } : null;
}

export async function balanceSheetEventInputOf(tx: Tx | Db, id: number) {
  const e = await tx.balanceSheetEvent.findUnique({ where: { id } });
  return e ? { id: e.id, version: e.version, event: balanceSheetEventToInput(e) } : null;
}
