// Sensitivity (methodology §11): one assumption swept across a range for every company, a company's
// tornado (its discount at each end of every main assumption's range), and a two-way table. Pure: the
// page computes it in the browser from the scoring inputs, the API and the terminal on the server.
//
// A swept value replaces the set's value and nothing else: cross-field rules (low ≤ base ≤ high build
// cost, CQS weights adding up to 1) are not re-imposed inside a sweep, and a company's own override of the
// swept assumption still takes precedence (it is the company's number, not the set's).
import { ASSUMPTION_META, NUMERIC_ASSUMPTION_KEYS, type Assumptions, type NumberMeta, type NumericAssumptionKey } from "../scoring/assumptions";
import { sweep, type SweepSeries } from "../scoring/screen";
import type { ScoringCompany, ViewContext } from "../scoring/types";

export const MAX_SWEEP_POINTS = 1000;
/** Points of a sweep when no step is given: 100 intervals. */
const DEFAULT_INTERVALS = 100;
/** Columns of the table (and rows and columns of the two-way table) when no table step is given: 8 intervals. */
const DEFAULT_TABLE_INTERVALS = 8;
export const MAX_TABLE_POINTS = 21;

export const METRICS = ["discount", "rank"] as const;
export type Metric = (typeof METRICS)[number];

export interface SweepRange {
  from: number;
  to: number;
  step: number;
}

const metaOf = (key: NumericAssumptionKey): NumberMeta => ASSUMPTION_META[key];

/** Rounds away float drift (8 + 3 × 0.1 = 8.300000000000001) so values print and compare as typed. */
const clean = (x: number) => Number(x.toPrecision(12));

/** The main valuation assumptions: those that declare a sweep range (the tornado's rows). */
export const MAIN_ASSUMPTIONS = NUMERIC_ASSUMPTION_KEYS.filter((k) => metaOf(k).sweep != null);

export const isNumericAssumption = (k: string): k is NumericAssumptionKey => (NUMERIC_ASSUMPTION_KEYS as string[]).includes(k);

/** 0.08, 0.1, 0.25, 0.5, 1, 2.5, 5, … : a step a person would type. */
function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * p;
}

/** The default range of an assumption: its declared sweep range, else its bounds, else up to twice its default. */
export function defaultRange(key: NumericAssumptionKey): SweepRange {
  const m = metaOf(key);
  const [from, to] = m.sweep ?? [m.min ?? 0, m.max ?? (m.default > 0 ? m.default * 2 : (m.step ?? 1) * 100)];
  return { from, to, step: defaultStep({ from, to }, key) };
}

/** The chart's step when none is given: 100 intervals (whole numbers for a whole-number assumption). */
export function defaultStep(r: Pick<SweepRange, "from" | "to">, key: NumericAssumptionKey): number {
  const raw = (r.to - r.from) / DEFAULT_INTERVALS;
  return metaOf(key).integer ? Math.max(1, Math.round(raw)) : clean(raw);
}

export function defaultTableStep(r: Pick<SweepRange, "from" | "to">, key: NumericAssumptionKey): number {
  const s = niceStep((r.to - r.from) / DEFAULT_TABLE_INTERVALS);
  return metaOf(key).integer ? Math.max(1, Math.round(s)) : s;
}

/** The number of values from `from` to `to` by `step`, both ends included when `to` falls on a step. */
export const pointCount = (r: SweepRange) => Math.floor((r.to - r.from) / r.step + 1e-9) + 1;

export function rangeValues(r: SweepRange): number[] {
  const n = pointCount(r);
  return Array.from({ length: n }, (_, i) => clean(r.from + i * r.step));
}

/** Why a range cannot be swept for `key` (keyed by the parameter it names), or an empty object. */
export function rangeProblems(
  key: NumericAssumptionKey,
  r: SweepRange,
  maxPoints = MAX_SWEEP_POINTS,
): Partial<Record<"from" | "to" | "step", string>> {
  const m = metaOf(key);
  const out: Partial<Record<"from" | "to" | "step", string>> = {};
  if (m.min != null && r.from < m.min) out.from = `Must be ≥ ${m.min} (the lowest ${m.label} allowed)`;
  if (m.max != null && r.to > m.max) out.to = `Must be ≤ ${m.max} (the highest ${m.label} allowed)`;
  if (r.to === r.from) out.to = "The range is empty: “to” must be above “from”";
  else if (r.to < r.from) out.to = "The range is reversed: “to” must be above “from”";
  if (!(r.step > 0)) out.step = "Must be above 0";
  else if (m.integer && !Number.isInteger(r.step)) out.step = `Must be a whole number (${m.label} is in whole ${m.unit})`;
  else if (!out.to && pointCount(r) > maxPoints)
    out.step = `That is ${pointCount(r).toLocaleString("en-US")} points; at most ${maxPoints.toLocaleString("en-US")} (use a larger step)`;
  return out;
}

/** Every company's discount, EV/W, tier and rank at each value (the scoring library's sweep). */
export function sweepRange(
  companies: readonly ScoringCompany[],
  a: Assumptions,
  view: ViewContext,
  key: NumericAssumptionKey,
  r: SweepRange,
): SweepSeries[] {
  return sweep(companies, a, view, key, rangeValues(r));
}

export const metricOf = (p: { discountBase: number | null; rank: number }, metric: Metric): number | null =>
  metric === "rank" ? p.rank : p.discountBase;

export interface TornadoBar {
  key: NumericAssumptionKey;
  low: number;
  high: number;
  /** the company's discount with the assumption at the low and at the high end; null when not computable */
  atLow: number | null;
  atHigh: number | null;
  /** |atHigh − atLow|; null when either end is not computable */
  swing: number | null;
}

/**
 * A company's discount at the low and high end of each main assumption's range (the others at the set's
 * values), largest swing first; bars without a swing go last, in declaration order.
 */
export function tornado(
  companies: readonly ScoringCompany[],
  ticker: string,
  a: Assumptions,
  view: ViewContext,
): { base: number | null; bars: TornadoBar[] } {
  const company = companies.find((c) => c.ticker === ticker);
  if (!company) return { base: null, bars: [] };
  const one = [company];
  const base = sweep(one, a, view, "buildCostBaseUsdPerW", [a.buildCostBaseUsdPerW])[0].points[0].discountBase;
  const bars = MAIN_ASSUMPTIONS.map((key): TornadoBar => {
    const [low, high] = metaOf(key).sweep!;
    const [pl, ph] = sweep(one, a, view, key, [low, high])[0].points;
    const swing = pl.discountBase != null && ph.discountBase != null ? Math.abs(ph.discountBase - pl.discountBase) : null;
    return { key, low, high, atLow: pl.discountBase, atHigh: ph.discountBase, swing };
  });
  const order = (b: TornadoBar) => (b.swing == null ? -1 : b.swing);
  return {
    base,
    bars: bars
      .map((b, i) => ({ b, i }))
      .sort((x, y) => order(y.b) - order(x.b) || x.i - y.i)
      .map((x) => x.b),
  };
}

/** One company's metric on a grid: rows are values of keyY, columns values of keyX. */
export function twoWay(
  companies: readonly ScoringCompany[],
  ticker: string,
  a: Assumptions,
  view: ViewContext,
  keyX: NumericAssumptionKey,
  xs: readonly number[],
  keyY: NumericAssumptionKey,
  ys: readonly number[],
  metric: Metric,
): (number | null)[][] {
  return ys.map((y) => {
    // ranks need the whole universe; a discount needs only the company
    const universe = metric === "rank" ? companies : companies.filter((c) => c.ticker === ticker);
    const series = sweep(universe, { ...a, [keyY]: y }, view, keyX, xs).find((s) => s.ticker === ticker);
    return series ? series.points.map((p) => metricOf(p, metric)) : xs.map(() => null);
  });
}
