// `npm run db:export [file]`: every table of the DATABASE_URL database as JSON (stdout by default).
// The same data always gives the same bytes; see lib/server/export.ts for the format. When redirecting
// stdout use `npm run --silent db:export > file.json` (npm prints a banner otherwise), or pass the file.
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describeDatabaseError, engineOf } from "../lib/db-url";
import { databaseUrl } from "../lib/env";
import { describeCounts, displayPath, sqliteFileOf } from "../lib/server/backup";
import { createClient } from "../lib/server/db-client";
import { countRows, exportAll, serializeExport } from "../lib/server/export";

class UsageError extends Error {}
let url = "";

async function main() {
  const out = process.argv[2];
  url = databaseUrl();
  if (engineOf(url) === "sqlite") {
    const file = sqliteFileOf(url);
    // Opening a missing file would silently create an empty database.
    if (!existsSync(file)) throw new UsageError(`No database at ${displayPath(file)} (run npm run db:prepare, or set DATABASE_URL)`);
  }
  const db = createClient(url);
  try {
    const data = await exportAll(db);
    const text = serializeExport(data);
    const summary = `Exported ${describeCounts(countRows(data))}`;
    if (out && out !== "-") {
      writeFileSync(out, text);
      console.log(`${summary} → ${displayPath(path.resolve(out))} (${Buffer.byteLength(text)} bytes)`);
    } else {
      process.stdout.write(text);
      console.error(summary); // stdout carries only the JSON
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  const expected =
    e instanceof UsageError || (e instanceof Error && (e.message.startsWith("Invalid environment") || e.message.startsWith("Not a SQLite")));
  if (expected) console.error(`db:export: ${e.message}`);
  else if (url && engineOf(url) === "postgres")
    console.error(`db:export: ${describeDatabaseError(e, url)}`); // one line, no password
  else console.error(e);
  process.exit(1);
});
