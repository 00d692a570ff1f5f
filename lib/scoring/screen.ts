// Methodology §5 ranking and §8 sensitivity: rank every company, or re-score across one assumption.
import type { Assumptions, NumericAssumptionKey } from "./assumptions";
import { scoreCompanyImpl } from "./score";
import type { CompanyScore, ScoringCompany, ScreenRow, Tier } from "./types";


/**
 * Scores every company and ranks by discount to build cost at base, descending. Negative-EV companies
 * (cash and bitcoin above market cap plus debt) are ranked apart, after the rest; companies whose
 * discount cannot be computed come last, by ticker, with the reason in `reasons.discountBase`.
 */
export function screen(companies: readonly ScoringCompany[], assumptions: Assumptions): ScreenRow[] {
  return screenImpl(companies, assumptions, true);
}

function screenImpl(companies: readonly ScoringCompany[], assumptions: Assumptions, explain: boolean): ScreenRow[] {
  const rows = new Array<ScreenRow>(companies.length);
  for (let i = 0; i < companies.length; i++) {
    // The score is ours, so it becomes the row in place (same keys, in the same order, as a copy would have).
    const row = scoreCompanyImpl(companies[i], assumptions, explain) as ScreenRow;
    row.rank = 0;
    row.rankGroup = rankGroup(row);
    rows[i] = row;
  }
  return rankInPlace(rows);
}

/** Ranks scores made elsewhere: the rows are copies, the scores are left as they are. */
export function rankScores(scored: CompanyScore[]): ScreenRow[] {
  return rankInPlace(scored.map((s) => ({ ...s, rank: 0, rankGroup: rankGroup(s) })));
}

const rankGroup = (s: CompanyScore): ScreenRow["rankGroup"] =>
  s.discountBase == null ? "unranked" : s.evUsedUsd != null && s.evUsedUsd < 0 ? "negative-ev" : "ranked";
const GROUP_ORDER = { ranked: 0, "negative-ev": 1, unranked: 2 } as const;

/** `localeCompare` with the default locale, made once (the same comparison, without a lookup per call). */
let collator: Intl.Collator | undefined;
let plainIsCodeUnitOrder = false;
const PLAIN_TICKER = /^[A-Z0-9]+$/;

function defaultCollator(): Intl.Collator {
  if (!collator) {
    collator = new Intl.Collator();
    // English (and root) collation orders capitals and digits as their code units do: digits first, then
    // A–Z, a prefix before longer strings. Some locales do not (Danish "AA", Lithuanian "Y"), so only here.
    plainIsCodeUnitOrder = /^en(-|$)/.test(collator.resolvedOptions().locale);
  }
  return collator;
}

/** Group, then discount descending (not within "unranked"), then ticker; stable, ranks from 1. */
function rankInPlace(rows: ScreenRow[]): ScreenRow[] {
  const n = rows.length;
  const coll = defaultCollator();
  const group = new Uint8Array(n);
  const disc = new Float64Array(n);
  const plain = new Uint8Array(n);
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    group[i] = GROUP_ORDER[r.rankGroup];
    disc[i] = group[i] === 2 ? 0 : (r.discountBase as number);
    plain[i] = plainIsCodeUnitOrder && PLAIN_TICKER.test(r.ticker) ? 1 : 0;
    order[i] = i;
  }
  order.sort((i, j) => {
    if (group[i] !== group[j]) return group[i] - group[j];
    const d = disc[j] - disc[i];
    if (d) return d;
    const x = rows[i].ticker, y = rows[j].ticker;
    if (plain[i] & plain[j]) return x < y ? -1 : x > y ? 1 : 0;
    return coll.compare(x, y);
  });
  const out = new Array<ScreenRow>(n);
  for (let k = 0; k < n; k++) {
    const r = rows[order[k]];
    r.rank = k + 1;
    out[k] = r;
  }
  return out;
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
    // Only numbers, tiers and ranks are kept, so the explanations are not built.
    const rows = screenImpl(companies, { ...assumptions, [key]: value }, false);
    for (const r of rows)
      series.get(r.ticker)!.push({ value, discountBase: r.discountBase, evPerWEffectiveIt: r.evPerWEffectiveIt, tier: r.tier, rank: r.rank });
  }
  return companies.map((c) => ({ ticker: c.ticker, points: series.get(c.ticker)! }));
}
