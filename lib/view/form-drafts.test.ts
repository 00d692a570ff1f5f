// What the edit forms hand to the shared schema: typed text, read by the one number parser. "2,5" in a
// price was once read here as 25 and saved; now the schema refuses it with its message.
import { describe, expect, it } from "vitest";
import { contractSpecs, factSpecs } from "../../app/companies/[ticker]/edit/specs";
import { contractFormSchema, marketFiguresSchema } from "../domain/forms";
import { toDraft, toTyped, type Draft } from "./form-drafts";

const PRICE = factSpecs("Share price (USD)");
const price = (value: string) => {
  const draft: Draft = { ...toDraft(PRICE, { value: 17.08, asOf: "2025-11", source: "https://example.com/p" }, "p."), "p.value": value };
  return marketFiguresSchema.safeParse({ ticker: "CORZ", version: 1, facts: { sharePriceUsd: toTyped(PRICE, draft, "p.") } });
};
const priceOutcome = (value: string) => {
  const r = price(value);
  return r.success
    ? (r.data.facts as Record<string, { value: number }>).sharePriceUsd.value
    : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("a figure typed into the market form", () => {
  it.each<[string, number | string[]]>([
    ["17.08", 17.08],
    ["$1.66", 1.66],
    ["1,234.5", 1234.5],
    ["2,5", ["facts.sharePriceUsd.value: Must be a number: write 2.5 or 25 (a comma only separates thousands, as in 1,234,567)"]],
    ["1e308", ["facts.sharePriceUsd.value: Must be at most $10,000"]],
    ["4.8bn", ["facts.sharePriceUsd.value: Must be at most $10,000"]],
    ["", ["facts.sharePriceUsd.value: Must be a number"]],
    ["17,08x", ["facts.sharePriceUsd.value: Must be a number"]],
  ])("%j → %j", (text, outcome) => {
    expect(priceOutcome(text)).toEqual(outcome);
  });
});

describe("a contract typed into its form", () => {
  const specs = contractSpecs(["Denton", "Pecos"]);
  const draft = (patch: Draft): Draft => ({
    ...toDraft(specs, {
      id: "X-1",
      counterparty: "CoreWeave",
      structure: "colocation",
      itMwBasis: "critical_it",
      status: "signed",
      companyShare: 1,
      sources: [],
    }),
    ...patch,
  });
  const parse = (patch: Draft) => contractFormSchema.safeParse({ ticker: "CORZ", contract: toTyped(specs, draft(patch)) });

  it("reads 4.8bn and 1,500 exactly; a blank optional number is null", () => {
    const r = parse({ totalValueUsd: "4.8bn", itMw: "1,500", tenorYears: "" });
    expect(r.success && [r.data.contract.totalValueUsd, r.data.contract.itMw, r.data.contract.tenorYears]).toEqual([4_800_000_000, 1_500, null]);
  });

  it("an allocation's MW goes through the same parser", () => {
    const rows = (itMw: string) => ({ siteAllocations: JSON.stringify([{ site: "Denton", itMw }]), itMw: "590" });
    const ok = parse(rows("260"));
    expect(ok.success && ok.data.contract.siteAllocations).toEqual([{ site: "Denton", itMw: 260 }]);
    const bad = parse(rows("2,5"));
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path.join("."))).toEqual(["contract.siteAllocations.0.itMw"]);
  });
});
