// The worked example (lib/view/worked-example.ts: methodology §13 and the /methodology page) says what the
// model computes for Core Scientific on the snapshot; fixtures.test.ts checks the same numbers by hand.
import { describe, expect, it } from "vitest";
import { snapshotCompany, SNAPSHOT_VIEW } from "../prisma/snapshot";
import { cqsScore, pct, perWatt, plain, usdCompact } from "../lib/format";
import { DEFAULT_ASSUMPTIONS } from "../lib/scoring/assumptions";
import { scoreCompany } from "../lib/scoring/score";
import { textParts, WORKED_EXAMPLE, workedExampleMarkdown } from "../lib/view/worked-example";

const text = WORKED_EXAMPLE.steps.join(" ");
const s = scoreCompany(snapshotCompany(WORKED_EXAMPLE.ticker), DEFAULT_ASSUMPTIONS, { viewDate: WORKED_EXAMPLE.viewDate });
const whole = (v: number | null) => `$${Math.round(v ?? NaN).toLocaleString("en-US")}`;

describe("the worked example", () => {
  it("is of the snapshot's view date", () => {
    expect(WORKED_EXAMPLE.viewDate).toBe(SNAPSHOT_VIEW.viewDate);
  });

  it.each([
    ["market cap", () => whole(s.marketCapUsd)],
    ["EV", () => whole(s.enterpriseValueUsd)],
    ["EV ex-bitcoin, bold", () => `**${whole(s.evUsedUsd)}**`],
    ["effective IT MW, bold", () => `**${plain(s.itMwEffective)}**`],
    ["EV per effective IT watt", () => `**${perWatt(s.evPerWEffectiveIt).replace("/W", "")}**`],
    ["discount at base", () => `**${pct(s.discountBase, 1)}**`],
    ["discount at low", () => `${pct(s.discountLow, 1)} at $11`],
    ["discount at high", () => `${pct(s.discountHigh, 1)} at $13`],
    ["CQS, one rounding", () => `= **${cqsScore(s.cqs)}**`],
    ["capex remaining", () => whole(s.capexRemainingUsd)],
    ["financing gap", () => `**$${((s.financingGapUsd ?? NaN) / 1e6).toFixed(1)}M**`],
    ["gap / market cap", () => `${pct(s.gapToMarketCap, 1)} of market cap`],
    ["tier", () => `**Tier ${s.tier}**`],
    ["EV per EH/s", () => `EV per EH/s ${usdCompact(s.evPerEhUsd)}`],
    ["contract value per MW", () => `${usdCompact(s.tcvPerContractedMwUsd)} per contracted MW`],
    ["per kW-month", () => `$${s.usdPerKwMonth?.toFixed(0)} per kW-month`],
  ])("states the model's %s", (_what, figure) => {
    expect(text).toContain(figure());
  });

  it("names the flags the model raises", () => {
    expect(s.flags).toEqual(expect.arrayContaining(["below-build-cost", "no-ig-tenant"]));
    for (const f of ["below-build-cost", "no-ig-tenant"]) expect(text).toContain(`\`${f}\``);
  });

  it("renders bold and code for the page, and the document's list", () => {
    expect(textParts("**EV per watt** = 9.32: `below-build-cost`.")).toEqual([
      { text: "EV per watt", strong: true },
      { text: " = 9.32: " },
      { text: "below-build-cost", code: true },
      { text: "." },
    ]);
    const md = workedExampleMarkdown();
    expect(md.split("\n").filter((l) => l.startsWith("- "))).toHaveLength(WORKED_EXAMPLE.steps.length);
    expect(md.split("\n").every((l) => l.length <= 105)).toBe(true);
    expect(md.replace(/\n {2}/g, " ").replace(/^- /gm, "")).toBe(WORKED_EXAMPLE.steps.join("\n"));
  });
});
