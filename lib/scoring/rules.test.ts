// Each model v2 rule at its boundaries, on small explicit companies (test/builders.ts): the company is
// priced at $10 × 100M shares = $1B market cap, no debt, no cash, viewed on 2025-11-21, unless a test says
// otherwise. Expected values are worked out by hand in the comments.
import { describe, expect, it } from "vitest";
import { bsEvent, company, contract, fact, site, VIEW } from "../../test/builders";
import { DEFAULT_ASSUMPTIONS as A, type Assumptions } from "./assumptions";
import { scoreCompany } from "./score";
import type { ScoringCompany } from "./types";

const score = (c: ScoringCompany, a: Partial<Assumptions> = {}, viewDate: string = VIEW.viewDate) => scoreCompany(c, { ...A, ...a }, { viewDate });

describe("§10.1 roll-forward: an event counts after the figure's own date and up to the view date", () => {
  const withEvent = (date: string, cashAsOf = "2025-09-30") =>
    company({ cashUsd: fact(100e6, cashAsOf), balanceSheetEvents: [bsEvent({ date, cashDeltaUsd: 50e6, debtDeltaUsd: 60e6 })] });
  it.each([
    ["on the figure's date (already inside it)", "2025-09-30", 100e6],
    ["the day after the figure", "2025-10-01", 150e6],
    ["on the view date", "2025-11-21", 150e6],
    ["the day after the view date", "2025-11-22", 100e6],
    ["in the view date's month (counts at its end, 2025-11-30)", "2025-11", 100e6],
    ["in the figure's month (counts at 2025-09-30)", "2025-09", 100e6],
  ])("an event %s", (_n, date, cash) => {
    expect(score(withEvent(date)).proForma.cashUsd.value).toBe(cash);
  });
  it("a month-dated event counts once the view date reaches the end of that month", () => {
    expect(score(withEvent("2025-11"), {}, "2025-11-30").proForma.cashUsd.value).toBe(150e6);
  });
  it("a figure dated after the view date is used as it stands", () => {
    expect(score(withEvent("2025-11-01", "2025-12-31")).proForma.cashUsd.value).toBe(100e6);
  });
  it("each figure rolls by its own delta: debt dated later than cash takes fewer events", () => {
    // debt 200M at 2025-10-15: the 2025-10-01 event is inside it; cash (2025-09-30) takes it
    const c = { ...withEvent("2025-10-01"), totalDebtUsd: fact(200e6, "2025-10-15") };
    const s = score(c);
    expect(s.proForma.cashUsd.value).toBe(150e6);
    expect(s.proForma.totalDebtUsd.value).toBe(200e6);
    // EV = 1,000M + 200M − 150M
    expect(s.evUsedUsd).toBe(1_050e6);
  });
  it("shares, bitcoin, preferred and committed financing roll too; market cap uses the pro-forma shares", () => {
    const c = company({
      preferredEquityUsd: fact(10e6, "2025-09-30"),
      committedFinancingUsd: fact(300e6, "2025-09-30"),
      btcHeld: fact(1000, "2025-09-30"),
      sharesOutstanding: fact(1e8, "2025-09-30"),
      balanceSheetEvents: [
        bsEvent({ date: "2025-10-15", sharesDelta: 2e7, btcDelta: -100, preferredDeltaUsd: 5e6, committedDeltaUsd: -100e6, cashDeltaUsd: 100e6 }),
      ],
    });
    const s = score(c);
    expect(s.proForma.sharesOutstanding.value).toBe(1.2e8);
    expect(s.marketCapUsd).toBe(1.2e9); // $10 × 120M
    expect(s.proForma.btcHeld.value).toBe(900);
    expect(s.btcValueUsd).toBe(900 * 84_000);
    expect(s.proForma.preferredEquityUsd.value).toBe(15e6);
    expect(s.proForma.committedFinancingUsd.value).toBe(200e6);
  });
  it("a missing figure is not rolled, and the unapplied delta is said", () => {
    const s = score(company({ cashUsd: null, balanceSheetEvents: [bsEvent({ date: "2025-10-15", cashDeltaUsd: 100e6 })] }));
    expect(s.proForma.cashUsd.value).toBeNull();
    expect(s.reasons.enterpriseValueUsd).toBe("missing:cash");
    expect(s.warnings.some((w) => /cash change is not applied — cash is not reported/.test(w))).toBe(true);
  });
});

describe("§10.1 mixed-dates: cash and debt more than 45 days apart with nothing between", () => {
  const dated = (debtAsOf: string, events: ScoringCompany["balanceSheetEvents"] = []) =>
    company({ cashUsd: fact(0, "2025-09-30"), totalDebtUsd: fact(0, debtAsOf), balanceSheetEvents: events });
  it("45 days apart is not flagged; 46 days is, naming the older figure", () => {
    expect(score(dated("2025-11-14")).flags).not.toContain("mixed-dates"); // 2025-09-30 → 2025-11-14 = 45 days
    const s = score(dated("2025-11-15"));
    expect(s.flags).toContain("mixed-dates");
    expect(s.mixedDates).toEqual({ older: "cashUsd", gapDays: 46 });
  });
  it("the maximum gap is an assumption", () => {
    expect(score(dated("2025-11-15"), { maxBalanceSheetGapDays: 46 }).flags).not.toContain("mixed-dates");
  });
  it("a transaction dated between the two explains the gap; one on the older date does not", () => {
    expect(score(dated("2025-11-15", [bsEvent({ date: "2025-10-20", debtDeltaUsd: 1 })])).flags).not.toContain("mixed-dates");
    expect(score(dated("2025-11-15", [bsEvent({ date: "2025-11-15", cashDeltaUsd: 1 })])).flags).not.toContain("mixed-dates");
    expect(score(dated("2025-11-15", [bsEvent({ date: "2025-09-30", debtDeltaUsd: 1 })])).flags).toContain("mixed-dates");
    // an event that moves neither cash nor debt explains nothing
    expect(score(dated("2025-11-15", [bsEvent({ date: "2025-10-20", sharesDelta: 1 })])).flags).toContain("mixed-dates");
  });
  it("debt older than cash is named as the older figure", () => {
    const s = score(company({ cashUsd: fact(0, "2025-11-20"), totalDebtUsd: fact(0, "2025-06-30") }));
    expect(s.mixedDates?.older).toBe("totalDebtUsd");
  });
});

describe("§10.10 stale-data: each figure against its own limit on the view date", () => {
  it.each([
    ["price", { sharePriceUsd: fact(10, "2025-11-14") }, { sharePriceUsd: fact(10, "2025-11-13") }, "sharePriceUsd"], // 7 vs 8 days
    ["share count", { sharesOutstanding: fact(1e8, "2025-05-05") }, { sharesOutstanding: fact(1e8, "2025-05-04") }, "sharesOutstanding"], // 200 vs 201
    ["cash", { cashUsd: fact(0, "2025-08-13") }, { cashUsd: fact(0, "2025-08-12") }, "cashUsd"], // 100 vs 101
    ["debt", { totalDebtUsd: fact(0, "2025-08-13") }, { totalDebtUsd: fact(0, "2025-08-12") }, "totalDebtUsd"],
  ] as const)("%s: at the limit is current, one day over is stale", (_n, atLimit, over, key) => {
    expect(score(company(atLimit)).staleFigures).toEqual([]);
    const s = score(company(over));
    expect(s.staleFigures.map((x) => x.key)).toEqual([key]);
    expect(s.flags).toContain("stale-data");
  });
  it("a month-dated figure ages from the first day of its month, the earliest it can be", () => {
    // 2025-11 → 2025-11-01: 7 days on 2025-11-08 (current), 20 days on 2025-11-21 (stale, approximate)
    expect(score(company({ sharePriceUsd: fact(10, "2025-11") }), {}, "2025-11-08").staleFigures).toEqual([]);
    expect(score(company({ sharePriceUsd: fact(10, "2025-11") })).staleFigures).toEqual([
      { key: "sharePriceUsd", asOf: "2025-11", ageDays: 20, maxDays: 7, approximate: true },
    ]);
  });
  it("a published EV the ranking uses is held to the price limit; one it does not use is not", () => {
    // no cash → ranks on the published EV of 2025-11-13 (8 days before 2025-11-21)
    const published = { cashUsd: null, enterpriseValuePublishedUsd: fact(900e6, "2025-11-13") };
    expect(score(company(published)).staleFigures.map((x) => [x.key, x.ageDays])).toEqual([["enterpriseValuePublishedUsd", 8]]);
    expect(score(company({ ...published, cashUsd: fact(0) })).staleFigures).toEqual([]);
  });
  it("events improve a figure but do not make it current", () => {
    const s = score(company({ cashUsd: fact(0, "2025-06-30"), balanceSheetEvents: [bsEvent({ date: "2025-11-01", cashDeltaUsd: 5e6 })] }));
    expect(s.proForma.cashUsd.value).toBe(5e6);
    expect(s.staleFigures.map((x) => [x.key, x.ageDays])).toEqual([["cashUsd", 144]]);
  });
});

describe("§10.2 a megawatt is counted once", () => {
  it("an unsited contract fills hpc/mixed sites operating first, larger first — never a pure mining site", () => {
    const c = company({
      sites: [
        site({ name: "Mine", use: "mining", grossMw: 1000 }), // 700 IT, never consumed
        site({ name: "Small HPC", use: "hpc", itMw: 50 }),
        site({ name: "Big Mixed", use: "mixed", itMw: 80 }),
        site({ name: "Building", use: "hpc", stage: "under_construction", itMw: 500 }),
      ],
      contracts: [contract({ itMw: 100 })],
    });
    const s = score(c);
    // operating Big Mixed 80 first (larger), then Small HPC 20; the building site is not needed
    expect(s.contracts[0].placements).toEqual([
      { site: "Big Mixed", itMw: 80, how: "consumed" },
      { site: "Small HPC", itMw: 20, how: "consumed" },
    ]);
    // S2 100; S4 Mine 700 + Small HPC 30 = 730; S5 500
    expect(s.funnel).toMatchObject({ s2: 100, s4: 730, s5: 500 });
  });
  it("what no hpc/mixed site can hold counts as contracted, site unknown (S2)", () => {
    const s = score(company({ sites: [site({ use: "hpc", itMw: 30 })], contracts: [contract({ itMw: 100 })] }));
    expect(s.funnelLines).toMatchObject({ consumedMw: 30, siteUnknownMw: 70 });
    expect(s.funnel.s2).toBe(100);
    expect(s.funnel.s4).toBe(0);
  });
  it("MW placed on an approved or pipeline site need new power: S3", () => {
    const s = score(company({ sites: [site({ use: "hpc", stage: "approved", itMw: 100 })], contracts: [contract({ itMw: 100 })] }));
    expect(s.funnel).toMatchObject({ s2: 0, s3: 100, s5: 0 });
  });
  it("allocated MW above a site's IT stay there (a warned data conflict) and never spill", () => {
    const c = company({
      sites: [site({ name: "A", itMw: 50 }), site({ name: "B", itMw: 200 })],
      contracts: [
        contract({
          itMw: 100,
          siteAllocations: [
            { site: "A", itMw: 80 },
            { site: "B", itMw: 20 },
          ],
        }),
      ],
    });
    const s = score(c);
    expect(s.contracts[0].placements.map((p) => [p.site, p.itMw])).toEqual([
      ["A", 80],
      ["B", 20],
    ]);
    expect(s.funnel.s4).toBe(180); // B: 200 − 20; A has none free
    expect(s.warnings.some((w) => /A: contracted 80 MW above the site's 50 MW IT/.test(w))).toBe(true);
  });
  it("delivered MW are spread over the placements pro rata", () => {
    const c = company({
      sites: [site({ name: "Op", itMw: 60 }), site({ name: "Appr", stage: "approved", itMw: 40 })],
      contracts: [
        contract({
          itMw: 100,
          deliveredItMw: 50,
          status: "partially_delivered",
          siteAllocations: [
            { site: "Op", itMw: 60 },
            { site: "Appr", itMw: 40 },
          ],
        }),
      ],
    });
    // S1 50; the undelivered half of each: S2 30 (operating), S3 20 (approved)
    expect(score(c).funnel).toMatchObject({ s1: 50, s2: 30, s3: 20 });
  });
  it("a gross-basis contract is converted before it is placed", () => {
    const s = score(company({ sites: [site({ itMw: 500 })], contracts: [contract({ itMw: 100, itMwBasis: "gross" })] }));
    expect(s.contractedItMw).toBeCloseTo(70);
    expect(s.funnelLines.consumedMw).toBeCloseTo(70);
  });
});

describe("§10.3 a phase-one IT figure does not cap a campus", () => {
  it("a phase figure is raised to gross × IT/gross; a site figure is not", () => {
    const phase = score(company({ sites: [site({ grossMw: 750, itMw: 200, itMwScope: "phase" })] }));
    expect(phase.funnel.s4).toBeCloseTo(525); // max(200, 750 × 0.7)
    expect(phase.funnelLines.phaseExtendedMw).toBeCloseTo(325);
    const whole = score(company({ sites: [site({ grossMw: 750, itMw: 200, itMwScope: "site" })] }));
    expect(whole.funnel.s4).toBe(200);
  });
  it("a phase figure already above gross × IT/gross stands", () => {
    const s = score(company({ sites: [site({ grossMw: 250, itMw: 200, itMwScope: "phase" })] })); // 250 × 0.7 = 175 < 200
    expect(s.funnel.s4).toBe(200);
    expect(s.funnelLines.phaseExtendedMw).toBe(0);
  });
});

describe("§10.4 remote and small sites", () => {
  it("20 MW gross is an AI site; 19.9 MW is small", () => {
    expect(score(company({ sites: [site({ grossMw: 20 })] })).remoteMw.s4).toBe(0);
    const small = score(company({ sites: [site({ grossMw: 19.9 })] }));
    expect(small.remoteMw.s4).toBeCloseTo(13.93);
    expect(small.itMwEffective).toBeCloseTo(19.9 * 0.7 * 0.5 * 0.2);
  });
  it("outside the AI-ready countries, or with no country, × remoteSiteFactor", () => {
    expect(score(company({ sites: [site({ country: "PY" })] })).itMwEffective).toBeCloseTo(70 * 0.5 * 0.2);
    const unknown = score(company({ sites: [site({ country: null })] }));
    expect(unknown.itMwEffective).toBeCloseTo(7);
    expect(unknown.warnings.some((w) => /country unknown/.test(w))).toBe(true);
    expect(score(company({ sites: [site({ country: "PY" })] }), { aiReadyCountries: ["US", "PY"] }).itMwEffective).toBeCloseTo(35);
    expect(score(company({ sites: [site({ country: "PY" })] }), { remoteSiteFactor: 1 }).itMwEffective).toBeCloseTo(35);
  });
  it("contracted MW are never discounted, only the site's free MW", () => {
    const s = score(company({ sites: [site({ name: "Py", country: "PY", itMw: 100 })], contracts: [contract({ itMw: 60, siteName: "Py" })] }));
    // S2 60 × 0.9 + free 40 × 0.5 × 0.2
    expect(s.itMwEffective).toBeCloseTo(54 + 4);
  });
});

describe("§10.5 capex to fund is not the value benchmark", () => {
  const c = company({ cashUsd: fact(500e6), sites: [site({ itMw: 100 })], contracts: [contract({ itMw: 100, siteName: "Site" })] });
  it("the gap is costed at the conversion capex, or the company's own guidance", () => {
    // 100 MW × $10M = 1,000M − cash 500M = 500M; / market cap 1,000M = 0.5
    expect(score(c).financingGapUsd).toBe(500e6);
    expect(score({ ...c, capexGuidanceUsdPerMw: { ...fact(8e6), low: 7e6, high: 9e6 } }).financingGapUsd).toBe(300e6);
  });
  it("changing the build-cost benchmark moves the discount, never the gap or the tier", () => {
    const lo = score(c, { buildCostLowUsdPerW: 5, buildCostBaseUsdPerW: 6, buildCostHighUsdPerW: 7 });
    const hi = score(c);
    expect(lo.financingGapUsd).toBe(hi.financingGapUsd);
    expect(lo.tier).toBe(hi.tier);
    expect(lo.discountBase).not.toBe(hi.discountBase);
  });
  it("a stated capex covering part of the contract: the rest of the undelivered MW at capex per MW", () => {
    const partial = contract({
      itMw: 100,
      deliveredItMw: 10,
      status: "partially_delivered",
      companyFundedCapexUsd: 300e6,
      companyFundedCapexMw: 30,
      tenantFundedCapexShare: 0.5,
    });
    // stated 300M + min(undelivered 90, 100 − 30 = 70) × 10M × (1 − 0.5) = 300M + 350M
    expect(score(company({ contracts: [partial] })).contracts[0].buildingCapexUsd).toBe(650e6);
  });
});

describe("§10.6 ownership share", () => {
  it("a half-owned site and contract count half their MW, value and capex", () => {
    const c = company({
      sites: [site({ name: "JV", itMw: 100, companyShare: 0.5 })],
      contracts: [contract({ itMw: 100, siteName: "JV", totalValueUsd: 2e9, companyShare: 0.5 })],
    });
    const s = score(c);
    expect(s.contractedItMw).toBe(50);
    expect(s.contracts[0].totalValueUsd).toBe(1e9);
    expect(s.capexRemainingUsd).toBe(500e6); // 50 MW × $10M
    expect(s.funnel.s4).toBe(0);
  });
  it("Tier 2 materiality reads the shared figures", () => {
    // 80 MW and $1.6B at 50% → 40 MW and $0.8B: below 50 MW and $1B → Tier 3
    const c = company({ contracts: [contract({ itMw: 80, totalValueUsd: 1.6e9, tenorYears: 3, companyShare: 0.5 })] });
    expect(score(c).tier).toBe(3);
    expect(score({ ...c, contracts: [{ ...c.contracts[0], companyShare: 1 }] }).tier).toBe(2);
  });
});

describe("§10.8 published EV when an input is missing", () => {
  const noCash = company({ cashUsd: null, btcHeld: fact(100), enterpriseValuePublishedUsd: fact(1.5e9, "2025-11-10") });
  it("as it stands when the published market cap is of another date, less bitcoin", () => {
    const s = score({ ...noCash, marketCapPublishedUsd: fact(1.2e9, "2025-11-07") });
    expect(s.evSource).toBe("published");
    expect(s.evUsedUsd).toBe(1.5e9 - 100 * 84_000);
    expect(s.flags).toContain("published-ev");
  });
  it("rebased to our price when both published figures share a date", () => {
    // our market cap 1,000M + (published EV 1,500M − published market cap 1,200M) − bitcoin
    const s = score({ ...noCash, marketCapPublishedUsd: fact(1.2e9, "2025-11-10") });
    expect(s.evUsedUsd).toBe(1e9 + 0.3e9 - 8.4e6);
  });
  it("off by assumption, or not needed when our EV can be computed", () => {
    expect(score(noCash, { usePublishedEvFallback: false }).evUsedUsd).toBeNull();
    const computed = score({ ...noCash, cashUsd: fact(0) });
    expect(computed.evSource).toBe("computed");
    expect(computed.evUsedUsd).toBe(1e9 - 8.4e6);
  });
});

describe("§10.9 a reported bitcoin value, §10.11 credit, §10.12 comps", () => {
  it("a reported value is used as reported only when no coin count is published", () => {
    expect(score(company({ btcValueUsdReported: fact(50e6) })).btcValueUsd).toBe(50e6);
    expect(score(company({ btcValueUsdReported: fact(50e6) }), { btcPriceUsd: 100_000 }).btcValueUsd).toBe(50e6);
    expect(score(company({ btcHeld: fact(10), btcValueUsdReported: fact(50e6) })).btcValueUsd).toBe(840_000);
  });
  it("no-ig-tenant below half of contract value; exactly half is enough; an IG guarantor counts from β ≥ 0.5", () => {
    const ig = contract({ code: "IG", counterpartyRating: "BBB-", totalValueUsd: 1e9 });
    const junk = contract({ code: "J", counterpartyRating: "B", totalValueUsd: 1e9 });
    expect(score(company({ contracts: [ig, junk] })).flags).not.toContain("no-ig-tenant");
    expect(score(company({ contracts: [ig, { ...junk, totalValueUsd: 1.01e9 }] })).flags).toContain("no-ig-tenant");
    // backstop 500M / capital at risk 100 MW × $10M = 0.5 → backed; 499M → not
    const backed = (backstopUsd: number) => contract({ counterpartyRating: null, guarantor: "Google", guarantorRating: "AA+", backstopUsd });
    expect(score(company({ contracts: [backed(500e6)] })).flags).not.toContain("no-ig-tenant");
    expect(score(company({ contracts: [backed(499e6)] })).flags).toContain("no-ig-tenant");
    expect(score(company()).flags).not.toContain("no-ig-tenant"); // no contract value: not applicable
  });
  it("mining value is netted out of the EV used, and EV/EH is on the EV before it", () => {
    const c = company({ hashrateEhs: fact(10), sites: [site({ itMw: 100 })] });
    const s = score(c, { miningValueUsdPerEh: 20e6 });
    expect(s.miningValueUsd).toBe(200e6);
    expect(s.evUsedUsd).toBe(800e6);
    expect(s.evPerEhUsd).toBe(100e6); // 1,000M / 10 EH/s
    expect(s.evPerWEffectiveIt).toBeCloseTo(800 / 50);
    expect(score({ ...c, hashrateEhs: null }, { miningValueUsdPerEh: 20e6 }).warnings).toContain("Mining value not netted out: no hashrate recorded");
  });
});

describe("§10.1 with §14: a figure not reported counts as 0, and both sides of its transactions land", () => {
  it("a preferred issue adds its preferred as well as its cash: EV is unchanged by the issue", () => {
    // preferred not reported (0) + 500M issued; cash 0 + 500M. EV = 1,000M + 0 + 500M − 500M = 1,000M
    const s = score(
      company({
        cashUsd: fact(0, "2025-09-30"),
        balanceSheetEvents: [bsEvent({ date: "2025-10-15", kind: "preferred_issue", cashDeltaUsd: 500e6, preferredDeltaUsd: 500e6 })],
      }),
    );
    expect(s.proForma.preferredEquityUsd.value).toBe(500e6);
    expect(s.proForma.preferredEquityUsd.fromZero).toBe(true);
    expect(s.enterpriseValueUsd).toBe(1_000e6);
    expect(s.adjustments.some((x) => x.rule === "10.1" && /Pro-forma preferred equity: not reported, taken as 0, \+ \$500M/.test(x.text))).toBe(true);
  });
  it("a bitcoin purchase brings its coins: cash out, bitcoin in, EV ex-bitcoin 0", () => {
    // cash 1,000M − 840M = 160M; EV = 1,000M − 160M = 840M; 10,000 BTC × 84,000 = 840M; ex-BTC = 0
    const s = score(
      company({
        cashUsd: fact(1_000e6, "2025-09-30"),
        balanceSheetEvents: [bsEvent({ date: "2025-10-15", kind: "btc_purchase", cashDeltaUsd: -840e6, btcDelta: 10_000 })],
      }),
      { btcPriceUsd: 84_000 },
    );
    expect(s.proForma.btcHeld.value).toBe(10_000);
    expect(s.enterpriseValueUsd).toBe(840e6);
    expect(s.enterpriseValueExBtcUsd).toBe(0);
  });
  it("without events the figure stays not reported (null) and is taken as 0", () => {
    const s = score(company());
    expect(s.proForma.preferredEquityUsd).toMatchObject({ value: null, fromZero: false });
    expect(s.enterpriseValueUsd).toBe(1_000e6);
  });
  it("cash, debt and shares are never taken as 0: their deltas stay unapplied", () => {
    const s = score(company({ totalDebtUsd: null, balanceSheetEvents: [bsEvent({ date: "2025-10-15", debtDeltaUsd: 100e6 })] }));
    expect(s.proForma.totalDebtUsd.value).toBeNull();
    expect(s.reasons.enterpriseValueUsd).toBe("missing:totalDebt");
  });
});

describe("§10.9 with §10.1: a reported bitcoin value moves with later sales and purchases", () => {
  const withValue = (events: ReturnType<typeof bsEvent>[]) =>
    company({ cashUsd: fact(0, "2025-09-30"), btcValueUsdReported: fact(240e6, "2025-09-30"), balanceSheetEvents: events });
  it("selling all of it: the proceeds are cash and the value is gone (EV ex-BTC 760M, not 520M)", () => {
    // EV = 1,000M − 240M cash = 760M; value 240M − 240M = 0
    const s = score(withValue([bsEvent({ date: "2025-10-15", kind: "btc_sale", cashDeltaUsd: 240e6, btcDelta: -2_000 })]));
    expect(s.btcValueSource).toBe("reported");
    expect(s.btcValueUsd).toBe(0);
    expect(s.enterpriseValueExBtcUsd).toBe(760e6);
    expect(s.proForma.btcHeld.value).toBeNull(); // no coin count is made up from the value
  });
  it("a purchase adds its cost; a sale before the value's date is already inside it", () => {
    const s = score(
      withValue([
        bsEvent({ date: "2025-09-15", kind: "btc_sale", cashDeltaUsd: 50e6 }),
        bsEvent({ date: "2025-10-15", kind: "btc_purchase", cashDeltaUsd: -60e6, btcDelta: 700 }),
      ]),
    );
    expect(s.btcValueUsd).toBe(300e6); // 240M + 60M
  });
  it("a bitcoin event with no cash figure is not valued, and said so", () => {
    const s = score(withValue([bsEvent({ date: "2025-10-15", kind: "btc_sale", btcDelta: -100 })]));
    expect(s.btcValueUsd).toBe(240e6);
    expect(s.warnings.some((w) => /a bitcoin transaction with no cash figure/.test(w))).toBe(true);
  });
});

describe("§10.2 allocations are IT MW and never exceed the contract", () => {
  it("a gross-basis contract's allocations are not converted again (CIFR's AWS shape)", () => {
    // 300 MW gross × 0.7 = 210 IT, all 210 IT allocated to a 300 MW gross (210 IT) mining site:
    // 210 in S2, nothing unsited, nothing left free at the site
    const s = score(
      company({
        sites: [site({ name: "Black Pearl", use: "mining", grossMw: 300 })],
        contracts: [contract({ itMw: 300, itMwBasis: "gross", siteAllocations: [{ site: "Black Pearl", itMw: 210 }] })],
      }),
      { itPerGrossMw: 0.7 },
    );
    expect(s.funnelLines.allocatedMw).toBeCloseTo(210, 9);
    expect(s.funnelLines.siteUnknownMw).toBe(0);
    expect(s.funnel.s2).toBeCloseTo(210, 9);
    expect(s.funnel.s4).toBeCloseTo(0, 9);
  });
  it("allocations adding up to more than the contract are scaled down to it, with a warning", () => {
    // 200 IT allocated 260 + 70 = 330: each × 200/330 → 157.58 + 42.42 = 200 in S2
    const s = score(
      company({
        sites: [site({ name: "A", grossMw: 1000 }), site({ name: "B", grossMw: 1000 })],
        contracts: [
          contract({
            itMw: 200,
            siteAllocations: [
              { site: "A", itMw: 260 },
              { site: "B", itMw: 70 },
            ],
          }),
        ],
      }),
    );
    expect(s.funnel.s2).toBeCloseTo(200, 9);
    expect(s.contracts[0].placements.map((p) => p.itMw)).toEqual([expect.closeTo((260 * 200) / 330, 9), expect.closeTo((70 * 200) / 330, 9)]);
    expect(s.warnings.some((w) => /add up to 330 MW, more than its 200 MW IT/.test(w))).toBe(true);
  });
});

describe("§10.11 β against the whole build when the stated capex covers part of it", () => {
  it("stated 1.7B for 100 of 300 MW + 200 MW × $10M = 3.7B at risk; a 1.7B backstop gives β = 0.459", () => {
    const s = score(
      company({
        capexGuidanceUsdPerMw: fact(10e6),
        contracts: [
          contract({
            itMw: 300,
            companyFundedCapexUsd: 1.7e9,
            companyFundedCapexMw: 100,
            backstopUsd: 1.7e9,
            guarantor: "Guarantor",
            guarantorRating: "AA",
            counterpartyRating: "B",
          }),
        ],
      }),
    );
    expect(s.contracts[0].capitalAtRiskUsd).toBe(3.7e9);
    expect(s.contracts[0].beta).toBeCloseTo(1.7 / 3.7, 12);
    expect(s.contracts[0].igBacked).toBe(false); // β < 0.5
  });
});

describe("dates the model cannot read are never read as dates", () => {
  it.each(["abcd-ef-gh", "2025-02-30", "2025-13", "yesterday"])("%s: no roll-forward, no mixed-dates NaN, no staleness", (bad) => {
    const s = score(
      company({
        cashUsd: fact(100e6, bad),
        totalDebtUsd: fact(0, "2025-09-30"),
        balanceSheetEvents: [bsEvent({ date: "2025-10-15", cashDeltaUsd: 50e6 })],
      }),
    );
    expect(s.warnings.join(" ")).not.toMatch(/NaN/);
    expect(s.flags).not.toContain("mixed-dates");
    expect(Number.isFinite(s.evUsedUsd!)).toBe(true);
  });
});
