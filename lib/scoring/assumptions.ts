// Model assumptions (methodology §3 and §10): each one declared once — default, label, unit, bounds and
// the source of the default. The defaults, the schema, the editors and the docs are all derived from
// ASSUMPTION_META. A named set in the database stores a full `Assumptions`; a company may override any
// subset (`AssumptionOverrides`).
import { z } from "zod";
import { isCountryCode } from "../countries";
import type { NumberRule } from "../number-input";
import { numberSchema } from "../number-schema";

export type AssumptionGroup = "market" | "buildCost" | "power" | "funnel" | "contract" | "financing" | "dataQuality" | "tiers";

interface BaseMeta {
  label: string;
  unit: string;
  group: AssumptionGroup;
  source: string;
}
export interface NumberMeta extends BaseMeta {
  /**
   * `min`/`max`: the values that make sense (also the sensitivity's default range). `limit` is the largest
   * value accepted where no `max` is declared, so nothing like 1e308 is stored; `aboveMin` excludes `min`.
   */
  kind: "number";
  default: number;
  min: number;
  max?: number;
  limit?: number;
  aboveMin?: boolean;
  step?: number;
  integer?: boolean;
  /** outside this range the editor asks the user to confirm (lib/number-input.ts) */
  typical?: readonly [number, number];
  /** the range a sensitivity sweeps by default; declared for the main valuation assumptions (the tornado's rows) */
  sweep?: readonly [number, number];
}
export interface BooleanMeta extends BaseMeta {
  kind: "boolean";
  default: boolean;
}
/** A list of ISO-2 country codes (methodology §10.4). */
export interface CountriesMeta extends BaseMeta {
  kind: "countries";
  default: readonly string[];
}
export type AssumptionMeta = NumberMeta | BooleanMeta | CountriesMeta;

type Bounds = Pick<NumberMeta, "min"> & ({ max: number } | { limit: number }) & Partial<NumberMeta>;
const number = (d: number, label: string, unit: string, group: AssumptionGroup, source: string, bounds: Bounds): NumberMeta => ({
  kind: "number",
  default: d,
  label,
  unit,
  group,
  source,
  ...bounds,
});
const weight = (d: number, label: string, group: AssumptionGroup, source: string, sweep?: readonly [number, number]): NumberMeta =>
  number(d, label, "0–1", group, source, { min: 0, max: 1, step: 0.05, ...(sweep ? { sweep } : {}) });
const days = (d: number, label: string, source: string): NumberMeta =>
  number(d, label, "days", "dataQuality", source, { min: 0, max: 3650, step: 1, integer: true });

/** $/W of a data center: above nothing; $5–25/W spans every build cost quoted (a $/MW figure typed here would be millions). */
const BUILD_COST = { min: 0, aboveMin: true, limit: 100, step: 0.5, typical: [5, 25] } as const;

/** The AI-ready markets of §10.4: hyperscaler and neocloud AI build-out, no GPU export barrier. */
export const DEFAULT_AI_READY_COUNTRIES = [
  "US",
  "CA",
  "NO",
  "SE",
  "FI",
  "IS",
  "DK",
  "GB",
  "IE",
  "DE",
  "FR",
  "NL",
  "ES",
  "PT",
  "AU",
  "JP",
  "SG",
  "AE",
] as const;

export const ASSUMPTION_META = {
  btcPriceUsd: number(84_000, "Bitcoin price", "USD", "market", "BTC traded ~$84.2k on 2025-11-21 (Bloomberg via news.az)", {
    min: 0,
    limit: 1e7,
    step: 1000,
    typical: [10_000, 500_000],
    sweep: [40_000, 150_000],
  }),
  subtractBitcoin: {
    kind: "boolean",
    default: true,
    label: "Subtract bitcoin from EV",
    unit: "yes/no",
    group: "market",
    source: "“EV ex-BTC” is the miner convention (BitOoda, TheMinerMag, Cantor)",
  } as BooleanMeta,
  miningValueUsdPerEh: number(
    0,
    "Mining value netted out",
    "USD per EH/s",
    "market",
    "Off by default (0). When set, the HPC ratios use EV ex-BTC − hashrate × this value (methodology §10.12)",
    { min: 0, limit: 1e12, step: 1e7 },
  ),
  usePublishedEvFallback: {
    kind: "boolean",
    default: true,
    label: "Use published EV when an input is missing",
    unit: "yes/no",
    group: "market",
    source: "A dated third-party EV beats an unranked company; flagged published-ev (methodology §10.8, docs/decisions/0011)",
  } as BooleanMeta,
  buildCostLowUsdPerW: number(
    11,
    "Build cost — low",
    "$/W",
    "buildCost",
    "Capital-markets commentary (Silicon Valley 101, Nov 2025): $11–13/W; JLL 2026F $11.3M per MW",
    BUILD_COST,
  ),
  buildCostBaseUsdPerW: number(12, "Build cost — base", "$/W", "buildCost", "Cushman & Wakefield 2025: US average $11.7M per MW of critical load", {
    ...BUILD_COST,
    sweep: [8, 16],
  }),
  buildCostHighUsdPerW: number(13, "Build cost — high", "$/W", "buildCost", "Top of the $11–13/W range quoted in Nov 2025 commentary", BUILD_COST),
  itPerGrossMw: number(0.7, "IT MW per gross MW", "ratio", "power", "Disclosed deals: Cipher 168/244, Hut 8 245/330, Galaxy 526/800 (0.66–0.80)", {
    min: 0.3,
    max: 1,
    step: 0.01,
    sweep: [0.66, 0.8],
  }),
  aiReadyCountries: {
    kind: "countries",
    default: DEFAULT_AI_READY_COUNTRIES,
    label: "AI-ready countries",
    unit: "ISO-2 codes",
    group: "power",
    source: "Markets with hyperscaler/neocloud AI build-out and no GPU export barrier (methodology §10.4, docs/decisions/0009)",
  } as CountriesMeta,
  remoteSiteFactor: weight(
    0.2,
    "Remote or small site factor",
    "power",
    "Uncontracted MW outside AI-ready markets or below the minimum size are valued near mining-site prices (docs/decisions/0009)",
    [0, 0.5],
  ),
  minAiSiteGrossMw: number(
    20,
    "Minimum AI site size",
    "gross MW",
    "power",
    "Below ~20 MW a site cannot host an AI tenant's typical block (methodology §10.4, docs/decisions/0009)",
    { min: 0, max: 10_000, step: 5, sweep: [5, 50] },
  ),
  weightS1: weight(1.0, "S1 contracted, delivered", "funnel", "Rent has started: counted in full"),
  weightS2: weight(0.9, "S2 contracted, energized site", "funnel", "Morgan Stanley (Sep 2025) success cases", [0.75, 1]),
  weightS3: weight(0.75, "S3 contracted, needs new power", "funnel", "Morgan Stanley 75% success case", [0.5, 0.9]),
  weightS4: weight(0.5, "S4 uncontracted, operating", "funnel", "Morgan Stanley 50% success case", [0, 1]),
  weightS5: weight(0.25, "S5 uncontracted, building/approved", "funnel", "Half of S4: power not yet energized", [0, 0.5]),
  weightS6: weight(0.1, "S6 uncontracted pipeline", "funnel", "H.C. Wainwright values pipeline at ~10%", [0, 0.25]),
  facilityLifeYears: number(20, "Facility life", "years", "contract", "Site depreciation horizon analysts set against 5- vs 15-year leases", {
    min: 1,
    max: 60,
    step: 1,
  }),
  ratingScoreAaaAa: weight(1.0, "Credit score AAA/AA", "contract", "IG vs non-IG loans ~225 bp apart (CoreWeave DDTL)"),
  ratingScoreA: weight(0.9, "Credit score A", "contract", "Methodology §3"),
  ratingScoreBbb: weight(
    0.75,
    "Credit score BBB (and “investment grade”)",
    "contract",
    "Methodology §3; an undisclosed IG tenant scores as BBB (§10.7)",
  ),
  ratingScoreBb: weight(0.5, "Credit score BB", "contract", "Methodology §3"),
  ratingScoreBOrUnrated: weight(0.3, "Credit score B / unrated", "contract", "Methodology §3"),
  structureScoreNnn: weight(1.0, "Lease score NNN", "contract", "Tenant carries operating costs"),
  structureScoreModifiedGross: weight(0.9, "Lease score modified gross", "contract", "Methodology §3"),
  structureScoreGross: weight(0.8, "Lease score gross", "contract", "Methodology §3"),
  structureScoreCloud: weight(0.8, "Lease score GPU cloud", "contract", "Methodology §3"),
  cqsWeightTenor: weight(0.3, "CQS weight — tenor (T)", "contract", "Methodology §3"),
  cqsWeightCredit: weight(0.4, "CQS weight — credit (C)", "contract", "Methodology §3"),
  cqsWeightGpu: weight(0.2, "CQS weight — GPU funding (G)", "contract", "Methodology §3"),
  cqsWeightStructure: weight(0.1, "CQS weight — structure (S)", "contract", "Methodology §3"),
  conversionCapexUsdPerW: number(
    10,
    "Conversion capex (company-funded)",
    "$/W",
    "financing",
    "Hut 8 guided $9–11M per IT MW for River Bend; Cipher $9–11M, TeraWulf $8–10M (docs/decisions/0010)",
    { min: 0, max: 50, step: 0.5, typical: [3, 25] },
  ),
  maxBalanceSheetGapDays: days(
    45,
    "Max days between cash and debt dates",
    "Half a quarter: wider gaps with no dated transaction between them mix two balance sheets (§10.1)",
  ),
  maxPriceAgeDays: days(7, "Max price age", "One trading week (§10.10)"),
  maxSharesAgeDays: days(200, "Max share-count age", "Two reporting periods of a semi-annual filer (§10.10)"),
  maxBalanceSheetAgeDays: days(100, "Max cash/debt age", "A quarter plus the 10-Q filing window (§10.10)"),
  tier1MinContractedItMw: number(100, "T1-a min contracted IT", "MW", "tiers", "Methodology §7", { min: 0, limit: 100_000, step: 10 }),
  tier1MinTenorYears: number(10, "T1-b min weighted tenor", "years", "tiers", "Methodology §7", { min: 0, limit: 99, step: 1 }),
  tier1MaxGpuCapexShare: number(0.1, "T1-c max GPU capex / TCV", "0–1", "tiers", "Methodology §7", { min: 0, max: 1, step: 0.05 }),
  tier1MaxGapToMarketCap: number(0.3, "T1-d max financing gap / market cap", "ratio", "tiers", "Methodology §7", { min: 0, limit: 100, step: 0.05 }),
  tier1MinEnergizedShare: number(0.5, "T1-e min contracted share in S1+S2", "0–1", "tiers", "Methodology §7", { min: 0, max: 1, step: 0.05 }),
  tier2MinContractedItMw: number(50, "Tier 2 min contracted IT", "MW", "tiers", "Methodology §7", { min: 0, limit: 100_000, step: 10 }),
  tier2MinContractValueUsd: number(1e9, "Tier 2 min single contract value", "USD", "tiers", "Methodology §7", { min: 0, limit: 1e12, step: 1e8 }),
} satisfies Record<string, AssumptionMeta>;

type Meta = typeof ASSUMPTION_META;
export type AssumptionKey = keyof Meta;
export type Assumptions = {
  [K in AssumptionKey]: Meta[K] extends NumberMeta ? number : Meta[K] extends BooleanMeta ? boolean : readonly string[];
};
type KeysOf<M> = { [K in AssumptionKey]: Meta[K] extends M ? K : never }[AssumptionKey];
export type NumericAssumptionKey = KeysOf<NumberMeta>;
export type BooleanAssumptionKey = KeysOf<BooleanMeta>;
export type CountriesAssumptionKey = KeysOf<CountriesMeta>;

export const ASSUMPTION_KEYS = Object.keys(ASSUMPTION_META) as AssumptionKey[];
const keysOfKind = (kind: AssumptionMeta["kind"]) => ASSUMPTION_KEYS.filter((k) => ASSUMPTION_META[k].kind === kind);
export const NUMERIC_ASSUMPTION_KEYS = keysOfKind("number") as NumericAssumptionKey[];
export const BOOLEAN_ASSUMPTION_KEYS = keysOfKind("boolean") as BooleanAssumptionKey[];
export const COUNTRIES_ASSUMPTION_KEYS = keysOfKind("countries") as CountriesAssumptionKey[];
export const DEFAULT_ASSUMPTIONS = Object.fromEntries(ASSUMPTION_KEYS.map((k) => [k, ASSUMPTION_META[k].default])) as Assumptions;

function fieldSchema(key: AssumptionKey) {
  const m: AssumptionMeta = ASSUMPTION_META[key];
  if (m.kind === "boolean") return z.boolean({ error: "Must be yes or no" });
  if (m.kind === "countries")
    return z
      .array(z.string().refine(isCountryCode, { error: "Not an ISO 3166 country code (use two capitals, e.g. US, NO)" }), {
        error: "Must be a list of country codes",
      })
      .max(250)
      .refine((list) => new Set(list).size === list.length, { error: "A country is listed twice" });
  return numberSchema(numberRuleOf(m));
}

/** A numeric assumption's bounds as the number parser takes them (lib/number-input.ts). */
export function numberRuleOf(m: NumberMeta): NumberRule {
  return { unit: m.unit, min: m.min, max: m.max ?? m.limit ?? 0, aboveMin: m.aboveMin, integer: m.integer, typical: m.typical };
}

const shape = Object.fromEntries(ASSUMPTION_KEYS.map((k) => [k, fieldSchema(k)])) as {
  [K in AssumptionKey]: ReturnType<typeof fieldSchema>;
};

/** Cross-field rules, shared by full sets and by a set with company overrides merged in. */
function checkCoherence(a: Assumptions, ctx: z.RefinementCtx) {
  if (a.buildCostLowUsdPerW > a.buildCostBaseUsdPerW) ctx.addIssue({ code: "custom", path: ["buildCostLowUsdPerW"], message: "Low must be ≤ base" });
  if (a.buildCostBaseUsdPerW > a.buildCostHighUsdPerW)
    ctx.addIssue({ code: "custom", path: ["buildCostHighUsdPerW"], message: "High must be ≥ base" });
  const sum = a.cqsWeightTenor + a.cqsWeightCredit + a.cqsWeightGpu + a.cqsWeightStructure;
  if (Math.abs(sum - 1) > 1e-6)
    ctx.addIssue({ code: "custom", path: ["cqsWeightTenor"], message: `CQS weights must add up to 1 (now ${sum.toFixed(2)})` });
}

export const assumptionsSchema = z
  .strictObject(shape)
  .superRefine((a, ctx) => checkCoherence(a as Assumptions, ctx)) as unknown as z.ZodType<Assumptions>;
export const assumptionOverridesSchema = z.strictObject(shape).partial() as unknown as z.ZodType<AssumptionOverrides>;
export type AssumptionOverrides = Partial<Assumptions>;

/**
 * A stored set as the current model reads it: keys added since the set was saved take their defaults,
 * keys the model no longer has are left out, every other value is kept as stored. The one reading of a
 * stored set — the app's (stored-sets.ts), the editor's and the import's (export.ts) — so the app never
 * uses a set its own export would refuse. A value that is not an object is returned as is, for the
 * schema to refuse.
 */
export function withDefaults(stored: unknown): unknown {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return stored;
  const values = stored as Record<string, unknown>;
  return Object.fromEntries(ASSUMPTION_KEYS.map((k) => [k, k in values ? values[k] : DEFAULT_ASSUMPTIONS[k]]));
}

/** Company overrides on top of the active set (the caller validates the merged set where it matters). */
export function mergeAssumptions(base: Assumptions, overrides?: AssumptionOverrides | null): Assumptions {
  if (!overrides) return base;
  let changed = false;
  for (const k in overrides)
    if (overrides[k as AssumptionKey] !== undefined) {
      changed = true;
      break;
    }
  return changed ? ({ ...base, ...overrides } as Assumptions) : base;
}

/** Validates a merged set and reports the problem instead of throwing (for UI previews). */
export function checkAssumptions(a: Assumptions) {
  return assumptionsSchema.safeParse(a);
}
