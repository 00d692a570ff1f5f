// Methodology §5 ranking and §8 sensitivity: rank every company, or re-score across one assumption.
import type { Assumptions, NumericAssumptionKey } from "./assumptions";
import { scoreCompany, scoreNumbers, tierWords } from "./score";
import type { ExplainedRow, ScoreNumbers, ScoringCompany, ScreenRow, Tier, ViewContext } from "./types";

/**
 * Scores every company and ranks by discount to build cost at base, descending. Negative-EV companies
 * (cash and bitcoin above market cap plus debt) are ranked apart, after the rest; companies whose
 * discount cannot be computed come last, by ticker, with the reason in `reasons.discountBase`.
 * The rows carry the numbers; `explainRow(row)` puts one in words where a page shows it.
 */
export function screen(companies: readonly ScoringCompany[], assumptions: Assumptions, view: ViewContext): ScreenRow[] {
  return rankInPlace(
    companies.map((company) => {
      const row = rowOf(company, assumptions, view);
      scoredFrom.set(row, { company, assumptions, view });
      return row;
    }),
  );
}

/** What each row of a screen was scored from, so that it can be put in words later (once). */
const scoredFrom = new WeakMap<ScreenRow, { company: ScoringCompany; assumptions: Assumptions; view: ViewContext; explained?: ExplainedRow }>();

/**
 * A row of `screen()` with its explanation (the rules' lines, the why, adjustments, warnings, inputs):
 * the same company scored again with the explanation on, on the first call, and kept with the row.
 */
export function explainRow(row: ScreenRow): ExplainedRow {
  const from = scoredFrom.get(row);
  if (!from) throw new Error(`explainRow: the row of ${row.ticker} was not made by screen()`);
  return (from.explained ??= { ...scoreCompany(from.company, from.assumptions, from.view), rank: row.rank, rankGroup: row.rankGroup });
}

/**
 * A row's tier line (its why) without the rest of its explanation: what the screener's table shows for
 * every row, so at thousands of rows it must not cost a second scoring. The same words as explainRow's.
 */
export function whyOf(row: ScreenRow): string {
  const from = scoredFrom.get(row);
  if (!from) throw new Error(`whyOf: the row of ${row.ticker} was not made by screen()`);
  return from.explained?.why ?? tierWords(row, row.rules, from.company).why;
}

/** The company a row was scored from (its inputs, with their sources and dates). */
export function companyOf(row: ScreenRow): ScoringCompany {
  const from = scoredFrom.get(row);
  if (!from) throw new Error(`companyOf: the row of ${row.ticker} was not made by screen()`);
  return from.company;
}

/** The score is ours, so it becomes the row in place rather than being copied. */
function rowOf(company: ScoringCompany, assumptions: Assumptions, view: ViewContext): ScreenRow {
  const row = scoreNumbers(company, assumptions, view) as ScreenRow;
  row.rank = 0;
  row.rankGroup = rankGroup(row);
  return row;
}

const rankGroup = (s: ScoreNumbers): ScreenRow["rankGroup"] =>
  s.discountBase == null ? "unranked" : s.evUsedUsd != null && s.evUsedUsd < 0 ? "negative-ev" : "ranked";
const GROUP_ORDER = { ranked: 0, "negative-ev": 1, unranked: 2 } as const;

/** Tickers in code-unit order (A–Z, digits first): the same on every machine, whatever its locale. */
const byTicker = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Group, then discount descending (not within "unranked"), then ticker; ranks from 1. */
function rankInPlace(rows: ScreenRow[]): ScreenRow[] {
  rows.sort((x, y) => {
    const g = GROUP_ORDER[x.rankGroup] - GROUP_ORDER[y.rankGroup];
    if (g) return g;
    const d = x.rankGroup === "unranked" ? 0 : y.discountBase! - x.discountBase!;
    return d || byTicker(x.ticker, y.ticker);
  });
  rows.forEach((r, k) => (r.rank = k + 1));
  return rows;
}

export interface SweepPoint {
  value: number;
  discountBase: number | null;
  evPerWEffectiveIt: number | null;
  tier: Tier;
  rank: number;
}

export interface SweepSeries {
  ticker: string;
  points: SweepPoint[];
}

/** Each company's discount, EV/W, tier and rank across the given values of one numeric assumption. */
export function sweep(
  companies: readonly ScoringCompany[],
  assumptions: Assumptions,
  view: ViewContext,
  key: NumericAssumptionKey,
  values: readonly number[],
): SweepSeries[] {
  const series = new Map<string, SweepPoint[]>(companies.map((c) => [c.ticker, []]));
  for (const value of values) {
    const at = { ...assumptions, [key]: value };
    for (const r of rankInPlace(companies.map((c) => rowOf(c, at, view))))
      series.get(r.ticker)!.push({ value, discountBase: r.discountBase, evPerWEffectiveIt: r.evPerWEffectiveIt, tier: r.tier, rank: r.rank });
  }
  return companies.map((c) => ({ ticker: c.ticker, points: series.get(c.ticker)! }));
}
