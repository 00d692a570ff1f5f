// The one mapping from a company record (the validated shape the dataset, the forms and the database
// rows all reduce to) onto the scoring library's input. The screener, the company page, the editor's
// preview, imports and tests all score through it, so they cannot read different figures.
import type { AssumptionOverrides } from "../scoring/assumptions";
import type { CapexGuidance, ScoringCompany, ScoringContract, ScoringFigures, Sourced } from "../scoring/types";
import { SCORED_FACT_KEYS, type FactKey } from "./facts";
import type { BalanceSheetEventInput, ContractInput, FactInput, RangeFactInput, SiteInput } from "./schemas";

/** A stored figure: the sourced value, plus the share basis or the guidance range where they apply. */
export type FactValue = FactInput & { basis?: "basic" | "diluted"; low?: number | null; high?: number | null };

export interface CompanyRecord {
  ticker: string;
  name: string;
  figures: Partial<Record<FactKey, FactValue | null>>;
  sites: SiteInput[];
  contracts: ContractInput[];
  balanceSheetEvents: BalanceSheetEventInput[];
  overrides?: AssumptionOverrides | null;
}

const sourced = (f: FactValue | null | undefined): Sourced | null =>
  f ? { value: f.value, asOf: f.asOf, sourceUrl: f.source, note: f.note ?? null } : null;

const guidance = (f: (FactValue & Partial<RangeFactInput>) | null | undefined): CapexGuidance | null =>
  f ? { ...sourced(f)!, low: f.low ?? null, high: f.high ?? null } : null;

export function contractToScoring(k: ContractInput): ScoringContract {
  return {
    code: k.id,
    counterparty: k.counterparty,
    counterpartyRating: k.counterpartyRating ?? null,
    guarantor: k.guarantor ?? null,
    guarantorRating: k.guarantorRating ?? null,
    backstopUsd: k.backstopUsd ?? null,
    structure: k.structure,
    leaseType: k.leaseType ?? null,
    siteName: k.site || null,
    siteAllocations: k.siteAllocations?.length ? k.siteAllocations : null,
    itMw: k.itMw ?? null,
    itMwBasis: k.itMwBasis,
    tenorYears: k.tenorYears ?? null,
    totalValueUsd: k.totalValueUsd ?? null,
    status: k.status,
    deliveredItMw: k.deliveredItMw ?? null,
    companyGpuCapexUsd: k.companyGpuCapexUsd ?? null,
    prepaymentUsd: k.prepaymentUsd ?? null,
    companyFundedCapexUsd: k.companyFundedCapexUsd ?? null,
    companyFundedCapexMw: k.companyFundedCapexMw ?? null,
    tenantFundedCapexShare: k.tenantFundedCapexShare ?? null,
    companyShare: k.companyShare ?? 1,
    sourceUrl: k.sources[0] ?? null,
  };
}

export function toScoringCompany(r: CompanyRecord): ScoringCompany {
  const figures = Object.fromEntries(
    SCORED_FACT_KEYS.map((k) => [k, k === "capexGuidanceUsdPerMw" ? guidance(r.figures[k]) : sourced(r.figures[k])]),
  ) as unknown as ScoringFigures;
  return {
    ticker: r.ticker,
    name: r.name,
    ...figures,
    balanceSheetEvents: r.balanceSheetEvents.map((e) => ({
      date: e.date,
      kind: e.kind,
      description: e.description,
      cashDeltaUsd: e.cashDeltaUsd,
      debtDeltaUsd: e.debtDeltaUsd,
      preferredDeltaUsd: e.preferredDeltaUsd,
      committedDeltaUsd: e.committedDeltaUsd,
      sharesDelta: e.sharesDelta,
      btcDelta: e.btcDelta,
      sourceUrl: e.sources[0] ?? null,
    })),
    sites: r.sites.map((s) => ({
      name: s.name,
      stage: s.stage,
      use: s.use,
      grossMw: s.grossMw?.value ?? null,
      itMw: s.itMw?.value ?? null,
      itMwScope: s.itMwScope ?? null,
      country: s.country ?? null,
      companyShare: s.companyShare ?? 1,
      sourceUrl: s.itMw?.source ?? s.source ?? s.grossMw?.source ?? null,
    })),
    contracts: r.contracts.map(contractToScoring),
    overrides: r.overrides ?? null,
  };
}
