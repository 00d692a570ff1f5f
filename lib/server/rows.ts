// Conversions between domain inputs (the dataset / form shape, lib/domain/schemas.ts) and database
// columns. Shared by the seed, the writes and the edit pages so the two shapes never drift apart.
import type { ContractInput, FactInput, SiteInput } from "../domain/schemas";
import type { Contract, Fact, Site } from "../generated/prisma/client";

export const SITE_FIELDS = [
  "name", "location", "grossMw", "grossMwAsOf", "grossMwSourceUrl", "grossMwNote", "itMw", "itMwAsOf", "itMwSourceUrl",
  "itMwNote", "stage", "use", "expectedEnergization", "ownership", "sourceUrl", "note",
] as const;

export const CONTRACT_FIELDS = [
  "code", "counterparty", "counterpartyKind", "counterpartyRating", "guarantor", "guarantorRating", "backstopUsd", "structure",
  "leaseType", "siteId", "itMw", "itMwBasis", "tenorYears", "totalValueUsd", "extensionOptions", "signedDate", "rentStart",
  "status", "deliveredItMw", "companyGpuCapexUsd", "prepaymentUsd", "companyFundedCapexUsd", "tenantFundedCapexShare",
  "sourceUrls", "note",
] as const;

export type SiteColumns = Pick<Site, (typeof SITE_FIELDS)[number]>;
export type ContractColumns = Omit<Pick<Contract, (typeof CONTRACT_FIELDS)[number]>, "sourceUrls"> & { sourceUrls: string[] };

export function siteColumns(s: SiteInput): SiteColumns {
  return {
    name: s.name, location: s.location ?? null, stage: s.stage, use: s.use,
    grossMw: s.grossMw?.value ?? null, grossMwAsOf: s.grossMw?.asOf ?? null, grossMwSourceUrl: s.grossMw?.source ?? null,
    grossMwNote: s.grossMw?.note ?? null, itMw: s.itMw?.value ?? null, itMwAsOf: s.itMw?.asOf ?? null,
    itMwSourceUrl: s.itMw?.source ?? null, itMwNote: s.itMw?.note ?? null,
    expectedEnergization: s.expectedEnergization ?? null, ownership: s.ownership ?? null,
    sourceUrl: s.source ?? null, note: s.note ?? null,
  };
}

const factOrNull = (value: number | null, asOf: string | null, source: string | null, note: string | null): FactInput | null =>
  value == null || asOf == null || source == null ? null : { value, asOf, source, note };

export function siteToInput(s: Site): SiteInput {
  return {
    name: s.name, location: s.location, stage: s.stage as SiteInput["stage"], use: s.use as SiteInput["use"],
    grossMw: factOrNull(s.grossMw, s.grossMwAsOf, s.grossMwSourceUrl, s.grossMwNote),
    itMw: factOrNull(s.itMw, s.itMwAsOf, s.itMwSourceUrl, s.itMwNote),
    expectedEnergization: s.expectedEnergization, ownership: s.ownership, source: s.sourceUrl, note: s.note,
  };
}

export function contractColumns(k: ContractInput, siteId: number | null): ContractColumns {
  return {
    code: k.id, counterparty: k.counterparty, counterpartyKind: k.counterpartyKind ?? null,
    counterpartyRating: k.counterpartyRating ?? null, guarantor: k.guarantor ?? null, guarantorRating: k.guarantorRating ?? null,
    backstopUsd: k.backstopUsd ?? null, structure: k.structure, leaseType: k.leaseType ?? null, siteId,
    itMw: k.itMw ?? null, itMwBasis: k.itMwBasis, tenorYears: k.tenorYears ?? null, totalValueUsd: k.totalValueUsd ?? null,
    extensionOptions: k.extensionOptions ?? null, signedDate: k.signedDate ?? null, rentStart: k.rentStart ?? null,
    status: k.status, deliveredItMw: k.deliveredItMw ?? null, companyGpuCapexUsd: k.companyGpuCapexUsd ?? null,
    prepaymentUsd: k.prepaymentUsd ?? null, companyFundedCapexUsd: k.companyFundedCapexUsd ?? null,
    tenantFundedCapexShare: k.tenantFundedCapexShare ?? null, sourceUrls: k.sources, note: k.note ?? null,
  };
}

export function contractToInput(k: Contract, siteName: string | null): ContractInput {
  return {
    id: k.code, counterparty: k.counterparty, counterpartyKind: k.counterpartyKind as ContractInput["counterpartyKind"],
    counterpartyRating: k.counterpartyRating, guarantor: k.guarantor, guarantorRating: k.guarantorRating,
    backstopUsd: k.backstopUsd, structure: k.structure as ContractInput["structure"], leaseType: k.leaseType as ContractInput["leaseType"],
    site: siteName, itMw: k.itMw, itMwBasis: k.itMwBasis as ContractInput["itMwBasis"], tenorYears: k.tenorYears,
    totalValueUsd: k.totalValueUsd, extensionOptions: k.extensionOptions, signedDate: k.signedDate, rentStart: k.rentStart,
    status: k.status as ContractInput["status"], deliveredItMw: k.deliveredItMw, companyGpuCapexUsd: k.companyGpuCapexUsd,
    prepaymentUsd: k.prepaymentUsd, companyFundedCapexUsd: k.companyFundedCapexUsd, tenantFundedCapexShare: k.tenantFundedCapexShare,
    sources: (k.sourceUrls as string[]) ?? [], note: k.note,
  };
}

export type FactFormValue = FactInput & { basis?: "basic" | "diluted" };

export function factToInput(f: Fact): FactFormValue {
  return { value: f.value, asOf: f.asOf, source: f.sourceUrl, note: f.note, ...(f.basis ? { basis: f.basis as "basic" | "diluted" } : {}) };
}
