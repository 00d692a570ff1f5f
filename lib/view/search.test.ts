// Search and presets on the real dataset (prisma/miners-2025-11.json with its corrections), scored under
// the default assumptions. Every expected ticker was read off the dataset by hand — the contract, event or
// figure is named beside it — not copied from the code's output.
import { describe, expect, it } from "vitest";
import { SNAPSHOT_VIEW, snapshotCompanies, snapshotHistories } from "../../prisma/snapshot";
import { recordAt } from "../domain/history";
import { toScoringCompany } from "../domain/to-scoring";
import { DEFAULT_ASSUMPTIONS as A } from "../scoring/assumptions";
import { screen } from "../scoring/screen";
import { applyView, inView } from "./filter";

import { DEFAULT_VIEW, parseView, type View } from "./params";
import { PRESET_IDS } from "./presets";
import { toScreenerRow, type ScreenerRow } from "./rows";
import { matchHint, searchMatch } from "./search";

/** The facet counts of the one filtering pass. */
const counts = (rows: readonly ScreenerRow[], v: View) => inView(rows, v).counts;

const SNAP = SNAPSHOT_VIEW.viewDate; // 2025-11-21
const atSnapshot = screen(snapshotCompanies(), A, SNAPSHOT_VIEW).map(toScreenerRow);
const histories = snapshotHistories();
const on = (viewDate: string) =>
  screen(
    histories.map((h) => toScoringCompany(recordAt(h, viewDate, SNAP))),
    A,
    { viewDate },
  ).map(toScreenerRow);

const view = (p: Partial<View>): View => ({ ...DEFAULT_VIEW, ...p });
const found = (rows: ScreenerRow[], p: Partial<View>) =>
  applyView(rows, view(p))
    .map((r) => r.ticker)
    .sort();
const row = (rows: ScreenerRow[], ticker: string) => rows.find((r) => r.ticker === ticker)!;

describe("search: names, former names, counterparties, guarantors, aliases", () => {
  it('"google" finds the Google-backstopped leases: CIFR and WULF at the snapshot', () => {
    // Guarantor "Google (Alphabet)": CIFR-FLUIDSTACK-2025A/B (signed 2025-09-25, 2025-11-20) and
    // WULF-FLUIDSTACK-2025A/B and WULF-ABERNATHY-2025 (2025-08 to 2025-10). No ticker, name or counterparty says Google.
    expect(found(atSnapshot, { q: "google" })).toEqual(["CIFR", "WULF"]);
    for (const t of ["CIFR", "WULF"]) {
      expect(searchMatch(row(atSnapshot, t), "google")).toEqual({ field: "guarantor", value: "Google (Alphabet)" });
      expect(matchHint(row(atSnapshot, t), "Google")).toBe("matched: guarantor Google (Alphabet)");
    }
    expect(found(atSnapshot, { q: "alphabet" })).toEqual(["CIFR", "WULF"]);
  });

  it("a later event's contract is searched from its date: HUT's Google-backed River Bend lease from 2025-12-17", () => {
    // HUT event 2025-12-17: "Fluidstack (for Anthropic)", guarantor "Google (Alphabet)"; HUT has no contract before it.
    expect(found(on("2025-12-16"), { q: "google" })).toEqual(["CIFR", "WULF"]);
    expect(found(on("2025-12-17"), { q: "google" })).toEqual(["CIFR", "HUT", "WULF"]);
  });

  it('"anthropic" finds the contract that names it: HUT\'s, once it counts', () => {
    // The only counterparty mentioning Anthropic is HUT's "Fluidstack (for Anthropic)" (event 2025-12-17).
    expect(found(atSnapshot, { q: "anthropic" })).toEqual([]);
    expect(found(on("2025-12-16"), { q: "anthropic" })).toEqual([]);
    const later = on("2026-06-30");
    expect(found(later, { q: "anthropic" })).toEqual(["HUT"]);
    expect(searchMatch(row(later, "HUT"), "anthropic")).toEqual({ field: "counterparty", value: "Fluidstack (for Anthropic)" });
  });

  it('"aws" finds the Amazon Web Services lease (CIFR) through the alias; "amazon" through the text', () => {
    // CIFR-AWS-2025: counterparty "Amazon Web Services", signed 2025-11-03.
    expect(found(atSnapshot, { q: "aws" })).toEqual(["CIFR"]);
    expect(searchMatch(row(atSnapshot, "CIFR"), "AWS")).toEqual({ field: "counterparty", value: "Amazon Web Services", alias: "AWS" });
    expect(matchHint(row(atSnapshot, "CIFR"), "aws")).toBe("matched: counterparty Amazon Web Services (as AWS)");
    expect(found(atSnapshot, { q: "amazon" })).toEqual(["CIFR"]);
    expect(searchMatch(row(atSnapshot, "CIFR"), "amazon")).toEqual({ field: "counterparty", value: "Amazon Web Services" });
  });

  it('"keel" finds Bitfarms (BITF) by its new name; KEEL is its new ticker', () => {
    // BITF balance-sheet event 2026-06 "Keel Infrastructure (ex-Bitfarms) …"; the dataset name is "Bitfarms Ltd.".
    expect(found(atSnapshot, { q: "keel" })).toEqual(["BITF"]);
    expect(searchMatch(row(atSnapshot, "BITF"), "keel")).toEqual({ field: "newName", value: "Keel Infrastructure" });
    expect(matchHint(row(atSnapshot, "BITF"), "keel")).toBe("matched: new name Keel Infrastructure");
    expect(searchMatch(row(atSnapshot, "BITF"), "keel ")).toEqual({ field: "newName", value: "Keel Infrastructure" });
    expect(searchMatch(row(atSnapshot, "BITF"), "KEEL")?.field).toBe("newName"); // the name comes before the ticker
  });

  it('"cipher digital" finds CIFR in its own name, which says it was renamed (no hint needed)', () => {
    // name "Cipher Mining Inc. (renamed Cipher Digital Inc. in Feb 2026)"; CIFR event 2026-02-24 "Renamed Cipher Digital Inc."
    expect(found(atSnapshot, { q: "cipher digital" })).toEqual(["CIFR"]);
    expect(searchMatch(row(atSnapshot, "CIFR"), "Cipher Digital")?.field).toBe("name");
    expect(matchHint(row(atSnapshot, "CIFR"), "cipher digital")).toBeUndefined();
  });

  it("former names, end users and named tenants", () => {
    // MARA event 2026-02-26's source: "marathon-digital-nasdaqmara-announces-earnings-results"
    expect(found(atSnapshot, { q: "marathon" })).toEqual(["MARA"]);
    expect(searchMatch(row(atSnapshot, "MARA"), "marathon")).toEqual({ field: "formerName", value: "Marathon Digital" });
    // CORZ event 2025-12-16: CoreWeave leases the Denton capacity to OpenAI; APLD 2026-03 notes for the "Polaris Forge 2, Oracle lease"
    expect(found(atSnapshot, { q: "openai" })).toEqual(["CORZ"]);
    expect(matchHint(row(atSnapshot, "CORZ"), "openai")).toBe("matched: end user OpenAI (CoreWeave)");
    expect(found(atSnapshot, { q: "oracle" })).toEqual(["APLD"]);
    expect(matchHint(row(atSnapshot, "APLD"), "oracle")).toBe("matched: tenant Oracle (Undisclosed U.S. investment-grade hyperscaler)");
    // IREN's dataset name is "IREN Limited (formerly Iris Energy)"
    expect(found(atSnapshot, { q: "iris" })).toEqual(["IREN"]);
  });

  it("ticker and name matches carry no hint; what matched before still does", () => {
    expect(searchMatch(row(atSnapshot, "IREN"), "iren")?.field).toBe("ticker");
    expect(matchHint(row(atSnapshot, "IREN"), "iren")).toBeUndefined();
    // CoreWeave: CORZ-CRWV-2024, APLD-CRWV-2025, GLXY-CRWV-2025; Microsoft: IREN-MSFT-2025 only
    expect(found(atSnapshot, { q: "coreweave" })).toEqual(["APLD", "CORZ", "GLXY"]);
    expect(found(atSnapshot, { q: "microsoft" })).toEqual(["IREN"]);
    expect(searchMatch(row(atSnapshot, "IREN"), "  ")).toBeNull();
    expect(found(atSnapshot, { q: "  " })).toHaveLength(18);
  });
});

describe("presets on the snapshot view (2025-11-21)", () => {
  it('"Contracted only": a contract with IT MW signed by the snapshot', () => {
    // IREN Microsoft 200 (2025-11-03); CIFR 168 + 39 + AWS 300 gross; CORZ 590; APLD 400 + 200; GLXY 526;
    // WULF 72.5 + 200 + 160 + 168; WYFI Cerebras 5 (2025-02). HUT, RIOT and BTDR sign theirs only later (events).
    expect(found(atSnapshot, { preset: "contracted" })).toEqual(["APLD", "CIFR", "CORZ", "GLXY", "IREN", "WULF", "WYFI"]);
  });

  it('"Investment-grade tenant or backstop": a contract §10.11 counts as IG backed', () => {
    // IREN Microsoft AAA; CIFR AWS AA (and Google AA+ over Fluidstack, β 1.4B / (168 × 10M) = 0.83);
    // APLD undisclosed hyperscaler rated "IG" (BBB bucket); WULF Fluidstack A, Google AA+, β 1.8B / (200 × 9M) = 1.
    // Not: CORZ and GLXY (CoreWeave Ba3, no guarantor), WYFI (Cerebras unrated). APLD counts although under
    // half its contract value is IG (5B / 16B = 0.3125: flag no-ig-tenant).
    expect(found(atSnapshot, { preset: "ig" })).toEqual(["APLD", "CIFR", "IREN", "WULF"]);
    expect(row(atSnapshot, "APLD").flags).toContain("no-ig-tenant");
  });

  it('"Below build cost with a contract": positive discount among the contracted', () => {
    // discounts: CORZ 1 − 5,767.0 / 618.5 / 12 = +22.3%; WULF 1 − 5,547.2 / 495.25 / 12 = +6.7%;
    // CIFR 1 − 5,833.1 / 459.3 / 12 = −5.8%; APLD 1 − 7,180.3 / 563.35 / 12 = −6.2%; GLXY −49.4%; IREN −56.4%;
    // WYFI has no debt figure, so no EV and no discount. The uncontracted below cost (SLNH, BTDR, …) stay out.
    expect(found(atSnapshot, { preset: "below-cost" })).toEqual(["CORZ", "WULF"]);
  });

  it('"Stale data": a price older than 7 days, shares than 200, cash or debt than 100 on 2025-11-21', () => {
    // CORZ price "2025-11" (from 11-01: 20 d); HUT published EV of 2025-10-17 (35 d, ranked on it);
    // BTDR price 2025-11-12 (9 d) and shares 2024-12-31 (325 d); HIVE cash 2025-06-30 (144 d);
    // SLNH debt 2025-06-30 (144 d); GREE price 2025-11-10 (11 d, corrections file).
    // Not MARA: the corrections date its cash and debt 2025-09-30 (52 d).
    expect(found(atSnapshot, { preset: "stale" })).toEqual(["BTDR", "CORZ", "GREE", "HIVE", "HUT", "SLNH"]);
  });

  it("a preset narrows the other filters, and the counts say what each would leave", () => {
    // Tier 1 at the snapshot: CORZ, WULF, CIFR, GLXY; of those IG backed: CIFR, WULF
    expect(found(atSnapshot, { preset: "ig", tiers: [1] })).toEqual(["CIFR", "WULF"]);
    expect(counts(atSnapshot, DEFAULT_VIEW).presets).toEqual({ contracted: 7, ig: 4, "below-cost": 2, stale: 6 });
    // "google" leaves CIFR (−5.8%, fresh) and WULF (+6.7%, fresh): both contracted and IG backed
    expect(counts(atSnapshot, view({ q: "google" })).presets).toEqual({ contracted: 2, ig: 2, "below-cost": 1, stale: 0 });
    // a preset's own count ignores the preset in force; tier counts respect it
    const c = counts(atSnapshot, view({ preset: "stale" }));
    expect(c.presets.contracted).toBe(7);
    expect(c.tiers[1]).toBe(1); // CORZ is the only stale Tier 1
  });
});

describe("the preset parameter", () => {
  it("accepts each declared preset and leaves it out when unset", () => {
    for (const id of PRESET_IDS) expect(parseView(new URLSearchParams(`preset=${id}`))).toMatchObject({ ok: true, view: { preset: id } });
    expect(parseView(new URLSearchParams(""))).toMatchObject({ ok: true, view: { preset: undefined } });
  });

  it.each(["cheap", "IG", " ig", "ig,stale", ""])("refuses %j with the options", (v) => {
    const r = parseView(new URLSearchParams({ preset: v }));
    expect(r).toEqual({
      ok: false,
      view: DEFAULT_VIEW,
      problems: [{ param: "preset", values: [v], message: "No such preset; use contracted, ig, below-cost or stale" }],
    });
  });
});
