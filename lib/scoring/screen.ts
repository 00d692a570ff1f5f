// Methodology §5 ranking and §8 sensitivity: rank every company, or re-score across one assumption.
import type { Assumptions, NumericAssumptionKey } from "./assumptions";
import { scoreCompanyImpl } from "./score";
import type { CompanyScore, ScoringCompany, ScreenRow, Tier, ViewContext } from "./types";

/**
 * Scores every company and ranks by discount to build cost at base, descending. Negative-EV companies
 * (cash and bitcoin above market cap plus debt) are ranked apart, after the rest; companies whose
 * discount cannot be computed come last, by ticker, with the reason in `reasons.discountBase`.
 */
export function screen(companies: readonly ScoringCompany[], assumptions: Assumptions, view: ViewContext): ScreenRow[] {
  return screenImpl(companies, assumptions, view, true);
}

function screenImpl(companies: readonly ScoringCompany[], assumptions: Assumptions, view: ViewContext, explain: boolean): ScreenRow[] {
  return rankInPlace(
    companies.map((c) => {
      // The score is ours, so it becomes the row in place rather than being copied.
      const row = scoreCompanyImpl(c, assumptions, view, explain) as ScreenRow;
      row.rank = 0;
      row.rankGroup = rankGroup(row);
      return row;
    }),
  );
}

/** Ranks scores made elsewhere: the rows are copies, the scores are left as they are. */
export function rankScores(scored: CompanyScore[]): ScreenRow[] {
  return rankInPlace(scored.map((s) => ({ ...s, rank: 0, rankGroup: rankGroup(s) })));
}

const rankGroup = (s: CompanyScore): ScreenRow["rankGroup"] =>
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
    // Only numbers, tiers and ranks are kept, so the explanations are not built.
    for (const r of screenImpl(companies, { ...assumptions, [key]: value }, view, false))
      series.get(r.ticker)!.push({ value, discountBase: r.discountBase, evPerWEffectiveIt: r.evPerWEffectiveIt, tier: r.tier, rank: r.rank });
  }
  return companies.map((c) => ({ ticker: c.ticker, points: series.get(c.ticker)! }));
}
