// Backup and restore of a PostgreSQL database with the engine's own tools: pg_dump's custom format (a
// consistent snapshot, taken while the app runs) and pg_restore. Used by `npm run db:backup` and
// `db:restore` when DATABASE_URL is postgresql:// (the SQLite path is lib/server/backup.ts). The
// connection goes to the tools through PG* environment variables, never their command line (which other
// users of the machine can read), and their messages pass through redactSecrets.
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { redactSecrets } from "../db-url";
import { BackupError } from "./backup-error";

/** postgresql://user:pw@host:port/db?sslmode=x → the libpq variables pg_dump and pg_restore read. */
export function libpqEnv(url: string): Record<string, string> {
  const u = new URL(url);
  const env: Record<string, string> = {
    PGHOST: u.hostname || u.searchParams.get("host") || "localhost",
    PGPORT: u.port || "5432",
    PGDATABASE: decodeURIComponent(u.pathname.replace(/^\//, "")),
  };
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const ssl = u.searchParams.get("sslmode");
  if (ssl) env.PGSSLMODE = ssl;
  return env;
}

function run(tool: string, args: string[], url: string): void {
  const r = spawnSync(tool, args, { env: { ...process.env, ...libpqEnv(url) }, encoding: "utf8" });
  if (r.error)
    throw new BackupError(
      `${tool} is not available (${(r.error as NodeJS.ErrnoException).code}); install the PostgreSQL client tools (apt-get install postgresql-client)`,
    );
  if (r.status !== 0) throw new BackupError(redactSecrets(`${tool} failed: ${(r.stderr || r.stdout || "").trim().split("\n")[0]}`, url));
}

export function pgDump(url: string, dest: string): { bytes: number } {
  run("pg_dump", ["--format=custom", "--no-owner", "--file", dest], url);
  return { bytes: statSync(dest).size };
}

/** A damaged or foreign file stops here, before anything changes. */
export function assertArchive(url: string, archive: string): void {
  run("pg_restore", ["--list", archive], url);
}

/** Replaces every table of the database with the archive's, in one transaction: all of it or nothing. */
export function pgRestore(url: string, archive: string): void {
  assertArchive(url, archive);
  run(
    "pg_restore",
    ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", "--dbname", libpqEnv(url).PGDATABASE, archive],
    url,
  );
}
