// Model v2 on real companies: the snapshot (prisma/miners-2025-11.json with the 2025-11-21 corrections)
// viewed on 2025-11-21 under the default assumptions. Every expectation was computed by hand from
// methodology §10 (the arithmetic is written out beside it) and checked against an independent hand
// computation; none is copied from the code's output. Defaults: build cost 11/12/13 $/W, IT/gross 0.70,
// stage weights 1/0.9/0.75/0.5/0.25/0.1, conversion capex $10M per IT MW, remote factor 0.2, min site 20 MW.
import { describe, expect, it } from "vitest";
import { snapshotCompany, SNAPSHOT_VIEW } from "../../prisma/snapshot";
import { DEFAULT_ASSUMPTIONS as A } from "./assumptions";
import { scoreCompany } from "./score";

const score = (t: string, opts?: { corrections?: boolean }) => scoreCompany(snapshotCompany(t, opts), A, SNAPSHOT_VIEW);
const close = (actual: number | null | undefined, expected: number, digits = 6) => expect(actual).toBeCloseTo(expected, digits);

describe("WULF — pro-forma balance sheet (§10.1) and the Abernathy joint venture at 50.1% (§10.6)", () => {
  const s = score("WULF");
  it("rolls cash forward by the two October raises; debt already holds them", () => {
    // cash 712.8M at 2025-09-30 + 3,200M (2025-10-22 notes) + 999.7M (2025-10-31 converts) = 4,912.5M
    close(s.proForma.cashUsd.value, 4_912_500_000, 0);
    expect(s.proForma.cashUsd.lines.map((l) => l.date)).toEqual(["2025-10-22", "2025-10-31"]);
    // debt 5,725M at 2025-10-31: both raises are dated on or before it (inside); 2025-12-29 is after the view
    close(s.proForma.totalDebtUsd.value, 5_725_000_000, 0);
    expect(s.proForma.totalDebtUsd.lines).toEqual([]);
    // market cap 11.30 × 419,000,000 = 4,734.7M; EV = 4,734.7 + 5,725 − 4,912.5 = 5,547.2M
    close(s.evUsedUsd, 5_547_200_000, 0);
    expect(s.adjustments.some((x) => x.rule === "10.1" && /Pro-forma cash/.test(x.text))).toBe(true);
  });
  it("counts the joint venture's site and contract at 50.1%", () => {
    // Abernathy 168 IT × 0.501 = 84.168 MW, fully taken by its contract (168 × 0.501) → S2
    close(s.contracts[3].itMwIt, 84.168);
    close(s.contracts[3].totalValueUsd, 9.5e9 * 0.501, 0);
    // S1 22.5 (Core42 delivered); S2 50 + 200 + 160 (Lake Mariner) + 84.168 = 494.168; S6 Cayuga 400 × 0.7 = 280
    close(s.funnel.s1, 22.5);
    close(s.funnel.s2, 494.168);
    close(s.funnel.s6, 280);
    // 22.5 + 494.168 × 0.9 + 280 × 0.1 = 495.2512
    close(s.itMwEffective, 495.2512);
    close(s.discountBase, 1 - 5_547.2 / 495.2512 / 12); // 0.066602
  });
  it("funds capex at its own guidance, so the gap closes (§10.5)", () => {
    // guidance $9M/MW: Core42 50 undelivered + 200 + 160 + 84.168 = 494.168 MW × 9M = 4,447.512M < cash 4,912.5M
    expect(s.capexPerMwSource).toBe("guidance");
    close(s.capexRemainingUsd, 4_447_512_000, 0);
    expect(s.financingGapUsd).toBe(0);
    expect(s.tier).toBe(1);
    expect(s.flags).toEqual(["below-build-cost"]);
  });
  it("β uses the JV's capital at risk at its share", () => {
    // backstop 1.3B × 0.501 = 651.3M; capital at risk 84.168 × 9M = 757.512M → β 0.859788
    close(s.contracts[3].beta, 651.3 / 757.512);
    // Google (AA+) lifts the unrated tenant: C = 0.3 + 0.859788 × 0.7; T = min(1, 25/20) = 1; S = 0.8
    close(s.contracts[3].cqs, 100 * (0.3 * 1 + 0.4 * (0.3 + (651.3 / 757.512) * 0.7) + 0.2 + 0.1 * 0.8), 4); // 94.0741
  });
});

describe("CORZ — CoreWeave allocations: a megawatt is counted once (§10.2); bitcoin as a reported value (§10.9)", () => {
  const s = score("CORZ");
  it("places 260 MW on Denton, 70 on Muskogee, fills Denton's free 15.8 and leaves 244.2 site unknown", () => {
    // Denton 394 × 0.7 = 275.8 IT − 260 allocated = 15.8 free; Muskogee 70 − 70 = 0; Austin has no MW figure
    expect(s.contracts[0].placements).toEqual([
      { site: "Denton", itMw: 260, how: "allocation" },
      { site: "Muskogee", itMw: 70, how: "allocation" },
      { site: "Denton", itMw: expect.closeTo(15.8, 9), how: "consumed" },
      { site: null, itMw: expect.closeTo(244.2, 9), how: "unknown" },
    ]);
    close(s.funnelLines.allocatedMw, 330);
    close(s.funnelLines.consumedMw, 15.8);
    close(s.funnelLines.siteUnknownMw, 244.2);
    expect(s.warnings.some((w) => /CORZ-CRWV-2024: 260 MW of its MW are on no named site — 15\.8 MW on Denton placed/.test(w))).toBe(true);
  });
  it("no longer counts the contracted MW again as uncontracted Denton and Muskogee power", () => {
    // S2 590 (all placements undelivered, on energized or unknown sites); S4 Pecos 250 × 0.7 = 175 only; S5 0
    expect(s.funnel).toEqual({ s1: 0, s2: 590, s3: 0, s4: expect.closeTo(175, 9), s5: 0, s6: 0 });
    // 590 × 0.9 + 175 × 0.5 = 531 + 87.5 = 618.5 (v1: 773.9 with Denton 275.8 and Muskogee 70 counted again)
    close(s.itMwEffective, 618.5);
  });
  it("subtracts the reported $241.4M of bitcoin as reported", () => {
    // EV = 17.08 × 310,061,300 + 1,166M − 453.4M = 6,008,447,004; ex-BTC − 241.4M = 5,767,047,004
    expect(s.btcValueSource).toBe("reported");
    close(s.btcValueUsd, 241_400_000, 0);
    close(s.evUsedUsd, 5_767_047_004, 0);
    close(s.discountBase, 1 - 5_767.047004 / 618.5 / 12); // 0.222979
    expect(s.adjustments.some((x) => x.rule === "10.9")).toBe(true);
  });
  it("capex at $10M/MW less the tenant's 80%; CoreWeave (Ba3) is not investment grade", () => {
    // 590 × 10M × (1 − 0.8) = 1,180M; gap = 1,180 − 453.4 = 726.6M; / market cap 5,295.847M = 0.1372
    close(s.capexRemainingUsd, 1_180_000_000, 0);
    close(s.financingGapUsd, 726_600_000, 0);
    expect(s.tier).toBe(1);
    // the price is dated "2025-11" only: aged from 2025-11-01, it is at least 20 days old (> 7)
    expect(s.staleFigures.map((f) => [f.key, f.ageDays, f.approximate])).toEqual([["sharePriceUsd", 20, true]]);
    expect(s.flags).toEqual(["below-build-cost", "no-ig-tenant", "stale-data"]);
    // EV per EH/s = 5,767,047,004 / 16.3; TCV per MW = 10B / 590; annual 10B / 12 / 590 per MW
    close(s.evPerEhUsd, 5_767_047_004 / 16.3, 0);
    close(s.tcvPerContractedMwUsd, 1e10 / 590, 0);
    close(s.usdPerKwMonth, 1e10 / 12 / 590 / 1000 / 12, 4); // 117.70
  });
});

describe("IREN — a phase-one IT figure does not cap Childress (§10.3)", () => {
  const s = score("IREN");
  it("Childress is 750 gross × 0.7 = 525 IT; the 325 MW beyond Microsoft's 200 are uncontracted operating power", () => {
    close(s.funnelLines.phaseExtendedMw, 325);
    // S2 200 (Microsoft); S4 Childress 325 + Prince George 35 + Mackenzie 56 + Canal Flats 21 = 437; S5 980 + 420 = 1,400
    expect(s.funnel.s2).toBe(200);
    close(s.funnel.s4, 437);
    close(s.funnel.s5, 1400);
    // 200 × 0.9 + 437 × 0.5 + 1,400 × 0.25 = 180 + 218.5 + 350 = 748.5 (v1: 586)
    close(s.itMwEffective, 748.5);
    // EV = 47.47 × 283,470,000 + 2,390M − 1,800M = 14,046,320,900 (the December raises are after the view date)
    close(s.evUsedUsd, 14_046_320_900, 0);
    close(s.discountBase, 1 - 14_046.3209 / 748.5 / 12); // −0.5638
  });
  it("building capex at the conversion capex, GPUs net of prepayment; T1-d fails by a hair", () => {
    // 200 × $10M = 2,000M + GPUs 5.8B − 1.94B = 3,860M → 5,860M; gap 5,860 − 1,800 = 4,060M; / 13,456.3209M = 0.30172
    close(s.capexRemainingUsd, 5_860_000_000, 0);
    close(s.gapToMarketCap, 4_060 / 13_456.3209);
    expect(s.tier).toBe(2);
    expect(s.rules.filter((r) => !r.pass).map((r) => r.id)).toEqual(["T1-b", "T1-c", "T1-d"]);
    expect(s.flags).toEqual(["gpu-funding", "short-tenor", "financing-gap"]);
  });
});

describe("BTDR — remote and small sites (§10.4); stale price and share count (§10.10)", () => {
  const s = score("BTDR");
  it("discounts Bhutan's Gedu and Jigmeling and the 13 MW Wenatchee site by 0.2", () => {
    // S4 operating: Rockdale 394.1, Knoxville 60.2, Wenatchee 9.1, Molde 58.8, Tydal 157.5, Gedu 70, Jigmeling 350 = 1,099.7
    close(s.funnel.s4, 1099.7);
    // remote: Wenatchee 9.1 (13 < 20 MW gross) + Gedu 70 + Jigmeling 350 (BT) = 429.1; Norway is AI-ready
    close(s.remoteMw.s4, 429.1);
    expect(s.remoteMw.s5).toBe(0);
    // (1,099.7 − 429.1) × 0.5 + 429.1 × 0.5 × 0.2 + S5 624.4 × 0.25 = 335.3 + 42.91 + 156.1 = 534.31
    close(s.itMwEffective, 534.31);
    expect(
      s.adjustments
        .filter((x) => x.rule === "10.4")
        .map((x) => x.text.split(":")[0])
        .sort(),
    ).toEqual(["Gedu", "Jigmeling", "Wenatchee"]);
  });
  it("adds the November share issue to a 2024 share count, and still calls it stale", () => {
    // 192,317,656 at 2024-12-31 + 10,661,140 (2025-11-14) = 202,978,796
    close(s.proForma.sharesOutstanding.value, 202_978_796, 0);
    // market cap 13.94 × 202,978,796 = 2,829,524,416.24; EV = + 935M − 149.4M − 2,000 BTC × 84,000 = 3,447,124,416.24
    close(s.evUsedUsd, 3_447_124_416.24, 0);
    // price 2025-11-12 is 9 days old (> 7); shares 2024-12-31 is 325 days old (> 200)
    expect(s.staleFigures.map((f) => [f.key, f.ageDays])).toEqual([
      ["sharePriceUsd", 9],
      ["sharesOutstanding", 325],
    ]);
    expect(s.flags).toEqual(["below-build-cost", "stale-data"]);
    close(s.discountBase, 1 - 3_447.12441624 / 534.31 / 12); // 0.462371
  });
});

describe("GLXY — capex to fund is not the value benchmark; a partial stated capex (§10.5)", () => {
  const s = score("GLXY");
  it("the stated $1.7B covers 133 MW; the other 393 undelivered MW at Galaxy's own $12.78M/MW", () => {
    // 1,700M + min(526 undelivered, 526 − 133) × 12.78M = 1,700M + 5,022.54M = 6,722.54M
    close(s.contracts[0].buildingCapexUsd, 6_722_540_000, 0);
    expect(s.capexPerMwSource).toBe("guidance");
    // cash 1,900M + 325.000008M (2025-10-17 placement) + 1,274M (2025-10-30 notes) = 3,499.000008M; committed 1,400M
    close(s.proForma.cashUsd.value, 3_499_000_008, 0);
    // gap 6,722.54 − 3,499.000008 − 1,400 = 1,823.539992M; / market cap 25.04 × 390.61M = 9,780.8744M → 0.18644
    close(s.financingGapUsd, 1_823_539_992, 0);
    close(s.gapToMarketCap, 1_823.539992 / 9_780.8744);
    expect(s.tier).toBe(1);
  });
  it("EV with the raise in cash", () => {
    // 9,780.8744M + 2,202.5M − 3,499.000008M = 8,484.374392M; 526 × 0.9 = 473.4 effective
    close(s.evUsedUsd, 8_484_374_392, 0);
    close(s.discountBase, 1 - 8_484.374392 / 473.4 / 12); // −0.4935
    expect(s.flags).toEqual(["no-ig-tenant"]);
  });
});

describe("CIFR — the November notes in cash; Google backstops at the company's capex (§10.1, §10.5)", () => {
  const s = score("CIFR");
  it("cash + 1,400M (2025-11-13); the 2025-09-30 converts are inside the quarter-end cash", () => {
    close(s.proForma.cashUsd.value, 2_607_440_000, 0);
    // 14.15 × 395,092,054 + 2,850M − 2,607.44M = 5,833,112,564.1
    close(s.evUsedUsd, 5_833_112_564.1, 0);
    // S2 168 + 39 + AWS 300 gross × 0.7 = 417; S5 Stingray 70; S6 Colchis 1,000 × 0.7 × 0.95 = 665
    close(s.itMwEffective, 417 * 0.9 + 70 * 0.25 + 665 * 0.1); // 459.3
  });
  it("β against capital at risk at $10M/MW guidance; Google-backed value counts as investment grade", () => {
    // Fluidstack A: 1.4B / (168 × 10M) = 0.833333
    close(s.contracts[0].beta, 1.4 / 1.68);
    // gap 4,170M − 2,607.44M = 1,562.56M; / 5,590.5525641M = 0.2795 ≤ 0.30
    close(s.gapToMarketCap, 1_562.56 / 5_590.5525641);
    expect(s.tier).toBe(1);
    close(s.igShareOfTcv, 1);
    expect(s.flags).toEqual([]);
  });
});

describe("APLD — IG tenant (§10.7), 85% of Polaris Forge (§10.6), preferred stays in EV", () => {
  const s = score("APLD");
  it("scores the undisclosed investment-grade hyperscaler as BBB", () => {
    // T 15/20 = 0.75, C = BBB 0.75, G 1, S 0.8 → 100 × (0.225 + 0.3 + 0.2 + 0.08) = 80.5
    close(s.contracts[1].c, 0.75);
    close(s.contracts[1].cqs, 80.5);
    expect(s.contracts[1].igBacked).toBe(true);
    expect(s.adjustments.some((x) => x.rule === "10.7")).toBe(true);
  });
  it("MW, value and capex at 85%; EV with Macquarie's preferred", () => {
    // S1 50 × 0.85 = 42.5; S2 (400 − 50) × 0.85 + 200 × 0.85 = 297.5 + 170; S4 Jamestown 74.2 + Ellendale 126
    close(s.itMwEffective, 42.5 + 467.5 * 0.9 + 200.2 * 0.5); // 563.35
    // EV = 21.09 × 285.6M + 2,894.485M + 562.5M − 2,300M = 7,180.289M
    close(s.evUsedUsd, 7_180_289_000, 0);
    // capex (297.5 + 170) × 10M = 4,675M; gap − 2,300M − 337.5M = 2,037.5M; / 6,023.304M = 0.3383 > 0.30
    close(s.financingGapUsd, 2_037_500_000, 0);
    expect(s.tier).toBe(2);
    // IG share of value: 5B × 0.85 / (11B × 0.85 + 5B × 0.85) = 0.3125 < 0.5
    close(s.igShareOfTcv, 0.3125);
    expect(s.flags).toEqual(["financing-gap", "no-ig-tenant"]);
  });
});

describe("MARA — the published EV when our EV cannot be computed (§10.8)", () => {
  it("without the corrections (no cash), ranks on the published EV as it stands, less bitcoin", () => {
    const s = score("MARA", { corrections: false });
    expect(s.enterpriseValueUsd).toBeNull();
    expect(s.reasons.enterpriseValueUsd).toBe("missing:cash");
    // published EV 8,820M (2025-11-07); published market cap is dated 2025-11-21, so not rebased
    // − bitcoin 52,850 × 84,000 = 4,439.4M → 4,380.6M
    expect(s.evSource).toBe("published");
    close(s.evUsedUsd, 4_380_600_000, 0);
    // S4 699.3 of which 375.9 hosted in an unknown country (remote); S5 105; S6 280
    // (699.3 − 375.9) × 0.5 + 375.9 × 0.1 + 105 × 0.25 + 280 × 0.1 = 161.7 + 37.59 + 26.25 + 28 = 253.54
    close(s.itMwEffective, 253.54);
    close(s.discountBase, 1 - 4_380.6 / 253.54 / 12); // −0.4398
    // debt 2025-07-25 is 119 days old on 2025-11-21 (> 100), though the August option is rolled in;
    // the published EV it ranks on is priced on 2025-11-07, 14 days before the view date (> 7)
    expect(s.staleFigures.map((f) => [f.key, f.ageDays])).toEqual([
      ["totalDebtUsd", 119],
      ["enterpriseValuePublishedUsd", 14],
    ]);
    expect(s.flags).toEqual(["stale-data", "published-ev"]);
    expect(s.why).toMatch(/published EV/);
  });
  it("with the corrections' cash and debt, EV is computed again", () => {
    const s = score("MARA");
    // 10.07 × 378,184,353 + 3,648.6M − 826.4M − 4,439.4M = 2,191,116,434.71
    expect(s.evSource).toBe("computed");
    close(s.evUsedUsd, 2_191_116_434.71, 0);
    expect(s.flags).toEqual(["below-build-cost"]);
  });
});

describe("HUT — published-EV fallback with no cash figure", () => {
  const s = score("HUT");
  it("5,260M published (2025-10-17) − 13,696 BTC × 84,000 = 4,109.536M", () => {
    close(s.evUsedUsd, 4_109_536_000, 0);
    // S4 Vega 143.5; S5 River Bend 245 + Beacon Point 700 + Texas Site 3 126 + Batavia 35 = 1,106 → 348.25
    close(s.itMwEffective, 348.25);
    close(s.discountBase, 1 - 4_109.536 / 348.25 / 12); // 0.0166
    // the published EV is priced on 2025-10-17: 35 days before the view date, over the 7-day price limit
    expect(s.staleFigures.map((f) => [f.key, f.ageDays])).toEqual([["enterpriseValuePublishedUsd", 35]]);
    expect(s.flags).toEqual(["below-build-cost", "stale-data", "published-ev"]);
  });
});

describe("RIOT — bitcoin sales roll cash and coins forward; Corsicana's phase scope", () => {
  const s = score("RIOT");
  it("October's sale is in; November's (counted at 2025-11-30) is after the view date", () => {
    close(s.proForma.cashUsd.value, 376_700_000, 0); // 330.7M + 46M
    close(s.proForma.btcHeld.value, 18_887, 0); // 19,287 − 400
    // 14.39 × 371,807,186 + 200M − 376.7M − 18,887 × 84,000 = 3,587,097,406.54
    close(s.evUsedUsd, 3_587_097_406.54, 0);
    // S4 490 + 280; S5 Corsicana Phase 2 max(112, 600 × 0.7) = 420 → 385 + 105 = 490
    close(s.itMwEffective, 490);
  });
});

describe("BITF — corrected post-raise cash, a reported bitcoin value, Paraguay and a small site", () => {
  const s = score("BITF");
  it("637M cash (2025-11-12 correction), 177M bitcoin value, Paso Pe and Moses Lake at 0.2", () => {
    close(s.proForma.cashUsd.value, 637_000_000, 0);
    close(s.btcValueUsd, 177_000_000, 0);
    close(s.evUsedUsd, 2.36 * 557_550_000 + 688_000_000 - 637_000_000 - 177_000_000, 0); // 1,189.818M
    close(s.remoteMw.s4, 49); // Paso Pe 70 × 0.7 (PY)
    close(s.remoteMw.s5, 12.6); // Moses Lake 18 × 0.7 (18 < 20 MW)
    close(s.itMwEffective, 84 * 0.5 + 49 * 0.1 + 245 * 0.25 + 12.6 * 0.05); // 108.78
  });
});

describe("SLNH — debt rolled forward across a 92-day gap that events explain", () => {
  const s = score("SLNH");
  it("debt 23.276M (2025-06-30) + 12.6M draw (2025-09) − 9.183M settlement (2025-09-29); not mixed-dates", () => {
    close(s.proForma.totalDebtUsd.value, 26_693_000, 0);
    // cash 2025-09-30 and debt 2025-06-30 are 92 days apart (> 45), but transactions dated between explain it
    expect(s.mixedDates).toBeNull();
    // 1.66 × 68.42M + 26.693M − 51.37M = 88.9002M; effective 35 + 35 (S4) × 0.5 + 116.2 (S5) × 0.25 = 64.05
    close(s.evUsedUsd, 88_900_200, 0);
    close(s.itMwEffective, 64.05);
    // debt 144 days old (> 100)
    expect(s.staleFigures.map((f) => [f.key, f.ageDays])).toEqual([["totalDebtUsd", 144]]);
  });
});
