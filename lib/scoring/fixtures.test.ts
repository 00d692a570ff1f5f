// Hand-computed results for real companies of the dataset (prisma/miners-2025-11.json, 2025-11-21),
// with the arithmetic written out so a reader can check each figure. Default assumptions: build cost
// 11/12/13 $/W, IT/gross 0.70, stage weights 1/0.9/0.75/0.5/0.25/0.1, facility life 20 y.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDataset } from "../domain/dataset";
import { companyToScoring } from "../domain/to-scoring";
import { DEFAULT_ASSUMPTIONS as A } from "./assumptions";
import { scoreCompany } from "./score";
import { screen } from "./screen";

const dataset = parseDataset(JSON.parse(readFileSync(path.join(__dirname, "../../prisma/miners-2025-11.json"), "utf8")));
const company = (t: string) => companyToScoring(dataset.companies.find((c) => c.ticker === t)!);
const score = (t: string) => scoreCompany(company(t), A);
const close = (actual: number | null, expected: number, digits = 6) => expect(actual).toBeCloseTo(expected, digits);

describe("CORZ — Core Scientific (CoreWeave colocation, tenant funds ~80% of capex)", () => {
  const s = score("CORZ");
  it("EV and EV ex-BTC", () => {
    // market cap = 17.08 × 310,061,300 = 5,295,847,004
    close(s.marketCapUsd, 5_295_847_004, 0);
    // EV = 5,295,847,004 + debt 1,166,000,000 − cash 453,400,000 = 6,008,447,004 (no BTC reported → same ex-BTC)
    close(s.enterpriseValueUsd, 6_008_447_004, 0);
    close(s.enterpriseValueExBtcUsd, 6_008_447_004, 0);
  });
  it("funnel and itMwEffective", () => {
    // CoreWeave 590 MW, no site, delivered MW not disclosed → S2 590
    // Denton 394 × 0.7 = 275.8 + Pecos 250 × 0.7 = 175 (operating) → S4 450.8; Muskogee IT 70 (building) → S5 70
    expect(s.funnel).toMatchObject({ s1: 0, s2: 590, s3: 0, s5: 70, s6: 0 });
    close(s.funnel.s4, 450.8);
    // 590 × 0.9 + 450.8 × 0.5 + 70 × 0.25 = 531 + 225.4 + 17.5 = 773.9
    close(s.itMwEffective, 773.9);
  });
  it("EV/W on every basis and discount at low/base/high", () => {
    close(s.evPerWEffectiveIt, 6_008.447004 / 773.9); // 7.7638
    close(s.evPerWTotalGross, 6_008.447004 / 744); // gross 394 + 100 + 250
    close(s.evPerWEnergizedGross, 6_008.447004 / 644); // operating 394 + 250
    close(s.evPerWContractedIt, 6_008.447004 / 590);
    close(s.discountLow, 1 - 7.7638545/11, 5);
    close(s.discountBase, 1 - 7.7638545/12, 5); // 0.35301
    close(s.discountHigh, 1 - 7.7638545/13, 5);
  });
  it("CQS, financing gap, tier", () => {
    // T = 12/20 = 0.6; C = Ba3 → BB 0.5; G = 1 (colocation); S = lease not stated → gross 0.8
    // CQS = 100 × (0.3×0.6 + 0.4×0.5 + 0.2×1 + 0.1×0.8) = 66
    close(s.cqs, 66);
    // capex = 590 MW × $12M × (1 − 0.8) = 1,416,000,000; gap = 1,416,000,000 − 453,400,000 = 962,600,000
    close(s.capexRemainingUsd, 1_416_000_000, 0);
    close(s.financingGapUsd, 962_600_000, 0);
    close(s.gapToMarketCap, 962_600_000 / 5_295_847_004);
    expect(s.tier).toBe(1);
    expect(s.rules.every((r) => r.pass)).toBe(true);
    expect(s.flags).toEqual(["below-build-cost"]);
  });
});

describe("GLXY — Galaxy Helios (15-year CoreWeave lease, stated company capex)", () => {
  const s = score("GLXY");
  it("computes EV, funnel, EV/W, discount", () => {
    // market cap = 25.04 × 390,610,000 = 9,780,874,400; EV = + 2,202,500,000 − 1,900,000,000 = 10,083,374,400
    close(s.enterpriseValueUsd, 10_083_374_400, 0);
    // Helios: 526 MW contracted on a site under construction → S2 526; site IT 526 fully contracted
    close(s.itMwEffective, 526 * 0.9); // 473.4
    close(s.evPerWEffectiveIt, 10_083.3744 / 473.4); // 21.2999
    close(s.discountBase, 1 - 10_083.3744 / 473.4 / 12); // −0.775
    close(s.evPerWTotalGross, 10_083.3744 / 800);
    expect(s.evPerWEnergizedGross).toBeNull(); // no operating site
    expect(s.reasons.evPerWEnergizedGross).toBe("zero:energizedGrossMw");
  });
  it("CQS, gap, tier", () => {
    // T = 15/20 = 0.75; C = 0.5; G = 1; S = 0.8 → 100 × (0.225 + 0.2 + 0.2 + 0.08) = 70.5
    close(s.cqs, 70.5);
    // stated company capex 1.7B − cash 1.9B − committed 1.4B < 0 → gap 0
    close(s.capexRemainingUsd, 1_700_000_000, 0);
    expect(s.financingGapUsd).toBe(0);
    expect(s.tier).toBe(1);
    expect(s.flags).not.toContain("below-build-cost");
  });
});

describe("IREN — Microsoft GPU cloud (company buys the GPUs, 5-year tenor)", () => {
  const s = score("IREN");
  it("EV and funnel", () => {
    // market cap = 47.47 × 283,470,000 = 13,456,320,900; EV = + 2,340,000,000 − 1,800,000,000 = 13,996,320,900
    close(s.enterpriseValueUsd, 13_996_320_900, 0);
    // Microsoft 200 MW at Childress (operating) → S2 200; Childress IT 200 is fully contracted.
    // Operating: Prince George 50, Mackenzie 80, Canal Flats 30 gross × 0.7 → S4 112
    // Sweetwater 1 (building) 1,400 + Sweetwater 2 (approved) 600, × 0.7 → S5 1,400
    expect(s.funnel.s2).toBe(200);
    close(s.funnel.s4, 112);
    close(s.funnel.s5, 1400);
    // 200 × 0.9 + 112 × 0.5 + 1,400 × 0.25 = 180 + 56 + 350 = 586
    close(s.itMwEffective, 586);
    close(s.discountBase, 1 - 13_996.3209 / 586 / 12); // −0.990
  });
  it("CQS uses G for the GPU bill; gap and tier", () => {
    // T = 5/20 = 0.25; C = AAA 1.0; G = 1 − (5.8B − 1.94B prepayment)/9.7B = 0.602062; S = cloud 0.8
    // CQS = 100 × (0.075 + 0.4 + 0.2 × 0.602062 + 0.08) = 67.5412; the AI-cloud contract has no tenor → excluded
    close(s.cqs, 67.54124, 4);
    expect(s.contracts[1].cqs).toBeNull();
    expect(s.contracts[1].cqsReason).toBe("missing:tenorYears");
    // capex = building 200 × $12M = 2.4B + GPUs net 3.86B = 6.26B; gap = 6.26B − cash 1.8B = 4.46B
    close(s.capexRemainingUsd, 6_260_000_000, 0);
    close(s.financingGapUsd, 4_460_000_000, 0);
    close(s.gapToMarketCap, 4_460_000_000 / 13_456_320_900); // 0.3314
    close(s.gpuCapexShareOfTcv, 5.8 / 9.7); // 59.8%
    expect(s.tier).toBe(2);
    expect(s.rules.filter((r) => !r.pass).map((r) => r.id)).toEqual(["T1-b", "T1-c", "T1-d"]);
    expect(s.why).toMatch(/^Tier 2: T1-b failed — weighted tenor 5\.0 y < 10 y \(Microsoft, 5 y\); T1-c failed — GPU capex 60% of TCV/);
    expect(s.flags).toEqual(expect.arrayContaining(["gpu-funding", "short-tenor", "financing-gap"]));
  });
});

describe("CIFR — Cipher (Fluidstack with Google backstop; AWS lease on a gross-MW basis)", () => {
  const s = score("CIFR");
  it("converts the gross-basis AWS contract and builds the funnel", () => {
    // AWS 300 MW gross × 0.7 = 210 IT; Fluidstack 168 + 39 at Barber Lake → S2 = 417
    close(s.contractedItMw, 417);
    // S4 Black Pearl 300 × 0.7 = 210; S5 Stingray 100 × 0.7 = 70; S6 Colchis 1,000 × 0.7 = 700
    // 417 × 0.9 + 210 × 0.5 + 70 × 0.25 + 700 × 0.1 = 375.3 + 105 + 17.5 + 70 = 567.8
    close(s.itMwEffective, 567.8);
    // market cap = 14.15 × 395,092,054 = 5,590,552,564.1; EV = + 2.85B − 1,207,440,000 = 7,233,112,564.1
    close(s.enterpriseValueUsd, 7_233_112_564.1, 0);
    close(s.discountBase, 1 - 7_233.1125641 / 567.8 / 12); // −0.0616
  });
  it("credit blends in the guarantor by backstop / capital at risk", () => {
    // Fluidstack A: β = 1.4B / (168 × $12M = 2.016B) = 0.694444; C = 0.3 + 0.694444 × (1.0 − 0.3) = 0.786111
    close(s.contracts[0].beta, 1.4 / 2.016);
    close(s.contracts[0].c, 0.3 + (1.4 / 2.016) * 0.7);
    // CQS A = 100 × (0.3 × 0.5 + 0.4 × 0.786111 + 0.2 + 0.1 × 0.9) = 75.4444
    close(s.contracts[0].cqs, 75.44444, 4);
    // AWS: T = 15/20 = 0.75, C = AA 1.0, S = gross 0.8 → 90.5
    close(s.contracts[2].cqs, 90.5);
    // weighted tenor = Σ value / Σ (value / tenor) = 9.33B / (0.3B + 0.083B + 0.36667B) = 12.4455 y
    close(s.weightedTenorYears, 9.33e9 / (3e8 + 8.3e7 + 5.5e9 / 15), 4);
  });
  it("financing gap fails T1-d → Tier 2", () => {
    // capex = (168 + 39 + 210) × $12M = 5.004B; gap = 5.004B − 1,207,440,000 = 3,796,560,000
    close(s.financingGapUsd, 3_796_560_000, 0);
    close(s.gapToMarketCap, 3_796_560_000 / 5_590_552_564.1); // 0.679
    expect(s.tier).toBe(2);
    expect(s.rules.find((r) => r.id === "T1-d")!.pass).toBe(false);
  });
});

describe("APLD — Applied Digital (preferred equity, committed financing, partly delivered)", () => {
  const s = score("APLD");
  it("EV includes preferred; delivered MW are S1", () => {
    // market cap = 21.09 × 285,600,000 = 6,023,304,000
    // EV = 6,023,304,000 + debt 2,894,485,000 + preferred 562,500,000 − cash 2,300,000,000 − 0 BTC = 7,180,289,000
    close(s.enterpriseValueUsd, 7_180_289_000, 0);
    // CoreWeave 400 MW, 50 delivered → S1 50, S2 350; Polaris Forge 2 200 MW → S2 200; hosting sites 106 + 180 gross → S4 200.2
    expect(s.funnel.s1).toBe(50);
    expect(s.funnel.s2).toBe(550);
    close(s.funnel.s4, 200.2);
    // 50 + 550 × 0.9 + 200.2 × 0.5 = 645.1
    close(s.itMwEffective, 645.1);
    close(s.discountBase, 1 - 7_180.289 / 645.1 / 12); // 0.0725
    // implied price at $12/W = (645.1 MW × $12M − 2,894,485,000 − 562,500,000 + 2,300,000,000) / 285,600,000
    close(s.impliedPriceBaseUsd, (645.1 * 12e6 - 2_894_485_000 - 562_500_000 + 2_300_000_000) / 285_600_000);
  });
  it("gap nets committed financing", () => {
    // capex = (350 + 200) × $12M = 6.6B; gap = 6.6B − 2.3B cash − 787.5M committed = 3,512,500,000
    close(s.financingGapUsd, 3_512_500_000, 0);
    expect(s.tier).toBe(2);
  });
});

describe("SLNH — Soluna (no contracts: Tier 3)", () => {
  const s = score("SLNH");
  it("values power only, says why", () => {
    // EV = 1.66 × 68,420,000 + 23,276,000 − 51,370,000 = 85,483,200
    close(s.enterpriseValueUsd, 85_483_200, 0);
    // Dorothy 1 + 2 (operating) 100 × 0.7 = 70 → S4; Kati (building) 166 × 0.7 = 116.2 → S5
    // 70 × 0.5 + 116.2 × 0.25 = 64.05
    close(s.itMwEffective, 64.05);
    close(s.discountBase, 1 - 85.4832 / 64.05 / 12); // 0.8888
    expect(s.cqs).toBeNull();
    expect(s.reasons.cqs).toBe("none:contracts");
    expect(s.tier).toBe(3);
    expect(s.why).toMatch(/^Tier 3: no AI\/HPC contract/);
  });
});

describe("companies with gaps", () => {
  it("null with a reason, never NaN or a silent 0", () => {
    const gree = score("GREE");
    expect(gree.marketCapUsd).toBeNull();
    expect(gree.reasons.marketCapUsd).toBe("missing:sharePrice");
    expect(gree.flags).toEqual(expect.arrayContaining(["no-price", "no-power"]));
    const hive = score("HIVE");
    expect(hive.enterpriseValueUsd).toBeNull();
    expect(hive.reasons.discountBase).toBe("missing:totalDebt");
  });

  it("screen ranks by discount at base, missing last", () => {
    const rows = screen(dataset.companies.map(companyToScoring), A);
    const ranked = rows.filter((r) => r.rankGroup === "ranked");
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].discountBase!).toBeGreaterThanOrEqual(ranked[i].discountBase!);
    expect(rows[0].ticker).toBe("SLNH");
    expect(rows.slice(-6).every((r) => r.discountBase === null)).toBe(true);
    expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1));
  });
});

describe("sweep", () => {
  it("re-scores every company across one assumption: discount rises with build cost, points in order", async () => {
    const { sweep } = await import("./screen");
    const companies = dataset.companies.map(companyToScoring);
    const values = [8, 10, 12, 14, 16];
    // high must stay ≥ base and low ≤ base while the base moves
    const series = sweep(companies, { ...A, buildCostLowUsdPerW: 1, buildCostHighUsdPerW: 100 }, "buildCostBaseUsdPerW", values);
    expect(series.map((s) => s.ticker)).toEqual(companies.map((c) => c.ticker));
    const corz = series.find((s) => s.ticker === "CORZ")!;
    expect(corz.points.map((p) => p.value)).toEqual(values);
    // CORZ: EV/W 7.76385 → discount 1 − 7.76385 / cost
    corz.points.forEach((p) => close(p.discountBase, 1 - 6_008.447004 / 773.9 / p.value, 5));
    const gree = series.find((s) => s.ticker === "GREE")!;
    expect(gree.points.every((p) => p.discountBase === null && p.tier === 3)).toBe(true);
    // at $8/W CORZ is still below build cost; ranks are a permutation at every point
    for (let i = 0; i < values.length; i++) expect(new Set(series.map((s) => s.points[i].rank)).size).toBe(companies.length);
  });
});
