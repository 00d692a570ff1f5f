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

/** The threshold half of each rule's text depends on the assumptions only: made once per set of values. */
interface ThresholdText { minContracted: string; minTenor: string; maxGpu: string; maxGap: string; minEnergized: string; t2Mw: string; t2Usd: string }
let cachedKey: number[] = [];
let cachedText: ThresholdText | null = null;

function thresholdText(a: Assumptions): ThresholdText {
  const k = cachedKey;
  if (
    cachedText === null || k[0] !== a.tier1MinContractedItMw || k[1] !== a.tier1MinTenorYears || k[2] !== a.tier1MaxGpuCapexShare ||
    k[3] !== a.tier1MaxGapToMarketCap || k[4] !== a.tier1MinEnergizedShare || k[5] !== a.tier2MinContractedItMw || k[6] !== a.tier2MinContractValueUsd
  ) {
    cachedKey = [a.tier1MinContractedItMw, a.tier1MinTenorYears, a.tier1MaxGpuCapexShare, a.tier1MaxGapToMarketCap, a.tier1MinEnergizedShare, a.tier2MinContractedItMw, a.tier2MinContractValueUsd];
    cachedText = {
      minContracted: mw(a.tier1MinContractedItMw), minTenor: `${a.tier1MinTenorYears} y`, maxGpu: pct(a.tier1MaxGpuCapexShare),
      maxGap: pct(a.tier1MaxGapToMarketCap), minEnergized: pct(a.tier1MinEnergizedShare),
      t2Mw: mw(a.tier2MinContractedItMw), t2Usd: usdCompact(a.tier2MinContractValueUsd),
    };
  }
  return cachedText;
}

/** "Counterparty, N y" of the contracts the tenor weighting uses, joined by "; ". */
function tenorParts(contracts: ScoringContract[]): string {
  let out = "";
  for (let i = 0; i < contracts.length; i++) {
    const c = contracts[i];
    if (c.tenorYears != null && c.totalValueUsd != null) out += `${out ? "; " : ""}${c.counterparty}, ${c.tenorYears} y`;
  }
  return out;
}

const rule = (id: TierRule["id"], label: string, actual: number | null, threshold: number, pass: boolean, detail: string): TierRule =>
  ({ id, label, actual, threshold, pass, detail });

/** `explain: false` leaves every `detail` empty (for callers that read the numbers only, e.g. a sweep). */
export function tierRules(x: TierInputs, a: Assumptions, explain = true): TierRule[] {
  const energizedShare = x.contractedItMw > 0 ? x.energizedContractedItMw / x.contractedItMw : null;
  const noContracts = x.contracts.length === 0;
  const passA = x.contractedItMw >= a.tier1MinContractedItMw;
  const passB = x.weightedTenorYears != null && x.weightedTenorYears >= a.tier1MinTenorYears;
  const passC = x.gpuCapexShareOfTcv != null && x.gpuCapexShareOfTcv <= a.tier1MaxGpuCapexShare;
  const passD = x.gapToMarketCap != null && x.gapToMarketCap <= a.tier1MaxGapToMarketCap;
  const passE = energizedShare != null && energizedShare >= a.tier1MinEnergizedShare;
  if (!explain) {
    return [
      rule("T1-a", "Contracted IT MW", x.contractedItMw, a.tier1MinContractedItMw, passA, ""),
      rule("T1-b", "Value-weighted tenor", x.weightedTenorYears, a.tier1MinTenorYears, passB, ""),
      rule("T1-c", "Company-funded GPU capex / contract value", x.gpuCapexShareOfTcv, a.tier1MaxGpuCapexShare, passC, ""),
      rule("T1-d", "Financing gap / market cap", x.gapToMarketCap, a.tier1MaxGapToMarketCap, passD, ""),
      rule("T1-e", "Contracted MW delivered or on energized sites", energizedShare, a.tier1MinEnergizedShare, passE, ""),
    ];
  }
  const t = thresholdText(a);
  let tenorDetail: string;
  if (x.weightedTenorYears == null) tenorDetail = noContracts ? "no contracts" : "tenor or contract value missing";
  else {
    const parts = tenorParts(x.contracts);
    tenorDetail = `weighted tenor ${years(x.weightedTenorYears)} ${passB ? "≥" : "<"} ${t.minTenor}${parts ? ` (${parts})` : ""}`;
  }

  return [
    rule("T1-a", "Contracted IT MW", x.contractedItMw, a.tier1MinContractedItMw, passA,
      `contracted ${mw(x.contractedItMw)} ${passA ? "≥" : "<"} ${t.minContracted}`),
    rule("T1-b", "Value-weighted tenor", x.weightedTenorYears, a.tier1MinTenorYears, passB, tenorDetail),
    rule("T1-c", "Company-funded GPU capex / contract value", x.gpuCapexShareOfTcv, a.tier1MaxGpuCapexShare, passC,
      x.gpuCapexShareOfTcv == null
        ? noContracts ? "no contracts" : "GPU capex or contract value missing"
        : `GPU capex ${pct(x.gpuCapexShareOfTcv)} of TCV ${passC ? "≤" : ">"} ${t.maxGpu}`),
    rule("T1-d", "Financing gap / market cap", x.gapToMarketCap, a.tier1MaxGapToMarketCap, passD,
      x.gapToMarketCap == null
        ? `financing gap / market cap not computable (${x.gapReason ?? "missing data"})`
        : `financing gap ${pct(x.gapToMarketCap)} of market cap ${passD ? "≤" : ">"} ${t.maxGap}`),
    rule("T1-e", "Contracted MW delivered or on energized sites", energizedShare, a.tier1MinEnergizedShare, passE,
      energizedShare == null
        ? "no contracted MW"
        : `${pct(energizedShare)} of contracted MW in S1+S2 ${passE ? "≥" : "<"} ${t.minEnergized}`),
  ];
}

/** `explain: false` leaves `why` empty. */
export function decideTier(rules: TierRule[], x: TierInputs, a: Assumptions, explain = true): { tier: Tier; why: string } {
  let failedText = "";
  let allPass = true;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i];
    if (!r.pass) {
      if (explain) failedText += `${allPass ? "" : "; "}${r.id} failed — ${r.detail}`;
      allPass = false;
    }
  }
  if (!explain) {
    if (allPass) return { tier: 1, why: "" };
    let largest = 0;
    for (let i = 0; i < x.contracts.length; i++) largest = Math.max(largest, x.contracts[i].totalValueUsd ?? 0);
    return { tier: x.contractedItMw >= a.tier2MinContractedItMw || largest >= a.tier2MinContractValueUsd ? 2 : 3, why: "" };
  }
  if (allPass) {
    let details = "";
    for (let i = 0; i < rules.length; i++) details += `${i ? "; " : ""}${rules[i].detail}`;
    return { tier: 1, why: `Tier 1: all five rules pass — ${details}` };
  }
  let largest = 0;
  for (let i = 0; i < x.contracts.length; i++) largest = Math.max(largest, x.contracts[i].totalValueUsd ?? 0);
  const material = x.contractedItMw >= a.tier2MinContractedItMw || largest >= a.tier2MinContractValueUsd;
  if (material) return { tier: 2, why: `Tier 2: ${failedText}` };
  const t = thresholdText(a);
  const reason = x.contracts.length === 0
    ? "no AI/HPC contract"
    : `no material contract — contracted ${mw(x.contractedItMw)} < ${t.t2Mw} and largest contract ${usdCompact(largest)} < ${t.t2Usd}`;
  return { tier: 3, why: `Tier 3: ${reason}; ${failedText}` };
}
