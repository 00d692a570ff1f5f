// The table's title says what the table is sorted by (issue 14: it said "Ranked by discount" whatever the sort).
import { describe, expect, it } from "vitest";
import { sortTitle } from "./columns";

describe("sortTitle", () => {
  it.each([
    ["discountBase", "desc", "Ranked by discount to build cost"],
    ["rank", "asc", "Ranked by discount to build cost"],
    ["rank", "desc", "Ranked by discount to build cost, last first"],
    ["discountBase", "asc", "Sorted by discount to build cost, lowest first"],
    ["ticker", "asc", "Sorted by ticker, A to Z"],
    ["mainCounterparty", "desc", "Sorted by main counterparty, Z to A"],
    ["evPerWEffectiveIt", "asc", "Sorted by EV/W eff. IT, lowest first"],
    ["cqs", "desc", "Sorted by CQS, highest first"],
    ["tier", "asc", "Sorted by tier, Tier 1 first"],
    ["tier", "desc", "Sorted by tier, Tier 3 first"],
    ["priceAsOf", "desc", "Sorted by price date, newest first"],
    ["flags", "asc", "Sorted by flags, A to Z"],
    ["contractedItMw", "desc", "Sorted by contracted IT, highest first"],
  ] as const)("%s.%s → %s", (id, dir, title) => {
    expect(sortTitle({ id, dir })).toBe(title);
  });
});
