// "Re-apply mine" after a stale save: only the fields the user changed are re-applied.
import { describe, expect, it } from "vitest";
import { contractFormSchema, marketFiguresSchema } from "../domain/forms";
import { conflictRows, formatFieldValue, mergeMine } from "./conflict";

const loaded = { version: 1, facts: { sharePriceUsd: { value: 14.15, asOf: "2025-11", note: null }, cashUsd: { value: 100, asOf: "2025-09" } } };
// they corrected cash; I changed the price
const theirs = { version: 2, facts: { sharePriceUsd: { value: 14.15, asOf: "2025-11", note: null }, cashUsd: { value: 999, asOf: "2025-09" } } };
const mine = { version: 1, facts: { sharePriceUsd: { value: 13, asOf: "2025-11", note: null }, cashUsd: { value: 100, asOf: "2025-09" } } };

describe("mergeMine", () => {
  it("keeps their cash (I did not touch it) and my price", () => {
    expect(mergeMine(theirs, loaded, mine)).toEqual({
      version: 2,
      facts: { sharePriceUsd: { value: 13, asOf: "2025-11", note: null }, cashUsd: { value: 999, asOf: "2025-09" } },
    });
  });

  it("a field both changed is mine; a field only they removed stays removed", () => {
    const t = { a: 1, b: null, c: "x" };
    const l = { a: 1, b: { value: 5 }, c: "y" };
    const m = { a: 1, b: { value: 5 }, c: "z" };
    expect(mergeMine(t, l, m)).toEqual({ a: 1, b: null, c: "z" });
  });

  it("empty, null and blank are the same 'nothing' (a form's blank note is not a change)", () => {
    expect(mergeMine({ note: "theirs" }, { note: undefined }, { note: null })).toEqual({ note: "theirs" });
    expect(mergeMine({ note: "theirs" }, { note: null }, { note: "" })).toEqual({ note: "theirs" });
  });

  it("a list is one field", () => {
    expect(mergeMine({ sources: ["a", "b"] }, { sources: ["a"] }, { sources: ["a"] })).toEqual({ sources: ["a", "b"] });
    expect(mergeMine({ sources: ["a", "b"] }, { sources: ["a"] }, { sources: ["c"] })).toEqual({ sources: ["c"] });
  });
});

describe("conflictRows", () => {
  it("lists the fields that differ, which of them are mine, and what re-applying saves", () => {
    expect(conflictRows(theirs, loaded, mine, (p) => p === "version")).toEqual([
      { path: "facts.sharePriceUsd.value", theirs: 14.15, mine: 13, mineChanged: true, saved: 13 },
      { path: "facts.cashUsd.value", theirs: 999, mine: 100, mineChanged: false, saved: 999 },
    ]);
  });
  it("nothing differs: no rows", () => {
    expect(conflictRows(loaded, loaded, loaded)).toEqual([]);
  });
});

describe("formatFieldValue", () => {
  it("numbers in their unit, lists joined, nothing as a dash", () => {
    expect(formatFieldValue(marketFiguresSchema, "facts.cashUsd.value", 4.8e9)).toBe("$4.8 billion");
    expect(formatFieldValue(marketFiguresSchema, "facts.sharesOutstanding.value", 395_092_054)).toBe("395,092,054 shares");
    expect(formatFieldValue(marketFiguresSchema, "facts.cashUsd.note", null)).toBe("—");
    expect(formatFieldValue(contractFormSchema, "contract.siteAllocations", [{ site: "Denton", itMw: 260 }])).toBe("Denton 260");
    expect(formatFieldValue(contractFormSchema, "contract.sources", ["https://a", "https://b"])).toBe("https://a, https://b");
  });
});
