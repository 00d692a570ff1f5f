// A company over time, and the company as of one view date. Pure: the database rows (lib/server/rows.ts)
// and tests build a CompanyHistory; recordAt() gives the CompanyRecord the model scores on that date.
//
// The rules (docs/decisions/0016-figures-over-time.md):
// - A figure is a series of dated points. On a view date it is the point in force with the latest
//   in-force date (ties: the later as-of, then the exact day over a month, then the later recorded).
// - A point is in force from the end of its as-of period (a "2026-02" price from 2026-02-28: never
//   before it could be known), except the snapshot's own points — the dataset's and its corrections' —
//   which stand for the snapshot date: the dataset rule lets a figure dated up to 2025-12-31 stand for
//   2025-11-21 when nothing earlier was found. Any later-dated point supersedes them from its date.
// - A contract counts from its signed date (one from a later event, from the event's date); a site
//   takes each dated change (stage, gross MW, IT MW) from the change's date on.
// - Balance-sheet events are all passed on: the model rolls them forward to the view date (§10.1).
import { endOfPeriod } from "../scoring/dates";
import type { AssumptionOverrides } from "../scoring/assumptions";
import { FACT_KEYS, type FactKey } from "./facts";
import type { BalanceSheetEventInput, ContractInput, SiteChangeInput, SiteInput } from "./schemas";
import type { CompanyRecord, FactValue } from "./to-scoring";

export const FACT_ORIGINS = ["dataset", "correction", "update", "user"] as const;
export type FactOrigin = (typeof FACT_ORIGINS)[number];

export interface FactPoint {
  key: FactKey;
  value: FactValue;
  origin: FactOrigin;
  /** a point of the loaded snapshot (the dataset's or a correction's, or a correction of one): stands for its date */
  snapshot: boolean;
  /** when it was recorded (ISO timestamp); null for the dataset's own points */
  recordedAt: string | null;
  /** who recorded it: the signed-in user, or null (the dataset, or the local user when no sign-in is set up) */
  recordedBy?: string | null;
}

export interface DatedContract {
  contract: ContractInput;
  /** the date it counts from (its signed date, or the event's date); null = always */
  countsFrom: string | null;
  /** the later event it comes from, when it is not (yet) a contract of its own */
  fromEvent: boolean;
}

export interface CompanyHistory {
  ticker: string;
  name: string;
  points: FactPoint[];
  sites: SiteInput[];
  siteChanges: SiteChangeInput[];
  contracts: DatedContract[];
  balanceSheetEvents: BalanceSheetEventInput[];
  overrides?: AssumptionOverrides | null;
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` → its last day; a malformed date never counts (far future). */
const dayOf = (date: string) => endOfPeriod(date) ?? "9999-12-31";

/** The first day a point is in force. */
export function inForceFrom(p: Pick<FactPoint, "snapshot" | "value">, snapshot: string): string {
  return p.snapshot ? snapshot : dayOf(p.value.asOf);
}

const later = (a: FactPoint, b: FactPoint, snapshot: string) => {
  const fa = inForceFrom(a, snapshot),
    fb = inForceFrom(b, snapshot);
  if (fa !== fb) return fa > fb;
  const da = dayOf(a.value.asOf),
    db = dayOf(b.value.asOf);
  if (da !== db) return da > db;
  // "2026-02-28" is more exact than "2026-02", which counts on the same day
  if (a.value.asOf.length !== b.value.asOf.length) return a.value.asOf.length > b.value.asOf.length;
  return (a.recordedAt ?? "") > (b.recordedAt ?? "");
};

/** Each figure's point in force on the view date (absent keys: no point yet). */
export function pointsAt(points: FactPoint[], viewDate: string, snapshot: string): Map<FactKey, FactPoint> {
  const out = new Map<FactKey, FactPoint>();
  for (const p of points) {
    if (inForceFrom(p, snapshot) > viewDate) continue;
    const current = out.get(p.key);
    if (!current || later(p, current, snapshot)) out.set(p.key, p);
  }
  return out;
}

/** The latest point of each figure whatever its date: what the edit form shows and changes. */
export function latestPoints(points: FactPoint[], snapshot: string): Map<FactKey, FactPoint> {
  return pointsAt(points, "9999-12-31", snapshot);
}

/** A site with the dated changes up to the view date applied, oldest first. */
function siteAt(site: SiteInput, changes: SiteChangeInput[], viewDate: string): SiteInput {
  const mine = changes.filter((c) => c.site === site.name && dayOf(c.date) <= viewDate).sort((x, y) => (dayOf(x.date) < dayOf(y.date) ? -1 : 1));
  let s = site;
  for (const c of mine) {
    const fact = (value: number) => ({ value, asOf: c.date, source: c.source, note: c.note ?? null });
    s = {
      ...s,
      ...(c.stage != null ? { stage: c.stage } : {}),
      ...(c.grossMw != null ? { grossMw: fact(c.grossMw) } : {}),
      ...(c.itMw != null ? { itMw: fact(c.itMw) } : {}),
    };
  }
  return s;
}

/** The contracts that count on the view date, each with where it comes from. */
export function contractsAt(h: CompanyHistory, viewDate: string): DatedContract[] {
  return h.contracts.filter((k) => k.countsFrom == null || dayOf(k.countsFrom) <= viewDate);
}

/** The company as the model sees it on the view date (YYYY-MM-DD, on or after the snapshot). */
export function recordAt(h: CompanyHistory, viewDate: string, snapshot: string): CompanyRecord {
  const points = pointsAt(h.points, viewDate, snapshot);
  return {
    ticker: h.ticker,
    name: h.name,
    figures: Object.fromEntries(FACT_KEYS.map((k) => [k, points.get(k)?.value ?? null])),
    sites: h.sites.map((s) => siteAt(s, h.siteChanges, viewDate)),
    contracts: contractsAt(h, viewDate).map((k) => k.contract),
    balanceSheetEvents: h.balanceSheetEvents,
    overrides: h.overrides ?? null,
  };
}

/**
 * Every day after the snapshot on which something the model reads takes effect for this company: a
 * point coming into force, a site change, a contract starting to count, a balance-sheet event. Sorted,
 * without duplicates; the view between two of them does not change.
 */
export function changeDates(h: CompanyHistory, snapshot: string): string[] {
  const days = new Set<string>();
  for (const p of h.points) days.add(inForceFrom(p, snapshot));
  for (const c of h.siteChanges) days.add(dayOf(c.date));
  for (const k of h.contracts) if (k.countsFrom) days.add(dayOf(k.countsFrom));
  for (const e of h.balanceSheetEvents) days.add(dayOf(e.date));
  return [...days].filter((d) => d > snapshot && d !== "9999-12-31").sort();
}

/** The latest day any company's data reaches, not after `today` and never before the snapshot. */
export function latestDataDate(histories: CompanyHistory[], snapshot: string, today: string): string {
  let latest = snapshot;
  for (const h of histories) for (const d of changeDates(h, snapshot)) if (d > latest && d <= today) latest = d;
  return latest;
}
