// The real snapshot (prisma/miners-2025-11.json with prisma/updates/2025-11-21-corrections.json) as scoring
// input, for tests and scripts that score the dataset without a database.
import { readFileSync } from "node:fs";
import path from "node:path";
import { datasetV1AsV2 } from "../lib/domain/dataset";
import type { CompanyHistory, FactPoint } from "../lib/domain/history";
import type { FactKey } from "../lib/domain/facts";
import { CORRECTIONS_FILE, DATASET_FILE, readCorrections, readDatasetFile } from "./dataset-files";
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

/**
 * The snapshot over time without a database: every figure a point of the snapshot, each contract counting
 * from its signed date and each later event's contract from the event's date, as lib/server/rows.ts reads
 * a freshly seeded database (before the update files in prisma/updates/ add their points).
 */
export function snapshotHistories(): CompanyHistory[] {
  const corrections = readCorrections(CORRECTIONS_FILE);
  const { dataset, records, corrected } = loadSnapshot(readDatasetFile(DATASET_FILE), corrections && { name: "corrections", rows: corrections.rows });
  return records.map((r, i) => {
    const c = dataset.companies[i];
    const points: FactPoint[] = Object.entries(r.figures).flatMap(([key, value]) =>
      value
        ? [
            {
              key: key as FactKey,
              value,
              origin: corrected.has(`${r.ticker}|${key}`) ? ("correction" as const) : ("dataset" as const),
              snapshot: true,
              recordedAt: null,
            },
          ]
        : [],
    );
    return {
      ticker: r.ticker,
      name: r.name,
      points,
      sites: r.sites,
      siteChanges: [],
      balanceSheetEvents: r.balanceSheetEvents,
      contracts: [
        ...r.contracts.map((k) => ({ contract: k, countsFrom: k.signedDate ?? null, fromEvent: false })),
        ...c.events.flatMap((e) => (e.contract ? [{ contract: e.contract, countsFrom: e.date, fromEvent: true }] : [])),
      ],
    };
  });
}

/** The first (v1) snapshot as it was loaded before model v2: prisma/archive/miners-2025-11.v1.json. */
export function v1SnapshotCompanies(): ScoringCompany[] {
  const raw = JSON.parse(readFileSync(path.join(__dirname, "archive", "miners-2025-11.v1.json"), "utf8"));
  return loadSnapshot(datasetV1AsV2(raw)).records.map(toScoringCompany);
}
