// The one number parser, by example: what a person types → the value read, or the message shown.
import { describe, expect, it } from "vitest";
import { formatNumberIn, parseNumberInput, readNumber, unusualValue, type NumberRule } from "./number-input";

const read = (text: string) => {
  const r = readNumber(text);
  return r.ok ? r.value : r.message;
};

describe("readNumber", () => {
  it.each<[string, number]>([
    ["17.08", 17.08],
    ["  17.08 ", 17.08],
    ["1,234,567", 1_234_567],
    ["12,000.5", 12_000.5],
    ["1,234", 1_234], // a plain thousands separator, as the app writes numbers
    ["$1.66", 1.66],
    ["$ 1.66", 1.66],
    ["-$5", -5],
    ["$-5", -5],
    ["−3", -3], // the minus sign the app displays
    ["+4", 4],
    ["4.8bn", 4_800_000_000],
    ["4.8 bn", 4_800_000_000],
    ["4.8B", 4_800_000_000],
    ["$453.4M", 453_400_000],
    ["250k", 250_000],
    ["2mm", 2_000_000],
    ["1tn", 1e12],
    ["0.1k", 100],
    ["1,234bn", 1.234e12],
    ["1e6", 1_000_000],
    ["2.5E-3", 0.0025],
    ["1e308", 1e308], // a number; the figure's bounds refuse it (below)
    [".5", 0.5],
    ["5.", 5],
    ["007", 7],
    ["0", 0],
  ])("%s → %s", (text, value) => {
    expect(read(text)).toBe(value);
  });

  it("suffixes are exact (no floating-point product)", () => {
    expect(read("4.8bn")).toBe(4800000000);
    expect(read("2.01M")).toBe(2_010_000); // 2.01 × 1e6 is 2009999.9999999998
    expect(read("1.07bn")).toBe(1_070_000_000); // 1.07 × 1e9 is 1070000000.0000001
  });

  it("-0 reads as 0", () => {
    expect(Object.is(read("-0"), 0)).toBe(true);
  });

  it.each<[string, string]>([
    ["2,5", "Must be a number: write 2.5 or 25 (a comma only separates thousands, as in 1,234,567)"],
    ["1,23", "Must be a number: write 1.23 or 123 (a comma only separates thousands, as in 1,234,567)"],
    ["0,500", "Must be a number: write 0.5 or 500 (a comma only separates thousands, as in 1,234,567)"],
    ["1,2,3", "Must be a number: a comma only separates thousands (1,234,567); use a dot for decimals (2.5)"],
    ["1.234,5", "Must be a number: a comma only separates thousands (1,234,567); use a dot for decimals (2.5)"],
    ["12,34,567", "Must be a number: a comma only separates thousands (1,234,567); use a dot for decimals (2.5)"],
    ["1.234.567", "Must be a number: one dot for decimals, commas only between thousands (1,234,567.5)"],
    ["50%", "Must be a number: for 50% write 0.5"],
    ["1e309", "Must be a number of a sensible size"],
    ["", "Must be a number"],
    ["   ", "Must be a number"],
    ["abc", "Must be a number"],
    ["17,08x", "Must be a number"],
    ["Infinity", "Must be a number"],
    ["NaN", "Must be a number"],
    ["0x10", "Must be a number"],
    ["1_000", "Must be a number"],
    ["12 34", "Must be a number"],
    ["1e3k", "Must be a number"],
    ["$$5", "Must be a number"],
    ["5$", "Must be a number"],
    ["+-5", "Must be a number"],
    ["k", "Must be a number"],
    ["4.8 bananas", "Must be a number"],
    ["1".repeat(41), "Must be a number (at most 40 characters)"],
  ])("%j → %s", (text, message) => {
    expect(read(text)).toBe(message);
  });
});

const PRICE: NumberRule = { unit: "USD", min: 0.01, max: 10_000, typical: [0.1, 1_000] };
const SHARES: NumberRule = { unit: "shares", min: 0, aboveMin: true, max: 1e11 };
const MW: NumberRule = { unit: "MW", min: 0, max: 100_000, typical: [1, 10_000] };
const DAYS: NumberRule = { unit: "days", min: 0, max: 3650, integer: true };
const CHANGE: NumberRule = { unit: "USD", min: -1e12, max: 1e12, typical: [1e5, 1e11] };
const SHARE: NumberRule = { unit: "fraction", min: 0, aboveMin: true, max: 1, hint: "A share is a fraction of 1, e.g. 0.5 for half" };

describe("parseNumberInput: a figure's bounds, one wording", () => {
  const parse = (input: string | number, rule: NumberRule) => {
    const r = parseNumberInput(input, rule);
    return r.ok ? r.value : r.message;
  };
  it.each<[string | number, NumberRule, number | string]>([
    ["$1.66", PRICE, 1.66],
    ["0", PRICE, "Must be at least $0.01"],
    ["10,001", PRICE, "Must be at most $10,000"],
    ["1e308", PRICE, "Must be at most $10,000"],
    ["1e309", PRICE, "Must be at most $10,000"], // too large to be a number is over the bound too
    ["-1e309", PRICE, "Must be at least $0.01"],
    [1e308, PRICE, "Must be at most $10,000"],
    [Number.NaN, PRICE, "Must be a number"],
    [Number.POSITIVE_INFINITY, PRICE, "Must be a number"],
    ["0", SHARES, "Must be more than 0 shares"],
    ["200bn", SHARES, "Must be at most 100 billion shares"],
    ["395,092,054", SHARES, 395_092_054],
    ["$5", MW, "Must be a number of MW, without a $"],
    ["-1", MW, "Must be at least 0 MW"],
    ["7.5", DAYS, "Must be a whole number"],
    ["7", DAYS, 7],
    ["-1.5bn", CHANGE, -1_500_000_000],
    ["1.2", SHARE, "Must be at most 1. A share is a fraction of 1, e.g. 0.5 for half"],
    ["0", SHARE, "Must be more than 0. A share is a fraction of 1, e.g. 0.5 for half"],
  ])("%j against %j → %s", (input, rule, expected) => {
    expect(parse(input, rule)).toBe(expected);
  });
});

describe("unusualValue: inside the bounds, outside the usual range", () => {
  it.each<[number, NumberRule, string | null]>([
    [25_000 / 10, PRICE, "Unusual value: this figure is usually $0.10 to $1,000"], // $2,500 a share
    [14.15, PRICE, null],
    [0.5, MW, "Unusual value: this figure is usually 1 MW to 10,000 MW"], // 0.5 typed for 500 MW?
    [0, MW, null], // none is never unusual
    [470.8, MW, null],
    [-5e11, CHANGE, "Unusual value: changes are usually $100,000 to $100 billion either way"],
    [-5e8, CHANGE, null],
    [453.4, CHANGE, "Unusual value: changes are usually $100,000 to $100 billion either way"], // $453.4M typed in millions
    [7, DAYS, null], // no typical range declared
  ])("%s → %s", (value, rule, expected) => {
    expect(unusualValue(value, rule)).toBe(expected);
  });
});

describe("formatNumberIn", () => {
  it.each<[number, string, string]>([
    [0.01, "USD", "$0.01"],
    [17.5, "USD", "$17.50"],
    [10_000, "USD", "$10,000"],
    [1e12, "USD", "$1 trillion"],
    [4.8e9, "USD", "$4.8 billion"],
    [4_812_345_678, "USD", "$4,812,345,678"],
    [-1.5e9, "USD", "−$1.5 billion"],
    [1e11, "shares", "100 billion shares"],
    [100_000, "MW", "100,000 MW"],
    [12, "$/W", "$12/W"],
    [1e6, "USD per IT MW", "$1 million per IT MW"],
    [21e6, "BTC", "21 million BTC"],
    [0.75, "fraction", "0.75"],
    [3650, "days", "3,650 days"],
  ])("%s %s → %s", (value, unit, text) => {
    expect(formatNumberIn(value, unit)).toBe(text);
  });
});
