// `npm run db:backup [file]`: a consistent online copy of the DATABASE_URL database (safe while the app
// is running), integrity-checked. Default destination: backups/watt-<UTC timestamp>.db. On PostgreSQL it is
// pg_dump's custom format (backups/watt-<UTC timestamp>.pgdump), a consistent snapshot (lib/server/pg-backup.ts).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { describeDatabase, engineOf } from "../lib/db-url";
import { databaseUrl } from "../lib/env";
import { pgDump } from "../lib/server/pg-backup";
import { backupDatabase, backupFileName, BackupError, describeBytes, describeCounts, displayPath, sqliteFileOf } from "../lib/server/backup";

async function main() {
  const url = databaseUrl();
  if (engineOf(url) === "postgres") {
    const dest = path.resolve(process.argv[2] ?? path.join("backups", backupFileName().replace(/\.db$/, ".pgdump")));
    mkdirSync(path.dirname(dest), { recursive: true });
    const started = performance.now();
    const r = pgDump(url, dest);
    console.log(
      `Backed up the ${describeDatabase(url)} → ${displayPath(dest)} (pg_dump custom format, ${describeBytes(r.bytes)}, ${Math.round(performance.now() - started)} ms)`,
    );
    return;
  }
  const source = sqliteFileOf(url);
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
