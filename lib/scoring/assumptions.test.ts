import { describe, expect, it } from "vitest";
import { assumptionOverridesSchema, assumptionsSchema, DEFAULT_ASSUMPTIONS, mergeAssumptions } from "./assumptions";
import { scoreCompany } from "./score";
import type { ScoringCompany } from "./types";

describe("assumptions", () => {
  it("defaults are valid and every value has a source note", () => {
    expect(assumptionsSchema.safeParse(DEFAULT_ASSUMPTIONS).success).toBe(true);
  });

  it.each([
    ["build cost low above base", { buildCostLowUsdPerW: 12.5 }, "buildCostLowUsdPerW", "Low must be ≤ base"],
    ["base above high", { buildCostHighUsdPerW: 11.5 }, "buildCostHighUsdPerW", "High must be ≥ base"],
    ["zero build cost", { buildCostLowUsdPerW: 0 }, "buildCostLowUsdPerW", "Must be > 0"],
    ["stage weight above 1", { weightS4: 1.2 }, "weightS4", "Must be ≤ 1"],
    ["negative weight", { cqsWeightGpu: -0.1 }, "cqsWeightGpu", "Must be ≥ 0"],
    ["CQS weights not summing to 1", { cqsWeightTenor: 0.5 }, "cqsWeightTenor", "CQS weights must add up to 1"],
    ["IT/gross out of range", { itPerGrossMw: 1.4 }, "itPerGrossMw", "Must be ≤ 1"],
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

  it("a company override merges over the active set and is reported", () => {
    const company: ScoringCompany = {
      ticker: "TST", name: "Test", sharePriceUsd: { value: 10, asOf: "2025-11-21", sourceUrl: "https://x.test" },
      sharesOutstanding: { value: 1e8, asOf: "2025-11-21", sourceUrl: "https://x.test" },
      totalDebtUsd: { value: 0, asOf: "2025-11-21", sourceUrl: "https://x.test" },
      cashUsd: { value: 0, asOf: "2025-11-21", sourceUrl: "https://x.test" },
      preferredEquityUsd: null, committedFinancingUsd: null, btcHeld: null,
      sites: [{ name: "A", stage: "operating", grossMw: 200, itMw: null }], contracts: [],
    };
    const plain = scoreCompany(company, DEFAULT_ASSUMPTIONS);
    const custom = scoreCompany({ ...company, overrides: { itPerGrossMw: 0.8 } }, DEFAULT_ASSUMPTIONS);
    // 200 gross × 0.7 × 0.5 = 70 vs 200 × 0.8 × 0.5 = 80
    expect(plain.itMwEffective).toBeCloseTo(70);
    expect(custom.itMwEffective).toBeCloseTo(80);
    expect(custom.overriddenKeys).toEqual(["itPerGrossMw"]);
    expect(mergeAssumptions(DEFAULT_ASSUMPTIONS, {})).toBe(DEFAULT_ASSUMPTIONS);
  });
});
