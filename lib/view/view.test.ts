import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "../csv";
import { applyView, facetCounts } from "./filter";
import { DEFAULT_VIEW, type View } from "./params";
import type { ScreenerRow } from "./rows";

const row = (p: Partial<ScreenerRow>): ScreenerRow => ({
  rank: 1, rankGroup: "ranked", ticker: "AAA", name: "Alpha", tier: 3, why: "", priceUsd: 1, priceAsOf: "2025-11-21",
  priceSourceUrl: null, marketCapUsd: 1, evUsd: 1, evPerWEffectiveIt: 1, evPerWTotalGross: 1, evPerWEnergizedGross: 1,
  evPerWContractedIt: null, discountLow: 0, discountBase: 0, discountHigh: 0, impliedPriceBaseUsd: 1, itMwEffective: 1,
  contractedItMw: 0, deliveredItMw: 0, energizedGrossMw: 0, totalGrossMw: 0, contractedShare: 0, mainCounterparty: null,
  counterparties: [], guarantors: [], igBackedContracts: 0, weightedTenorYears: null, cqs: null, gapToMarketCap: 0, flags: [], reasons: {}, evSource: "computed", notes: 0,
  evPublishedUsd: null, evPublishedAsOf: null, evPerEhUsd: null, tcvPerContractedMwUsd: null, usdPerKwMonth: null, igShareOfTcv: null,
  staleFigures: [], userEntered: [], ...p,
});

describe("filters and sort", () => {
  const rows = [
    row({ rank: 1, ticker: "CORZ", name: "Core Scientific", tier: 1, discountBase: 0.35, contractedItMw: 590, counterparties: ["CoreWeave"], flags: ["below-build-cost"] }),
    row({ rank: 2, ticker: "APLD", name: "Applied Digital", tier: 2, discountBase: 0.07, contractedItMw: 600, counterparties: ["CoreWeave"], flags: ["below-build-cost", "financing-gap"] }),
    row({ rank: 3, ticker: "IREN", name: "IREN", tier: 2, discountBase: -0.99, contractedItMw: 200, counterparties: ["Microsoft"], flags: ["gpu-funding"] }),
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
    const c = facetCounts(rows, view({ tiers: [1], q: "core" }));
    expect(c.tiers).toEqual({ 1: 1, 2: 1, 3: 0 });
    expect(c.flags["below-build-cost"]).toBe(1);
  });
});

describe("CSV", () => {
  it("quotes per RFC 4180 and neutralizes formulas", () => {
    expect(csvCell('a "quoted", name')).toBe('"a ""quoted"", name"');
    expect(csvCell("=HYPERLINK(\"x\")")).toBe('"\'=HYPERLINK(""x"")"');
    for (const s of ["+1", "-1", "@SUM(A1)", "\tx", "\rx"]) expect(csvCell(s).replace(/^"/, "").startsWith("'")).toBe(true);
    expect(csvCell(-0.25)).toBe("-0.25");
    expect(csvCell(null)).toBe("");
    expect(toCsv(["a", "b"], [[1, "x\ny"]])).toBe('a,b\r\n1,"x\ny"\r\n');
  });
});
