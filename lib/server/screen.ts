// Server-side screen: load companies and the chosen assumption set, score through the library, and
// shape the result for the page and the API.
import { screen } from "../scoring/screen";
import { scoreCompany } from "../scoring/score";
import type { ScoringCompany } from "../scoring/types";
import { toScoringCompany } from "../domain/to-scoring";
import { toScreenerRow } from "../view/rows";
import type { Db } from "./db-client";
import { recordAt } from "../domain/history";
import { daysBetween, startOfPeriod } from "../scoring/dates";
import { loadCompanyDetail, loadDatasetMeta, loadScoringCompanies, type AssumptionSetInfo } from "./queries";
import { loadTimeline, viewDateFor } from "./timeline";
import { defaultSetOf, loadStoredSets } from "./stored-sets";
import { overrideAuthors, userEnteredByTicker } from "./user-entered";
import { describeUserEntered } from "../view/user-entered";
import { userEnteredAt } from "../domain/user-entered";
import type { ScreenInput } from "../view/rescore";
import { readRevision } from "./revision";

export class UnknownAssumptionSet extends Error {
  constructor(
    public readonly setName: string,
    problem?: string,
  ) {
    super(problem ? `The assumption set "${setName}" is invalid (${problem}); fix it on /assumptions` : `No assumption set named "${setName}"`);
  }
}

/** The named set, or the default one — the methodology defaults when the stored default is invalid. */
export async function chooseSet(db: Db, name?: string): Promise<{ set: AssumptionSetInfo; sets: AssumptionSetInfo[] }> {
  const stored = await loadStoredSets(db);
  if (!name) return { set: defaultSetOf(stored).set, sets: stored.sets };
  const set = stored.sets.find((s) => s.name === name);
  if (!set) throw new UnknownAssumptionSet(name, stored.invalid.find((s) => s.name === name)?.problems[0]);
  return { set, sets: stored.sets };
}

/**
 * Sites with no country count as remote (§10.4). One such site is a fact about a company, shown on its
 * page (MARA's hosted MW in an undisclosed country); a tenth of all sites means the database lacks the
 * field (a v1 database, a format-1 import) and the ranking is not comparable: the screener says so.
 */
function countryGap(companies: ScoringCompany[]) {
  const sites = companies.flatMap((c) => c.sites);
  const missing = sites.filter((x) => x.country == null).length;
  if (missing === 0 || missing < sites.length / 10) return null;
  return { sites: missing, companies: companies.filter((c) => c.sites.some((x) => x.country == null)).length };
}

/**
 * How old the prices are on the view date: the range and median over the companies that have one. A
 * price dated after the view date (the snapshot rule lets one stand for the snapshot) is counted apart.
 */
function priceAges(companies: ScoringCompany[], viewDate: string) {
  const ages: number[] = [];
  let later = 0;
  for (const c of companies) {
    const d = c.sharePriceUsd ? daysBetween(startOfPeriod(c.sharePriceUsd.asOf) ?? c.sharePriceUsd.asOf, viewDate) : null;
    if (d == null) continue;
    if (d < 0) later++;
    else ages.push(d);
  }
  ages.sort((a, b) => a - b);
  if (ages.length === 0) return later ? { min: 0, max: 0, median: 0, count: 0, later } : null;
  const mid = ages.length >> 1;
  return {
    min: ages[0],
    max: ages[ages.length - 1],
    median: ages.length % 2 ? ages[mid] : (ages[mid - 1] + ages[mid]) / 2,
    count: ages.length,
    later,
  };
}

/** Notes per ticker (companies without notes are left out). */
async function noteCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db.company.findMany({ where: { notes: { some: {} } }, select: { ticker: true, _count: { select: { notes: true } } } });
  return new Map(rows.map((r) => [r.ticker, r._count.notes]));
}

export async function loadScreen(db: Db, setName?: string, asOf?: string | null) {
  const [{ set, sets }, { timeline, viewDate, companies }, meta, authors] = await Promise.all([
    chooseSet(db, setName),
    loadScoringCompanies(db, asOf),
    loadDatasetMeta(db),
    overrideAuthors(db),
  ]);
  const scored = screen(companies, set.values, { viewDate });
  const notes = await noteCounts(db);
  // what a person entered, by ticker: the rows carry it as text, the exports' Inputs sheet per figure
  const userEntered = userEnteredByTicker(timeline, viewDate, authors);
  const rows = scored.map((s) => ({
    ...toScreenerRow(s),
    notes: notes.get(s.ticker) ?? 0,
    userEntered: (userEntered.get(s.ticker) ?? []).map(describeUserEntered),
  }));
  return {
    set,
    sets,
    meta,
    viewDate,
    scored,
    rows,
    userEntered,
    countryGap: countryGap(companies),
    dates: { snapshot: timeline.snapshot, latest: timeline.latest, today: timeline.today },
    priceAges: priceAges(companies, viewDate),
  };
}

/**
 * The scoring input of every company on the view date, for re-scoring in the page (lib/view/rescore.ts),
 * with the data revision it was read at. The revision is read before and after: a write in between would
 * label newer data with an older revision, so the read is repeated; the page compares the revision with its
 * own and asks the server when they differ.
 */
export async function loadScreenInput(db: Db, asOf?: string | null): Promise<ScreenInput> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const revision = await readRevision(db);
    const { viewDate, companies } = await loadScoringCompanies(db, asOf);
    if ((await readRevision(db)) === revision) return { revision, viewDate, companies };
  }
  throw new Error("the data changed during five reads in a row");
}

export async function loadCompanyScore(db: Db, ticker: string, setName?: string, asOf?: string | null) {
  const [{ set, sets }, company, timeline, authors] = await Promise.all([
    chooseSet(db, setName),
    loadCompanyDetail(db, ticker),
    loadTimeline(db),
    overrideAuthors(db, ticker),
  ]);
  const history = timeline.histories.find((h) => h.ticker === ticker);
  if (!company || !history) return null;
  const viewDate = viewDateFor(timeline, asOf);
  const record = recordAt(history, viewDate, timeline.snapshot);
  const input = toScoringCompany(record);
  return {
    set,
    sets,
    company,
    history,
    record,
    input,
    viewDate,
    score: scoreCompany(input, set.values, { viewDate }),
    userEntered: userEnteredAt(history, viewDate, timeline.snapshot, authors.get(ticker)),
    dates: { snapshot: timeline.snapshot, latest: timeline.latest, today: timeline.today },
  };
}
