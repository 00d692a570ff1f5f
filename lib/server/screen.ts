// Server-side screen: load companies and the chosen assumption set, score through the library, and
// shape the result for the page and the API.
import { screen } from "../scoring/screen";
import { scoreCompany } from "../scoring/score";
import type { ScoringCompany } from "../scoring/types";
import { toScoringCompany } from "../domain/to-scoring";
import { toScreenerRow } from "../view/rows";
import type { Db } from "./db-client";
import { loadCompanyDetail, loadDatasetMeta, loadScoringCompanies, viewDateOf, type AssumptionSetInfo } from "./queries";
import { companyRecordOf } from "./rows";
import { defaultSetOf, loadStoredSets } from "./stored-sets";

export class UnknownAssumptionSet extends Error {
  constructor(public readonly setName: string, problem?: string) {
    super(problem ? `The assumption set "${setName}" is invalid (${problem}); fix it on /assumptions` : `No assumption set named "${setName}"`);
  }
}

/** The named set, or the default one — the methodology defaults when the stored default is invalid. */
async function chooseSet(db: Db, name?: string): Promise<{ set: AssumptionSetInfo; sets: AssumptionSetInfo[] }> {
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

export async function loadScreen(db: Db, setName?: string) {
  const [{ set, sets }, companies, meta] = await Promise.all([chooseSet(db, setName), loadScoringCompanies(db), loadDatasetMeta(db)]);
  const viewDate = viewDateOf(meta);
  const scored = screen(companies, set.values, { viewDate });
  return { set, sets, meta, viewDate, scored, rows: scored.map(toScreenerRow), countryGap: countryGap(companies) };
}

export async function loadCompanyScore(db: Db, ticker: string, setName?: string) {
  const [{ set, sets }, company, meta] = await Promise.all([chooseSet(db, setName), loadCompanyDetail(db, ticker), loadDatasetMeta(db)]);
  if (!company) return null;
  const viewDate = viewDateOf(meta);
  const record = companyRecordOf(company);
  const input = toScoringCompany(record);
  return { set, sets, company, record, input, viewDate, score: scoreCompany(input, set.values, { viewDate }) };
}
