// Input and output types of the scoring library. Its own types, so it depends on nothing but zod;
// lib/server/to-scoring-input.ts maps database rows onto them.
import type { AssumptionOverrides, Assumptions } from "./assumptions";

export type Stage = "operating" | "under_construction" | "approved" | "pipeline";

/** A figure with where it came from. */
export interface Sourced {
  value: number;
  asOf: string;
  sourceUrl: string;
  note?: string | null;
}

export interface ScoringSite {
  name: string;
  stage: Stage;
  grossMw: number | null;
  itMw: number | null;
}

export interface ScoringContract {
  code: string;
  counterparty: string;
  counterpartyRating: string | null;
  guarantor: string | null;
  guarantorRating: string | null;
  backstopUsd: number | null;
  structure: "colocation" | "gpu_cloud";
  leaseType: "NNN" | "modified_gross" | "gross" | "cloud" | null;
  siteName: string | null;
  itMw: number | null;
  itMwBasis: "critical_it" | "gross" | "unknown";
  tenorYears: number | null;
  totalValueUsd: number | null;
  status: "signed" | "under_construction" | "partially_delivered" | "delivered";
  deliveredItMw: number | null;
  companyGpuCapexUsd: number | null;
  prepaymentUsd: number | null;
  companyFundedCapexUsd: number | null;
  tenantFundedCapexShare: number | null;
}

export interface ScoringCompany {
  ticker: string;
  name: string;
  sharePriceUsd: Sourced | null;
  sharesOutstanding: Sourced | null;
  totalDebtUsd: Sourced | null;
  cashUsd: Sourced | null;
  /** null = none found (dataset convention), taken as 0 and said so in the explanation. */
  preferredEquityUsd: Sourced | null;
  committedFinancingUsd: Sourced | null;
  btcHeld: Sourced | null;
  sites: ScoringSite[];
  contracts: ScoringContract[];
  overrides?: AssumptionOverrides | null;
}

export type Tier = 1 | 2 | 3;
export type Flag =
  | "below-build-cost" | "gpu-funding" | "short-tenor" | "financing-gap" | "no-price" | "no-power" | "negative-ev";
export const FLAGS: readonly Flag[] = [
  "below-build-cost", "gpu-funding", "short-tenor", "financing-gap", "no-price", "no-power", "negative-ev",
];

/** The MW funnel of methodology §4, in IT MW before weighting. */
export interface Funnel { s1: number; s2: number; s3: number; s4: number; s5: number; s6: number }

export interface ContractScore {
  code: string;
  counterparty: string;
  itMwIt: number | null;
  undeliveredItMw: number;
  annualValueUsd: number | null;
  t: number | null;
  c: number | null;
  beta: number;
  g: number | null;
  s: number;
  cqs: number | null;
  cqsReason?: string;
  capexRemainingUsd: number;
  buildingCapexUsd: number;
  gpuCapexNetUsd: number;
}

export interface TierRule {
  id: "T1-a" | "T1-b" | "T1-c" | "T1-d" | "T1-e";
  label: string;
  pass: boolean;
  actual: number | null;
  threshold: number;
  /** One line with the numbers, e.g. "weighted tenor 5.0 y < 10 y (Microsoft, 5 y)". */
  detail: string;
}

export interface InputUsed {
  key: string;
  value: number | null;
  asOf: string | null;
  sourceUrl: string | null;
  note: string | null;
  /** Why a null input was taken as 0 (dataset convention: none found). */
  assumedZero?: boolean;
}

/** Output field → reason code for every output that is null (e.g. "missing:sharePrice"). */
export type Reasons = Partial<Record<string, string>>;

export interface CompanyScore {
  ticker: string;
  name: string;
  marketCapUsd: number | null;
  /** market cap + debt + preferred − cash */
  enterpriseValueUsd: number | null;
  /** the same less bitcoin at btcPriceUsd */
  enterpriseValueExBtcUsd: number | null;
  /** the EV the ratios use: ex-BTC when subtractBitcoin */
  evUsedUsd: number | null;
  btcValueUsd: number;
  funnel: Funnel;
  itMwEffective: number;
  contractedItMw: number;
  deliveredItMw: number;
  energizedGrossMw: number;
  totalGrossMw: number;
  evPerWTotalGross: number | null;
  evPerWEnergizedGross: number | null;
  evPerWEffectiveIt: number | null;
  evPerWContractedIt: number | null;
  discountLow: number | null;
  discountBase: number | null;
  discountHigh: number | null;
  valueAtBuildCostUsd: number | null;
  impliedPriceLowUsd: number | null;
  impliedPriceBaseUsd: number | null;
  impliedPriceHighUsd: number | null;
  contracts: ContractScore[];
  cqs: number | null;
  weightedTenorYears: number | null;
  gpuCapexShareOfTcv: number | null;
  capexRemainingUsd: number;
  financingGapUsd: number | null;
  gapToMarketCap: number | null;
  mainCounterparty: string | null;
  tier: Tier;
  rules: TierRule[];
  flags: Flag[];
  why: string;
  reasons: Reasons;
  warnings: string[];
  inputs: InputUsed[];
  assumptions: Assumptions;
  overriddenKeys: string[];
}

export interface ScreenRow extends CompanyScore {
  /** 1-based; companies with negative EV rank after the rest, and missing discounts last. */
  rank: number;
  rankGroup: "ranked" | "negative-ev" | "unranked";
}
