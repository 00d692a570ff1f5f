// The real snapshot (prisma/miners-2025-11.json with prisma/updates/2025-11-21-corrections.json) as scoring
// input, for tests and scripts that score the dataset without a database.
import { CORRECTIONS_FILE, DATASET_FILE, readCorrections, readDatasetFile } from "../prisma/seed";
import { loadSnapshot } from "../lib/domain/snapshot";
import { toScoringCompany } from "../lib/domain/to-scoring";
import type { ScoringCompany } from "../lib/scoring/types";

export const SNAPSHOT_VIEW = { viewDate: "2025-11-21" } as const;

export function snapshotCompanies(opts: { corrections?: boolean } = {}): ScoringCompany[] {
  const corrections = opts.corrections === false ? null : readCorrections(CORRECTIONS_FILE);
  const { records } = loadSnapshot(readDatasetFile(DATASET_FILE), corrections && { name: "corrections", rows: corrections.rows });
  return records.map(toScoringCompany);
}

export const snapshotCompany = (ticker: string, opts: { corrections?: boolean } = {}) => {
  const c = snapshotCompanies(opts).find((x) => x.ticker === ticker);
  if (!c) throw new Error(`No company ${ticker} in the snapshot`);
  return c;
};
