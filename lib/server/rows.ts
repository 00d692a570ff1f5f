// Conversions between domain inputs (the dataset / form shape, lib/domain/schemas.ts) and database
// columns. Shared by the seed, the writes and the edit pages so the two shapes never drift apart.
import type { CompanyHistory, DatedContract, FactOrigin, FactPoint } from "../domain/history";
import {
  contractSchema,
  type BalanceSheetEventInput,
  type ContractInput,
  type FactInput,
  type SiteChangeInput,
  type SiteInput,
} from "../domain/schemas";
import type { FactValue } from "../domain/to-scoring";
import { FACT_KEYS, type FactKey } from "../domain/facts";
import { parseOverrides } from "./overrides";
import type { BalanceSheetEvent, Company, Contract, Event, Fact, Site, SiteChange } from "../generated/prisma/client";

export const SITE_FIELDS = [
  "name",
  "location",
  "country",
  "grossMw",
  "grossMwAsOf",
  "grossMwSourceUrl",
  "grossMwNote",
  "itMw",
  "itMwAsOf",
  "itMwSourceUrl",
  "itMwNote",
  "itMwScope",
  "companyShare",
  "stage",
  "use",
  "expectedEnergization",
  "ownership",
  "sourceUrl",
  "note",
] as const;

export const CONTRACT_FIELDS = [
  "code",
  "counterparty",
  "counterpartyKind",
  "counterpartyRating",
  "guarantor",
  "guarantorRating",
  "backstopUsd",
  "structure",
  "leaseType",
  "siteId",
  "siteAllocations",
  "itMw",
  "itMwBasis",
  "tenorYears",
  "totalValueUsd",
  "extensionOptions",
  "signedDate",
  "rentStart",
  "status",
  "deliveredItMw",
  "companyGpuCapexUsd",
  "prepaymentUsd",
  "companyFundedCapexUsd",
  "companyFundedCapexMw",
  "tenantFundedCapexShare",
  "companyShare",
  "sourceUrls",
  "note",
] as const;

export const BALANCE_SHEET_EVENT_FIELDS = [
  "date",
  "kind",
  "description",
  "cashDeltaUsd",
  "debtDeltaUsd",
  "preferredDeltaUsd",
  "committedDeltaUsd",
  "sharesDelta",
  "btcDelta",
  "sourceUrls",
  "note",
] as const;

/** How a contract's allocations are stored: by site id, so renaming a site keeps them. */
export interface StoredAllocation {
  siteId: number;
  itMw: number;
}

export type SiteColumns = Pick<Site, (typeof SITE_FIELDS)[number]>;
export type ContractColumns = Omit<Pick<Contract, (typeof CONTRACT_FIELDS)[number]>, "sourceUrls" | "siteAllocations"> & {
  sourceUrls: string[];
  siteAllocations: StoredAllocation[] | null;
};
export type BalanceSheetEventColumns = Omit<Pick<BalanceSheetEvent, (typeof BALANCE_SHEET_EVENT_FIELDS)[number]>, "sourceUrls"> & {
  sourceUrls: string[];
};

export function siteColumns(s: SiteInput): SiteColumns {
  return {
    name: s.name,
    location: s.location ?? null,
    country: s.country ?? null,
    stage: s.stage,
    use: s.use,
    grossMw: s.grossMw?.value ?? null,
    grossMwAsOf: s.grossMw?.asOf ?? null,
    grossMwSourceUrl: s.grossMw?.source ?? null,
    grossMwNote: s.grossMw?.note ?? null,
    itMw: s.itMw?.value ?? null,
    itMwAsOf: s.itMw?.asOf ?? null,
    itMwSourceUrl: s.itMw?.source ?? null,
    itMwNote: s.itMw?.note ?? null,
    itMwScope: s.itMwScope ?? null,
    companyShare: s.companyShare ?? 1,
    expectedEnergization: s.expectedEnergization ?? null,
    ownership: s.ownership ?? null,
    sourceUrl: s.source ?? null,
    note: s.note ?? null,
  };
}

const factOrNull = (value: number | null, asOf: string | null, source: string | null, note: string | null): FactInput | null =>
  value == null || asOf == null || source == null ? null : { value, asOf, source, note };

export function siteToInput(s: Site): SiteInput {
  return {
    name: s.name,
    location: s.location,
    country: s.country,
    stage: s.stage as SiteInput["stage"],
    use: s.use as SiteInput["use"],
    grossMw: factOrNull(s.grossMw, s.grossMwAsOf, s.grossMwSourceUrl, s.grossMwNote),
    itMw: factOrNull(s.itMw, s.itMwAsOf, s.itMwSourceUrl, s.itMwNote),
    itMwScope: s.itMwScope as SiteInput["itMwScope"],
    companyShare: s.companyShare,
    expectedEnergization: s.expectedEnergization,
    ownership: s.ownership,
    source: s.sourceUrl,
    note: s.note,
  };
}

/**
 * @param siteIdOf resolves a site name of this company to its id (the caller refuses unknown names first)
 */
export function contractColumns(k: ContractInput, siteIdOf: (name: string) => number | null): ContractColumns {
  return {
    code: k.id,
    counterparty: k.counterparty,
    counterpartyKind: k.counterpartyKind ?? null,
    counterpartyRating: k.counterpartyRating ?? null,
    guarantor: k.guarantor ?? null,
    guarantorRating: k.guarantorRating ?? null,
    backstopUsd: k.backstopUsd ?? null,
    structure: k.structure,
    leaseType: k.leaseType ?? null,
    siteId: k.site ? siteIdOf(k.site) : null,
    siteAllocations: k.siteAllocations?.length ? k.siteAllocations.map((x) => ({ siteId: siteIdOf(x.site)!, itMw: x.itMw })) : null,
    itMw: k.itMw ?? null,
    itMwBasis: k.itMwBasis,
    tenorYears: k.tenorYears ?? null,
    totalValueUsd: k.totalValueUsd ?? null,
    extensionOptions: k.extensionOptions ?? null,
    signedDate: k.signedDate ?? null,
    rentStart: k.rentStart ?? null,
    status: k.status,
    deliveredItMw: k.deliveredItMw ?? null,
    companyGpuCapexUsd: k.companyGpuCapexUsd ?? null,
    prepaymentUsd: k.prepaymentUsd ?? null,
    companyFundedCapexUsd: k.companyFundedCapexUsd ?? null,
    companyFundedCapexMw: k.companyFundedCapexMw ?? null,
    tenantFundedCapexShare: k.tenantFundedCapexShare ?? null,
    companyShare: k.companyShare ?? 1,
    sourceUrls: k.sources,
    note: k.note ?? null,
  };
}

export const storedAllocations = (k: Pick<Contract, "siteAllocations">) => (k.siteAllocations as StoredAllocation[] | null) ?? null;

/** @param siteNameOf the name of a site id of this company (null if the site no longer exists) */
export function contractToInput(k: Contract, siteNameOf: (id: number) => string | null): ContractInput {
  const allocations = storedAllocations(k);
  return {
    id: k.code,
    counterparty: k.counterparty,
    counterpartyKind: k.counterpartyKind as ContractInput["counterpartyKind"],
    counterpartyRating: k.counterpartyRating,
    guarantor: k.guarantor,
    guarantorRating: k.guarantorRating,
    backstopUsd: k.backstopUsd,
    structure: k.structure as ContractInput["structure"],
    leaseType: k.leaseType as ContractInput["leaseType"],
    site: k.siteId != null ? siteNameOf(k.siteId) : null,
    siteAllocations: allocations?.length
      ? allocations.map((x) => ({ site: siteNameOf(x.siteId) ?? `(removed site ${x.siteId})`, itMw: x.itMw }))
      : null,
    itMw: k.itMw,
    itMwBasis: k.itMwBasis as ContractInput["itMwBasis"],
    tenorYears: k.tenorYears,
    totalValueUsd: k.totalValueUsd,
    extensionOptions: k.extensionOptions,
    signedDate: k.signedDate,
    rentStart: k.rentStart,
    status: k.status as ContractInput["status"],
    deliveredItMw: k.deliveredItMw,
    companyGpuCapexUsd: k.companyGpuCapexUsd,
    prepaymentUsd: k.prepaymentUsd,
    companyFundedCapexUsd: k.companyFundedCapexUsd,
    companyFundedCapexMw: k.companyFundedCapexMw,
    tenantFundedCapexShare: k.tenantFundedCapexShare,
    companyShare: k.companyShare,
    sources: (k.sourceUrls as string[]) ?? [],
    note: k.note,
  };
}

export function balanceSheetEventColumns(e: BalanceSheetEventInput): BalanceSheetEventColumns {
  return {
    date: e.date,
    kind: e.kind,
    description: e.description,
    cashDeltaUsd: e.cashDeltaUsd,
    debtDeltaUsd: e.debtDeltaUsd,
    preferredDeltaUsd: e.preferredDeltaUsd,
    committedDeltaUsd: e.committedDeltaUsd,
    sharesDelta: e.sharesDelta,
    btcDelta: e.btcDelta,
    sourceUrls: e.sources,
    note: e.note ?? null,
  };
}

export function balanceSheetEventToInput(e: BalanceSheetEvent): BalanceSheetEventInput {
  return {
    date: e.date,
    kind: e.kind as BalanceSheetEventInput["kind"],
    description: e.description,
    cashDeltaUsd: e.cashDeltaUsd,
    debtDeltaUsd: e.debtDeltaUsd,
    preferredDeltaUsd: e.preferredDeltaUsd,
    committedDeltaUsd: e.committedDeltaUsd,
    sharesDelta: e.sharesDelta,
    btcDelta: e.btcDelta,
    sources: (e.sourceUrls as string[]) ?? [],
    note: e.note,
  };
}

export function factToInput(f: Pick<Fact, "value" | "asOf" | "sourceUrl" | "note" | "basis" | "low" | "high">): FactValue {
  return {
    value: f.value,
    asOf: f.asOf,
    source: f.sourceUrl,
    note: f.note,
    ...(f.basis ? { basis: f.basis as "basic" | "diluted" } : {}),
    ...(f.low != null || f.high != null ? { low: f.low, high: f.high } : {}),
  };
}

export function factColumns(v: FactValue) {
  return {
    value: v.value,
    asOf: v.asOf,
    sourceUrl: v.source,
    note: v.note ?? null,
    basis: v.basis ?? null,
    low: v.low ?? null,
    high: v.high ?? null,
  };
}

/** A stored point of a figure, as the history reads it. */
export function factPointOf(f: Fact): FactPoint {
  return {
    key: f.key as FactKey,
    value: factToInput(f),
    origin: f.origin as FactOrigin,
    snapshot: f.snapshotPoint,
    recordedAt: f.recordedAt?.toISOString() ?? null,
    recordedBy: f.recordedBy,
  };
}

/** Each figure's point in `points` (a map from pointsAt/latestPoints) as the form and record shape. */
export function figuresFrom(points: Map<FactKey, FactPoint>): Record<FactKey, FactValue | null> {
  return Object.fromEntries(FACT_KEYS.map((k) => [k, points.get(k)?.value ?? null])) as Record<FactKey, FactValue | null>;
}

export const SITE_CHANGE_FIELDS = ["siteId", "date", "stage", "grossMw", "itMw", "sourceUrl", "note"] as const;
export type SiteChangeColumns = Pick<SiteChange, (typeof SITE_CHANGE_FIELDS)[number]>;

export function siteChangeColumns(c: SiteChangeInput, siteId: number): SiteChangeColumns {
  return {
    siteId,
    date: c.date,
    stage: c.stage ?? null,
    grossMw: c.grossMw ?? null,
    itMw: c.itMw ?? null,
    sourceUrl: c.source,
    note: c.note ?? null,
  };
}

export function siteChangeToInput(c: SiteChange, siteNameOf: (id: number) => string | null): SiteChangeInput {
  return {
    site: siteNameOf(c.siteId) ?? `(removed site ${c.siteId})`,
    date: c.date,
    stage: c.stage as SiteChangeInput["stage"],
    grossMw: c.grossMw,
    itMw: c.itMw,
    source: c.sourceUrl,
    note: c.note,
  };
}

/** What a company's history is read from: every point, site change, contract and later event. */
export const HISTORY_INCLUDE = {
  facts: true,
  sites: true,
  siteChanges: true,
  contracts: { include: { fromEvent: { select: { date: true } } } },
  events: { include: { appliedContract: { select: { id: true } } } },
  balanceSheetEvents: true,
} as const;

export type CompanyRows = Company & {
  facts: Fact[];
  sites: Site[];
  siteChanges: SiteChange[];
  balanceSheetEvents: BalanceSheetEvent[];
  contracts: (Contract & { fromEvent: { date: string } | null })[];
  events: (Event & { appliedContract: { id: number } | null })[];
};

const byPosition = <T extends { position: number; id: number }>(rows: T[]) => [...rows].sort((x, y) => x.position - y.position || x.id - y.id);

/**
 * A company's rows as its history (lib/domain/history.ts). A later event's contract joins from the event's
 * date unless it has been applied (then its Contract row counts, from the same date); a stored event
 * contract that no longer passes the contract schema is left out rather than guessed at.
 */
export function historyOf(c: CompanyRows): CompanyHistory {
  const siteName = new Map(c.sites.map((s) => [s.id, s.name]));
  const nameOf = (id: number) => siteName.get(id) ?? null;
  const contracts: DatedContract[] = byPosition(c.contracts).map((k) => ({
    contract: contractToInput(k, nameOf),
    countsFrom: k.fromEvent?.date ?? k.signedDate,
    fromEvent: false,
  }));
  for (const e of byPosition(c.events)) {
    if (e.contractJson == null || e.appliedContract) continue;
    const parsed = contractSchema.safeParse(e.contractJson);
    if (parsed.success) contracts.push({ contract: parsed.data, countsFrom: e.date, fromEvent: true });
  }
  return {
    ticker: c.ticker,
    name: c.name,
    points: c.facts.map(factPointOf),
    sites: byPosition(c.sites).map(siteToInput),
    siteChanges: byPosition(c.siteChanges).map((x) => siteChangeToInput(x, nameOf)),
    contracts,
    balanceSheetEvents: byPosition(c.balanceSheetEvents).map(balanceSheetEventToInput),
    overrides: parseOverrides(c.assumptionOverrides),
  };
}
