// Sensitivity on the real snapshot, against hand computations (docs/methodology.md §13: CORZ's EV ex-BTC
// $5,767,047,004 over 618.5 effective IT MW, of which Pecos' 175 MW are S4 at weight 0.5).
import { describe, expect, it } from "vitest";
import { SNAPSHOT_VIEW, snapshotCompanies } from "../../prisma/snapshot";
import { DEFAULT_ASSUMPTIONS } from "../scoring/assumptions";
import { parseSensitivity, sensitivityQuery, sweepArgToParams } from "./sensitivity-params";
import { defaultRange, MAIN_ASSUMPTIONS, rangeProblems, rangeValues, sweepRange, tornado, twoWay } from "./sensitivity";

const companies = snapshotCompanies();
const EV = 5_767_047_004;
const corzDiscount = (buildCost: number, s4Weight = 0.5) => 1 - EV / ((531 + 175 * s4Weight) * 1e6) / buildCost;

describe("ranges", () => {
  it("8 to 16 by 0.5 is 17 values, both ends included, without float drift", () => {
    const v = rangeValues({ from: 8, to: 16, step: 0.5 });
    expect(v).toHaveLength(17);
    expect(v[0]).toBe(8);
    expect(v[16]).toBe(16);
    expect(rangeValues({ from: 0, to: 1, step: 0.1 })[3]).toBe(0.3);
  });
  it("the declared default ranges: build cost $8–16/W, S4 weight 0–1, bitcoin $40k–$150k, 100 intervals", () => {
    expect(defaultRange("buildCostBaseUsdPerW")).toEqual({ from: 8, to: 16, step: 0.08 });
    expect(defaultRange("weightS4")).toEqual({ from: 0, to: 1, step: 0.01 });
    expect(defaultRange("btcPriceUsd")).toMatchObject({ from: 40_000, to: 150_000 });
    expect(defaultRange("maxPriceAgeDays")).toEqual({ from: 0, to: 3650, step: 37 }); // whole days
    expect(MAIN_ASSUMPTIONS).toEqual(expect.arrayContaining(["buildCostBaseUsdPerW", "btcPriceUsd", "weightS4", "remoteSiteFactor"]));
  });
  it("empty, reversed, out of bounds and too many points are refused, each on its field", () => {
    expect(rangeProblems("weightS4", { from: 0.5, to: 0.5, step: 0.1 })).toEqual({ to: expect.stringMatching(/^The range is empty/) });
    expect(rangeProblems("weightS4", { from: 0.8, to: 0.2, step: 0.1 })).toEqual({ to: expect.stringMatching(/^The range is reversed/) });
    expect(rangeProblems("weightS4", { from: -0.1, to: 1.5, step: 0.1 })).toEqual({
      from: "Must be ≥ 0 (the lowest S4 uncontracted, operating allowed)",
      to: "Must be ≤ 1 (the highest S4 uncontracted, operating allowed)",
    });
    expect(rangeProblems("buildCostBaseUsdPerW", { from: 8, to: 16, step: 0.001 })).toEqual({
      step: "That is 8,001 points; at most 1,000 (use a larger step)",
    });
    expect(rangeProblems("buildCostBaseUsdPerW", { from: 8, to: 16, step: 8 / 999 })).toEqual({}); // exactly 1,000
    expect(rangeProblems("maxPriceAgeDays", { from: 0, to: 30, step: 0.5 })).toEqual({ step: expect.stringMatching(/^Must be a whole number/) });
    expect(rangeProblems("buildCostBaseUsdPerW", { from: 8, to: 16, step: 0 })).toEqual({ step: "Must be above 0" });
  });
});

describe("sweep of the real snapshot", () => {
  it("CORZ's discount at each build cost is 1 − EV/W ÷ cost", () => {
    const corz = sweepRange(companies, DEFAULT_ASSUMPTIONS, SNAPSHOT_VIEW, "buildCostBaseUsdPerW", { from: 8, to: 16, step: 4 }).find(
      (s) => s.ticker === "CORZ",
    )!;
    expect(corz.points.map((p) => p.value)).toEqual([8, 12, 16]);
    corz.points.forEach((p, i) => expect(p.discountBase!).toBeCloseTo(corzDiscount([8, 12, 16][i]), 9));
    expect(corz.points[1].discountBase!).toBeCloseTo(0.223, 3); // the worked example's 22.3%
  });

  it("the tornado of CORZ: build cost swings most; bitcoin does not move it (its bitcoin is a reported value)", () => {
    const t = tornado(companies, "CORZ", DEFAULT_ASSUMPTIONS, SNAPSHOT_VIEW);
    expect(t.base!).toBeCloseTo(corzDiscount(12), 9);
    expect(t.bars[0]).toMatchObject({ key: "buildCostBaseUsdPerW", low: 8, high: 16 });
    expect(t.bars[0].atLow!).toBeCloseTo(corzDiscount(8), 9);
    expect(t.bars[0].swing!).toBeCloseTo(corzDiscount(16) - corzDiscount(8), 9);
    const s4 = t.bars.find((b) => b.key === "weightS4")!;
    expect(s4.atLow!).toBeCloseTo(corzDiscount(12, 0), 9); // 531 MW
    expect(s4.atHigh!).toBeCloseTo(corzDiscount(12, 1), 9); // 706 MW
    expect(t.bars.find((b) => b.key === "btcPriceUsd")!.swing).toBe(0);
    const swings = t.bars.map((b) => b.swing ?? -1);
    expect(swings).toEqual([...swings].sort((x, y) => y - x));
  });

  it("a two-way table of build cost × S4 weight for CORZ, cell by cell", () => {
    const grid = twoWay(companies, "CORZ", DEFAULT_ASSUMPTIONS, SNAPSHOT_VIEW, "buildCostBaseUsdPerW", [10, 14], "weightS4", [0, 1], "discount");
    expect(grid[0][0]!).toBeCloseTo(corzDiscount(10, 0), 9);
    expect(grid[0][1]!).toBeCloseTo(corzDiscount(14, 0), 9);
    expect(grid[1][0]!).toBeCloseTo(corzDiscount(10, 1), 9);
    expect(grid[1][1]!).toBeCloseTo(corzDiscount(14, 1), 9);
  });

  it("a company without a discount gives null, never a number", () => {
    const btbt = sweepRange(companies, DEFAULT_ASSUMPTIONS, SNAPSHOT_VIEW, "weightS4", { from: 0, to: 1, step: 0.5 }).find(
      (s) => s.ticker === "BTBT",
    )!;
    expect(btbt.points.map((p) => p.discountBase)).toEqual([null, null, null]);
  });
});

describe("parameters", () => {
  const parse = (q: string) => parseSensitivity(new URLSearchParams(q));
  it("defaults: base build cost, 8–16, chart step 0.08, table step 1, two-way with the S4 weight at 0, 0.2, … 1", () => {
    const { view, fieldErrors } = parse("");
    expect(fieldErrors).toEqual({});
    expect(view).toMatchObject({
      key: "buildCostBaseUsdPerW",
      range: { from: 8, to: 16, step: 0.08 },
      tableStep: 1,
      metric: "discount",
      key2: "weightS4",
      range2: { from: 0, to: 1, step: 0.2 },
    });
  });
  it("a bad parameter is named and replaced by its default; the valid ones are kept", () => {
    const { view, fieldErrors } = parse("key=weightS4&from=0.2&to=1.5&metric=bogus&ticker=IREN&nope=1");
    expect(fieldErrors).toEqual({
      to: ["Must be ≤ 1 (the highest S4 uncontracted, operating allowed)"],
      metric: ["Use discount or rank"],
      "(form)": ["Unknown parameter “nope”"],
    });
    expect(view).toMatchObject({ key: "weightS4", range: { from: 0, to: 1 }, metric: "discount", ticker: "IREN", key2: "buildCostBaseUsdPerW" });
  });
  it("a step of more than 1,000 points keeps the typed ends", () => {
    const { view, fieldErrors } = parse("from=9&to=15&step=0.001");
    expect(fieldErrors.step).toEqual(["That is 6,001 points; at most 1,000 (use a larger step)"]);
    expect(view.range).toEqual({ from: 9, to: 15, step: 0.06 });
  });
  it("an unknown assumption, a repeated parameter, the same assumption twice", () => {
    expect(parse("key=madeUp").fieldErrors.key).toEqual(["Not a numeric assumption: “madeUp”"]);
    expect(parse("key=subtractBitcoin").fieldErrors.key).toEqual(["Not a numeric assumption: “subtractBitcoin”"]);
    expect(parse("from=8&from=9").fieldErrors.from).toEqual(["Given more than once"]);
    expect(parse("key=weightS4&key2=weightS4").fieldErrors.key2).toEqual(["The two-way table needs two different assumptions"]);
    expect(parse("from=abc").fieldErrors.from).toEqual(["Must be a number"]);
  });
  it("a view's query reads back as the same view, defaults left out", () => {
    expect(sensitivityQuery(parse("").view)).toBe("");
    for (const q of [
      "key=btcPriceUsd&from=50000&to=120000&step=5000&metric=rank&ticker=MARA",
      "asOf=2025-11-21&set=Bear&key2=remoteSiteFactor&from2=0&to2=0.4&step2=0.1&tableStep=2",
    ]) {
      const v = parse(q).view;
      expect(parse(sensitivityQuery(v).slice(1)).view).toEqual(v);
    }
  });
  it("the terminal's --sweep KEY=FROM:TO[:STEP]", () => {
    expect(Object.fromEntries(sweepArgToParams("buildCostBaseUsdPerW=8:16:0.5")!)).toEqual({
      key: "buildCostBaseUsdPerW",
      from: "8",
      to: "16",
      step: "0.5",
    });
    expect(Object.fromEntries(sweepArgToParams("weightS4=0:1")!)).toEqual({ key: "weightS4", from: "0", to: "1" });
    expect(sweepArgToParams("buildCost 8 16")).toBeNull();
  });
});
