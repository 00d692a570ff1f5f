// Methodology §7: the five Tier 1 rules with the numbers behind them, the tier, and its one-line why.
// The tests read the seeds' three reasons — financing, tenor, delivery — and never the build-cost
// benchmark, so a lower build cost cannot change a tier (§10.5). Contract figures are at the company's
// share (§10.6).
import type { Assumptions } from "./assumptions";
import { pct, reasonWords, usdCompact } from "../format";
import type { ContractScore, ScoreNumbers, ScoringCompany, Tier, TierCheck, TierRule } from "./types";

export interface TierInputs {
  scores: ContractScore[];
  /** the tenors of the contracts, in the same order as `scores` */
  tenors: (number | null)[];
  contractedItMw: number;
  energizedContractedItMw: number;
  weightedTenorYears: number | null;
  gpuCapexShareOfTcv: number | null;
  gapToMarketCap: number | null;
  gapReason?: string;
}

/** The tier rules' inputs, read back from a score's numbers (to put them in words after the fact). */
export function tierInputsOf(s: Omit<ScoreNumbers, "rules">, company: ScoringCompany): TierInputs {
  return {
    scores: s.contracts,
    tenors: company.contracts.map((c) => c.tenorYears),
    contractedItMw: s.contractedItMw,
    energizedContractedItMw: s.funnel.s1 + s.funnel.s2,
    weightedTenorYears: s.weightedTenorYears,
    gpuCapexShareOfTcv: s.gpuCapexShareOfTcv,
    gapToMarketCap: s.gapToMarketCap,
    gapReason: s.reasons.gapToMarketCap,
  };
}

const cmp = (pass: boolean, ge = true) => (pass ? (ge ? "≥" : "≤") : ge ? "<" : ">");

/**
 * A figure beside its threshold with enough decimals that the comparison reads true: "30.2% > 30%", not
 * "30% > 30%"; "99.6 MW < 100 MW", not "100 MW < 100 MW". `format(v, digits)` writes v with `digits`.
 */
function vs(actual: number, threshold: number, format: (v: number, digits: number) => string, fewest = 0): string {
  for (let digits = fewest; digits < fewest + 3; digits++)
    if (actual === threshold || format(actual, digits) !== format(threshold, digits)) return format(actual, digits);
  return format(actual, fewest + 3);
}
const mwText = (v: number, digits: number) => `${digits === 0 ? Math.round(v) : +v.toFixed(digits)} MW`;
/** A threshold as the assumption set holds it (100 MW, 100.5 MW). */
const mwThreshold = (v: number) => `${v} MW`;
const mwVs = (actual: number, threshold: number) => vs(actual, threshold, mwText);
const pctVs = (actual: number, threshold: number) => vs(actual, threshold, pct);
const yearsVs = (actual: number, threshold: number) => vs(actual, threshold, (v, d) => `${v.toFixed(d)} y`, 1);
/** $999,999,999 beside a $1B threshold is written out in dollars: usdCompact makes both "$1.00B". */
const usdVs = (actual: number, threshold: number) =>
  actual !== threshold && usdCompact(actual) === usdCompact(threshold) ? `$${Math.round(actual).toLocaleString("en-US")}` : usdCompact(actual);

/** "Counterparty, N y" of the contracts the tenor weighting uses, joined by "; ". */
function tenorParts(x: TierInputs): string {
  return x.scores.flatMap((c, i) => (x.tenors[i] != null && c.annualValueUsd != null ? [`${c.counterparty}, ${x.tenors[i]} y`] : [])).join("; ");
}

/** The five Tier 1 tests: each figure against its threshold. */
export function tierChecks(x: TierInputs, a: Assumptions): TierCheck[] {
  const energizedShare = x.contractedItMw > 0 ? x.energizedContractedItMw / x.contractedItMw : null;
  return [
    check("T1-a", "Contracted IT MW", x.contractedItMw, a.tier1MinContractedItMw, x.contractedItMw >= a.tier1MinContractedItMw),
    check(
      "T1-b",
      "Value-weighted tenor",
      x.weightedTenorYears,
      a.tier1MinTenorYears,
      x.weightedTenorYears != null && x.weightedTenorYears >= a.tier1MinTenorYears,
    ),
    check(
      "T1-c",
      "Company-funded GPU capex / contract value",
      x.gpuCapexShareOfTcv,
      a.tier1MaxGpuCapexShare,
      x.gpuCapexShareOfTcv != null && x.gpuCapexShareOfTcv <= a.tier1MaxGpuCapexShare,
    ),
    check(
      "T1-d",
      "Financing gap / market cap",
      x.gapToMarketCap,
      a.tier1MaxGapToMarketCap,
      x.gapToMarketCap != null && x.gapToMarketCap <= a.tier1MaxGapToMarketCap,
    ),
    check(
      "T1-e",
      "Contracted MW delivered or on energized sites",
      energizedShare,
      a.tier1MinEnergizedShare,
      energizedShare != null && energizedShare >= a.tier1MinEnergizedShare,
    ),
  ];
}

const check = (id: TierCheck["id"], label: string, actual: number | null, threshold: number, pass: boolean): TierCheck => ({
  id,
  label,
  actual,
  threshold,
  pass,
});

/** Tier 1 when every rule passes; else Tier 2 with a material contract (MW or one contract's value); else Tier 3. */
export function tierOf(checks: readonly TierCheck[], x: TierInputs, a: Assumptions): Tier {
  if (checks.every((r) => r.pass)) return 1;
  return x.contractedItMw >= a.tier2MinContractedItMw || largestContractValue(x) >= a.tier2MinContractValueUsd ? 2 : 3;
}

function largestContractValue(x: TierInputs): number {
  let largest = 0;
  for (const c of x.scores) if (c.totalValueUsd != null && c.totalValueUsd > largest) largest = c.totalValueUsd;
  return largest;
}

/** Each rule's line with the numbers behind it. */
export function tierRules(checks: readonly TierCheck[], x: TierInputs, a: Assumptions): TierRule[] {
  const [ruleA, ruleB, ruleC, ruleD, ruleE] = checks;
  const noContracts = x.scores.length === 0;
  const parts = tenorParts(x);
  const details = [
    `contracted ${mwVs(x.contractedItMw, a.tier1MinContractedItMw)} ${cmp(ruleA.pass)} ${mwThreshold(a.tier1MinContractedItMw)}`,
    x.weightedTenorYears == null
      ? noContracts
        ? "no contracts"
        : "tenor or contract value missing"
      : `weighted tenor ${yearsVs(x.weightedTenorYears, a.tier1MinTenorYears)} ${cmp(ruleB.pass)} ${a.tier1MinTenorYears} y${parts ? ` (${parts})` : ""}`,
    x.gpuCapexShareOfTcv == null
      ? noContracts
        ? "no contracts"
        : "GPU capex or contract value missing"
      : `GPU capex ${pctVs(x.gpuCapexShareOfTcv, a.tier1MaxGpuCapexShare)} of TCV ${cmp(ruleC.pass, false)} ${pct(a.tier1MaxGpuCapexShare)}`,
    x.gapToMarketCap == null
      ? `financing gap / market cap not computable: ${x.gapReason ? reasonWords(x.gapReason) : "data is missing"}`
      : `financing gap ${pctVs(x.gapToMarketCap, a.tier1MaxGapToMarketCap)} of market cap ${cmp(ruleD.pass, false)} ${pct(a.tier1MaxGapToMarketCap)}`,
    ruleE.actual == null
      ? "no contracted MW"
      : `${pctVs(ruleE.actual, a.tier1MinEnergizedShare)} of contracted MW in S1+S2 ${cmp(ruleE.pass)} ${pct(a.tier1MinEnergizedShare)}`,
  ];
  return checks.map((r, i) => ({ ...r, detail: details[i] }));
}

/** The tier's one line: every rule when all pass, else each failed rule (and why a Tier 3 is not Tier 2). */
export function tierWhy(tier: Tier, rules: readonly TierRule[], x: TierInputs, a: Assumptions): string {
  if (tier === 1) return `Tier 1: all five rules pass — ${rules.map((r) => r.detail).join("; ")}`;
  const failed = rules
    .filter((r) => !r.pass)
    .map((r) => `${r.id} failed — ${r.detail}`)
    .join("; ");
  if (tier === 2) return `Tier 2: ${failed}`;
  const largest = largestContractValue(x);
  const reason =
    x.scores.length === 0
      ? "no AI/HPC contract"
      : `no material contract — contracted ${mwVs(x.contractedItMw, a.tier2MinContractedItMw)} < ${mwThreshold(a.tier2MinContractedItMw)} and largest contract ${usdVs(largest, a.tier2MinContractValueUsd)} < ${usdCompact(a.tier2MinContractValueUsd)}`;
  return `Tier 3: ${reason}; ${failed}`;
}
