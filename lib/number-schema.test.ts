// The schema knows each number's rule, so the forms ask it which values are unusual and in what unit.
import { describe, expect, it } from "vitest";
import { assumptionSetCreateSchema, contractFormSchema, marketFiguresSchema } from "./domain/forms";
import { numberRuleAt, unusualValues } from "./number-schema";
import { DEFAULT_ASSUMPTIONS } from "./scoring/assumptions";

const fact = (value: number) => ({ value, asOf: "2025-11", source: "https://example.com/x" });
const market = (facts: Record<string, unknown>) => marketFiguresSchema.parse({ ticker: "CORZ", version: 1, facts });

describe("unusualValues", () => {
  it("finds a price of $2,500 and cash typed in millions, by the paths the field errors use", () => {
    const data = market({ sharePriceUsd: fact(2_500), cashUsd: fact(453.4), totalDebtUsd: fact(1_200_000_000) });
    expect(unusualValues(marketFiguresSchema, data)).toEqual([
      { path: "facts.sharePriceUsd.value", value: 2_500, unit: "USD", message: "Unusual value: this figure is usually $0.10 to $1,000" },
      { path: "facts.cashUsd.value", value: 453.4, unit: "USD", message: "Unusual value: this figure is usually $100,000 to $100 billion" },
    ]);
  });

  it("asks only about values that differ from what the form loaded", () => {
    const loaded = market({ sharePriceUsd: fact(2_500), cashUsd: fact(453.4) });
    const now = market({ sharePriceUsd: fact(2_500), cashUsd: fact(453.5) });
    expect(unusualValues(marketFiguresSchema, now, loaded).map((u) => u.path)).toEqual(["facts.cashUsd.value"]);
  });

  it("reaches into lists and optional fields: a contract's allocation and tenor, an assumption", () => {
    const contract = contractFormSchema.parse({
      ticker: "CORZ",
      contract: {
        id: "X",
        counterparty: "Y",
        structure: "colocation",
        itMwBasis: "critical_it",
        status: "signed",
        sources: [],
        itMw: 600,
        tenorYears: 80,
        siteAllocations: [{ site: "Denton", itMw: 0.5 }],
      },
    });
    expect(unusualValues(contractFormSchema, contract).map((u) => u.path)).toEqual(["contract.tenorYears", "contract.siteAllocations.0.itMw"]);
    const set = assumptionSetCreateSchema.parse({ name: "Odd", values: { ...DEFAULT_ASSUMPTIONS, btcPriceUsd: 1_000_000 } });
    expect(unusualValues(assumptionSetCreateSchema, set)).toEqual([
      { path: "values.btcPriceUsd", value: 1_000_000, unit: "USD", message: "Unusual value: this figure is usually $10,000 to $500,000" },
    ]);
  });
});

describe("numberRuleAt", () => {
  it("gives the rule of a number's path, and nothing for other paths", () => {
    expect(numberRuleAt(marketFiguresSchema, ["facts", "sharesOutstanding", "value"])?.unit).toBe("shares");
    expect(numberRuleAt(contractFormSchema, ["contract", "siteAllocations", 0, "itMw"])?.unit).toBe("MW");
    expect(numberRuleAt(marketFiguresSchema, ["facts", "cashUsd", "asOf"])).toBeUndefined();
  });
});
