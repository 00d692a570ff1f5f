// Which point of a figure is in force on a view date; sites and contracts over time. Small explicit
// histories, expectations worked out by hand in the comments.
import { describe, expect, it } from "vitest";
import { changeDates, contractsAt, latestDataDate, pointsAt, recordAt, type CompanyHistory, type FactPoint } from "./history";
import type { ContractInput, SiteInput } from "./schemas";

const SNAP = "2025-11-21";
const point = (asOf: string, value: number, o: Partial<FactPoint> = {}): FactPoint => ({
  key: "sharePriceUsd",
  value: { value, asOf, source: "https://example.test/p" },
  origin: "update",
  snapshot: false,
  recordedAt: null,
  ...o,
});
const site = (s: Partial<SiteInput> = {}): SiteInput => ({
  name: "A",
  stage: "pipeline",
  use: "hpc",
  grossMw: null,
  itMw: null,
  companyShare: 1,
  ...s,
});
const contract = (id: string, signedDate: string | null): ContractInput => ({
  id,
  counterparty: "T",
  structure: "colocation",
  itMwBasis: "critical_it",
  status: "signed",
  sources: [],
  companyShare: 1,
  signedDate,
  itMw: 10,
});
const history = (h: Partial<CompanyHistory>): CompanyHistory => ({
  ticker: "TST",
  name: "Test",
  points: [],
  sites: [],
  siteChanges: [],
  contracts: [],
  balanceSheetEvents: [],
  ...h,
});
const priceAt = (points: FactPoint[], day: string) => pointsAt(points, day, SNAP).get("sharePriceUsd")?.value.value ?? null;

describe("a figure's point in force on a view date", () => {
  it("is the latest point by date that is in force: none before its as-of, the later one after", () => {
    const pts = [point("2026-01-15", 10), point("2026-03-02", 12)];
    expect(priceAt(pts, "2026-01-14")).toBeNull();
    expect(priceAt(pts, "2026-01-15")).toBe(10);
    expect(priceAt(pts, "2026-03-01")).toBe(10);
    expect(priceAt(pts, "2026-03-02")).toBe(12);
  });
  it("a month-only as-of is in force from the end of its month (never before it could be known)", () => {
    const pts = [point("2026-02", 9)];
    expect(priceAt(pts, "2026-02-27")).toBeNull();
    expect(priceAt(pts, "2026-02-28")).toBe(9);
  });
  it("the snapshot's points stand for the snapshot date even when dated up to 2025-12-31 (HUT's 2025-12-04 price)", () => {
    const snap = point("2025-12-04", 39.68, { origin: "dataset", snapshot: true });
    expect(priceAt([snap], SNAP)).toBe(39.68);
    // an update dated 2025-12-01 is in force from that day and supersedes the snapshot's point from then on
    const pts = [snap, point("2025-12-01", 41)];
    expect(priceAt(pts, "2025-11-30")).toBe(39.68);
    expect(priceAt(pts, "2025-12-01")).toBe(41);
  });
  it("on the same in-force date: the exact day over a month, then the later recorded — in any order", () => {
    const month = point("2026-02", 1),
      day = point("2026-02-28", 2); // both in force from 2026-02-28
    expect(priceAt([day, month], "2026-03-01")).toBe(2);
    expect(priceAt([month, day], "2026-03-01")).toBe(2);
    const early = point("2026-02-28", 3, { recordedAt: "2026-03-05T00:00:00.000Z" });
    const late = { ...point("2026-02-28", 4), recordedAt: "2026-03-06T00:00:00.000Z" };
    expect(priceAt([late, early], "2026-03-01")).toBe(4);
    expect(priceAt([early, late], "2026-03-01")).toBe(4);
  });
});

describe("sites and contracts over time", () => {
  const h = history({
    sites: [
      site({ name: "Sweetwater 1", stage: "under_construction", grossMw: { value: 1400, asOf: "2025-09-30", source: "https://example.test/s" } }),
    ],
    siteChanges: [
      { site: "Sweetwater 1", date: "2026-05-01", stage: "operating", source: "https://example.test/energized" },
      { site: "Sweetwater 1", date: "2026-07", grossMw: 1600, source: "https://example.test/more" },
    ],
    contracts: [
      { contract: contract("OLD", "2025-06-30"), countsFrom: "2025-06-30", fromEvent: false },
      { contract: contract("LATER", "2026-03-25"), countsFrom: "2026-03-25", fromEvent: true },
    ],
  });
  it("a site takes each change from its date on, oldest first", () => {
    expect(recordAt(h, "2026-04-30", SNAP).sites[0]).toMatchObject({ stage: "under_construction", grossMw: { value: 1400 } });
    expect(recordAt(h, "2026-05-01", SNAP).sites[0]).toMatchObject({ stage: "operating", grossMw: { value: 1400 } });
    expect(recordAt(h, "2026-07-31", SNAP).sites[0]).toMatchObject({
      stage: "operating",
      grossMw: { value: 1600, asOf: "2026-07", source: "https://example.test/more" },
    });
  });
  it("a contract counts from its date; a later event's contract from the event's", () => {
    expect(contractsAt(h, SNAP).map((k) => k.contract.id)).toEqual(["OLD"]);
    expect(contractsAt(h, "2026-03-25").map((k) => k.contract.id)).toEqual(["OLD", "LATER"]);
  });
  it("the days on which something changes, after the snapshot; the latest one not after today", () => {
    const withPoint = { ...h, points: [point("2026-02", 1), point("2025-12-04", 2, { snapshot: true })] };
    expect(changeDates(withPoint, SNAP)).toEqual(["2026-02-28", "2026-03-25", "2026-05-01", "2026-07-31"]);
    expect(latestDataDate([withPoint], SNAP, "2026-06-01")).toBe("2026-05-01");
    expect(latestDataDate([history({})], SNAP, "2026-06-01")).toBe(SNAP);
  });
});
