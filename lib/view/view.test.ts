import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "../csv";
import fc from "fast-check";
import { FLAGS, type Flag, type Tier } from "../scoring/types";
import { COLUMN_FILTERS } from "./columns";
import { applyView, inView, matchesView } from "./filter";
import { DEFAULT_VIEW, parseView, serializeView, VIEW_PARAM_NAMES, type View } from "./params";
import { PRESETS } from "./presets";
import type { ScreenerRow } from "./rows";

/** The facet counts of the one filtering pass. */
const counts = (rows: readonly ScreenerRow[], v: View) => inView(rows, v).counts;

const row = (p: Partial<ScreenerRow>): ScreenerRow => ({
  rank: 1,
  rankGroup: "ranked",
  ticker: "AAA",
  name: "Alpha",
  tier: 3,
  why: "",
  priceUsd: 1,
  priceAsOf: "2025-11-21",
  priceSourceUrl: null,
  marketCapUsd: 1,
  evUsd: 1,
  evPerWEffectiveIt: 1,
  evPerWTotalGross: 1,
  evPerWEnergizedGross: 1,
  evPerWContractedIt: null,
  discountLow: 0,
  discountBase: 0,
  discountHigh: 0,
  impliedPriceBaseUsd: 1,
  itMwEffective: 1,
  contractedItMw: 0,
  deliveredItMw: 0,
  energizedGrossMw: 0,
  totalGrossMw: 0,
  contractedShare: 0,
  mainCounterparty: null,
  counterparties: [],
  guarantors: [],
  otherNames: [],
  igBackedContracts: 0,
  weightedTenorYears: null,
  cqs: null,
  gapToMarketCap: 0,
  flags: [],
  reasons: {},
  evSource: "computed",
  notes: 0,
  evPublishedUsd: null,
  evPublishedAsOf: null,
  evPerEhUsd: null,
  tcvPerContractedMwUsd: null,
  usdPerKwMonth: null,
  igShareOfTcv: null,
  staleFigures: [],
  userEntered: [],
  ...p,
});

describe("filters and sort", () => {
  const rows = [
    row({
      rank: 1,
      ticker: "CORZ",
      name: "Core Scientific",
      tier: 1,
      discountBase: 0.35,
      contractedItMw: 590,
      counterparties: ["CoreWeave"],
      flags: ["below-build-cost"],
    }),
    row({
      rank: 2,
      ticker: "APLD",
      name: "Applied Digital",
      tier: 2,
      discountBase: 0.07,
      contractedItMw: 600,
      counterparties: ["CoreWeave"],
      flags: ["below-build-cost", "financing-gap"],
    }),
    row({
      rank: 3,
      ticker: "IREN",
      name: "IREN",
      tier: 2,
      discountBase: -0.99,
      contractedItMw: 200,
      counterparties: ["Microsoft"],
      flags: ["gpu-funding"],
    }),
    row({ rank: 4, ticker: "NEG", name: "Cash Pile", tier: 3, rankGroup: "negative-ev", discountBase: 1.5 }),
    row({ rank: 5, ticker: "GREE", name: "Greenidge", tier: 3, rankGroup: "unranked", discountBase: null }),
  ];
  const view = (p: Partial<View>): View => ({ ...DEFAULT_VIEW, ...p });
  const tickers = (v: View) => applyView(rows, v).map((r) => r.ticker);

  it("default order is discount descending with negative EV apart and missing last", () => {
    expect(tickers(DEFAULT_VIEW)).toEqual(["CORZ", "APLD", "IREN", "NEG", "GREE"]);
    expect(tickers(view({ sort: { id: "discountBase", dir: "asc" } }))).toEqual(["NEG", "IREN", "APLD", "CORZ", "GREE"]);
  });
  it("search covers ticker, name and counterparty", () => {
    expect(tickers(view({ q: "coreweave" }))).toEqual(["CORZ", "APLD"]);
    expect(tickers(view({ q: "iren" }))).toEqual(["IREN"]);
    expect(tickers(view({ q: "pile" }))).toEqual(["NEG"]);
  });
  it("tier, flag and range filters combine; missing values fail a range filter", () => {
    expect(tickers(view({ tiers: [2] }))).toEqual(["APLD", "IREN"]);
    expect(tickers(view({ flags: ["below-build-cost", "financing-gap"] }))).toEqual(["APLD"]);
    expect(tickers(view({ minDiscountPct: 0 }))).toEqual(["CORZ", "APLD", "NEG"]);
    expect(tickers(view({ minContractedMw: 300, tiers: [1, 2] }))).toEqual(["CORZ", "APLD"]);
  });
  it("sorts text and puts missing last both ways", () => {
    expect(tickers(view({ sort: { id: "ticker", dir: "asc" } }))).toEqual(["APLD", "CORZ", "GREE", "IREN", "NEG"]);
    expect(tickers(view({ sort: { id: "mainCounterparty", dir: "desc" } })).slice(-1)).toEqual(["GREE"]);
  });
  it("facet counts ignore their own filter", () => {
    const c = counts(rows, view({ tiers: [1], q: "core" }));
    expect(c.tiers).toEqual({ 1: 1, 2: 1, 3: 0 });
    expect(c.flags["below-build-cost"]).toBe(1);
  });
});

describe("the filters the columns declare", () => {
  // Adding a filter to a column is one entry in columns.ts; each surface below reads it from there.
  it.each(COLUMN_FILTERS.map((f) => [f.param, f] as const))("%s: a URL parameter, a View field, a predicate", (_p, f) => {
    expect(VIEW_PARAM_NAMES).toContain(f.param);
    expect(DEFAULT_VIEW[f.key]).toEqual(f.variant === "atLeast" ? undefined : []);
    if (f.variant === "atLeast") {
      // a minimum at the column's upper bound: the row exactly at it passes, the one at the lower bound fails
      const high = row({ rank: 2, ticker: "HIGH", discountBase: 1, contractedItMw: f.max }),
        low = row({ rank: 1, ticker: "LOW", discountBase: -1, contractedItMw: f.min });
      expect(f.value(high)).toBe(f.max);
      const v = parseView(new URLSearchParams(`${f.param}=${f.max}`));
      expect(v.ok).toBe(true);
      expect(applyView([low, high], v.view).map((r) => r.ticker)).toEqual(["HIGH"]);
    } else {
      const v = parseView(new URLSearchParams(`${f.param}=${String(f.options[0])}`));
      expect(v.ok).toBe(true);
      expect(serializeView(v.view).get(f.param)).toBe(String(f.options[0]));
      const has = row({ rank: 2, ticker: "HAS", tier: f.options[0] as Tier, flags: [f.options[0] as Flag] });
      const hasNot = row({ rank: 1, ticker: "NOT", tier: f.options[1] as Tier, flags: [f.options[1] as Flag] });
      expect(applyView([hasNot, has], v.view).map((r) => r.ticker)).toEqual(["HAS"]);
    }
  });

  // inView filters and counts in one pass, stopping early; the counts must still be what they mean: the
  // rows every other filter leaves, per option (and per preset, in place of the one chosen).
  it("one pass gives the rows matchesView keeps and the counts by their definition", () => {
    const anyRow = fc.record({
      tier: fc.constantFrom<Tier>(1, 2, 3),
      flags: fc.subarray([...FLAGS], { maxLength: 3 }),
      discountBase: fc.option(fc.double({ min: -2, max: 1, noNaN: true })),
      contractedItMw: fc.constantFrom(0, 100, 600),
      igBackedContracts: fc.constantFrom(0, 1),
      name: fc.constantFrom("Core", "Iris", "Hut"),
    });
    const anyView = fc.record({
      q: fc.constantFrom("", "core", "i"),
      tiers: fc.subarray<Tier>([1, 2, 3]),
      flags: fc.subarray([...FLAGS], { maxLength: 2 }),
      minDiscountPct: fc.constantFrom(undefined, -50, 0, 20),
      minContractedMw: fc.constantFrom(undefined, 0, 500),
      preset: fc.constantFrom(undefined, ...PRESETS.map((p) => p.id)),
    });
    fc.assert(
      fc.property(fc.array(anyRow, { maxLength: 25 }), anyView, (parts, filters) => {
        const rows = parts.map((p, i) => row({ ...p, rank: i + 1, ticker: `T${i}` }));
        const v: View = { ...DEFAULT_VIEW, ...filters };
        const r = inView(rows, v);
        expect(r.rows).toEqual(rows.filter((x) => matchesView(x, v)));
        const without = (patch: Partial<View>) => rows.filter((x) => matchesView(x, { ...v, ...patch }));
        for (const t of [1, 2, 3] as Tier[]) expect(r.counts.tiers[t]).toBe(without({ tiers: [] }).filter((x) => x.tier === t).length);
        for (const f of FLAGS) expect(r.counts.flags[f]).toBe(without({ flags: [] }).filter((x) => x.flags.includes(f)).length);
        for (const p of PRESETS) expect(r.counts.presets[p.id]).toBe(without({ preset: undefined }).filter((x) => p.matches(x)).length);
      }),
      { numRuns: 500 },
    );
  });
});

describe("CSV", () => {
  it("quotes per RFC 4180 and neutralizes formulas", () => {
    expect(csvCell('a "quoted", name')).toBe('"a ""quoted"", name"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    for (const s of ["+1", "-1", "@SUM(A1)", "\tx", "\rx"]) expect(csvCell(s).replace(/^"/, "").startsWith("'")).toBe(true);
    expect(csvCell(-0.25)).toBe("-0.25");
    expect(csvCell(null)).toBe("");
    expect(toCsv(["a", "b"], [[1, "x\ny"]])).toBe('a,b\r\n1,"x\ny"\r\n');
  });
});
