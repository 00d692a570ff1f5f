// Methodology §7: the five Tier 1 rules with the numbers behind them, the tier, and its one-line why.
import type { Assumptions } from "./assumptions";
import { pct, usdCompact, years } from "../format";
import type { ContractScore, ScoringContract, Tier, TierRule } from "./types";

export interface TierInputs {
  contracts: ScoringContract[];
  scores: ContractScore[];
  contractedItMw: number;
  energizedContractedItMw: number;
  weightedTenorYears: number | null;
  gpuCapexShareOfTcv: number | null;
  gapToMarketCap: number | null;
  gapReason?: string;
}

const mw = (v: number) => `${Math.round(v)} MW`;

export function tierRules(x: TierInputs, a: Assumptions): TierRule[] {
  const tenorParts = x.contracts
    .filter((c) => c.tenorYears != null && c.totalValueUsd != null) // the contracts the weighting uses
    .map((c) => `${c.counterparty}, ${c.tenorYears} y`)
    .join("; ");
  const energizedShare = x.contractedItMw > 0 ? x.energizedContractedItMw / x.contractedItMw : null;
  const rule = (id: TierRule["id"], label: string, actual: number | null, threshold: number, pass: boolean, detail: string): TierRule =>
    ({ id, label, actual, threshold, pass, detail });

  return [
    rule("T1-a", "Contracted IT MW", x.contractedItMw, a.tier1MinContractedItMw,
      x.contractedItMw >= a.tier1MinContractedItMw,
      `contracted ${mw(x.contractedItMw)} ${x.contractedItMw >= a.tier1MinContractedItMw ? "≥" : "<"} ${mw(a.tier1MinContractedItMw)}`),
    rule("T1-b", "Value-weighted tenor", x.weightedTenorYears, a.tier1MinTenorYears,
      x.weightedTenorYears != null && x.weightedTenorYears >= a.tier1MinTenorYears,
      x.weightedTenorYears == null
        ? x.contracts.length === 0 ? "no contracts" : "tenor or contract value missing"
        : `weighted tenor ${years(x.weightedTenorYears)} ${x.weightedTenorYears >= a.tier1MinTenorYears ? "≥" : "<"} ${a.tier1MinTenorYears} y${tenorParts ? ` (${tenorParts})` : ""}`),
    rule("T1-c", "Company-funded GPU capex / contract value", x.gpuCapexShareOfTcv, a.tier1MaxGpuCapexShare,
      x.gpuCapexShareOfTcv != null && x.gpuCapexShareOfTcv <= a.tier1MaxGpuCapexShare,
      x.gpuCapexShareOfTcv == null
        ? x.contracts.length === 0 ? "no contracts" : "GPU capex or contract value missing"
        : `GPU capex ${pct(x.gpuCapexShareOfTcv)} of TCV ${x.gpuCapexShareOfTcv <= a.tier1MaxGpuCapexShare ? "≤" : ">"} ${pct(a.tier1MaxGpuCapexShare)}`),
    rule("T1-d", "Financing gap / market cap", x.gapToMarketCap, a.tier1MaxGapToMarketCap,
      x.gapToMarketCap != null && x.gapToMarketCap <= a.tier1MaxGapToMarketCap,
      x.gapToMarketCap == null
        ? `financing gap / market cap not computable (${x.gapReason ?? "missing data"})`
        : `financing gap ${pct(x.gapToMarketCap)} of market cap ${x.gapToMarketCap <= a.tier1MaxGapToMarketCap ? "≤" : ">"} ${pct(a.tier1MaxGapToMarketCap)}`),
    rule("T1-e", "Contracted MW delivered or on energized sites", energizedShare, a.tier1MinEnergizedShare,
      energizedShare != null && energizedShare >= a.tier1MinEnergizedShare,
      energizedShare == null
        ? "no contracted MW"
        : `${pct(energizedShare)} of contracted MW in S1+S2 ${energizedShare >= a.tier1MinEnergizedShare ? "≥" : "<"} ${pct(a.tier1MinEnergizedShare)}`),
  ];
}

export function decideTier(rules: TierRule[], x: TierInputs, a: Assumptions): { tier: Tier; why: string } {
  const failed = rules.filter((r) => !r.pass);
  if (failed.length === 0)
    return { tier: 1, why: `Tier 1: all five rules pass — ${rules.map((r) => r.detail).join("; ")}` };
  const failedText = failed.map((r) => `${r.id} failed — ${r.detail}`).join("; ");
  const largest = x.contracts.reduce((m, c) => Math.max(m, c.totalValueUsd ?? 0), 0);
  const material = x.contractedItMw >= a.tier2MinContractedItMw || largest >= a.tier2MinContractValueUsd;
  if (material) return { tier: 2, why: `Tier 2: ${failedText}` };
  const reason = x.contracts.length === 0
    ? "no AI/HPC contract"
    : `no material contract — contracted ${mw(x.contractedItMw)} < ${mw(a.tier2MinContractedItMw)} and largest contract ${usdCompact(largest)} < ${usdCompact(a.tier2MinContractValueUsd)}`;
  return { tier: 3, why: `Tier 3: ${reason}; ${failedText}` };
}
