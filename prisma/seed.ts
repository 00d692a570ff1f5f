// Loads the dataset kept beside the schema into the database, with the snapshot's corrections
// (prisma/updates/2025-11-21-corrections.json) in place of the figures they correct, in one transaction.
// Idempotent: company data is replaced as a whole (so seeding twice gives the same rows); the "Base"
// assumption set is reset to the methodology defaults and other named sets are left alone. A malformed
// record stops the seed before anything is written, with the ticker and field in the message.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DatasetError } from "../lib/domain/dataset";
import type { CompanyInput } from "../lib/domain/schemas";
import type { CompanyRecord } from "../lib/domain/to-scoring";
import { loadSnapshot } from "../lib/domain/snapshot";
import { DEFAULT_ASSUMPTIONS } from "../lib/scoring/assumptions";
import { createClient, type Db } from "../lib/server/db-client";
import { balanceSheetEventColumns, contractColumns, factColumns, siteColumns } from "../lib/server/rows";
import { contractData } from "../lib/server/mutations/sites-contracts";
import { applyUpdate } from "../lib/server/updates";

import { CORRECTIONS_FILE, DATASET_FILE, readCorrections, readDatasetFile, UPDATES_DIR } from "./dataset-files";

export { CORRECTIONS_FILE, DATASET_FILE, readCorrections, readDatasetFile, UPDATES_DIR };
/** Who the update files loaded on start are recorded as (they are not anyone's edits). */
export const START_USER = "update file (loaded on start)";
export const BASE_SET_NAME = "Base";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function insertCompany(tx: Tx, c: CompanyInput, record: CompanyRecord, corrected: ReadonlySet<string>) {
  const company = await tx.company.create({
    data: {
      ticker: c.ticker,
      name: c.name,
      exchange: c.exchange,
      country: c.country,
      powerStrategy: c.powerStrategy,
      powerNote: c.powerTotals.note ?? null,
      gaps: c.gaps,
      assumptionOverrides: {},
      facts: {
        create: Object.entries(record.figures).flatMap(([key, fact]) =>
          fact ? [{ key, ...factColumns(fact), origin: corrected.has(`${c.ticker}|${key}`) ? "correction" : "dataset", snapshotPoint: true }] : [],
        ),
      },
    },
  });
  const siteIds = new Map<string, number>();
  for (const [position, s] of c.sites.entries()) {
    const site = await tx.site.create({ data: { companyId: company.id, position, ...siteColumns(s) } });
    siteIds.set(s.name, site.id);
  }
  const siteIdOf = (name: string) => siteIds.get(name)!;
  await tx.contract.createMany({
    data: c.contracts.map((k, position) => ({ companyId: company.id, position, ...contractData(contractColumns(k, siteIdOf)) })),
  });
  await tx.event.createMany({
    data: c.events.map((e, position) => ({
      companyId: company.id,
      date: e.date,
      kind: e.kind,
      summary: e.summary,
      sourceUrls: e.sources,
      contractJson: e.contract ?? undefined,
      position,
    })),
  });
  await tx.balanceSheetEvent.createMany({
    data: c.balanceSheetEvents.map((e, position) => ({ companyId: company.id, position, ...balanceSheetEventColumns(e) })),
  });
}

export async function seedDatabase(
  db: Db,
  raw: unknown,
  sourceFile = "prisma/miners-2025-11.json",
  corrections: ReturnType<typeof readCorrections> = null,
) {
  // Throws DatasetError, naming the ticker and field, before any write.
  const { dataset, records, corrected } = loadSnapshot(raw, corrections && { name: path.basename(corrections.file), rows: corrections.rows });
  await db.$transaction(
    async (tx) => {
      await tx.auditEntry.deleteMany();
      await tx.updateBatch.deleteMany();
      await tx.company.deleteMany(); // cascades to facts, sites, contracts, events, balance-sheet events
      await tx.datasetMeta.deleteMany();
      for (const [i, c] of dataset.companies.entries()) await insertCompany(tx, c, records[i], corrected);
      await tx.datasetMeta.create({
        data: {
          snapshot: dataset.snapshot,
          currency: dataset.currency,
          notes: dataset.notes,
          sourceFile,
          datasetVersion: dataset.version,
          correctionsFile: corrections?.file ?? null,
        },
      });
      await tx.assumptionSet.upsert({
        where: { name: BASE_SET_NAME },
        create: { name: BASE_SET_NAME, isDefault: true, values: DEFAULT_ASSUMPTIONS },
        update: { values: DEFAULT_ASSUMPTIONS, isDefault: true, version: { increment: 1 } },
      });
    },
    { timeout: 60_000 },
  );
  return { companies: dataset.companies.length, corrections: corrected.size };
}

/** The later update files beside the dataset (every prisma/updates/*.json but the snapshot's corrections), oldest name first. */
export function startupUpdateFiles(): string[] {
  if (!existsSync(UPDATES_DIR)) return [];
  return readdirSync(UPDATES_DIR)
    .filter((f) => f.endsWith(".json") && path.join(UPDATES_DIR, f) !== CORRECTIONS_FILE)
    .sort()
    .map((f) => path.join(UPDATES_DIR, f));
}

/**
 * Applies each startup update file not applied yet (by name), all rows or none, as its own batch. A file
 * with a rejected row stops the start with its lines, like a malformed dataset.
 */
export async function applyStartupUpdates(
  db: Db,
): Promise<{ file: string; batchId: number | null; counts: { new: number; correction: number; unchanged: number } }[]> {
  const done = new Set((await db.updateBatch.findMany({ where: { user: START_USER }, select: { name: true } })).map((b) => b.name));
  const out = [];
  for (const file of startupUpdateFiles()) {
    const name = path.basename(file);
    if (done.has(name)) continue;
    const r = await applyUpdate(db, readFileSync(file, "utf8"), { name, user: START_USER });
    if (!r.ok)
      throw new DatasetError([`${name}: ${r.kind === "invalid" ? r.formErrors.concat(Object.values(r.fieldErrors).flat()).join("; ") : r.message}`]);
    out.push({ file: name, batchId: r.data.batchId, counts: r.data.counts });
  }
  return out;
}

/** The snapshot alone: the dataset with its corrections (tests of the write paths start here). */
export async function seedSnapshot(db: Db) {
  return seedDatabase(db, readDatasetFile(), path.relative(process.cwd(), DATASET_FILE), readCorrections());
}

/** The dataset with its corrections, then the later update files, as `npm start` and `db:reset` load them. */
export async function seedDefault(db: Db) {
  const seeded = await seedSnapshot(db);
  return { ...seeded, updates: await applyStartupUpdates(db) };
}

async function main() {
  const file = process.argv[2] ?? DATASET_FILE;
  const db = createClient();
  try {
    // the default dataset comes with its corrections and the later update files, as `npm start` loads it
    const isDefault = file === DATASET_FILE;
    const corrections = isDefault ? readCorrections() : null;
    const r = await seedDatabase(db, readDatasetFile(file), path.relative(process.cwd(), file), corrections);
    console.log(
      `Seeded ${r.companies} companies from ${path.relative(process.cwd(), file)}${corrections ? ` with ${r.corrections} corrections from ${corrections.file}` : ""}`,
    );
    if (isDefault)
      for (const u of await applyStartupUpdates(db))
        console.log(`  update file ${u.file}: ${u.counts.new} new points, ${u.counts.correction} corrections`);
  } catch (e) {
    if (e instanceof DatasetError) {
      console.error(e.message);
      process.exitCode = 1;
    } else throw e;
  } finally {
    await db.$disconnect();
  }
}

if (require.main === module) void main();
