import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assumptionsArb, companyArb, VIEW_DATES } from "./arbitraries";
import { assumptionsSchema, NUMERIC_ASSUMPTION_KEYS, type Assumptions } from "./assumptions";
import { scoreCompany as scoreAt, scoreNumbers } from "./score";
import { companyOf, explainRow, screen, sweep, whyOf } from "./screen";
import type { CompanyScore, ScoringCompany } from "./types";

const viewArb = fc.constantFrom(...VIEW_DATES).map((viewDate) => ({ viewDate }));
/** Scored on the snapshot date unless a property draws its own view date. */
const scoreCompany = (c: ScoringCompany, a: Assumptions, view = { viewDate: "2025-11-21" }) => scoreAt(c, a, view);

const pickWords = ({ adjustments, warnings, inputs, why, rules }: CompanyScore) => ({ adjustments, warnings, inputs, why, rules });

const RUNS = Number(process.env.FC_RUNS ?? 300);
const NUMERIC_OUTPUTS = [
  "marketCapUsd",
  "enterpriseValueUsd",
  "enterpriseValueExBtcUsd",
  "evUsedUsd",
  "evPerWTotalGross",
  "evPerWEnergizedGross",
  "evPerWEffectiveIt",
  "evPerWContractedIt",
  "discountLow",
  "discountBase",
  "discountHigh",
  "valueAtBuildCostUsd",
  "impliedPriceLowUsd",
  "impliedPriceBaseUsd",
  "impliedPriceHighUsd",
  "cqs",
  "weightedTenorYears",
  "gpuCapexShareOfTcv",
  "financingGapUsd",
  "gapToMarketCap",
  "igShareOfTcv",
  "evPerEhUsd",
  "tcvPerContractedMwUsd",
  "annualValuePerContractedMwUsd",
  "usdPerKwMonth",
] as const satisfies readonly (keyof CompanyScore)[];
const ALWAYS_NUMBERS = [
  "btcValueUsd",
  "miningValueUsd",
  "itMwEffective",
  "contractedItMw",
  "deliveredItMw",
  "energizedGrossMw",
  "totalGrossMw",
  "capexRemainingUsd",
  "capexPerMwUsd",
] as const;

const TIER_RANK = { 1: 0, 2: 1, 3: 2 } as const;

describe("scoring properties", () => {
  it("generated assumption sets are valid", () => {
    fc.assert(
      fc.property(assumptionsArb, (a) => assumptionsSchema.safeParse(a).success),
      { numRuns: RUNS },
    );
  });

  it("every output is finite, or null with a reason", () => {
    fc.assert(
      fc.property(companyArb, assumptionsArb, viewArb, (c, a, view) => {
        const s = scoreCompany(c, a, view);
        for (const k of NUMERIC_OUTPUTS) {
          const v = s[k];
          if (v === null) expect(s.reasons[k], `${k} null without reason`).toMatch(/^(missing|zero|none):/);
          else expect(Number.isFinite(v), `${k} = ${v}`).toBe(true);
        }
        for (const k of ALWAYS_NUMBERS) expect(Number.isFinite(s[k]), k).toBe(true);
        for (const k of ["s1", "s2", "s3", "s4", "s5", "s6"] as const) expect(Number.isFinite(s.funnel[k]), k).toBe(true);
        for (const p of Object.values(s.proForma)) expect(p.value === null || Number.isFinite(p.value)).toBe(true);
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
        const hi = scoreCompany(c, {
          ...a,
          buildCostBaseUsdPerW: a.buildCostBaseUsdPerW + bump,
          buildCostHighUsdPerW: a.buildCostHighUsdPerW + bump,
        });
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
        // (below a kilowatt of effective IT the ratio is dominated by rounding, not by the model)
        if (base.evPerWEffectiveIt === null || base.evSource !== "computed" || base.itMwEffective < 1e-3) return;
        const p = c.sharePriceUsd!;
        const moved = scoreCompany({ ...c, sharePriceUsd: { ...p, value: p.value * k } }, a);
        if (moved.evSource !== "computed") return;
        const expected = base.evPerWEffectiveIt + ((p.value * k - p.value) * base.proForma.sharesOutstanding.value!) / (base.itMwEffective * 1e6);
        expect(Math.abs(moved.evPerWEffectiveIt! - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
      }),
      { numRuns: RUNS },
    );
  });

  it("adding an uncontracted pipeline site never lowers itMwEffective", () => {
    fc.assert(
      fc.property(companyArb, assumptionsArb, fc.double({ min: 0, max: 2000, noNaN: true }), (c, a, grossMw) => {
        const before = scoreCompany(c, a).itMwEffective;
        const added = {
          name: "__new_pipeline__",
          stage: "pipeline" as const,
          use: "mining",
          grossMw,
          itMw: null,
          itMwScope: null,
          country: "US",
          companyShare: 1,
        };
        const after = scoreCompany({ ...c, sites: [...c.sites, added] }, a).itMwEffective;
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

  it("lowering the build-cost benchmark never raises a tier (§10.5: it is not the capex to fund)", () => {
    fc.assert(
      fc.property(companyArb, assumptionsArb, fc.double({ min: 0.01, max: 0.99, noNaN: true }), (c, a, k) => {
        const lower = {
          ...a,
          buildCostLowUsdPerW: a.buildCostLowUsdPerW * k,
          buildCostBaseUsdPerW: a.buildCostBaseUsdPerW * k,
          buildCostHighUsdPerW: a.buildCostHighUsdPerW * k,
        };
        expect(TIER_RANK[scoreCompany(c, lower).tier]).toBeGreaterThanOrEqual(TIER_RANK[scoreCompany(c, a).tier]);
      }),
      { numRuns: RUNS },
    );
  });

  it("the numbers alone are the explained score's numbers, field for field", () => {
    fc.assert(
      fc.property(companyArb, assumptionsArb, viewArb, (c, a, view) => {
        const { adjustments, warnings, inputs, why, rules, ...explained } = scoreCompany(c, a, view);
        const { rules: checks, ...numbers } = scoreNumbers(c, a, view);
        // every field but the words, including -0 and key order (toStrictEqual, then the JSON text)
        expect(numbers).toStrictEqual(explained);
        expect(JSON.stringify(numbers)).toBe(JSON.stringify(explained));
        expect(checks).toStrictEqual(rules.map(({ detail, ...r }) => (void detail, r)));
        expect(Object.is(numbers.discountBase, explained.discountBase)).toBe(true);
        // the words are there when explained: one line per rule, a why that names the tier, the inputs
        expect(rules.every((r) => r.detail.length > 0)).toBe(true);
        expect(why.startsWith(`Tier ${explained.tier}:`)).toBe(true);
        expect(inputs.length).toBeGreaterThan(0);
        expect([adjustments, warnings].every(Array.isArray)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("a screen's row and its explainRow() agree on every number, tier, flag and rank, and the explanation is the company's", () => {
    fc.assert(
      fc.property(fc.array(companyArb, { minLength: 1, maxLength: 6 }), assumptionsArb, viewArb, (cs, a, view) => {
        const companies = cs.map((c, i) => ({ ...c, ticker: `${c.ticker}${i}` }));
        const rows = screen(companies, a, view);
        for (const row of rows) {
          const { adjustments, warnings, inputs, why, rules, ...explained } = explainRow(row);
          const { rules: checks, ...numbers } = row;
          expect(numbers).toStrictEqual(explained);
          expect(checks).toStrictEqual(rules.map(({ detail, ...r }) => (void detail, r)));
          expect(explainRow(row)).toBe(explainRow(row)); // built once
          const company = companies.find((c) => c.ticker === row.ticker)!;
          expect({ adjustments, warnings, inputs, why, rules }).toEqual(pickWords(scoreCompany(company, a, view)));
        }
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it("a row's whyOf() is its explanation's why, worked out from the numbers alone, before or after explainRow()", () => {
    fc.assert(
      fc.property(fc.array(companyArb, { minLength: 1, maxLength: 6 }), assumptionsArb, viewArb, (cs, a, view) => {
        const companies = cs.map((c, i) => ({ ...c, ticker: `${c.ticker}${i}` }));
        const first = screen(companies, a, view);
        const words = first.map(whyOf); // no explanation made yet
        expect(words).toEqual(first.map((r) => explainRow(r).why));
        expect(first.map(whyOf)).toEqual(words);
        for (const row of first) expect(companyOf(row)).toBe(companies.find((c) => c.ticker === row.ticker));
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it("what is kept with a company object (cache.ts) never changes a score: at any view date, in any order, it is what a fresh copy gives", () => {
    fc.assert(
      fc.property(companyArb, assumptionsArb, fc.array(viewArb, { minLength: 2, maxLength: 4 }), (c, a, views) => {
        for (const view of [...views, ...views.reverse()]) {
          // a copy is a new object, so nothing is kept for it yet (structuredClone gives plain prototypes: toEqual)
          const kept = scoreNumbers(c, a, view);
          const fresh = scoreNumbers(structuredClone(c), a, view);
          expect(kept).toEqual(fresh);
          expect(JSON.stringify(kept)).toBe(JSON.stringify(fresh));
        }
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it("a sweep at the set's own value gives the screen's numbers, tiers and ranks", () => {
    fc.assert(
      fc.property(
        fc.array(companyArb, { minLength: 1, maxLength: 6 }),
        assumptionsArb,
        viewArb,
        fc.constantFrom(...NUMERIC_ASSUMPTION_KEYS),
        (cs, a, view, key) => {
          const companies = cs.map((c, i) => ({ ...c, ticker: `${c.ticker}${i}` }));
          const explained = new Map(screen(companies, a, view).map((r) => [r.ticker, r]));
          for (const {
            ticker,
            points: [p],
          } of sweep(companies, a, view, key, [a[key]])) {
            const r = explained.get(ticker)!;
            // sweep() ranks on its own rows: the same ranks as the screen's
            expect(p).toEqual({ value: a[key], discountBase: r.discountBase, evPerWEffectiveIt: r.evPerWEffectiveIt, tier: r.tier, rank: r.rank });
          }
        },
      ),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it("a higher remote-site factor never lowers effective IT MW; counting a joint venture in full never lowers contracted MW", () => {
    fc.assert(
      fc.property(companyArb, assumptionsArb, (c, a) => {
        expect(scoreCompany(c, { ...a, remoteSiteFactor: 1 }).itMwEffective).toBeGreaterThanOrEqual(scoreCompany(c, a).itMwEffective - 1e-9);
        const whole = { ...c, contracts: c.contracts.map((k) => ({ ...k, companyShare: 1 })) };
        expect(scoreCompany(whole, a).contractedItMw).toBeGreaterThanOrEqual(scoreCompany(c, a).contractedItMw - 1e-9);
      }),
      { numRuns: RUNS },
    );
  });

  it("a megawatt is counted once: each contract's MW are placed exactly once, and filling free room creates none", () => {
    fc.assert(
      fc.property(companyArb, assumptionsArb, (c, a) => {
        const s = scoreCompany(c, a);
        for (const k of s.contracts) {
          const placed = k.placements.reduce((t, p) => t + p.itMw, 0);
          expect(placed).toBeCloseTo(k.itMwIt ?? 0, 6);
        }
        const siteIt = c.sites.reduce((t, x) => {
          const it =
            x.itMw != null
              ? x.itMwScope === "phase" && x.grossMw != null
                ? Math.max(x.itMw, x.grossMw * a.itPerGrossMw)
                : x.itMw
              : x.grossMw != null
                ? x.grossMw * a.itPerGrossMw
                : 0;
          return t + it * x.companyShare;
        }, 0);
        // Unsited MW only take free room: what they take plus what stays free never exceeds the sites' IT MW.
        expect(s.funnel.s4 + s.funnel.s5 + s.funnel.s6 + s.funnelLines.consumedMw).toBeLessThanOrEqual(siteIt + 1e-6);
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
