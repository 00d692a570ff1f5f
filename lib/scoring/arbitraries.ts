// fast-check generators of companies and assumptions shaped like the dataset (several sites and
// contracts, some values missing). Used by property tests and, seeded, by the benchmark.
import fc from "fast-check";
import { DEFAULT_ASSUMPTIONS, type Assumptions } from "./assumptions";
import type { ScoringCompany, ScoringContract, ScoringSite, Sourced } from "./types";

const STAGES = ["operating", "under_construction", "approved", "pipeline"] as const;
const RATINGS = [null, "AAA", "AA+", "AA", "A-", "BBB", "BB+", "Ba3", "B", "Aa1", "CCC"];

const sourced = (min: number, max: number): fc.Arbitrary<Sourced | null> =>
  fc.option(fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((value) => ({
    value, asOf: "2025-11-21", sourceUrl: "https://example.test/source",
  })), { freq: 6 });

/** MW as disclosed: tenths of a megawatt, zero included. */
const tenthsOfMw = (max: number) => fc.integer({ min: 0, max }).map((x) => x / 10);

export const siteArb: fc.Arbitrary<ScoringSite> = fc.record({
  name: fc.string({ minLength: 1, maxLength: 6 }),
  stage: fc.constantFrom(...STAGES),
  grossMw: fc.option(tenthsOfMw(30_000), { freq: 5 }),
  itMw: fc.option(tenthsOfMw(20_000), { freq: 2 }),
});

const contractArb = (siteNames: string[]): fc.Arbitrary<ScoringContract> =>
  fc.record({
    code: fc.uuid(),
    counterparty: fc.constantFrom("Microsoft", "CoreWeave", "Fluidstack", "AWS", "Tenant"),
    counterpartyRating: fc.constantFrom(...RATINGS),
    guarantor: fc.option(fc.constant("Google"), { freq: 3 }),
    guarantorRating: fc.constantFrom(...RATINGS),
    backstopUsd: fc.option(fc.double({ min: 0, max: 5e9, noNaN: true }), { freq: 2 }),
    structure: fc.constantFrom("colocation" as const, "gpu_cloud" as const),
    leaseType: fc.constantFrom(null, "NNN" as const, "modified_gross" as const, "gross" as const, "cloud" as const),
    siteName: siteNames.length ? fc.option(fc.constantFrom(...siteNames), { freq: 4 }) : fc.constant(null),
    itMw: fc.option(tenthsOfMw(15_000).map((x) => x || 0.1), { freq: 8 }),
    itMwBasis: fc.constantFrom("critical_it" as const, "gross" as const, "unknown" as const),
    tenorYears: fc.option(fc.double({ min: 0.5, max: 30, noNaN: true }), { freq: 8 }),
    totalValueUsd: fc.option(fc.double({ min: 0, max: 2e10, noNaN: true }), { freq: 8 }),
    status: fc.constantFrom("signed" as const, "under_construction" as const, "partially_delivered" as const, "delivered" as const),
    deliveredItMw: fc.option(tenthsOfMw(15_000), { freq: 3 }),
    companyGpuCapexUsd: fc.option(fc.double({ min: 0, max: 1e10, noNaN: true }), { freq: 5 }),
    prepaymentUsd: fc.option(fc.double({ min: 0, max: 3e9, noNaN: true }), { freq: 2 }),
    companyFundedCapexUsd: fc.option(fc.double({ min: 0, max: 5e9, noNaN: true }), { freq: 2 }),
    tenantFundedCapexShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { freq: 2 }),
  }).map((c) => ({ ...c, deliveredItMw: c.deliveredItMw != null && c.itMw != null ? Math.min(c.deliveredItMw, c.itMw) : c.deliveredItMw }));

export const companyArb: fc.Arbitrary<ScoringCompany> = fc
  .uniqueArray(siteArb, { maxLength: 6, selector: (s) => s.name })
  .chain((sites) =>
    fc.record({
      ticker: fc.stringMatching(/^[A-Z]{3,4}$/),
      name: fc.constant("Generated Miner"),
      sharePriceUsd: sourced(0.01, 500),
      sharesOutstanding: sourced(1e6, 2e9),
      totalDebtUsd: sourced(0, 1e10),
      cashUsd: sourced(0, 5e9),
      preferredEquityUsd: sourced(0, 1e9),
      committedFinancingUsd: sourced(0, 3e9),
      btcHeld: sourced(0, 60_000),
      sites: fc.constant(sites),
      contracts: fc.array(contractArb(sites.map((s) => s.name)), { maxLength: 5 }),
    }),
  );

const w = () => fc.double({ min: 0, max: 1, noNaN: true });

export const assumptionsArb: fc.Arbitrary<Assumptions> = fc
  .record({
    btcPriceUsd: fc.double({ min: 0, max: 250_000, noNaN: true }),
    subtractBitcoin: fc.boolean(),
    costs: fc.tuple(fc.double({ min: 1, max: 30, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true })),
    itPerGrossMw: fc.double({ min: 0.3, max: 1, noNaN: true }),
    weights: fc.tuple(w(), w(), w(), w(), w(), w()),
    facilityLifeYears: fc.double({ min: 1, max: 60, noNaN: true }),
    cqs: fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 })),
  })
  .map(({ costs: [low, up1, up2], weights, cqs, ...rest }) => {
    const sum = cqs.reduce((a, b) => a + b, 0);
    return {
      ...DEFAULT_ASSUMPTIONS,
      ...rest,
      buildCostLowUsdPerW: low,
      buildCostBaseUsdPerW: low + up1,
      buildCostHighUsdPerW: low + up1 + up2,
      weightS1: weights[0], weightS2: weights[1], weightS3: weights[2], weightS4: weights[3], weightS5: weights[4], weightS6: weights[5],
      cqsWeightTenor: cqs[0] / sum, cqsWeightCredit: cqs[1] / sum, cqsWeightGpu: cqs[2] / sum, cqsWeightStructure: 1 - (cqs[0] + cqs[1] + cqs[2]) / sum,
    };
  });
