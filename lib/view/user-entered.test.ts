import { describe, expect, it } from "vitest";
import { describeUserEntered, enteredByText, userEnteredNames } from "./user-entered";

const AT = "2026-07-01T08:30:00.000Z";

describe("the user-entered marker as text", () => {
  it("says what, its value and as-of, who and when", () => {
    expect(describeUserEntered({ kind: "figure", key: "sharePriceUsd", label: "Share price", value: 5, asOf: "2025-11-21", by: "ana", at: AT })).toBe(
      "Share price $5.00 (as of 2025-11-21), entered by ana on 2026-07-01 08:30 UTC",
    );
    expect(describeUserEntered({ kind: "figure", key: "cashUsd", label: "Cash", value: 453_400_000, asOf: "2025-09", by: null, at: AT })).toBe(
      "Cash $453,400,000 (as of 2025-09), entered by the local user on 2026-07-01 08:30 UTC",
    );
    expect(describeUserEntered({ kind: "figure", key: "btcHeld", label: "Bitcoin held", value: 1234.5, asOf: "2026-01", by: "ana", at: AT })).toBe(
      "Bitcoin held 1,234.5 BTC (as of 2026-01), entered by ana on 2026-07-01 08:30 UTC",
    );
    expect(describeUserEntered({ kind: "override", key: "buildCostBaseUsdPerW", label: "Build cost — base", value: 10, by: "ana", at: AT })).toBe(
      "Override: Build cost — base = 10 $/W, entered by ana on 2026-07-01 08:30 UTC",
    );
    expect(
      describeUserEntered({ kind: "override", key: "subtractBitcoin", label: "Subtract bitcoin from EV", value: false, by: null, at: null }),
    ).toBe("Override: Subtract bitcoin from EV = no, entered by a user (not recorded who or when)");
  });

  it("names the items briefly", () => {
    expect(
      userEnteredNames([
        { kind: "figure", key: "sharePriceUsd", label: "Share price", value: 5, asOf: "2025-11-21", by: null, at: AT },
        { kind: "override", key: "weightS4", label: "S4 uncontracted, operating", value: 0.6, by: null, at: AT },
      ]),
    ).toBe("Share price, override S4 uncontracted, operating");
    expect(enteredByText({ by: "ana", at: null })).toBe("ana");
  });
});
