// Methodology §7: the five Tier 1 rules with the numbers behind them, the tier, and its one-line why.
// The tests read the seeds' three reasons — financing, tenor, delivery — and never the build-cost
// benchmark, so a lower build cost cannot change a tier (§10.5). Contract figures are at the company's
// share (§10.6).
import type { Assumptions } from "./assumptions";
import { pct, reasonWords, usdCompact } from "../format";
import type { ContractScore, Tier, TierRule } from "./types";

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

export function tierRules(x: TierInputs, a: Assumptions): TierRule[] {
  const energizedShare = x.contractedItMw > 0 ? x.energizedContractedItMw / x.contractedItMw : null;
  const noContracts = x.scores.length === 0;
  const passA = x.contractedItMw >= a.tier1MinContractedItMw;
  const passB = x.weightedTenorYears != null && x.weightedTenorYears >= a.tier1MinTenorYears;
  const passC = x.gpuCapexShareOfTcv != null && x.gpuCapexShareOfTcv <= a.tier1MaxGpuCapexShare;
  const passD = x.gapToMarketCap != null && x.gapToMarketCap <= a.tier1MaxGapToMarketCap;
  const passE = energizedShare != null && energizedShare >= a.tier1MinEnergizedShare;
  const parts = tenorParts(x);

  return [
    {
      id: "T1-a",
      label: "Contracted IT MW",
      actual: x.contractedItMw,
      threshold: a.tier1MinContractedItMw,
      pass: passA,
      detail: `contracted ${mwVs(x.contractedItMw, a.tier1MinContractedItMw)} ${cmp(passA)} ${mwThreshold(a.tier1MinContractedItMw)}`,
    },
    {
      id: "T1-b",
      label: "Value-weighted tenor",
      actual: x.weightedTenorYears,
      threshold: a.tier1MinTenorYears,
      pass: passB,
      detail:
        x.weightedTenorYears == null
          ? noContracts
            ? "no contracts"
            : "tenor or contract value missing"
          : `weighted tenor ${yearsVs(x.weightedTenorYears, a.tier1MinTenorYears)} ${cmp(passB)} ${a.tier1MinTenorYears} y${parts ? ` (${parts})` : ""}`,
    },
    {
      id: "T1-c",
      label: "Company-funded GPU capex / contract value",
      actual: x.gpuCapexShareOfTcv,
      threshold: a.tier1MaxGpuCapexShare,
      pass: passC,
      detail:
        x.gpuCapexShareOfTcv == null
          ? noContracts
            ? "no contracts"
            : "GPU capex or contract value missing"
          : `GPU capex ${pctVs(x.gpuCapexShareOfTcv, a.tier1MaxGpuCapexShare)} of TCV ${cmp(passC, false)} ${pct(a.tier1MaxGpuCapexShare)}`,
    },
    {
      id: "T1-d",
      label: "Financing gap / market cap",
      actual: x.gapToMarketCap,
      threshold: a.tier1MaxGapToMarketCap,
      pass: passD,
      detail:
        x.gapToMarketCap == null
          ? `financing gap / market cap not computable: ${x.gapReason ? reasonWords(x.gapReason) : "data is missing"}`
          : `financing gap ${pctVs(x.gapToMarketCap, a.tier1MaxGapToMarketCap)} of market cap ${cmp(passD, false)} ${pct(a.tier1MaxGapToMarketCap)}`,
    },
    {
      id: "T1-e",
      label: "Contracted MW delivered or on energized sites",
      actual: energizedShare,
      threshold: a.tier1MinEnergizedShare,
      pass: passE,
      detail:
        energizedShare == null
          ? "no contracted MW"
          : `${pctVs(energizedShare, a.tier1MinEnergizedShare)} of contracted MW in S1+S2 ${cmp(passE)} ${pct(a.tier1MinEnergizedShare)}`,
    },
  ];
}

export function decideTier(rules: TierRule[], x: TierInputs, a: Assumptions): { tier: Tier; why: string } {
  const failed = rules
    .filter((r) => !r.pass)
    .map((r) => `${r.id} failed — ${r.detail}`)
    .join("; ");
  if (!failed) return { tier: 1, why: `Tier 1: all five rules pass — ${rules.map((r) => r.detail).join("; ")}` };
  const largest = Math.max(0, ...x.scores.map((c) => c.totalValueUsd ?? 0));
  if (x.contractedItMw >= a.tier2MinContractedItMw || largest >= a.tier2MinContractValueUsd) return { tier: 2, why: `Tier 2: ${failed}` };
  const reason =
    x.scores.length === 0
      ? "no AI/HPC contract"
      : `no material contract — contracted ${mwVs(x.contractedItMw, a.tier2MinContractedItMw)} < ${mwThreshold(a.tier2MinContractedItMw)} and largest contract ${usdVs(largest, a.tier2MinContractValueUsd)} < ${usdCompact(a.tier2MinContractValueUsd)}`;
  return { tier: 3, why: `Tier 3: ${reason}; ${failed}` };
}
