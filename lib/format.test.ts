// Reason codes in words, and the one rounding of a contract quality score.
import { describe, expect, it } from "vitest";
import { cqsScore, explainReason, formatKind, reasonWords } from "./format";

describe("reason codes in words", () => {
  it.each([
    ["missing:cash", "cash is missing from the data", "Not computable: cash is missing from the data"],
    ["missing:sharePrice", "the share price is missing from the data", "Not computable: the share price is missing from the data"],
    ["zero:itMwEffective", "effective IT MW is zero", "Not computable: effective IT MW is zero"],
    ["none:contracts", "no AI/HPC contracts", "Not applicable: no AI/HPC contracts"],
    ["negative:marketCap", "market cap is negative", "Not meaningful: market cap is negative"],
    // a key without words of its own is spelled out from its name
    [
      "missing:companyFundedCapexUsd",
      "company funded capex is missing from the data",
      "Not computable: company funded capex is missing from the data",
    ],
  ])("%s → “%s”", (code, words, sentence) => {
    expect(reasonWords(code)).toBe(words);
    expect(explainReason(code)).toBe(sentence);
  });

  it("leaves text that is not a code as it is", () => {
    expect(explainReason("Tenor not disclosed")).toBe("Tenor not disclosed");
    expect(explainReason(undefined)).toBe("Not available");
  });
});

describe("cqsScore", () => {
  it("is whole points, as the screener's score column is", () => {
    expect(cqsScore(67.54123711340208)).toBe("68"); // IREN on the snapshot: card and contract row alike
    expect(cqsScore(66.00000000000001)).toBe("66");
    expect(cqsScore(null)).toBe("—");
    expect(formatKind("score", 67.54123711340208)).toBe(cqsScore(67.54123711340208));
  });
});
