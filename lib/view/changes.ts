// What changed between two view dates, and why. Pure: histories in, numbers out.
//
// A company's change in discount from date A to date B is split into input groups by swapping one group
// at a time from A's inputs to B's, in this stated order: price, then balance sheet (the other figures of
// the EV bridge, with the balance-sheet events rolled to B), then megawatts and contracts (sites, their
// dated changes, contracts that count by B), then everything else (hashrate, published figures, guidance,
// overrides). Each part is the discount after the swap less the discount before it, so the parts add up
// to the whole change exactly; a different order can give different parts (a price matters more on a
// larger EV), which is why the order is stated.
import { changeDates, contractsAt, pointsAt, recordAt, type CompanyHistory } from "../domain/history";
import { FACTS, type FactKey } from "../domain/facts";
import type { CompanyRecord } from "../domain/to-scoring";
import { toScoringCompany } from "../domain/to-scoring";
import type { Assumptions } from "../scoring/assumptions";
import { scoreNumbers } from "../scoring/score";
import { explainRow, screen } from "../scoring/screen";
import type { CompanyScore, Tier } from "../scoring/types";
import { plain, usdCompact, usdPrice } from "../format";
import { endOfPeriod } from "../scoring/dates";

const BALANCE_SHEET: FactKey[] = [
  "sharesOutstanding",
  "totalDebtUsd",
  "cashUsd",
  "preferredEquityUsd",
  "committedFinancingUsd",
  "btcHeld",
  "btcValueUsdReported",
];

export const CHANGE_GROUPS = [
  { id: "price", label: "Price" },
  { id: "balanceSheet", label: "Balance sheet" },
  { id: "power", label: "Megawatts and contracts" },
  { id: "other", label: "Other inputs" },
] as const;
export type ChangeGroup = (typeof CHANGE_GROUPS)[number]["id"];

interface Step {
  record: CompanyRecord;
  viewDate: string;
}

/** The four swaps from A to B, in the stated order (the last step is B itself). */
function steps(a: CompanyRecord, b: CompanyRecord, dateA: string, dateB: string): Step[] {
  const withFigures = (r: CompanyRecord, from: CompanyRecord, keys: FactKey[]) => ({
    ...r,
    figures: { ...r.figures, ...Object.fromEntries(keys.map((k) => [k, from.figures[k] ?? null])) },
  });
  const price = withFigures(a, b, ["sharePriceUsd"]);
  const balanceSheet = { ...withFigures(price, b, BALANCE_SHEET), balanceSheetEvents: b.balanceSheetEvents };
  const power = { ...balanceSheet, sites: b.sites, contracts: b.contracts };
  return [
    { record: price, viewDate: dateA },
    { record: balanceSheet, viewDate: dateB },
    { record: power, viewDate: dateB },
    { record: b, viewDate: dateB },
  ];
}

const score = (s: Step, a: Assumptions) => scoreNumbers(toScoringCompany(s.record), a, { viewDate: s.viewDate });

export interface Standing {
  rank: number | null;
  tier: Tier;
  discountBase: number | null;
  evPerWEffectiveIt: number | null;
  price: number | null;
  priceAsOf: string | null;
}
export interface CompanyChange {
  ticker: string;
  name: string;
  a: Standing;
  b: Standing;
  /** B's discount less A's; null when either is not computable */
  change: number | null;
  /** each group's part of the change, in CHANGE_GROUPS order; all null unless every step's discount is computable */
  parts: Record<ChangeGroup, number | null>;
  /** B's price ÷ A's − 1, when B has a newer price than A */
  priceChange: number | null;
}

const standing = (s: CompanyScore, rank: number | null): Standing => {
  const price = s.inputs.find((i) => i.key === "sharePriceUsd");
  return {
    rank,
    tier: s.tier,
    discountBase: s.discountBase,
    evPerWEffectiveIt: s.evPerWEffectiveIt,
    price: price?.value ?? null,
    priceAsOf: price?.asOf ?? null,
  };
};

/** Every company between two view dates (A before B), with the parts of its change in discount. */
export function compareDates(histories: CompanyHistory[], snapshot: string, dateA: string, dateB: string, a: Assumptions): CompanyChange[] {
  const recordsA = histories.map((h) => recordAt(h, dateA, snapshot));
  const recordsB = histories.map((h) => recordAt(h, dateB, snapshot));
  const screenA = new Map(screen(recordsA.map(toScoringCompany), a, { viewDate: dateA }).map((r) => [r.ticker, r]));
  const screenB = new Map(screen(recordsB.map(toScoringCompany), a, { viewDate: dateB }).map((r) => [r.ticker, r]));
  return histories.map((h, i) => {
    const sa = screenA.get(h.ticker)!,
      sb = screenB.get(h.ticker)!;
    const discounts = [sa.discountBase, ...steps(recordsA[i], recordsB[i], dateA, dateB).map((s) => score(s, a).discountBase)];
    // a change that cannot be computed end to end is not split: parts of an unknown whole would mislead
    const whole = discounts.every((d) => d != null);
    const parts = Object.fromEntries(CHANGE_GROUPS.map((g, j) => [g.id, whole ? discounts[j + 1]! - discounts[j]! : null])) as Record<
      ChangeGroup,
      number | null
    >;
    const A = standing(explainRow(sa), sa.rankGroup === "ranked" ? sa.rank : null),
      B = standing(explainRow(sb), sb.rankGroup === "ranked" ? sb.rank : null);
    const newerPrice = A.price != null && B.price != null && A.priceAsOf !== B.priceAsOf;
    return {
      ticker: h.ticker,
      name: h.name,
      a: A,
      b: B,
      change: A.discountBase == null || B.discountBase == null ? null : B.discountBase - A.discountBase,
      parts,
      priceChange: newerPrice ? B.price! / A.price! - 1 : null,
    };
  });
}

/** Spearman's rank correlation of paired values (average ranks for ties); null with fewer than 3 pairs. */
export function spearman(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  if (n < 3 || ys.length !== n) return null;
  const ranks = (v: number[]) => {
    const order = v.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
    const r = new Array<number>(n);
    for (let i = 0; i < n;) {
      let j = i;
      while (j + 1 < n && order[j + 1][0] === order[i][0]) j++;
      for (let k = i; k <= j; k++) r[order[k][1]] = (i + j) / 2 + 1;
      i = j + 1;
    }
    return r;
  };
  const rx = ranks(xs),
    ry = ranks(ys);
  const mean = (n + 1) / 2;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - mean) * (ry[i] - mean);
    sxx += (rx[i] - mean) ** 2;
    syy += (ry[i] - mean) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/** Did the cheap ones go up? Starting discount against the price change, over the companies with both. */
export function discountVsPrice(rows: CompanyChange[]) {
  const pairs = rows.filter((r) => r.a.discountBase != null && r.priceChange != null);
  return {
    companies: pairs.length,
    spearman: spearman(
      pairs.map((r) => r.a.discountBase!),
      pairs.map((r) => r.priceChange!),
    ),
    pairs: pairs.map((r) => ({ ticker: r.ticker, startingDiscount: r.a.discountBase!, priceChange: r.priceChange! })),
  };
}

// ── One company over time ───────────────────────────────────────────────────────────────────────────

export interface TimelinePoint {
  date: string;
  discountBase: number | null;
  evPerWEffectiveIt: number | null;
  tier: Tier;
  reason?: string;
  /** the inputs that took effect on this date, in words */
  moved: string[];
}

const LABEL = new Map<string, string>(FACTS.map((f) => [f.key, f.label.toLowerCase()]));
const valueText = (key: FactKey, v: number | null | undefined) =>
  v == null ? "none" : key === "sharePriceUsd" ? usdPrice(v) : key.endsWith("Usd") ? usdCompact(v) : plain(v, key === "hashrateEhs" ? 1 : 0);

/** What took effect between two records of one company, in words (figures, sites, contracts, events). */
export function movedBetween(h: CompanyHistory, snapshot: string, from: string, to: string): string[] {
  const out: string[] = [];
  const p0 = pointsAt(h.points, from, snapshot),
    p1 = pointsAt(h.points, to, snapshot);
  for (const [key, p] of p1) {
    const before = p0.get(key);
    if (before && before.value.asOf === p.value.asOf && before.value.value === p.value.value) continue;
    out.push(`${LABEL.get(key) ?? key} ${valueText(key, before?.value.value)} → ${valueText(key, p.value.value)} (as of ${p.value.asOf})`);
  }
  for (const c of h.siteChanges) {
    const d = recordDay(c.date);
    if (d > from && d <= to)
      out.push(
        `${c.site}: ${[c.stage && c.stage.replace("_", " "), c.grossMw != null && `${c.grossMw} MW gross`, c.itMw != null && `${c.itMw} MW IT`].filter(Boolean).join(", ")}`,
      );
  }
  const k0 = new Set(contractsAt(h, from).map((k) => k.contract.id));
  for (const k of contractsAt(h, to))
    if (!k0.has(k.contract.id)) out.push(`contract ${k.contract.id} (${k.contract.counterparty}) counts${k.fromEvent ? " — a later event" : ""}`);
  for (const e of h.balanceSheetEvents) {
    const d = recordDay(e.date);
    if (d > from && d <= to) out.push(`${e.kind.replace(/_/g, " ")}: ${e.description}`);
  }
  return out;
}

/** The day a dated input takes effect: the end of its period, as the model reads it. */
const recordDay = (date: string) => endOfPeriod(date) ?? "9999-12-31";

/** The company on the snapshot and on every later day an input of it took effect, up to `latest`. */
export function companyTimeline(h: CompanyHistory, snapshot: string, latest: string, a: Assumptions): TimelinePoint[] {
  const dates = [snapshot, ...changeDates(h, snapshot).filter((d) => d <= latest)];
  let previous: string | null = null;
  return dates.map((date) => {
    const s = scoreNumbers(toScoringCompany(recordAt(h, date, snapshot)), a, { viewDate: date });
    const moved = previous == null ? ["the snapshot"] : movedBetween(h, snapshot, previous, date);
    previous = date;
    return { date, discountBase: s.discountBase, evPerWEffectiveIt: s.evPerWEffectiveIt, tier: s.tier, reason: s.reasons.discountBase, moved };
  });
}
