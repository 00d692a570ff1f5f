// Every company's history and the dates it can be viewed on. The screen, the company pages, the API and
// the CLI pick their view date here, so they cannot disagree on what "as of" means.
import { latestDataDate, recordAt, type CompanyHistory } from "../domain/history";
import { toScoringCompany } from "../domain/to-scoring";
import type { ScoringCompany } from "../scoring/types";
import type { Db } from "./db-client";
import { readRevision } from "./revision";
import { HISTORY_INCLUDE, historyOf } from "./rows";

/** The first snapshot's date when a database has no dataset row yet. */
export const FALLBACK_SNAPSHOT = "2025-11-21";

export class ViewDateError extends Error {}

export interface Timeline {
  /** the loaded dataset's snapshot: the earliest date the data can be viewed on */
  snapshot: string;
  /** the latest date the data supports (not after today): the default view date */
  latest: string;
  today: string;
  histories: CompanyHistory[];
}

export const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * Every company's history. Read once per data revision (decision 0020) and kept for the next callers on the
 * same client: at 10,000 companies the read takes seconds, and the history only changes when someone
 * writes. The revision is read first, so what is kept is never older than the revision it is kept under.
 * Inside a transaction (a client without $transaction) it is always read: uncommitted rows must not be kept.
 * What is returned is shared: it is not changed in place (as for the scoring inputs, lib/scoring/cache.ts).
 */
export async function loadTimeline(db: Db, today = todayIso()): Promise<Timeline> {
  if (typeof (db as { $transaction?: unknown }).$transaction !== "function") return readTimeline(db, today);
  let revision: number;
  try {
    revision = await readRevision(db);
  } catch {
    return readTimeline(db, today); // a database before the revision's migration: db:prepare brings it up
  }
  const key = `${revision} ${today}`;
  const hit = kept.get(db);
  if (hit?.key === key) return hit.timeline;
  const timeline = readTimeline(db, today);
  kept.set(db, { key, timeline });
  timeline.catch(() => {
    if (kept.get(db)?.timeline === timeline) kept.delete(db);
  });
  return timeline;
}

const kept = new WeakMap<object, { key: string; timeline: Promise<Timeline> }>();

async function readTimeline(db: Db, today: string): Promise<Timeline> {
  const [meta, rows] = await Promise.all([
    db.datasetMeta.findUnique({ where: { id: 1 }, select: { snapshot: true } }),
    db.company.findMany({ include: HISTORY_INCLUDE, orderBy: { ticker: "asc" } }),
  ]);
  const snapshot = meta?.snapshot ?? FALLBACK_SNAPSHOT;
  const histories = rows.map(historyOf);
  return { snapshot, latest: latestDataDate(histories, snapshot, today), today, histories };
}

/**
 * The view date for a requested `asOf` (already a valid YYYY-MM-DD, lib/view/params.ts): the latest date
 * the data supports when none is asked for; a date before the snapshot or after today is refused.
 */
export function viewDateFor(t: Pick<Timeline, "snapshot" | "latest" | "today">, asOf?: string | null): string {
  if (!asOf) return t.latest;
  if (asOf < t.snapshot) throw new ViewDateError(`The data starts at the snapshot of ${t.snapshot}; pick a date on or after it`);
  if (asOf > t.today) throw new ViewDateError(`${asOf} is in the future; pick a date up to today (${t.today})`);
  return asOf;
}

/** Every company as scoring input on the view date. */
export function scoringCompaniesAt(t: Timeline, viewDate: string): ScoringCompany[] {
  return t.histories.map((h) => toScoringCompany(recordAt(h, viewDate, t.snapshot)));
}
