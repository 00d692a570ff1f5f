// Model assumptions (methodology §3): every default in one place, with its source. A named set in the
// database stores a full `Assumptions`; a company may override any subset (`AssumptionOverrides`).
import { z } from "zod";

export type AssumptionGroup = "market" | "buildCost" | "power" | "funnel" | "contract" | "tiers";

interface Meta {
  label: string;
  unit: string;
  group: AssumptionGroup;
  source: string;
  min?: number;
  max?: number;
  step?: number;
}

const weight = (label: string, group: AssumptionGroup, source: string): Meta =>
  ({ label, unit: "0–1", group, source, min: 0, max: 1, step: 0.05 });

/** Label, unit, group and the source of each default — shown beside the value wherever it is edited. */
export const ASSUMPTION_META = {
  btcPriceUsd: { label: "Bitcoin price", unit: "USD", group: "market", min: 0, step: 1000,
    source: "BTC traded ~$84.2k on 2025-11-21 (Bloomberg via news.az)" },
  subtractBitcoin: { label: "Subtract bitcoin from EV", unit: "yes/no", group: "market",
    source: "“EV ex-BTC” is the miner convention (BitOoda, TheMinerMag, Cantor)" },
  buildCostLowUsdPerW: { label: "Build cost — low", unit: "$/W", group: "buildCost", min: 0, step: 0.5,
    source: "Capital-markets commentary (Silicon Valley 101, Nov 2025): $11–13/W; JLL 2026F $11.3M per MW" },
  buildCostBaseUsdPerW: { label: "Build cost — base", unit: "$/W", group: "buildCost", min: 0, step: 0.5,
    source: "Cushman & Wakefield 2025: US average $11.7M per MW of critical load" },
  buildCostHighUsdPerW: { label: "Build cost — high", unit: "$/W", group: "buildCost", min: 0, step: 0.5,
    source: "Top of the $11–13/W range quoted in Nov 2025 commentary" },
  itPerGrossMw: { label: "IT MW per gross MW", unit: "ratio", group: "power", min: 0.3, max: 1, step: 0.01,
    source: "Disclosed deals: Cipher 168/244, Hut 8 245/330, Galaxy 526/800 (0.66–0.80)" },
  weightS1: weight("S1 contracted, delivered", "funnel", "Rent has started: counted in full"),
  weightS2: weight("S2 contracted, energized site", "funnel", "Morgan Stanley (Sep 2025) success cases"),
  weightS3: weight("S3 contracted, needs new power", "funnel", "Morgan Stanley 75% success case"),
  weightS4: weight("S4 uncontracted, operating", "funnel", "Morgan Stanley 50% success case"),
  weightS5: weight("S5 uncontracted, building/approved", "funnel", "Half of S4: power not yet energized"),
  weightS6: weight("S6 uncontracted pipeline", "funnel", "H.C. Wainwright values pipeline at ~10%"),
  facilityLifeYears: { label: "Facility life", unit: "years", group: "contract", min: 1, max: 60, step: 1,
    source: "Site depreciation horizon analysts set against 5- vs 15-year leases" },
  ratingScoreAaaAa: weight("Credit score AAA/AA", "contract", "IG vs non-IG loans ~225 bp apart (CoreWeave DDTL)"),
  ratingScoreA: weight("Credit score A", "contract", "Methodology §3"),
  ratingScoreBbb: weight("Credit score BBB", "contract", "Methodology §3"),
  ratingScoreBb: weight("Credit score BB", "contract", "Methodology §3"),
  ratingScoreBOrUnrated: weight("Credit score B / unrated", "contract", "Methodology §3"),
  structureScoreNnn: weight("Lease score NNN", "contract", "Tenant carries operating costs"),
  structureScoreModifiedGross: weight("Lease score modified gross", "contract", "Methodology §3"),
  structureScoreGross: weight("Lease score gross", "contract", "Methodology §3"),
  structureScoreCloud: weight("Lease score GPU cloud", "contract", "Methodology §3"),
  cqsWeightTenor: weight("CQS weight — tenor (T)", "contract", "Methodology §3"),
  cqsWeightCredit: weight("CQS weight — credit (C)", "contract", "Methodology §3"),
  cqsWeightGpu: weight("CQS weight — GPU funding (G)", "contract", "Methodology §3"),
  cqsWeightStructure: weight("CQS weight — structure (S)", "contract", "Methodology §3"),
  tier1MinContractedItMw: { label: "T1-a min contracted IT", unit: "MW", group: "tiers", min: 0, step: 10, source: "Methodology §7" },
  tier1MinTenorYears: { label: "T1-b min weighted tenor", unit: "years", group: "tiers", min: 0, step: 1, source: "Methodology §7" },
  tier1MaxGpuCapexShare: { label: "T1-c max GPU capex / TCV", unit: "0–1", group: "tiers", min: 0, max: 1, step: 0.05, source: "Methodology §7" },
  tier1MaxGapToMarketCap: { label: "T1-d max financing gap / market cap", unit: "ratio", group: "tiers", min: 0, step: 0.05, source: "Methodology §7" },
  tier1MinEnergizedShare: { label: "T1-e min contracted share in S1+S2", unit: "0–1", group: "tiers", min: 0, max: 1, step: 0.05, source: "Methodology §7" },
  tier2MinContractedItMw: { label: "Tier 2 min contracted IT", unit: "MW", group: "tiers", min: 0, step: 10, source: "Methodology §7" },
  tier2MinContractValueUsd: { label: "Tier 2 min single contract value", unit: "USD", group: "tiers", min: 0, step: 1e8, source: "Methodology §7" },
} satisfies Record<string, Meta>;

export const DEFAULT_ASSUMPTIONS = {
  btcPriceUsd: 84_000,
  subtractBitcoin: true,
  buildCostLowUsdPerW: 11,
  buildCostBaseUsdPerW: 12,
  buildCostHighUsdPerW: 13,
  itPerGrossMw: 0.7,
  weightS1: 1.0,
  weightS2: 0.9,
  weightS3: 0.75,
  weightS4: 0.5,
  weightS5: 0.25,
  weightS6: 0.1,
  facilityLifeYears: 20,
  ratingScoreAaaAa: 1.0,
  ratingScoreA: 0.9,
  ratingScoreBbb: 0.75,
  ratingScoreBb: 0.5,
  ratingScoreBOrUnrated: 0.3,
  structureScoreNnn: 1.0,
  structureScoreModifiedGross: 0.9,
  structureScoreGross: 0.8,
  structureScoreCloud: 0.8,
  cqsWeightTenor: 0.3,
  cqsWeightCredit: 0.4,
  cqsWeightGpu: 0.2,
  cqsWeightStructure: 0.1,
  tier1MinContractedItMw: 100,
  tier1MinTenorYears: 10,
  tier1MaxGpuCapexShare: 0.1,
  tier1MaxGapToMarketCap: 0.3,
  tier1MinEnergizedShare: 0.5,
  tier2MinContractedItMw: 50,
  tier2MinContractValueUsd: 1_000_000_000,
};

export type Assumptions = typeof DEFAULT_ASSUMPTIONS;
export type AssumptionKey = keyof Assumptions;
export type NumericAssumptionKey = { [K in AssumptionKey]: Assumptions[K] extends number ? K : never }[AssumptionKey];
export const ASSUMPTION_KEYS = Object.keys(DEFAULT_ASSUMPTIONS) as AssumptionKey[];
export const NUMERIC_ASSUMPTION_KEYS = ASSUMPTION_KEYS.filter(
  (k) => typeof DEFAULT_ASSUMPTIONS[k] === "number",
) as NumericAssumptionKey[];

const num = (key: NumericAssumptionKey) => {
  const m: Meta = ASSUMPTION_META[key];
  let s = z.number({ error: "Must be a number" });
  if (m.min !== undefined) s = s.min(m.min, { error: `Must be ≥ ${m.min}` });
  if (m.max !== undefined) s = s.max(m.max, { error: `Must be ≤ ${m.max}` });
  return s;
};

const shape = Object.fromEntries(
  ASSUMPTION_KEYS.map((k) => [k, k === "subtractBitcoin" ? z.boolean() : num(k as NumericAssumptionKey)]),
) as { [K in AssumptionKey]: Assumptions[K] extends boolean ? z.ZodBoolean : z.ZodNumber };

/** Cross-field rules, shared by full sets and by a set with company overrides merged in. */
function checkCoherence(a: Assumptions, ctx: z.RefinementCtx) {
  if (a.buildCostLowUsdPerW <= 0) ctx.addIssue({ code: "custom", path: ["buildCostLowUsdPerW"], message: "Must be > 0" });
  if (a.buildCostLowUsdPerW > a.buildCostBaseUsdPerW)
    ctx.addIssue({ code: "custom", path: ["buildCostLowUsdPerW"], message: "Low must be ≤ base" });
  if (a.buildCostBaseUsdPerW > a.buildCostHighUsdPerW)
    ctx.addIssue({ code: "custom", path: ["buildCostHighUsdPerW"], message: "High must be ≥ base" });
  const sum = a.cqsWeightTenor + a.cqsWeightCredit + a.cqsWeightGpu + a.cqsWeightStructure;
  if (Math.abs(sum - 1) > 1e-6)
    ctx.addIssue({ code: "custom", path: ["cqsWeightTenor"], message: `CQS weights must add up to 1 (now ${sum.toFixed(2)})` });
}

export const assumptionsSchema = z.strictObject(shape).superRefine((a, ctx) => checkCoherence(a as Assumptions, ctx));
export const assumptionOverridesSchema = z.strictObject(shape).partial();
export type AssumptionOverrides = Partial<Assumptions>;

/** Company overrides on top of the active set (the caller validates the merged set where it matters). */
export function mergeAssumptions(base: Assumptions, overrides?: AssumptionOverrides | null): Assumptions {
  if (!overrides) return base;
  let changed = false;
  for (const k in overrides) if (overrides[k as AssumptionKey] !== undefined) { changed = true; break; }
  return changed ? ({ ...base, ...overrides } as Assumptions) : base;
}

/** Validates a merged set and reports the problem instead of throwing (for UI previews). */
export function checkAssumptions(a: Assumptions) {
  return assumptionsSchema.safeParse(a);
}
