// Methodology §5 ranking and §8 sensitivity: rank every company, or re-score across one assumption.
import type { Assumptions, NumericAssumptionKey } from "./assumptions";
import { scoreCompany } from "./score";
import type { CompanyScore, ScoringCompany, ScreenRow, Tier } from "./types";


/**
 * Scores every company and ranks by discount to build cost at base, descending. Negative-EV companies
 * (cash and bitcoin above market cap plus debt) are ranked apart, after the rest; companies whose
 * discount cannot be computed come last, by ticker, with the reason in `reasons.discountBase`.
 */
export function screen(companies: readonly ScoringCompany[], assumptions: Assumptions): ScreenRow[] {
  const scored = companies.map((c) => scoreCompany(c, assumptions));
  return rankScores(scored);
}

export function rankScores(scored: CompanyScore[]): ScreenRow[] {
  const group = (s: CompanyScore): ScreenRow["rankGroup"] =>
    s.discountBase == null ? "unranked" : s.evUsedUsd != null && s.evUsedUsd < 0 ? "negative-ev" : "ranked";
  const order = { ranked: 0, "negative-ev": 1, unranked: 2 } as const;
  const rows = scored.map((s) => ({ ...s, rank: 0, rankGroup: group(s) }));
  rows.sort((x, y) =>
    order[x.rankGroup] - order[y.rankGroup] ||
    (x.rankGroup === "unranked" ? 0 : (y.discountBase as number) - (x.discountBase as number)) ||
    x.ticker.localeCompare(y.ticker),
  );
  rows.forEach((r, i) => (r.rank = i + 1));
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
  key: NumericAssumptionKey,
  values: readonly number[],
): SweepSeries[] {
  const series = new Map<string, SweepPoint[]>(companies.map((c) => [c.ticker, []]));
  for (const value of values) {
    const rows = screen(companies, { ...assumptions, [key]: value });
    for (const r of rows)
      series.get(r.ticker)!.push({ value, discountBase: r.discountBase, evPerWEffectiveIt: r.evPerWEffectiveIt, tier: r.tier, rank: r.rank });
  }
  return companies.map((c) => ({ ticker: c.ticker, points: series.get(c.ticker)! }));
}
