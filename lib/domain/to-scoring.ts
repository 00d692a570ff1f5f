// Maps a validated dataset company (the file's shape) onto the scoring library's input, for previews,
// imports and tests that score the dataset without a database.
import type { ScoringCompany, Sourced } from "../scoring/types";
import type { CompanyInput, ContractInput, FactInput } from "./schemas";

const sourced = (f: FactInput | null | undefined): Sourced | null =>
  f ? { value: f.value, asOf: f.asOf, sourceUrl: f.source, note: f.note ?? null } : null;

export function contractToScoring(k: ContractInput): ScoringCompany["contracts"][number] {
  return {
    code: k.id, counterparty: k.counterparty, counterpartyRating: k.counterpartyRating ?? null, guarantor: k.guarantor ?? null,
    guarantorRating: k.guarantorRating ?? null, backstopUsd: k.backstopUsd ?? null, structure: k.structure,
    leaseType: k.leaseType ?? null, siteName: k.site ?? null, itMw: k.itMw ?? null, itMwBasis: k.itMwBasis,
    tenorYears: k.tenorYears ?? null, totalValueUsd: k.totalValueUsd ?? null, status: k.status,
    deliveredItMw: k.deliveredItMw ?? null, companyGpuCapexUsd: k.companyGpuCapexUsd ?? null,
    prepaymentUsd: k.prepaymentUsd ?? null, companyFundedCapexUsd: k.companyFundedCapexUsd ?? null,
    tenantFundedCapexShare: k.tenantFundedCapexShare ?? null,
  };
}

export function companyToScoring(c: CompanyInput): ScoringCompany {
  return {
    ticker: c.ticker,
    name: c.name,
    sharePriceUsd: sourced(c.sharePrice),
    sharesOutstanding: sourced(c.sharesOutstanding),
    totalDebtUsd: sourced(c.totalDebt),
    cashUsd: sourced(c.cash),
    preferredEquityUsd: sourced(c.preferredEquity),
    committedFinancingUsd: sourced(c.committedFinancing),
    btcHeld: sourced(c.btcHeld),
    sites: c.sites.map((s) => ({ name: s.name, stage: s.stage, grossMw: s.grossMw?.value ?? null, itMw: s.itMw?.value ?? null })),
    contracts: c.contracts.map(contractToScoring),
  };
}
