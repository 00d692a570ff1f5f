// The snapshot as the app loads it: the dataset's companies as records, with the snapshot's corrections
// standing in for the figures they correct (methodology §10.13). Shared by the seed, tests and scripts.
import { companyRecord, DatasetError, parseDataset } from "./dataset";
import type { DatasetInput } from "./schemas";
import type { CompanyRecord } from "./to-scoring";
import { applyCorrections, type FactUpdateFile } from "./updates";

export interface Snapshot {
  dataset: DatasetInput;
  records: CompanyRecord[];
  /** "TICKER|factKey" of every figure a correction replaced */
  corrected: Set<string>;
}

export function loadSnapshot(rawDataset: unknown, corrections?: { name: string; rows: FactUpdateFile } | null): Snapshot {
  const dataset = parseDataset(rawDataset); // throws DatasetError naming ticker and field
  const records = dataset.companies.map(companyRecord);
  const corrected = new Set<string>();
  if (corrections) {
    const { problems, applied } = applyCorrections(records, corrections.rows);
    if (problems.length) throw new DatasetError(problems.map((p) => `${corrections.name}: ${p}`));
    for (const a of applied) corrected.add(`${a.ticker}|${a.key}`);
  }
  return { dataset, records, corrected };
}
