import { describe, expect, it } from "vitest";
import { snapshotCompanies, SNAPSHOT_VIEW } from "../../prisma/snapshot";
import { assumptionSetCreateSchema } from "../domain/forms";
import { ASSUMPTION_KEYS, assumptionsSchema, DEFAULT_ASSUMPTIONS } from "../scoring/assumptions";
import { screen } from "../scoring/screen";
import {
  assumptionGroups,
  compareScreens,
  diffKeys,
  formatAssumption,
  fromForm,
  mergeFieldErrors,
  ppDelta,
  rankMove,
  sameValue,
  summarizeChanges,
  toFieldErrors,
  toForm,
  withDefaults,
} from "./assumption-diff";

const companies = snapshotCompanies();

describe("assumption form", () => {
  it("round-trips the defaults through the form text", () => {
    const form = toForm("Base", DEFAULT_ASSUMPTIONS);
    expect(form.text.btcPriceUsd).toBe("84000");
    expect(form.text.tier2MinContractValueUsd).toBe("1000000000");
    expect(assumptionsSchema.parse(fromForm(form))).toEqual(DEFAULT_ASSUMPTIONS);
  });

  it("reads a country list typed with commas or spaces, in capitals, and names a wrong code", () => {
    const form = toForm("X", DEFAULT_ASSUMPTIONS);
    expect(form.text.aiReadyCountries).toBe("US, CA, NO, SE, FI, IS, DK, GB, IE, DE, FR, NL, ES, PT, AU, JP, SG, AE");
    form.text.aiReadyCountries = "us, ca no;XX";
    const values = fromForm(form);
    expect(values.aiReadyCountries).toEqual(["US", "CA", "NO", "XX"]);
    const r = assumptionSetCreateSchema.safeParse({ name: "X", values });
    expect(r.success).toBe(false);
    if (!r.success) expect(toFieldErrors(r.error).fieldErrors["values.aiReadyCountries.3"][0]).toMatch(/Not an ISO 3166 country code/);
  });

  it("keeps both yes/no values", () => {
    const form = toForm("X", { ...DEFAULT_ASSUMPTIONS, usePublishedEvFallback: false });
    expect(form.flags).toEqual({ subtractBitcoin: true, usePublishedEvFallback: false });
    expect(fromForm(form).usePublishedEvFallback).toBe(false);
  });

  it("keeps a blank field blank, so the schema says it is not a number", () => {
    const form = toForm("X", DEFAULT_ASSUMPTIONS);
    form.text.weightS1 = "  ";
    const values = fromForm(form);
    expect(values.weightS1).toBe("  ");
    const r = assumptionSetCreateSchema.safeParse({ name: "X", values });
    expect(r.success).toBe(false);
    if (!r.success) expect(toFieldErrors(r.error).fieldErrors["values.weightS1"]).toEqual(["Must be a number"]);
  });

  it("reads numbers with the one parser: 90,000 and $90k are 90000, 2,5 and 1e308 are refused with its messages", () => {
    const form = toForm("X", DEFAULT_ASSUMPTIONS);
    const messages = (key: "btcPriceUsd" | "weightS4", text: string) => {
      form.text[key] = text;
      const r = assumptionSetCreateSchema.safeParse({ name: "X", values: fromForm(form) });
      form.text[key] = String(DEFAULT_ASSUMPTIONS[key]);
      return r.success ? r.data.values[key] : toFieldErrors(r.error).fieldErrors[`values.${key}`];
    };
    expect(messages("btcPriceUsd", "90,000")).toBe(90_000);
    expect(messages("btcPriceUsd", "$90k")).toBe(90_000);
    expect(messages("weightS4", "0,5")).toEqual(["Must be a number: write 0.5 or 5 (a comma only separates thousands, as in 1,234,567)"]);
    expect(messages("btcPriceUsd", "1e308")).toEqual(["Must be at most $10 million"]);
  });

  it("reports cross-field rules under the field the schema names, keyed like the server", () => {
    const form = toForm("", DEFAULT_ASSUMPTIONS);
    form.text.buildCostBaseUsdPerW = "14";
    form.text.cqsWeightGpu = "0.3";
    const r = assumptionSetCreateSchema.safeParse({ name: form.name, values: fromForm(form) });
    expect(r.success).toBe(false);
    if (r.success) return;
    const { fieldErrors, formErrors } = toFieldErrors(r.error);
    expect(formErrors).toEqual([]);
    expect(fieldErrors.name[0]).toBe("Required");
    expect(fieldErrors["values.buildCostHighUsdPerW"]).toEqual(["High must be ≥ base"]);
    expect(fieldErrors["values.cqsWeightTenor"][0]).toMatch(/add up to 1 \(now 1\.10\)/);
  });

  it("reports unknown keys as a form error", () => {
    const r = assumptionSetCreateSchema.safeParse({ name: "A", values: DEFAULT_ASSUMPTIONS, extra: 1 });
    expect(r.success).toBe(false);
    if (!r.success) expect(toFieldErrors(r.error).formErrors[0]).toContain("extra");
  });

  it("merges client and server messages once each", () => {
    expect(mergeFieldErrors({ name: ["Required"] }, { name: ["Required", "Taken"], x: ["Bad"] })).toEqual({
      name: ["Required", "Taken"],
      x: ["Bad"],
    });
  });

  it("fills keys a stored set lacks from the defaults", () => {
    expect(withDefaults({ btcPriceUsd: 1 })).toEqual({ ...DEFAULT_ASSUMPTIONS, btcPriceUsd: 1 });
    expect(withDefaults(null)).toEqual(DEFAULT_ASSUMPTIONS);
  });

  it("groups every key exactly once", () => {
    const keys = assumptionGroups().flatMap((g) => g.keys);
    expect(keys.sort()).toEqual([...ASSUMPTION_KEYS].sort());
  });
});

describe("differences between sets", () => {
  it("finds changed keys, ignoring rounding noise", () => {
    expect(sameValue(0.1 + 0.2, 0.3)).toBe(true);
    expect(diffKeys(DEFAULT_ASSUMPTIONS, { ...DEFAULT_ASSUMPTIONS, weightS4: 0.5 + 1e-15 })).toEqual([]);
    expect(diffKeys(DEFAULT_ASSUMPTIONS, { ...DEFAULT_ASSUMPTIONS, subtractBitcoin: false, btcPriceUsd: 90_000 })).toEqual([
      "btcPriceUsd",
      "subtractBitcoin",
    ]);
    expect(diffKeys(DEFAULT_ASSUMPTIONS, { ...DEFAULT_ASSUMPTIONS, aiReadyCountries: [...DEFAULT_ASSUMPTIONS.aiReadyCountries] })).toEqual([]);
    expect(diffKeys(DEFAULT_ASSUMPTIONS, { ...DEFAULT_ASSUMPTIONS, aiReadyCountries: ["US"] })).toEqual(["aiReadyCountries"]);
  });

  it("formats values for display", () => {
    expect(formatAssumption(84_000)).toBe("84,000");
    expect(formatAssumption(0.75)).toBe("0.75");
    expect(formatAssumption(false)).toBe("no");
    expect(formatAssumption("")).toBe("(empty)");
    expect(formatAssumption(["US", "NO"])).toBe("US, NO");
    expect(formatAssumption(Number.NaN)).toBe("—");
  });

  it("rank and discount deltas read in words", () => {
    expect(rankMove(-2)).toEqual({ text: "↑ 2", label: "up 2 places" });
    expect(rankMove(1)).toEqual({ text: "↓ 1", label: "down 1 place" });
    expect(rankMove(0).text).toBe("=");
    expect(ppDelta(0.032)).toBe("+3.2 pp");
    expect(ppDelta(-0.005)).toBe("−0.5 pp");
    expect(ppDelta(null)).toBe("—");
  });
});

describe("comparing two screens", () => {
  const base = screen(companies, DEFAULT_ASSUMPTIONS, SNAPSHOT_VIEW);

  it("the same set changes nothing", () => {
    const rows = compareScreens(base, screen(companies, DEFAULT_ASSUMPTIONS, SNAPSHOT_VIEW));
    expect(rows).toHaveLength(companies.length);
    expect(summarizeChanges(rows)).toEqual({ total: companies.length, rank: 0, tier: 0, discount: 0, any: 0 });
    expect(rows.every((r) => r.rankDelta === 0 && (r.discountDelta === null || r.discountDelta === 0))).toBe(true);
  });

  it("a cheaper build cost lowers every computable discount and keeps EV", () => {
    const cheaper = { ...DEFAULT_ASSUMPTIONS, buildCostLowUsdPerW: 9, buildCostBaseUsdPerW: 10, buildCostHighUsdPerW: 11 };
    const rows = compareScreens(base, screen(companies, cheaper, SNAPSHOT_VIEW));
    const withDiscount = rows.filter((r) => r.a.discountBase != null);
    expect(withDiscount.length).toBeGreaterThan(5);
    for (const r of withDiscount) {
      expect(r.changed.discount).toBe(true);
      expect(r.discountDelta!).toBeLessThan(0);
      expect(r.changed.ev).toBe(false);
    }
    // ordered by rank under the second set
    expect(rows.map((r) => r.b.rank)).toEqual(rows.map((_, i) => i + 1));
    expect(summarizeChanges(rows).discount).toBe(withDiscount.length);
  });

  it("a stricter tier rule moves tiers and says so", () => {
    const strict = { ...DEFAULT_ASSUMPTIONS, tier1MinContractedItMw: 100_000 };
    const rows = compareScreens(base, screen(companies, strict, SNAPSHOT_VIEW));
    const moved = rows.filter((r) => r.changed.tier);
    expect(moved.length).toBeGreaterThan(0);
    for (const r of moved) {
      expect(r.a.tier).toBe(1);
      expect(r.b.tier).toBe(2);
      expect(r.changed.why).toBe(true);
      expect(r.anyChange).toBe(true);
    }
  });
});
