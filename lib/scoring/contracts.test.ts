import { describe, expect, it } from "vitest";
import { DEFAULT_ASSUMPTIONS as A } from "./assumptions";
import { ratingScore } from "./contracts";

describe("ratingScore", () => {
  it.each([
    ["AAA", 1],
    ["AA+", 1],
    ["Aa1", 1],
    ["Aaa", 1],
    ["A-", 0.9],
    ["A1", 0.9],
    ["A", 0.9],
    ["BBB+", 0.75],
    ["Baa3", 0.75],
    ["BB", 0.5],
    ["Ba3", 0.5],
    ["B+", 0.3],
    ["B2", 0.3],
    ["CCC", 0.3],
    [null, 0.3],
    ["investment grade", 0.3],
    // §10.7: a tenant described only as investment grade is the lowest IG bucket
    ["IG", 0.75],
    ["ig", 0.75],
  ])("%s → %s", (rating, score) => {
    expect(ratingScore(rating, A)).toBe(score);
  });
});
