// Maps database rows onto the scoring library's own input types (the library never sees Prisma).
import { assumptionOverridesSchema, type AssumptionOverrides } from "../scoring/assumptions";
import type { ScoringCompany, ScoringContract, Sourced, Stage } from "../scoring/types";
import type { Company, Contract, Fact, Site } from "../generated/prisma/client";

export type CompanyRows = Company & { facts: Fact[]; sites: Site[]; contracts: Contract[] };

/** The columns scoring reads (queries.ts selects just these for the screen; full rows fit too). */
export type ScoringRows = Pick<Company, "ticker" | "name" | "assumptionOverrides"> & {
  facts: Pick<Fact, "key" | "value" | "asOf" | "sourceUrl" | "note">[];
  sites: Pick<Site, "id" | "name" | "stage" | "grossMw" | "itMw" | "position">[];
  contracts: Pick<Contract, (typeof SCORING_CONTRACT_COLUMNS)[number]>[];
};

export const SCORING_CONTRACT_COLUMNS = [
  "code", "counterparty", "counterpartyRating", "guarantor", "guarantorRating", "backstopUsd", "structure", "leaseType", "siteId",
  "itMw", "itMwBasis", "tenorYears", "totalValueUsd", "status", "deliveredItMw", "companyGpuCapexUsd", "prepaymentUsd",
  "companyFundedCapexUsd", "tenantFundedCapexShare", "position",
] as const;

const sourced = (facts: ScoringRows["facts"], key: string): Sourced | null => {
  const f = facts.find((x) => x.key === key);
  return f ? { value: f.value, asOf: f.asOf, sourceUrl: f.sourceUrl, note: f.note } : null;
};

export function toScoringContract(k: Omit<ScoringRows["contracts"][number], "siteId" | "position">, siteName: string | null): ScoringContract {
  return {
    code: k.code, counterparty: k.counterparty, counterpartyRating: k.counterpartyRating, guarantor: k.guarantor,
    guarantorRating: k.guarantorRating, backstopUsd: k.backstopUsd, structure: k.structure as ScoringContract["structure"],
    leaseType: k.leaseType as ScoringContract["leaseType"], siteName, itMw: k.itMw,
    itMwBasis: k.itMwBasis as ScoringContract["itMwBasis"], tenorYears: k.tenorYears, totalValueUsd: k.totalValueUsd,
    status: k.status as ScoringContract["status"], deliveredItMw: k.deliveredItMw, companyGpuCapexUsd: k.companyGpuCapexUsd,
    prepaymentUsd: k.prepaymentUsd, companyFundedCapexUsd: k.companyFundedCapexUsd, tenantFundedCapexShare: k.tenantFundedCapexShare,
  };
}

export function parseOverrides(json: unknown): AssumptionOverrides | null {
  // Most companies have none ({}): no need to run the schema for that (it adds up over thousands).
  if (json == null || (typeof json === "object" && !Array.isArray(json) && Object.keys(json).length === 0)) return null;
  const parsed = assumptionOverridesSchema.safeParse(json ?? {});
  return parsed.success && Object.keys(parsed.data).length > 0 ? parsed.data : null;
}

export function toScoringCompany(c: ScoringRows): ScoringCompany {
  const siteName = new Map(c.sites.map((s) => [s.id, s.name]));
  return {
    ticker: c.ticker,
    name: c.name,
    sharePriceUsd: sourced(c.facts, "sharePriceUsd"),
    sharesOutstanding: sourced(c.facts, "sharesOutstanding"),
    totalDebtUsd: sourced(c.facts, "totalDebtUsd"),
    cashUsd: sourced(c.facts, "cashUsd"),
    preferredEquityUsd: sourced(c.facts, "preferredEquityUsd"),
    committedFinancingUsd: sourced(c.facts, "committedFinancingUsd"),
    btcHeld: sourced(c.facts, "btcHeld"),
    sites: [...c.sites]
      .sort((x, y) => x.position - y.position)
      .map((s) => ({ name: s.name, stage: s.stage as Stage, grossMw: s.grossMw, itMw: s.itMw })),
    contracts: [...c.contracts]
      .sort((x, y) => x.position - y.position)
      .map((k) => toScoringContract(k, k.siteId != null ? siteName.get(k.siteId) ?? null : null)),
    overrides: parseOverrides(c.assumptionOverrides),
  };
}
