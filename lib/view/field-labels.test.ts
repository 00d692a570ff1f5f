import { describe, expect, it } from "vitest";
import { fieldLabel } from "./field-labels";

describe("fieldLabel", () => {
  it.each([
    ["values.buildCostLowUsdPerW", "Build cost — low"],
    ["overrides.weightS4", "S4 uncontracted, operating"],
    ["facts.cashUsd.value", "Cash"],
    ["facts.cashUsd.asOf", "Cash — as of"],
    ["contract.deliveredItMw", "delivered IT MW"],
    ["contract.siteAllocations.0.itMw", "IT MW"],
    ["name", "name"],
  ])("%s → %s", (path, label) => {
    expect(fieldLabel(path)).toBe(label);
  });
});
