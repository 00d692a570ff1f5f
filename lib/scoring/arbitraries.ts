// fast-check generators of companies and assumptions shaped like the dataset (several sites and
// contracts, allocations, joint-venture shares, remote sites, dated balance-sheet events, some values
// missing). Used by property tests and, seeded, by the benchmark.
import fc from "fast-check";
import { DEFAULT_ASSUMPTIONS, type Assumptions } from "./assumptions";
import type { BalanceSheetEvent, ScoringCompany, ScoringContract, ScoringSite, Sourced } from "./types";

const STAGES = ["operating", "under_construction", "approved", "pipeline"] as const;
const USES = ["mining", "hpc", "mixed", "idle", "other"] as const;
const RATINGS = [null, "AAA", "AA+", "AA", "A-", "BBB", "BB+", "Ba3", "B", "Aa1", "CCC", "IG"];
const COUNTRIES = [null, "US", "US", "US", "CA", "NO", "BT", "PY", "ET"];
/** Dates around the 2025-11-21 snapshot, some only a month. */
const DATES = ["2024-12-31", "2025-06-30", "2025-09", "2025-09-30", "2025-10-22", "2025-11", "2025-11-21", "2025-12-08", "2026-02"];
export const VIEW_DATES = ["2025-11-21", "2025-12-31", "2026-06-30"] as const;

const sourced = (min: number, max: number): fc.Arbitrary<Sourced | null> =>
  fc.option(
    fc
      .record({ value: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }), asOf: fc.constantFrom(...DATES) })
      .map(({ value, asOf }) => ({ value, asOf, sourceUrl: "https://example.test/source" })),
    { freq: 6 },
  );

/** MW as disclosed: tenths of a megawatt, zero included. */
const tenthsOfMw = (max: number) => fc.integer({ min: 0, max }).map((x) => x / 10);
const share = fc.oneof(fc.constant(1), fc.constant(1), fc.double({ min: 0.05, max: 1, noNaN: true }));

export const siteArb: fc.Arbitrary<ScoringSite> = fc.record({
  name: fc.string({ minLength: 1, maxLength: 6 }),
  stage: fc.constantFrom(...STAGES),
  use: fc.constantFrom(...USES),
  grossMw: fc.option(tenthsOfMw(30_000), { freq: 5 }),
  itMw: fc.option(tenthsOfMw(20_000), { freq: 2 }),
  itMwScope: fc.constantFrom(null, "site" as const, "phase" as const),
  country: fc.constantFrom(...COUNTRIES),
  companyShare: share,
});

const money = (max: number) => fc.option(fc.double({ min: -max, max, noNaN: true }), { freq: 2 });

const balanceSheetEventArb: fc.Arbitrary<BalanceSheetEvent> = fc.record({
  date: fc.constantFrom(...DATES),
  kind: fc.constantFrom("debt_issue" as const, "equity_issue" as const, "btc_sale" as const, "other" as const),
  description: fc.constant("Generated transaction"),
  cashDeltaUsd: money(3e9),
  debtDeltaUsd: money(3e9),
  preferredDeltaUsd: money(5e8),
  committedDeltaUsd: money(5e8),
  sharesDelta: money(5e7),
  btcDelta: money(2_000),
  sourceUrl: fc.constant("https://example.test/event"),
});

const contractArb = (siteNames: string[]): fc.Arbitrary<ScoringContract> =>
  fc
    .record({
      code: fc.uuid(),
      counterparty: fc.constantFrom("Microsoft", "CoreWeave", "Fluidstack", "AWS", "Tenant"),
      counterpartyRating: fc.constantFrom(...RATINGS),
      guarantor: fc.option(fc.constant("Google"), { freq: 3 }),
      guarantorRating: fc.constantFrom(...RATINGS),
      backstopUsd: fc.option(fc.double({ min: 0, max: 5e9, noNaN: true }), { freq: 2 }),
      structure: fc.constantFrom("colocation" as const, "gpu_cloud" as const),
      leaseType: fc.constantFrom(null, "NNN" as const, "modified_gross" as const, "gross" as const, "cloud" as const),
      siteName: siteNames.length ? fc.option(fc.constantFrom(...siteNames), { freq: 4 }) : fc.constant(null),
      siteAllocations: siteNames.length
        ? fc.option(
            fc.uniqueArray(fc.record({ site: fc.constantFrom(...siteNames), itMw: tenthsOfMw(5_000).map((x) => x || 0.1) }), {
              minLength: 1,
              maxLength: 3,
              selector: (x) => x.site,
            }),
            { freq: 4 },
          )
        : fc.constant(null),
      itMw: fc.option(
        tenthsOfMw(15_000).map((x) => x || 0.1),
        { freq: 8 },
      ),
      itMwBasis: fc.constantFrom("critical_it" as const, "gross" as const, "unknown" as const),
      tenorYears: fc.option(fc.double({ min: 0.5, max: 30, noNaN: true }), { freq: 8 }),
      totalValueUsd: fc.option(fc.double({ min: 0, max: 2e10, noNaN: true }), { freq: 8 }),
      status: fc.constantFrom("signed" as const, "under_construction" as const, "partially_delivered" as const, "delivered" as const),
      deliveredItMw: fc.option(tenthsOfMw(15_000), { freq: 3 }),
      companyGpuCapexUsd: fc.option(fc.double({ min: 0, max: 1e10, noNaN: true }), { freq: 5 }),
      prepaymentUsd: fc.option(fc.double({ min: 0, max: 3e9, noNaN: true }), { freq: 2 }),
      companyFundedCapexUsd: fc.option(fc.double({ min: 0, max: 5e9, noNaN: true }), { freq: 2 }),
      companyFundedCapexMw: fc.option(
        tenthsOfMw(5_000).map((x) => x || 0.1),
        { freq: 2 },
      ),
      tenantFundedCapexShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { freq: 2 }),
      companyShare: share,
    })
    .map((c) => {
      // The schema's rules: one site or allocations, allocations within the contract's MW, delivered within it.
      const siteAllocations =
        c.siteAllocations && c.itMw != null && c.siteAllocations.reduce((t, x) => t + x.itMw, 0) > c.itMw ? null : c.siteAllocations;
      return {
        ...c,
        siteName: siteAllocations ? null : c.siteName,
        siteAllocations,
        companyFundedCapexMw:
          c.companyFundedCapexUsd == null || (c.itMw != null && (c.companyFundedCapexMw ?? 0) > c.itMw) ? null : c.companyFundedCapexMw,
        deliveredItMw: c.deliveredItMw != null && c.itMw != null ? Math.min(c.deliveredItMw, c.itMw) : c.deliveredItMw,
      };
    });

export const companyArb: fc.Arbitrary<ScoringCompany> = fc.uniqueArray(siteArb, { maxLength: 6, selector: (s) => s.name }).chain((sites) =>
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
    btcValueUsdReported: sourced(0, 2e9),
    hashrateEhs: sourced(0, 60),
    marketCapPublishedUsd: sourced(1e7, 2e10),
    enterpriseValuePublishedUsd: sourced(1e7, 2e10),
    capexGuidanceUsdPerMw: sourced(1e6, 2e7),
    balanceSheetEvents: fc.array(balanceSheetEventArb, { maxLength: 4 }),
    sites: fc.constant(sites),
    contracts: fc.array(contractArb(sites.map((s) => s.name)), { maxLength: 5 }),
  }),
);

const w = () => fc.double({ min: 0, max: 1, noNaN: true });

export const assumptionsArb: fc.Arbitrary<Assumptions> = fc
  .record({
    btcPriceUsd: fc.double({ min: 0, max: 250_000, noNaN: true }),
    subtractBitcoin: fc.boolean(),
    usePublishedEvFallback: fc.boolean(),
    miningValueUsdPerEh: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 5e8, noNaN: true })),
    costs: fc.tuple(
      fc.double({ min: 1, max: 30, noNaN: true }),
      fc.double({ min: 0, max: 5, noNaN: true }),
      fc.double({ min: 0, max: 5, noNaN: true }),
    ),
    itPerGrossMw: fc.double({ min: 0.3, max: 1, noNaN: true }),
    remoteSiteFactor: w(),
    minAiSiteGrossMw: fc.double({ min: 0, max: 200, noNaN: true }),
    conversionCapexUsdPerW: fc.double({ min: 0, max: 50, noNaN: true }),
    aiReadyCountries: fc.constantFrom(DEFAULT_ASSUMPTIONS.aiReadyCountries, ["US"], [] as string[]),
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
      weightS1: weights[0],
      weightS2: weights[1],
      weightS3: weights[2],
      weightS4: weights[3],
      weightS5: weights[4],
      weightS6: weights[5],
      cqsWeightTenor: cqs[0] / sum,
      cqsWeightCredit: cqs[1] / sum,
      cqsWeightGpu: cqs[2] / sum,
      cqsWeightStructure: 1 - (cqs[0] + cqs[1] + cqs[2]) / sum,
    };
  });
