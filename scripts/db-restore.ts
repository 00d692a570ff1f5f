// `npm run db:restore <backup file>`: replaces the DATABASE_URL database with a backup.
// STOP THE SERVER FIRST — a running app keeps the old file open. The backup is integrity-checked before
// anything is touched; the current database (if readable) is first saved as backups/watt-pre-restore-….db.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { databaseUrl } from "../lib/env";
import {
  assertSoundBackup, backupDatabase, backupFileName, BackupError, describeBytes, describeCounts, displayPath, restoreDatabase, sqliteFileOf,
} from "../lib/server/backup";

async function main() {
  const from = process.argv[2];
  if (!from || from.startsWith("-")) throw new BackupError("usage: npm run db:restore -- <backup file>   (stop the server first)");
  const target = sqliteFileOf(databaseUrl());
  const rel = displayPath;

  assertSoundBackup(from); // before anything else, so a bad backup changes nothing at all
  if (existsSync(target)) {
    const safety = path.resolve("backups", backupFileName("watt-pre-restore"));
    mkdirSync(path.dirname(safety), { recursive: true });
    try {
      await backupDatabase(target, safety);
      console.log(`Saved the current database as ${rel(safety)}`);
    } catch (e) {
      console.warn(`warning: could not save the current database first (${e instanceof Error ? e.message : e}); restoring anyway`);
    }
  }
  const r = restoreDatabase(from, target);
  console.log(`Restored ${rel(r.from)} → ${rel(r.file)} (${describeBytes(r.bytes)}, integrity ${r.integrity})`);
  console.log(`  ${describeCounts(r.tables)}`);
  console.log("Start the server again; `npm run dev`/`npm start` apply any newer migrations first (db:prepare).");
}

main().catch((e) => {
  const expected = e instanceof BackupError || (e instanceof Error && e.message.startsWith("Invalid environment"));
  console.error(expected ? `db:restore: ${e.message}` : e);
  process.exit(1);
});
