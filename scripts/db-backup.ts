// `npm run db:backup [file]`: a consistent online copy of the DATABASE_URL database (safe while the app
// is running), integrity-checked. Default destination: backups/watt-<UTC timestamp>.db.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { databaseUrl } from "../lib/env";
import { backupDatabase, backupFileName, BackupError, describeBytes, describeCounts, displayPath, sqliteFileOf } from "../lib/server/backup";

async function main() {
  const source = sqliteFileOf(databaseUrl());
  const dest = path.resolve(process.argv[2] ?? path.join("backups", backupFileName()));
  mkdirSync(path.dirname(dest), { recursive: true });
  const r = await backupDatabase(source, dest);
  console.log(`Backed up ${displayPath(source)} → ${displayPath(r.file)} (${describeBytes(r.bytes)}, integrity ${r.integrity}, ${r.ms} ms)`);
  console.log(`  ${describeCounts(r.tables)}`);
}

main().catch((e) => {
  const expected = e instanceof BackupError || (e instanceof Error && e.message.startsWith("Invalid environment"));
  console.error(expected ? `db:backup: ${e.message}` : e);
  process.exit(1);
});
