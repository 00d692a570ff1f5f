// Methodology §6: contract quality (T, C, β, G, S → CQS) and the capex each contract leaves to fund.
import type { Assumptions } from "./assumptions";
import { contractItMw } from "./funnel";
import type { ContractScore, ScoringContract } from "./types";

/**
 * Score of a published rating. S&P/Fitch letters (AA+, BBB-) and Moody's (Aa1, Baa3, Ba3) both map to
 * the same buckets; anything else (or none) is "B / unrated".
 */
export function ratingScore(rating: string | null, a: Assumptions): number {
  if (!rating) return a.ratingScoreBOrUnrated;
  let bucket = BUCKETS.get(rating);
  if (bucket === undefined) {
    bucket = ratingBucket(rating);
    if (BUCKETS.size >= 1000) BUCKETS.clear(); // ratings are a small vocabulary; never grow without bound
    BUCKETS.set(rating, bucket);
  }
  return a[bucket];
}

type RatingKey = "ratingScoreAaaAa" | "ratingScoreA" | "ratingScoreBbb" | "ratingScoreBb" | "ratingScoreBOrUnrated";
/** Rating text → its assumption key; parsing the text once per distinct rating keeps scoring allocation-free. */
const BUCKETS = new Map<string, RatingKey>();

function ratingBucket(rating: string): RatingKey {
  const r = rating.trim();
  const letters = MOODYS.test(r) ? moodysToLetters(r) : r.toUpperCase().replace(/[+\-\s]/g, "");
  if (letters === "AAA" || letters === "AA") return "ratingScoreAaaAa";
  if (letters === "A") return "ratingScoreA";
  if (letters === "BBB") return "ratingScoreBbb";
  if (letters === "BB") return "ratingScoreBb";
  return "ratingScoreBOrUnrated";
}

/** Moody's long-term scale: Aaa, Aa1–3, A1–3, Baa1–3, Ba1–3, B1–3, Caa… (S&P letters never carry digits). */
const MOODYS = /^(Aaa|Aa[1-3]?|A[1-3]|Baa[1-3]?|Ba[1-3]?|B[1-3]|Caa[1-3]?|Ca|C)$/;

function moodysToLetters(r: string): string {
  const base = r.replace(/[0-9\s]/g, "");
  const map: Record<string, string> = { Aaa: "AAA", Aa: "AA", A: "A", Baa: "BBB", Ba: "BB", B: "B" };
  return map[base] ?? "";
}

export function leaseScore(c: ScoringContract, a: Assumptions): number {
  switch (c.leaseType ?? (c.structure === "gpu_cloud" ? "cloud" : "gross")) {
    case "NNN": return a.structureScoreNnn;
    case "modified_gross": return a.structureScoreModifiedGross;
    case "cloud": return a.structureScoreCloud;
    default: return a.structureScoreGross;
  }
}

const W_PER_MW = 1e6;

export function scoreContract(c: ScoringContract, undeliveredItMw: number, a: Assumptions): ContractScore {
  const itMwIt = contractItMw(c, a);
  const buildCostPerMw = a.buildCostBaseUsdPerW * W_PER_MW;

  const t = c.tenorYears != null ? Math.min(1, c.tenorYears / a.facilityLifeYears) : null;

  const capitalAtRisk = c.companyFundedCapexUsd ?? (itMwIt != null ? itMwIt * buildCostPerMw : null);
  const backstop = c.backstopUsd ?? 0;
  const beta = backstop <= 0 ? 0 : capitalAtRisk == null || capitalAtRisk <= 0 ? 1 : Math.min(1, backstop / capitalAtRisk);
  const sTenant = ratingScore(c.counterpartyRating, a);
  const sGuarantor = c.guarantor ? ratingScore(c.guarantorRating, a) : 0;
  const credit = sTenant + beta * Math.max(0, sGuarantor - sTenant);

  const gpuCapexNetUsd = Math.max(0, (c.companyGpuCapexUsd ?? 0) - (c.prepaymentUsd ?? 0));
  let g: number | null = 1;
  let gReason: string | undefined;
  if (c.structure === "gpu_cloud") {
    if (c.companyGpuCapexUsd == null) { g = null; gReason = "missing:companyGpuCapexUsd"; }
    else if (!c.totalValueUsd) { g = null; gReason = "missing:totalValueUsd"; }
    else g = 1 - Math.min(1, gpuCapexNetUsd / c.totalValueUsd);
  }
  const s = leaseScore(c, a);

  let cqs: number | null = null;
  let cqsReason: string | undefined;
  if (t == null) cqsReason = "missing:tenorYears";
  else if (g == null) cqsReason = gReason;
  else cqs = 100 * (a.cqsWeightTenor * t + a.cqsWeightCredit * credit + a.cqsWeightGpu * g + a.cqsWeightStructure * s);

  const buildingCapexUsd =
    c.companyFundedCapexUsd ?? undeliveredItMw * buildCostPerMw * (1 - (c.tenantFundedCapexShare ?? 0));

  const annualValueUsd = c.totalValueUsd != null && c.tenorYears ? c.totalValueUsd / c.tenorYears : null;

  return {
    code: c.code,
    counterparty: c.counterparty,
    itMwIt,
    undeliveredItMw,
    annualValueUsd,
    t,
    c: credit,
    beta,
    g,
    s,
    cqs,
    cqsReason,
    capexRemainingUsd: buildingCapexUsd + gpuCapexNetUsd,
    buildingCapexUsd,
    gpuCapexNetUsd,
  };
}
