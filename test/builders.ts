// Small, explicit scoring inputs for rule and boundary tests: every field a default a reader can see,
// overridden where the test is about it.
import type { BalanceSheetEvent, ScoringCompany, ScoringContract, ScoringSite, Sourced } from "../lib/scoring/types";

export const fact = (value: number, asOf = "2025-11-21"): Sourced => ({ value, asOf, sourceUrl: "https://example.test/source" });

export const site = (s: Partial<ScoringSite> = {}): ScoringSite => ({
  name: "Site",
  stage: "operating",
  use: "hpc",
  grossMw: 100,
  itMw: null,
  itMwScope: null,
  country: "US",
  companyShare: 1,
  ...s,
});

export const contract = (k: Partial<ScoringContract> = {}): ScoringContract => ({
  code: "TST-K",
  counterparty: "Tenant",
  counterpartyRating: null,
  guarantor: null,
  guarantorRating: null,
  backstopUsd: null,
  structure: "colocation",
  leaseType: "NNN",
  siteName: null,
  siteAllocations: null,
  itMw: 100,
  itMwBasis: "critical_it",
  tenorYears: 15,
  totalValueUsd: 1.5e9,
  status: "signed",
  deliveredItMw: null,
  companyGpuCapexUsd: 0,
  prepaymentUsd: null,
  companyFundedCapexUsd: null,
  companyFundedCapexMw: null,
  tenantFundedCapexShare: null,
  companyShare: 1,
  ...k,
});

export const bsEvent = (e: Partial<BalanceSheetEvent> & { date: string }): BalanceSheetEvent => ({
  kind: "other",
  description: "Test transaction",
  cashDeltaUsd: null,
  debtDeltaUsd: null,
  preferredDeltaUsd: null,
  committedDeltaUsd: null,
  sharesDelta: null,
  btcDelta: null,
  sourceUrl: "https://example.test/event",
  ...e,
});

/** A company priced at $10 × 100M shares, no debt, no cash, dated on the snapshot. */
export const company = (c: Partial<ScoringCompany> = {}): ScoringCompany => ({
  ticker: "TST",
  name: "Test Miner",
  sharePriceUsd: fact(10),
  sharesOutstanding: fact(1e8),
  totalDebtUsd: fact(0),
  cashUsd: fact(0),
  preferredEquityUsd: null,
  committedFinancingUsd: null,
  btcHeld: null,
  btcValueUsdReported: null,
  hashrateEhs: null,
  marketCapPublishedUsd: null,
  enterpriseValuePublishedUsd: null,
  capexGuidanceUsdPerMw: null,
  balanceSheetEvents: [],
  sites: [site()],
  contracts: [],
  ...c,
});

export const VIEW = { viewDate: "2025-11-21" } as const;
