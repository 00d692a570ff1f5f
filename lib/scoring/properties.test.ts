import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assumptionsArb, companyArb } from "./arbitraries";
import { assumptionsSchema } from "./assumptions";
import { scoreCompany } from "./score";
import type { CompanyScore } from "./types";

const RUNS = Number(process.env.FC_RUNS ?? 300);
const NUMERIC_OUTPUTS = [
  "marketCapUsd", "enterpriseValueUsd", "enterpriseValueExBtcUsd", "evUsedUsd", "evPerWTotalGross", "evPerWEnergizedGross",
  "evPerWEffectiveIt", "evPerWContractedIt", "discountLow", "discountBase", "discountHigh", "valueAtBuildCostUsd",
  "impliedPriceLowUsd", "impliedPriceBaseUsd", "impliedPriceHighUsd", "cqs", "weightedTenorYears", "gpuCapexShareOfTcv",
  "financingGapUsd", "gapToMarketCap",
] as const satisfies readonly (keyof CompanyScore)[];
const ALWAYS_NUMBERS = ["btcValueUsd", "itMwEffective", "contractedItMw", "deliveredItMw", "energizedGrossMw", "totalGrossMw", "capexRemainingUsd"] as const;

const TIER_RANK = { 1: 0, 2: 1, 3: 2 } as const;

describe("scoring properties", () => {
  it("generated assumption sets are valid", () => {
    fc.assert(fc.property(assumptionsArb, (a) => assumptionsSchema.safeParse(a).success), { numRuns: RUNS });
  });

  it("every output is finite, or null with a reason", () => {
    fc.assert(
      fc.property(companyArb, assumptionsArb, (c, a) => {
        const s = scoreCompany(c, a);
        for (const k of NUMERIC_OUTPUTS) {
          const v = s[k];
          if (v === null) expect(s.reasons[k], `${k} null without reason`).toMatch(/^(missing|zero|none):/);
          else expect(Number.isFinite(v), `${k} = ${v}`).toBe(true);
        }
        for (const k of ALWAYS_NUMBERS) expect(Number.isFinite(s[k]), k).toBe(true);
        for (const cs of s.contracts) {
          for (const v of [cs.t, cs.c, cs.g, cs.cqs, cs.annualValueUsd]) expect(v === null || Number.isFinite(v)).toBe(true);
          if (cs.cqs === null) expect(cs.cqsReason).toBeTruthy();
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("discount to build cost rises with build cost (non-negative EV)", () => {
    fc.assert(
      fc.property(companyArb, assumptionsArb, fc.double({ min: 0.01, max: 20, noNaN: true }), (c, a, bump) => {
        const lo = scoreCompany(c, a);
        const hi = scoreCompany(c, { ...a, buildCostBaseUsdPerW: a.buildCostBaseUsdPerW + bump, buildCostHighUsdPerW: a.buildCostHighUsdPerW + bump });
        if (lo.discountBase === null || lo.evUsedUsd! < 0) return;
        expect(hi.discountBase!).toBeGreaterThanOrEqual(lo.discountBase - 1e-12);
      }),
      { numRuns: RUNS },
    );
  });

  it("EV/W moves linearly with share price: Δ(EV/W) = Δprice × shares / effective W", () => {
    fc.assert(
      fc.property(companyArb, assumptionsArb, fc.double({ min: 0.1, max: 10, noNaN: true }), (c, a, k) => {
        const base = scoreCompany(c, a);
        if (base.evPerWEffectiveIt === null) return;
        const p = c.sharePriceUsd!;
        const moved = scoreCompany({ ...c, sharePriceUsd: { ...p, value: p.value * k } }, a);
        const expected = base.evPerWEffectiveIt + (p.value * k - p.value) * c.sharesOutstanding!.value / (base.itMwEffective * 1e6);
        expect(Math.abs(moved.evPerWEffectiveIt! - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
      }),
      { numRuns: RUNS },
    );
  });

  it("adding an uncontracted pipeline site never lowers itMwEffective", () => {
    fc.assert(
      fc.property(companyArb, assumptionsArb, fc.double({ min: 0, max: 2000, noNaN: true }), (c, a, grossMw) => {
        const before = scoreCompany(c, a).itMwEffective;
        const after = scoreCompany({ ...c, sites: [...c.sites, { name: "__new_pipeline__", stage: "pipeline", grossMw, itMw: null }] }, a).itMwEffective;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: RUNS },
    );
  });

  it("shortening a contract's tenor never improves the tier", () => {
    fc.assert(
      fc.property(companyArb, assumptionsArb, fc.nat(), fc.double({ min: 0.05, max: 1, noNaN: true }), (c, a, i, factor) => {
        if (c.contracts.length === 0) return;
        const idx = i % c.contracts.length;
        const k = c.contracts[idx];
        if (k.tenorYears === null) return;
        const shorter = { ...c, contracts: c.contracts.map((x, j) => (j === idx ? { ...x, tenorYears: k.tenorYears! * factor } : x)) };
        expect(TIER_RANK[scoreCompany(shorter, a).tier]).toBeGreaterThanOrEqual(TIER_RANK[scoreCompany(c, a).tier]);
      }),
      { numRuns: RUNS },
    );
  });

  it("every failed tier rule appears in the explanation", () => {
    fc.assert(
      fc.property(companyArb, assumptionsArb, (c, a) => {
        const s = scoreCompany(c, a);
        expect(s.why.startsWith(`Tier ${s.tier}:`)).toBe(true);
        for (const r of s.rules.filter((x) => !x.pass)) expect(s.why).toContain(`${r.id} failed — ${r.detail}`);
        expect(s.tier === 1).toBe(s.rules.every((r) => r.pass));
      }),
      { numRuns: RUNS },
    );
  });
});
