// The bounds of each kind of number the data holds, declared once. The company figures take theirs in
// lib/domain/facts.ts, the other records' numbers in lib/domain/schemas.ts, and the forms ask the schema
// (lib/number-schema.ts), so a bound changed here changes the form, the server and the imports alike.
// Hard bounds are generous (nothing real is refused); the typical ranges catch the usual slips — a
// figure typed in millions ($453.4 for $453.4M), in GW (1.4 for 1,400 MW) or in $/W (10 for $10M per MW).
import type { NumberRule } from "../number-input";

const TRILLION = 1e12;

/** A share price: a cent to $10,000. */
export const PRICE_USD: NumberRule = { unit: "USD", min: 0.01, max: 10_000, typical: [0.1, 1_000] };
/** Shares outstanding: up to 100 billion. */
export const SHARE_COUNT: NumberRule = { unit: "shares", min: 0, aboveMin: true, max: 1e11, typical: [1e6, 1e10] };
/** A balance-sheet or contract amount in dollars: up to $1 trillion. */
export const USD_AMOUNT: NumberRule = { unit: "USD", min: 0, max: TRILLION, typical: [1e5, 1e11] };
/** Bitcoin held: at most the 21 million there will ever be. */
export const BTC_AMOUNT: NumberRule = { unit: "BTC", min: 0, max: 21e6, typical: [0, 1e6] };
export const HASHRATE_EHS: NumberRule = { unit: "EH/s", min: 0, max: 10_000, typical: [0, 300] };
/** Power or IT capacity: up to 100 GW. */
export const MW_AMOUNT: NumberRule = { unit: "MW", min: 0, max: 100_000, typical: [1, 10_000] };
export const MW_POSITIVE: NumberRule = { ...MW_AMOUNT, aboveMin: true };
/** Company-stated capex per IT MW: $1M–$50M brackets every build cost on record (decision 0010). */
export const USD_PER_IT_MW: NumberRule = {
  unit: "USD per IT MW",
  min: 1e6,
  max: 5e7,
  typical: [4e6, 2.5e7],
  hint: "Enter USD per IT MW, e.g. 10M for $10M per MW ($10/W)",
};
export const TENOR_YEARS: NumberRule = { unit: "years", min: 0, aboveMin: true, max: 99, typical: [1, 30] };
export const FRACTION: NumberRule = { unit: "fraction", min: 0, max: 1 };
/** An ownership share (§10.6): more than nothing, at most all of it. */
export const OWNERSHIP_SHARE: NumberRule = {
  unit: "fraction",
  min: 0,
  aboveMin: true,
  max: 1,
  hint: "A share is a fraction of 1, e.g. 0.5 for half",
};

// Changes (balance-sheet events): either sign, the same sizes as the figures they move.
export const USD_CHANGE: NumberRule = { ...USD_AMOUNT, min: -TRILLION };
export const SHARE_CHANGE: NumberRule = { unit: "shares", min: -1e11, max: 1e11, typical: [1e3, 1e10] };
export const BTC_CHANGE: NumberRule = { unit: "BTC", min: -21e6, max: 21e6, typical: [0, 1e6] };
