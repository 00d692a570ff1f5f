// Server-side screen: load companies and the chosen assumption set, score through the library, and
// shape the result for the page and the API.
import { screen } from "../scoring/screen";
import { scoreCompany } from "../scoring/score";
import { toScreenerRow } from "../view/rows";
import type { Db } from "./db-client";
import { loadAssumptionSets, loadCompanyDetail, loadDatasetMeta, loadScoringCompanies, type AssumptionSetInfo } from "./queries";
import { toScoringCompany } from "./to-scoring-input";

export class UnknownAssumptionSet extends Error {
  constructor(public readonly setName: string) {
    super(`No assumption set named "${setName}"`);
  }
}

async function chooseSet(db: Db, name?: string): Promise<{ set: AssumptionSetInfo; sets: AssumptionSetInfo[] }> {
  const sets = await loadAssumptionSets(db);
  const set = name ? sets.find((s) => s.name === name) : sets.find((s) => s.isDefault) ?? sets[0];
  if (!set) throw new UnknownAssumptionSet(name ?? "(default)");
  return { set, sets };
}

export async function loadScreen(db: Db, setName?: string) {
  const [{ set, sets }, companies, meta] = await Promise.all([chooseSet(db, setName), loadScoringCompanies(db), loadDatasetMeta(db)]);
  const scored = screen(companies, set.values);
  return { set, sets, meta, scored, rows: scored.map(toScreenerRow) };
}

export async function loadCompanyScore(db: Db, ticker: string, setName?: string) {
  const [{ set, sets }, company] = await Promise.all([chooseSet(db, setName), loadCompanyDetail(db, ticker)]);
  if (!company) return null;
  const input = toScoringCompany(company);
  return { set, sets, company, input, score: scoreCompany(input, set.values) };
}
