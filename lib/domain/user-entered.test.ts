// What is user-entered on a view date: small explicit histories, the point in force worked out by hand
// from the rules of decision 0016 (a point counts from the end of its as-of period; the snapshot's own
// points, and corrections of them, stand for the snapshot date).
import { describe, expect, it } from "vitest";
import type { CompanyHistory, FactPoint } from "./history";
import { enteredFigure, userEnteredAt } from "./user-entered";

const SNAP = "2025-11-21";
const point = (key: FactPoint["key"], asOf: string, value: number, o: Partial<FactPoint> = {}): FactPoint => ({
  key,
  value: { value, asOf, source: "https://example.test/p" },
  origin: "update",
  snapshot: false,
  recordedAt: null,
  recordedBy: null,
  ...o,
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
const keys = (h: CompanyHistory, day: string) => userEnteredAt(h, day, SNAP).map((x) => x.key);

const datasetPrice = point("sharePriceUsd", "2025-11-21", 17.08, { origin: "dataset", snapshot: true });
const AT = "2026-07-01T08:30:00.000Z";

describe("user-entered figures on a view date", () => {
  it("the dataset's, a correction's and an update file's points are not user-entered", () => {
    const h = history({
      points: [
        datasetPrice,
        point("cashUsd", "2025-09", 453_400_000, { origin: "correction", snapshot: true }),
        // an update-file point, recorded by the start-up loader or by whoever applied the file
        point("totalDebtUsd", "2026-03-31", 1_200_000_000, { origin: "update", recordedAt: AT, recordedBy: "update file (loaded on start)" }),
      ],
    });
    expect(userEnteredAt(h, "2026-06-30", SNAP)).toEqual([]);
  });

  it("a point a user added is marked from the day it is in force, with its label, value, who and when", () => {
    const h = history({ points: [datasetPrice, point("sharePriceUsd", "2026-04-10", 5, { origin: "user", recordedAt: AT, recordedBy: "ana" })] });
    expect(keys(h, "2026-04-09")).toEqual([]); // the dataset's 17.08 is still in force
    expect(userEnteredAt(h, "2026-04-10", SNAP)).toEqual([
      { kind: "figure", key: "sharePriceUsd", label: "Share price", value: 5, asOf: "2026-04-10", by: "ana", at: AT },
    ]);
  });

  it("a user point superseded by a later update-file point is not marked after the update takes effect", () => {
    const h = history({
      points: [
        datasetPrice,
        point("sharePriceUsd", "2026-02-15", 9, { origin: "user", recordedAt: AT, recordedBy: "ana" }),
        point("sharePriceUsd", "2026-03", 11, { origin: "update", recordedAt: AT }), // in force from 2026-03-31
      ],
    });
    expect(keys(h, "2026-02-15")).toEqual(["sharePriceUsd"]);
    expect(keys(h, "2026-03-30")).toEqual(["sharePriceUsd"]);
    expect(keys(h, "2026-03-31")).toEqual([]);
    expect(keys(h, "2026-06-30")).toEqual([]);
  });

  it("a user's correction of a dataset point (same as-of, origin becomes user) is marked from the snapshot on", () => {
    // as lib/server/mutations/points.ts writes it: the point keeps snapshotPoint, origin is "user"
    const corrected = point("sharePriceUsd", "2025-11-21", 18, { origin: "user", snapshot: true, recordedAt: AT, recordedBy: null });
    const h = history({ points: [corrected] });
    expect(userEnteredAt(h, SNAP, SNAP)).toEqual([
      { kind: "figure", key: "sharePriceUsd", label: "Share price", value: 18, asOf: "2025-11-21", by: null, at: AT },
    ]);
    expect(keys(h, "2026-06-30")).toEqual(["sharePriceUsd"]); // nothing later supersedes it
  });

  it("a user point dated after the view date is not in force there, so not marked", () => {
    const h = history({ points: [datasetPrice, point("sharePriceUsd", "2026-05", 7, { origin: "user", recordedAt: AT })] });
    expect(keys(h, "2026-05-30")).toEqual([]); // "2026-05" counts from 2026-05-31
    expect(keys(h, "2026-05-31")).toEqual(["sharePriceUsd"]);
  });

  it("figures come in the FACTS order, and enteredFigure finds one by key", () => {
    const h = history({
      points: [
        point("cashUsd", "2026-01-31", 1e8, { origin: "user", recordedAt: AT }),
        point("sharePriceUsd", "2026-01-31", 4, { origin: "user", recordedAt: AT }),
      ],
    });
    const items = userEnteredAt(h, "2026-02-01", SNAP);
    expect(items.map((x) => x.label)).toEqual(["Share price", "Cash"]);
    expect(enteredFigure(items, "cashUsd")?.value).toBe(1e8);
    expect(enteredFigure(items, "totalDebtUsd")).toBeUndefined();
  });
});

describe("company assumption overrides", () => {
  it("every stored override is marked, with its label and value, on any view date; who and when when known", () => {
    const h = history({ overrides: { buildCostBaseUsdPerW: 10, subtractBitcoin: false }, points: [datasetPrice] });
    const by = { by: "ana", at: AT };
    // ASSUMPTION_META order: subtractBitcoin comes before the build costs
    expect(userEnteredAt(h, SNAP, SNAP, by)).toEqual([
      { kind: "override", key: "subtractBitcoin", label: "Subtract bitcoin from EV", value: false, by: "ana", at: AT },
      { kind: "override", key: "buildCostBaseUsdPerW", label: "Build cost — base", value: 10, by: "ana", at: AT },
    ]);
    expect(userEnteredAt(h, "2026-06-30", SNAP).map((x) => [x.key, x.by, x.at])).toEqual([
      ["subtractBitcoin", null, null],
      ["buildCostBaseUsdPerW", null, null],
    ]);
  });

  it("no overrides (null or {}) marks nothing", () => {
    expect(userEnteredAt(history({ overrides: null }), SNAP, SNAP)).toEqual([]);
    expect(userEnteredAt(history({ overrides: {} }), SNAP, SNAP)).toEqual([]);
  });

  it("figures first, then overrides", () => {
    const h = history({ overrides: { weightS4: 0.6 }, points: [point("btcHeld", "2026-01-31", 100, { origin: "user", recordedAt: AT })] });
    expect(keys(h, "2026-02-01")).toEqual(["btcHeld", "weightS4"]);
  });
});
