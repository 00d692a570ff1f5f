// The change between two dates split into input groups; a company's timeline. Worked by hand below.
import { describe, expect, it } from "vitest";
import type { CompanyHistory, FactPoint } from "../domain/history";
import { DEFAULT_ASSUMPTIONS as A } from "../scoring/assumptions";
import { companyTimeline, compareDates, discountVsPrice, spearman } from "./changes";

const SNAP = "2025-11-21";
const pt = (key: FactPoint["key"], value: number, asOf: string, snapshot = false): FactPoint => ({
  key,
  value: { value, asOf, source: "https://example.test/p", ...(key === "sharesOutstanding" ? { basis: "basic" as const } : {}) },
  origin: snapshot ? "dataset" : "update",
  snapshot,
  recordedAt: null,
});

// $10 × 100M shares, no debt or cash; one operating 100 MW gross US site: 100 × 0.7 IT × 0.5 (S4) = 35 MW.
// By 2026-03-31: price $12 (2026-03-01), cash $200M (2026-03-31), the site grown to 200 MW gross (2026-02-01).
const h: CompanyHistory = {
  ticker: "TST",
  name: "Test",
  siteChanges: [{ site: "A", date: "2026-02-01", grossMw: 200, source: "https://example.test/s" }],
  sites: [
    {
      name: "A",
      stage: "operating",
      use: "hpc",
      country: "US",
      grossMw: { value: 100, asOf: "2025-09-30", source: "https://example.test/s" },
      itMw: null,
      companyShare: 1,
    },
  ],
  contracts: [],
  balanceSheetEvents: [],
  points: [
    pt("sharePriceUsd", 10, "2025-11", true),
    pt("sharesOutstanding", 1e8, "2025-09-30", true),
    pt("totalDebtUsd", 0, "2025-09-30", true),
    pt("cashUsd", 0, "2025-09-30", true),
    pt("sharePriceUsd", 12, "2026-03-01"),
    pt("cashUsd", 200e6, "2026-03-31"),
  ],
};

describe("the change in discount, split by input group in the stated order", () => {
  const [c] = compareDates([h], SNAP, SNAP, "2026-03-31", A);
  it("A: $1,000M / 35 MW = $28.57/W → discount 1 − 28.57/12 = −138.1%; B: $1,000M / 70 MW → −19.0%", () => {
    expect(c.a.discountBase).toBeCloseTo(1 - 1000 / 35 / 12, 12);
    expect(c.b.discountBase).toBeCloseTo(1 - 1000 / 70 / 12, 12);
    expect(c.change).toBeCloseTo(1000 / 35 / 12 - 1000 / 70 / 12, 12); // +119.0 points
  });
  it("price first (EV $1,200M: −185.7%), then cash ($1,000M again), then the bigger site; nothing else", () => {
    expect(c.parts.price).toBeCloseTo(-(1200 - 1000) / 35 / 12, 12); // −47.6 points
    expect(c.parts.balanceSheet).toBeCloseTo(200 / 35 / 12, 12); // +47.6 points
    expect(c.parts.power).toBeCloseTo(1000 / 35 / 12 - 1000 / 70 / 12, 12); // +119.0 points
    expect(c.parts.other).toBe(0);
    expect(c.parts.price! + c.parts.balanceSheet! + c.parts.power! + c.parts.other!).toBeCloseTo(c.change!, 12);
    expect(c.priceChange).toBeCloseTo(0.2, 12);
  });
  it("no newer price at B: no price change is claimed", () => {
    const [same] = compareDates([h], SNAP, SNAP, "2026-02-15", A);
    expect(same.priceChange).toBeNull();
  });
});

describe("rank correlation", () => {
  it("is 1 for the same order, −1 for the reverse, and uses average ranks for ties", () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    // ranks x: 1, 2.5, 2.5, 4; y: 1, 2, 3, 4 → ρ = Σdxdy / √(Σdx² Σdy²) = 4.5 / √(4.5 × 5) = 0.9487
    expect(spearman([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(4.5 / Math.sqrt(4.5 * 5), 12);
    expect(spearman([1, 2], [1, 2])).toBeNull();
  });
  it("rests only on companies with a starting discount and a newer price", () => {
    const rows = compareDates([h], SNAP, SNAP, "2026-03-31", A);
    expect(discountVsPrice(rows)).toMatchObject({ companies: 1, spearman: null });
  });
});

describe("a company's timeline", () => {
  it("the snapshot and every day an input took effect, with what moved", () => {
    const t = companyTimeline(h, SNAP, "2026-12-01", A);
    expect(t.map((p) => p.date)).toEqual([SNAP, "2026-02-01", "2026-03-01", "2026-03-31"]);
    expect(t[1].moved).toEqual(["A: 200 MW gross"]);
    expect(t[2].moved).toEqual(["share price $10.00 → $12.00 (as of 2026-03-01)"]);
    expect(t[3].moved).toEqual(["cash $0.00 → $200M (as of 2026-03-31)"]);
    expect(t[3].discountBase).toBeCloseTo(1 - 1000 / 70 / 12, 12);
  });
});
