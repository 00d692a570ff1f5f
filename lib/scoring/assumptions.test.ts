import { describe, expect, it } from "vitest";
import { company, site, VIEW } from "../../test/builders";
import {
  ASSUMPTION_KEYS,
  ASSUMPTION_META,
  assumptionOverridesSchema,
  assumptionsSchema,
  DEFAULT_ASSUMPTIONS,
  mergeAssumptions,
  NUMERIC_ASSUMPTION_KEYS,
  withDefaults,
  type NumberMeta,
} from "./assumptions";
import { scoreCompany } from "./score";

describe("assumptions", () => {
  it("defaults are valid, and every value has a label, unit and source", () => {
    expect(assumptionsSchema.safeParse(DEFAULT_ASSUMPTIONS).success).toBe(true);
    for (const k of ASSUMPTION_KEYS) {
      const m = ASSUMPTION_META[k];
      expect(m.label.length, k).toBeGreaterThan(3);
      expect(m.unit.length, k).toBeGreaterThan(0);
      expect(m.source.length, k).toBeGreaterThan(5);
    }
  });

  it("the v2 defaults are the methodology's (§10)", () => {
    expect(DEFAULT_ASSUMPTIONS).toMatchObject({
      maxBalanceSheetGapDays: 45,
      remoteSiteFactor: 0.2,
      minAiSiteGrossMw: 20,
      conversionCapexUsdPerW: 10,
      usePublishedEvFallback: true,
      maxPriceAgeDays: 7,
      maxSharesAgeDays: 200,
      maxBalanceSheetAgeDays: 100,
      miningValueUsdPerEh: 0,
    });
    expect([...DEFAULT_ASSUMPTIONS.aiReadyCountries]).toEqual([
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
    ]);
  });

  it.each([
    ["build cost low above base", { buildCostLowUsdPerW: 12.5 }, "buildCostLowUsdPerW", "Low must be ≤ base"],
    ["base above high", { buildCostHighUsdPerW: 11.5 }, "buildCostHighUsdPerW", "High must be ≥ base"],
    ["zero build cost", { buildCostLowUsdPerW: 0 }, "buildCostLowUsdPerW", "Must be more than $0/W"],
    ["stage weight above 1", { weightS4: 1.2 }, "weightS4", "Must be at most 1"],
    ["negative weight", { cqsWeightGpu: -0.1 }, "cqsWeightGpu", "Must be at least 0"],
    ["CQS weights not summing to 1", { cqsWeightTenor: 0.5 }, "cqsWeightTenor", "CQS weights must add up to 1"],
    ["IT/gross out of range", { itPerGrossMw: 1.4 }, "itPerGrossMw", "Must be at most 1"],
    ["a remote factor above 1", { remoteSiteFactor: 1.5 }, "remoteSiteFactor", "Must be at most 1"],
    ["a fractional day count", { maxPriceAgeDays: 7.5 }, "maxPriceAgeDays", "Must be a whole number"],
    ["a bitcoin price of 1e308", { btcPriceUsd: 1e308 }, "btcPriceUsd", "Must be at most $10 million"],
    ["a tier threshold of 1e308", { tier2MinContractValueUsd: 1e308 }, "tier2MinContractValueUsd", "Must be at most $1 trillion"],
    ["a day count of 1e308", { maxPriceAgeDays: 1e308 }, "maxPriceAgeDays", "Must be at most 3,650 days"],
    ["negative conversion capex", { conversionCapexUsdPerW: -1 }, "conversionCapexUsdPerW", "Must be at least $0/W"],
    ["a country that does not exist", { aiReadyCountries: ["US", "XX"] }, "aiReadyCountries", "Not an ISO 3166 country code"],
    ["a country listed twice", { aiReadyCountries: ["US", "US"] }, "aiReadyCountries", "A country is listed twice"],
    ["a yes/no given as text", { usePublishedEvFallback: "yes" }, "usePublishedEvFallback", "Must be yes or no"],
  ])("rejects %s with a field message", (_name, patch, field, message) => {
    const r = assumptionsSchema.safeParse({ ...DEFAULT_ASSUMPTIONS, ...patch });
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path[0] === field);
    expect(issue?.message).toContain(message);
  });

  it("rejects unknown keys in overrides", () => {
    expect(assumptionOverridesSchema.safeParse({ buildCostBase: 11 }).success).toBe(false);
    expect(assumptionOverridesSchema.safeParse({ buildCostBaseUsdPerW: 11 }).success).toBe(true);
  });

  it("a set stored before v2 keeps every value it has and takes the new keys' defaults", () => {
    const { remoteSiteFactor: _r, aiReadyCountries: _c, maxPriceAgeDays: _p, ...v1Set } = { ...DEFAULT_ASSUMPTIONS, buildCostBaseUsdPerW: 11.5 };
    const read = withDefaults(v1Set) as typeof DEFAULT_ASSUMPTIONS;
    expect(assumptionsSchema.safeParse(read).success).toBe(true);
    expect(read.buildCostBaseUsdPerW).toBe(11.5);
    expect(read.remoteSiteFactor).toBe(0.2);
    expect(read.maxPriceAgeDays).toBe(7);
    // a key the model no longer has is left out, so the strict schema reads the set as the app does
    expect(withDefaults({ ...v1Set, buildCostMidUsdPerW: 12 })).not.toHaveProperty("buildCostMidUsdPerW");
    expect(withDefaults("not a set")).toBe("not a set"); // for the schema to refuse
  });

  it("a company override merges over the active set and is reported", () => {
    const c = company({ sites: [site({ grossMw: 200 })] });
    const plain = scoreCompany(c, DEFAULT_ASSUMPTIONS, VIEW);
    const custom = scoreCompany({ ...c, overrides: { itPerGrossMw: 0.8 } }, DEFAULT_ASSUMPTIONS, VIEW);
    // 200 gross × 0.7 × 0.5 = 70 vs 200 × 0.8 × 0.5 = 80
    expect(plain.itMwEffective).toBeCloseTo(70);
    expect(custom.itMwEffective).toBeCloseTo(80);
    expect(custom.overriddenKeys).toEqual(["itPerGrossMw"]);
    expect(mergeAssumptions(DEFAULT_ASSUMPTIONS, {})).toBe(DEFAULT_ASSUMPTIONS);
  });
});

describe("numeric assumptions are bounded", () => {
  it("every one has a max or a limit, and a default inside it", () => {
    for (const k of NUMERIC_ASSUMPTION_KEYS) {
      const m = ASSUMPTION_META[k] as NumberMeta;
      const top = m.max ?? m.limit;
      expect(top, k).toBeTypeOf("number");
      expect(m.default, k).toBeLessThanOrEqual(top!);
      expect(m.default, k).toBeGreaterThanOrEqual(m.min);
    }
  });
});
