// `npm run db:restore -- <backup file> [--force]`: replaces the DATABASE_URL database with a backup.
// STOP THE SERVER FIRST — a running app keeps the old file open. The backup is checked completely before
// anything is touched (lib/server/backup.ts prepareRestore: regular file, not the target, integrity, the
// app's schema without triggers or views, every row valid). The current database is then saved as
// backups/watt-pre-restore-<time>-<random>.db; if that copy cannot be made nothing is restored, unless
// --force says to restore without one.
// On PostgreSQL (DATABASE_URL=postgresql://…) the backup is a pg_dump archive (npm run db:backup): the
// current database is saved with pg_dump first (same rule, same --force), then pg_restore replaces every
// table in one transaction and the sessions are cleared (lib/server/pg-backup.ts).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { describeDatabase, engineOf } from "../lib/db-url";
import { databaseUrl } from "../lib/env";
import { createClient } from "../lib/server/db-client";
import { migratePostgres } from "../lib/server/pg-migrate";
import { assertArchive, pgDump, pgRestore } from "../lib/server/pg-backup";
import {
  backupDatabase,
  backupFileName,
  BackupError,
  commitRestore,
  describeBytes,
  describeCounts,
  discardRestore,
  displayPath,
  prepareRestore,
  sqliteFileOf,
} from "../lib/server/backup";

const USAGE = "usage: npm run db:restore -- <backup file> [--force]   (stop the server first)";

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const unknown = args.filter((a) => a.startsWith("-") && a !== "--force");
  const from = args.find((a) => !a.startsWith("-"));
  if (!from || unknown.length) throw new BackupError(USAGE);
  const url = databaseUrl();
  if (engineOf(url) === "postgres") return restorePostgres(url, from, force);
  const target = sqliteFileOf(url);
  const rel = displayPath;

  const prepared = await prepareRestore(from, target); // a bad backup changes nothing at all
  try {
    if (existsSync(target)) {
      const safety = path.resolve("backups", backupFileName("watt-pre-restore", new Date(), randomBytes(3).toString("hex")));
      mkdirSync(path.dirname(safety), { recursive: true });
      try {
        await backupDatabase(target, safety);
        console.log(`Saved the current database as ${rel(safety)}`);
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        if (!force)
          throw new BackupError(
            `Could not save the current database first (${why}); nothing was restored. Run again with --force to restore without a safety copy.`,
          );
        console.warn(`warning: no safety copy of the current database (${why}); restoring anyway (--force)`);
      }
    }
  } catch (e) {
    discardRestore(prepared);
    throw e;
  }
  const r = commitRestore(prepared);
  console.log(`Restored ${rel(r.from)} → ${rel(r.file)} (${describeBytes(r.bytes)}, integrity ${r.integrity})`);
  console.log(`  ${describeCounts(r.tables)}`);
  console.log("Everyone is signed out. Start the server again; `npm run dev`/`npm start` apply any newer migrations first (db:prepare).");
}

async function restorePostgres(url: string, from: string, force: boolean) {
  if (!existsSync(from)) throw new BackupError(`No backup at ${from}`);
  assertArchive(url, from);
  const safety = path.resolve("backups", backupFileName("watt-pre-restore", new Date(), randomBytes(3).toString("hex")).replace(/\.db$/, ".pgdump"));
  mkdirSync(path.dirname(safety), { recursive: true });
  try {
    pgDump(url, safety);
    console.log(`Saved the current database as ${displayPath(safety)}`);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    if (!force)
      throw new BackupError(
        `Could not save the current database first (${why}); nothing was restored. Run again with --force to restore without a safety copy.`,
      );
    console.warn(`warning: no safety copy of the current database (${why}); restoring anyway (--force)`);
  }
  pgRestore(url, from);
  await migratePostgres(url); // an archive from an older version gets this version's tables
  const db = createClient(url);
  try {
    const ended = await db.session.deleteMany();
    console.log(`Restored ${from} → the ${describeDatabase(url)} (pg_restore, one transaction; ${ended.count} sessions ended)`);
  } finally {
    await db.$disconnect();
  }
  console.log("Everyone is signed out. Start the server again.");
}

main().catch((e) => {
  const expected = e instanceof BackupError || (e instanceof Error && e.message.startsWith("Invalid environment"));
  console.error(expected ? `db:restore: ${e.message}` : e);
  process.exit(1);
});
