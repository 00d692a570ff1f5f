// Methodology §6 with v2's §10.5–10.7 and §10.11: contract quality (T, C, β, G, S → CQS), whether the
// contract is investment-grade backed, and the capex it leaves the company to fund. Every MW and dollar
// figure of a contract counts at the company's share of it (§10.6).
import type { Assumptions } from "./assumptions";
import type { ContractScore, Placement, ScoringContract } from "./types";

type RatingKey = "ratingScoreAaaAa" | "ratingScoreA" | "ratingScoreBbb" | "ratingScoreBb" | "ratingScoreBOrUnrated";

/** Moody's long-term scale: Aaa, Aa1–3, A1–3, Baa1–3, Ba1–3, B1–3, Caa… (S&P letters never carry digits). */
const MOODYS = /^(Aaa|Aa[1-3]?|A[1-3]|Baa[1-3]?|Ba[1-3]?|B[1-3]|Caa[1-3]?|Ca|C)$/;
const MOODYS_LETTERS: Record<string, string> = { Aaa: "AAA", Aa: "AA", A: "A", Baa: "BBB", Ba: "BB", B: "B" };

/**
 * The bucket of a published rating. S&P/Fitch letters (AA+, BBB-) and Moody's (Aa1, Baa3, Ba3) map to the
 * same buckets; "IG" — a tenant described only as investment grade — is the lowest IG bucket, BBB (§10.7);
 * anything else (or none) is "B / unrated".
 */
export function ratingBucket(rating: string | null): RatingKey {
  if (!rating) return "ratingScoreBOrUnrated";
  const r = rating.trim();
  const letters = MOODYS.test(r) ? (MOODYS_LETTERS[r.replace(/[0-9\s]/g, "")] ?? "") : r.toUpperCase().replace(/[+\-\s]/g, "");
  if (letters === "AAA" || letters === "AA") return "ratingScoreAaaAa";
  if (letters === "A") return "ratingScoreA";
  if (letters === "BBB" || letters === "IG") return "ratingScoreBbb";
  if (letters === "BB") return "ratingScoreBb";
  return "ratingScoreBOrUnrated";
}

export const ratingScore = (rating: string | null, a: Assumptions): number => a[ratingBucket(rating)];

const INVESTMENT_GRADE: ReadonlySet<RatingKey> = new Set(["ratingScoreAaaAa", "ratingScoreA", "ratingScoreBbb"]);
export const isInvestmentGrade = (rating: string | null) => INVESTMENT_GRADE.has(ratingBucket(rating));

export function leaseScore(c: ScoringContract, a: Assumptions): number {
  switch (c.leaseType ?? (c.structure === "gpu_cloud" ? "cloud" : "gross")) {
    case "NNN":
      return a.structureScoreNnn;
    case "modified_gross":
      return a.structureScoreModifiedGross;
    case "cloud":
      return a.structureScoreCloud;
    default:
      return a.structureScoreGross;
  }
}

/** The contract's MW as the funnel placed them, at the company's share. */
export interface ContractMw {
  itMw: number | null;
  delivered: number;
  placements: Placement[];
}

const W_PER_MW = 1e6;

/**
 * @param capexPerMwUsd the company's own build cost per IT MW (§10.5): its stated guidance, else the
 *   conversion-capex assumption — never the build-cost benchmark of the discount.
 */
export function scoreContract(c: ScoringContract, mw: ContractMw, capexPerMwUsd: number, a: Assumptions): ContractScore {
  const share = c.companyShare;
  const atShare = (v: number | null) => (v == null ? null : v * share);
  const undeliveredItMw = Math.max(0, (mw.itMw ?? 0) - mw.delivered);
  const totalValueUsd = atShare(c.totalValueUsd);
  const statedCapexUsd = atShare(c.companyFundedCapexUsd);

  const t = c.tenorYears != null ? Math.min(1, c.tenorYears / a.facilityLifeYears) : null;

  // MW the stated capex covers (IT MW, §10.5): all of them when no MW figure is given with it.
  const coveredMw = statedCapexUsd == null ? 0 : c.companyFundedCapexMw == null ? Infinity : c.companyFundedCapexMw * share;
  const notCoveredMw = Math.max(0, (mw.itMw ?? 0) - coveredMw);

  // Credit: the tenant's score, lifted toward the guarantor's by the share of capital the backstop covers.
  // Capital at risk is the whole build: a stated capex that covers part of it plus the rest at capex per MW.
  const capitalAtRiskUsd = statedCapexUsd != null ? statedCapexUsd + notCoveredMw * capexPerMwUsd : mw.itMw != null ? mw.itMw * capexPerMwUsd : null;
  const backstop = atShare(c.backstopUsd) ?? 0;
  const beta = backstop <= 0 ? 0 : capitalAtRiskUsd == null || capitalAtRiskUsd <= 0 ? 1 : Math.min(1, backstop / capitalAtRiskUsd);
  const sTenant = ratingScore(c.counterpartyRating, a);
  const sGuarantor = c.guarantor ? ratingScore(c.guarantorRating, a) : 0;
  const credit = sTenant + beta * Math.max(0, sGuarantor - sTenant);
  const igBacked = isInvestmentGrade(c.counterpartyRating) || (c.guarantor != null && isInvestmentGrade(c.guarantorRating) && beta >= 0.5);

  const gpuCapexNetUsd = Math.max(0, (c.companyGpuCapexUsd ?? 0) - (c.prepaymentUsd ?? 0)) * share;
  let g: number | null = 1;
  let gReason: string | undefined;
  if (c.structure === "gpu_cloud") {
    if (c.companyGpuCapexUsd == null) {
      g = null;
      gReason = "missing:companyGpuCapexUsd";
    } else if (!totalValueUsd) {
      g = null;
      gReason = "missing:totalValueUsd";
    } else g = 1 - Math.min(1, gpuCapexNetUsd / totalValueUsd);
  }
  const s = leaseScore(c, a);

  let cqs: number | null = null;
  let cqsReason: string | undefined;
  if (t == null) cqsReason = "missing:tenorYears";
  else if (g == null) cqsReason = gReason;
  else cqs = 100 * (a.cqsWeightTenor * t + a.cqsWeightCredit * credit + a.cqsWeightGpu * g + a.cqsWeightStructure * s);

  // Building capex still to fund: a stated total where there is one, the MW it does not cover (or all
  // undelivered MW without one) at the company's capex per MW, less the tenant's share.
  const tenantPays = c.tenantFundedCapexShare ?? 0;
  const uncoveredMw = Math.min(undeliveredItMw, notCoveredMw);
  const buildingCapexUsd = (statedCapexUsd ?? 0) + uncoveredMw * capexPerMwUsd * (1 - tenantPays);

  const annualValueUsd = totalValueUsd != null && c.tenorYears ? totalValueUsd / c.tenorYears : null;

  return {
    code: c.code,
    counterparty: c.counterparty,
    guarantor: c.guarantor,
    share,
    itMwIt: mw.itMw,
    deliveredItMw: mw.delivered,
    undeliveredItMw,
    placements: mw.placements,
    totalValueUsd,
    annualValueUsd,
    t,
    c: credit,
    beta,
    g,
    gReason,
    s,
    cqs,
    cqsReason,
    capitalAtRiskUsd,
    capexRemainingUsd: buildingCapexUsd + gpuCapexNetUsd,
    buildingCapexUsd,
    gpuCapexNetUsd,
    igBacked,
  };
}

export const capexPerMwFromAssumption = (a: Assumptions) => a.conversionCapexUsdPerW * W_PER_MW;
