// `npm run db:import -- <file> [--replace]`: loads a JSON export (npm run db:export) into the
// DATABASE_URL database. The whole file is validated first; rows are written in one transaction with
// their original ids. A non-empty database is refused unless --replace (which deletes everything first,
// in the same transaction). A database file that does not exist yet is created and migrated first.
import { existsSync, readFileSync } from "node:fs";
import { describeDatabase, describeDatabaseError, engineOf } from "../lib/db-url";
import { databaseUrl } from "../lib/env";
import { describeCounts, displayPath, sqliteFileOf } from "../lib/server/backup";
import { createClient } from "../lib/server/db-client";
import { importAll, ImportError } from "../lib/server/export";
import { migrateDeploy } from "../lib/server/migrate";
import { migratePostgres } from "../lib/server/pg-migrate";
import { fillSiteCountries } from "../lib/server/site-countries";
import { parseDataset } from "../lib/domain/dataset";
import { readDatasetFile } from "../prisma/seed";

class UsageError extends Error {}
let url = "";

async function main() {
  const args = process.argv.slice(2);
  const replace = args.includes("--replace");
  const unknown = args.filter((a) => a.startsWith("-") && a !== "--replace");
  const input = args.find((a) => !a.startsWith("-"));
  if (!input || unknown.length) throw new UsageError("usage: npm run db:import -- <export.json> [--replace]");
  if (!existsSync(input)) throw new UsageError(`No file ${input}`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(input, "utf8"));
  } catch (e) {
    throw new UsageError(`${input} is not valid JSON: ${e instanceof Error ? e.message : e}`);
  }

  url = databaseUrl();
  const postgres = engineOf(url) === "postgres";
  // SQLite: a file that does not exist yet is created. PostgreSQL: the database must exist (README, Team
  // setup); its tables are migrated first, which does nothing when they are up to date.
  const file = postgres ? "" : sqliteFileOf(url);
  const created = !postgres && !existsSync(file);
  if (postgres) await migratePostgres(url);
  else if (created) migrateDeploy(`file:${file}`);
  const db = createClient(postgres ? url : `file:${file}`);
  try {
    if (created) await db.$queryRawUnsafe("PRAGMA journal_mode = WAL"); // as scripts/db-prepare.ts does
    const counts = await importAll(db, raw, { replace });
    const where = postgres ? describeDatabase(url) : displayPath(file);
    console.log(`Imported ${input} into ${where}${created ? " (new database)" : ""}${replace ? " (replaced its data)" : ""}`);
    console.log(`  ${describeCounts(counts)}`);
    if ((raw as { formatVersion?: unknown }).formatVersion === 1) {
      // a file from before model v2: its sites have no country, which §10.4 would count as remote
      const c = await fillSiteCountries(db, parseDataset(readDatasetFile()));
      console.log(`  format-1 file: filled ${c.filled} site countries from the dataset by ticker and site name; ${c.left} sites have none`);
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  const expected =
    e instanceof UsageError ||
    e instanceof ImportError ||
    (e instanceof Error && (e.message.startsWith("Invalid environment") || e.message.startsWith("Not a SQLite")));
  if (expected) console.error(`db:import: ${e.message}`);
  else if (url && engineOf(url) === "postgres")
    console.error(`db:import: ${describeDatabaseError(e, url)}`); // one line, no password
  else console.error(e);
  process.exit(1);
});
