// Input and output types of the scoring library. Its own types, so it depends on nothing but zod;
// lib/domain/to-scoring.ts maps validated company records onto them.
import type { AssumptionOverrides, Assumptions } from "./assumptions";

export type Stage = "operating" | "under_construction" | "approved" | "pipeline";

/** A figure with where it came from. `asOf` is YYYY-MM or YYYY-MM-DD (a month counts at its end). */
export interface Sourced {
  value: number;
  asOf: string;
  sourceUrl: string;
  note?: string | null;
}

/** Company-stated build cost per critical IT MW; `value` is the midpoint where a range is given. */
export interface CapexGuidance extends Sourced {
  low?: number | null;
  high?: number | null;
}

export interface ScoringSite {
  name: string;
  stage: Stage;
  /** mining | hpc | mixed | idle | other — §10.2 consumes only hpc and mixed sites */
  use: string;
  grossMw: number | null;
  itMw: number | null;
  /** "phase": the IT figure covers a first phase only (§10.3); "site" or null: the whole site */
  itMwScope: "site" | "phase" | null;
  /** ISO-2; null = not known (treated as outside the AI-ready markets, §10.13) */
  country: string | null;
  /** the company's share of the site, 0–1 (§10.6) */
  companyShare: number;
  sourceUrl?: string | null;
}

export interface SiteAllocation {
  site: string;
  itMw: number;
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
  /** the one site of the contract (v1), or null */
  siteName: string | null;
  /** the sites it occupies and the MW on each (§10.2); null when not given */
  siteAllocations: SiteAllocation[] | null;
  itMw: number | null;
  itMwBasis: "critical_it" | "gross" | "unknown";
  tenorYears: number | null;
  totalValueUsd: number | null;
  status: "signed" | "under_construction" | "partially_delivered" | "delivered";
  deliveredItMw: number | null;
  companyGpuCapexUsd: number | null;
  prepaymentUsd: number | null;
  companyFundedCapexUsd: number | null;
  /** the MW that companyFundedCapexUsd covers when it covers only part of the contract (§10.5) */
  companyFundedCapexMw: number | null;
  tenantFundedCapexShare: number | null;
  /** the company's share of the contract, 0–1 (§10.6) */
  companyShare: number;
  sourceUrl?: string | null;
}

export type BalanceSheetEventKind =
  "debt_issue" | "debt_repayment" | "equity_issue" | "preferred_issue" | "buyback" | "btc_sale" | "btc_purchase" | "other";

/** A dated transaction after a balance-sheet date (§10.1). A null delta leaves that figure unchanged. */
export interface BalanceSheetEvent {
  date: string;
  kind: BalanceSheetEventKind;
  description: string;
  cashDeltaUsd: number | null;
  debtDeltaUsd: number | null;
  preferredDeltaUsd: number | null;
  committedDeltaUsd: number | null;
  sharesDelta: number | null;
  btcDelta: number | null;
  sourceUrl: string | null;
}

/** The company figures scoring reads; each key is also the figure's key in the database. */
export interface ScoringFigures {
  sharePriceUsd: Sourced | null;
  sharesOutstanding: Sourced | null;
  totalDebtUsd: Sourced | null;
  cashUsd: Sourced | null;
  /** null = none found (dataset convention), taken as 0 and said so in the explanation. */
  preferredEquityUsd: Sourced | null;
  committedFinancingUsd: Sourced | null;
  btcHeld: Sourced | null;
  btcValueUsdReported: Sourced | null;
  hashrateEhs: Sourced | null;
  marketCapPublishedUsd: Sourced | null;
  enterpriseValuePublishedUsd: Sourced | null;
  capexGuidanceUsdPerMw: CapexGuidance | null;
}

export interface ScoringCompany extends ScoringFigures {
  ticker: string;
  name: string;
  balanceSheetEvents: BalanceSheetEvent[];
  sites: ScoringSite[];
  contracts: ScoringContract[];
  overrides?: AssumptionOverrides | null;
}

/** Where and when the screen is looked at (the roll-forward and staleness of §10.1 and §10.10). */
export interface ViewContext {
  /** YYYY-MM-DD */
  viewDate: string;
}

export type Tier = 1 | 2 | 3;
export const FLAGS = [
  "below-build-cost",
  "gpu-funding",
  "short-tenor",
  "financing-gap",
  "no-ig-tenant",
  "mixed-dates",
  "stale-data",
  "published-ev",
  "no-price",
  "no-power",
  "negative-ev",
] as const;
export type Flag = (typeof FLAGS)[number];

/** The MW funnel of methodology §4, in IT MW before weighting (after ownership share, before §10.4). */
export interface Funnel {
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
  s6: number;
}
/** The part of each uncontracted block at remote or small sites, multiplied by remoteSiteFactor (§10.4). */
export interface RemoteMw {
  s4: number;
  s5: number;
  s6: number;
}

/** Lines of the funnel that v2 rules add or move, shown as their own rows. */
export interface FunnelLines {
  /** contract MW placed through siteAllocations (§10.2) */
  allocatedMw: number;
  /** unsited contract MW placed on the company's hpc/mixed sites (§10.2) */
  consumedMw: number;
  /** contract MW no site could hold: "contracted, site unknown" (S2) */
  siteUnknownMw: number;
  /** IT MW a phase-scoped IT figure leaves out and the gross figure adds (§10.3) */
  phaseExtendedMw: number;
}

/** One piece of a contract on one site (or on no known site). */
export interface Placement {
  site: string | null;
  itMw: number;
  how: "site" | "allocation" | "consumed" | "unknown";
}

export interface ContractScore {
  code: string;
  counterparty: string;
  /** who backs the tenant's obligations, as the contract names it (search and display; the credit uses its rating) */
  guarantor: string | null;
  /** company share of the contract (§10.6) */
  share: number;
  /** contract IT MW after the gross→IT conversion and × share; null when not disclosed */
  itMwIt: number | null;
  deliveredItMw: number;
  undeliveredItMw: number;
  placements: Placement[];
  totalValueUsd: number | null;
  annualValueUsd: number | null;
  t: number | null;
  c: number | null;
  beta: number;
  g: number | null;
  /** why G is empty (a GPU-cloud contract without its GPU capex or its value) */
  gReason?: string;
  s: number;
  cqs: number | null;
  cqsReason?: string;
  /** β's denominator: stated company capex, else contract MW × the company's capex per MW (§10.5) */
  capitalAtRiskUsd: number | null;
  capexRemainingUsd: number;
  buildingCapexUsd: number;
  gpuCapexNetUsd: number;
  /** tenant investment grade, or IG guarantor with β ≥ 0.5 (§10.11) */
  igBacked: boolean;
}

/** One Tier 1 rule tested: its figure against its threshold (§7). */
export interface TierCheck {
  id: "T1-a" | "T1-b" | "T1-c" | "T1-d" | "T1-e";
  label: string;
  pass: boolean;
  actual: number | null;
  threshold: number;
}

/** A tested rule in words. */
export interface TierRule extends TierCheck {
  /** One line with the numbers, e.g. "weighted tenor 5.0 y < 10 y (Microsoft, 5 y)". */
  detail: string;
}

export interface InputUsed {
  key: keyof ScoringFigures;
  value: number | null;
  asOf: string | null;
  sourceUrl: string | null;
  note: string | null;
  /** Why a null input was taken as 0 (dataset convention: none found). */
  assumedZero?: boolean;
}

/** The figures §10.1 rolls forward. */
export type BalanceSheetKey = "cashUsd" | "totalDebtUsd" | "preferredEquityUsd" | "committedFinancingUsd" | "sharesOutstanding" | "btcHeld";

export interface ProFormaLine {
  date: string;
  kind: BalanceSheetEventKind;
  description: string;
  delta: number;
  sourceUrl: string | null;
}

/** A reported figure, the dated transactions added to it, and the figure the model uses (§10.1). */
export interface ProFormaFigure {
  key: BalanceSheetKey;
  reported: Sourced | null;
  lines: ProFormaLine[];
  /** reported + Σ lines; null when the figure is missing */
  value: number | null;
  /** not reported, taken as 0 (§14), and rolled from that 0 by its events */
  fromZero: boolean;
}

/** A reported bitcoin value (§10.9) moved by later bitcoin sales and purchases at their price (§10.1). */
export interface RolledBtcValue {
  reported: Sourced;
  /** delta = −(the event's cash change): a sale takes its proceeds off the value */
  lines: ProFormaLine[];
  value: number;
  /** bitcoin events with no cash figure: their effect on the value is unknown */
  unvalued: BalanceSheetEvent[];
}

/** A figure's age on the view date (§10.10). */
export interface FigureAge {
  key: StaleFigure["key"];
  asOf: string;
  /** days from the as-of (for a month-only date, from its first day) to the view date */
  ageDays: number;
  /** the as-of gives only a month or year: the age is counted from its first day */
  approximate: boolean;
}

export interface StaleFigure {
  key: "sharePriceUsd" | "sharesOutstanding" | "totalDebtUsd" | "cashUsd" | "enterpriseValuePublishedUsd";
  asOf: string;
  /** days from the as-of (for a month-only date, from its first day) to the view date */
  ageDays: number;
  maxDays: number;
  /** the as-of gives only a month or year: the age is counted from its first day */
  approximate: boolean;
}

/** Which v2 rule an explanation line comes from (§10.x), or a v1 section. */
export type RuleRef =
  "§4" | "§5" | "§6" | "10.1" | "10.2" | "10.3" | "10.4" | "10.5" | "10.6" | "10.7" | "10.8" | "10.9" | "10.10" | "10.11" | "10.12";

/** One line of the company's explanation: what a rule did to a number, and the source of its input. */
export interface Adjustment {
  rule: RuleRef;
  text: string;
  sourceUrls: string[];
}

/** Output field → reason code for every output that is null (e.g. "missing:sharePrice"). */
export type Reasons = Partial<Record<string, string>>;

/**
 * Every figure, tier and flag of a company's score: what ranking, sweeps, filters and charts read. The
 * words that explain it (ScoreExplanation) are built only when asked for: `scoreCompany`, `explainRow`.
 */
export interface ScoreNumbers {
  ticker: string;
  name: string;
  viewDate: string;
  proForma: Record<BalanceSheetKey, ProFormaFigure>;
  marketCapUsd: number | null;
  /** market cap + debt + preferred − cash (pro-forma); null when an input is missing */
  enterpriseValueUsd: number | null;
  /** the same less bitcoin */
  enterpriseValueExBtcUsd: number | null;
  /** the EV the ratios use: computed (ex-BTC when subtractBitcoin) or the published fallback, less mining value */
  evUsedUsd: number | null;
  evSource: "computed" | "published" | null;
  /** the published EV as stored, for the reconciliation line (§10.8) */
  enterpriseValuePublished: Sourced | null;
  btcValueUsd: number;
  btcValueSource: "held" | "reported" | "none";
  /** the reported bitcoin value rolled to the view date, when btcValueSource is "reported" */
  btcValueRolled: RolledBtcValue | null;
  /** hashrate × miningValueUsdPerEh subtracted from the EV used (§10.12); 0 when off */
  miningValueUsd: number;
  funnel: Funnel;
  remoteMw: RemoteMw;
  funnelLines: FunnelLines;
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
  evPerEhUsd: number | null;
  tcvPerContractedMwUsd: number | null;
  annualValuePerContractedMwUsd: number | null;
  usdPerKwMonth: number | null;
  contracts: ContractScore[];
  cqs: number | null;
  weightedTenorYears: number | null;
  gpuCapexShareOfTcv: number | null;
  igShareOfTcv: number | null;
  /** the company's conversion capex per IT MW and where it comes from (§10.5) */
  capexPerMwUsd: number;
  capexPerMwSource: "guidance" | "assumption";
  capexRemainingUsd: number;
  financingGapUsd: number | null;
  gapToMarketCap: number | null;
  mainCounterparty: string | null;
  tier: Tier;
  rules: TierCheck[];
  flags: Flag[];
  staleFigures: StaleFigure[];
  /** the older of cash and debt when their dates are too far apart with nothing between (§10.1) */
  mixedDates: { older: "cashUsd" | "totalDebtUsd"; gapDays: number } | null;
  reasons: Reasons;
  assumptions: Assumptions;
  overriddenKeys: string[];
}

/** A score in words: each rule's line, the tier's one-line why, what each v2 rule did, the data's warnings. */
export interface ScoreExplanation {
  rules: TierRule[];
  why: string;
  adjustments: Adjustment[];
  warnings: string[];
  inputs: InputUsed[];
}

/** A score with its explanation (the company page, the API). */
export interface CompanyScore extends Omit<ScoreNumbers, "rules">, ScoreExplanation {}

export interface Ranking {
  /** 1-based; companies with negative EV rank after the rest, and missing discounts last. */
  rank: number;
  rankGroup: "ranked" | "negative-ev" | "unranked";
}

/** A row of `screen()`: the numbers and the rank. Its explanation is `explainRow(row)`. */
export interface ScreenRow extends ScoreNumbers, Ranking {}

/** A row with its explanation. */
export interface ExplainedRow extends CompanyScore, Ranking {}
