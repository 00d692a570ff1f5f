// "← Screener" restores the view the user came from (issue 14: it dropped the filters).
import { describe, expect, it } from "vitest";
import { screenerHref } from "./screener-return";

describe("screenerHref", () => {
  it("keeps every parameter of the last screener view", () => {
    expect(screenerHref("asOf=2025-11-21&q=co&sort=ticker.asc&tier=1%2C2&minContracted=100&cols=name%2Ccqs", { asOf: "2025-11-21" })).toBe(
      "/?asOf=2025-11-21&q=co&sort=ticker.asc&tier=1%2C2&minContracted=100&cols=name%2Ccqs",
    );
  });

  it("in the set and on the view date of the page it is on", () => {
    // the company page was moved to another date (its timeline links) and is in set Bear
    expect(screenerHref("asOf=2025-11-21&tier=1", { set: "Bear", asOf: "2026-03-31" })).toBe("/?set=Bear&asOf=2026-03-31&tier=1");
    expect(screenerHref("set=Bear&asOf=2025-11-21&tier=1", {})).toBe("/?tier=1");
  });

  it("without a stored view, or with a broken one, the set and date alone (as before), and what still parses", () => {
    expect(screenerHref(null, { asOf: "2025-11-21" })).toBe("/?asOf=2025-11-21");
    expect(screenerHref(null, {})).toBe("/");
    expect(screenerHref("tier=1&sort=nope&bogus=1", {})).toBe("/?tier=1");
  });
});
