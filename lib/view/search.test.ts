// Search on the real dataset (prisma/miners-2025-11.json with its corrections), scored under
// the default assumptions. Every expected ticker was read off the dataset by hand — the contract, event or
// figure is named beside it — not copied from the code's output.
import { describe, expect, it } from "vitest";
import { SNAPSHOT_VIEW, snapshotCompanies, snapshotHistories } from "../../prisma/snapshot";
import { recordAt } from "../domain/history";
import { toScoringCompany } from "../domain/to-scoring";
import { DEFAULT_ASSUMPTIONS as A } from "../scoring/assumptions";
import { screen } from "../scoring/screen";
import { applyView } from "./filter";
import { DEFAULT_VIEW, type View } from "./params";
import { toScreenerRow, type ScreenerRow } from "./rows";
import { matchHint, searchMatch } from "./search";

const SNAP = SNAPSHOT_VIEW.viewDate; // 2025-11-21
const atSnapshot = screen(snapshotCompanies(), A, SNAPSHOT_VIEW).map(toScreenerRow);
const histories = snapshotHistories();
const on = (viewDate: string) => screen(histories.map((h) => toScoringCompany(recordAt(h, viewDate, SNAP))), A, { viewDate }).map(toScreenerRow);

const view = (p: Partial<View>): View => ({ ...DEFAULT_VIEW, ...p });
const found = (rows: ScreenerRow[], p: Partial<View>) => applyView(rows, view(p)).map((r) => r.ticker).sort();
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
