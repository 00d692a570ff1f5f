// Brings the database at DATABASE_URL (a SQLite file or a PostgreSQL database) up to date: applies the
// committed migrations and seeds the dataset when the database has no companies. `--reset` deletes the
// file first, or on PostgreSQL drops every table of the public schema (test databases). A database that
// cannot be reached stops here with one line that names it and never shows the URL's password.
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { describeDatabase, describeDatabaseError, engineOf } from "../lib/db-url";
import { databaseUrl } from "../lib/env";
import { createClient } from "../lib/server/db-client";
import { migrateDatabase } from "../lib/server/migrate";
import { MigrationError, resetPostgres } from "../lib/server/pg-migrate";
import { applyStartupUpdates, readDatasetFile, seedDefault, START_USER } from "../prisma/seed";
import { parseDataset } from "../lib/domain/dataset";
import { fillSiteCountries } from "../lib/server/site-countries";

/** The dataset format this version of the app loads (model v2 inputs). */
const DATASET_VERSION = 2;

function sqliteFile(url: string) {
  return path.resolve(url.replace(/^file:/, "").split("?")[0]);
}

let url = "";

async function main() {
  url = databaseUrl();
  const postgres = engineOf(url) === "postgres";
  const file = postgres ? "" : sqliteFile(url);
  if (process.argv.includes("--reset")) {
    if (postgres) await resetPostgres(url);
    else for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) if (existsSync(f)) rmSync(f);
  }
  await migrateDatabase(url);
  const db = createClient(url);
  try {
    if (!postgres) await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    const companies = await db.company.count();
    const meta = await db.datasetMeta.findUnique({ where: { id: 1 } });
    // update files loaded on start are not anyone's edits
    const edits = await db.auditEntry.count({ where: { OR: [{ user: null }, { user: { not: START_USER } }] } });
    const where = postgres ? describeDatabase(url) : path.relative(process.cwd(), file);
    if (companies === 0) {
      const r = await seedDefault(db);
      console.log(`db: migrated and seeded ${r.companies} companies (${r.corrections} corrected figures) into ${where}`);
      logUpdates(r.updates);
    } else if ((meta?.datasetVersion ?? 1) < DATASET_VERSION && edits === 0) {
      // An older dataset nobody has edited: loading the current one loses nothing.
      const r = await seedDefault(db);
      console.log(
        `db: ${where} held dataset v${meta?.datasetVersion ?? 1} with no edits — reloaded dataset v${DATASET_VERSION} (${r.companies} companies)`,
      );
      logUpdates(r.updates);
    } else if ((meta?.datasetVersion ?? 1) < DATASET_VERSION) {
      const countries = await fillSiteCountries(db, parseDataset(readDatasetFile()));
      if (countries.filled)
        console.log(
          `db: ${where}: filled ${countries.filled} site countries from dataset v${DATASET_VERSION} by ticker and site name (${countries.left} still have none)`,
        );
      console.warn(
        `db: ${where} holds dataset v${meta?.datasetVersion ?? 1} with ${edits} edits, kept as it is; model v2 inputs (balance-sheet events, ownership shares, allocations) are missing until you run \`npm run db:reset\` (which discards the edits; \`npm run db:export\` keeps a copy first)`,
      );
    } else {
      console.log(`db: migrated ${where} (${companies} companies kept)`);
      logUpdates(await applyStartupUpdates(db));
    }
  } finally {
    await db.$disconnect();
  }
}

function logUpdates(updates: Awaited<ReturnType<typeof applyStartupUpdates>>) {
  for (const u of updates)
    console.log(
      `db: update file ${u.file}: ${u.counts.new} new points, ${u.counts.correction} corrections, ${u.counts.unchanged} unchanged${u.batchId ? ` (batch ${u.batchId})` : ""}`,
    );
}

main().catch((e) => {
  const known = e instanceof MigrationError || (e instanceof Error && e.message.startsWith("Invalid environment"));
  console.error(`db: ${known ? (e as Error).message : url ? describeDatabaseError(e, url) : e instanceof Error ? e.message : e}`);
  process.exit(1);
});
