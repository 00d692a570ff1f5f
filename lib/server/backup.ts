// Backup and restore of the SQLite database file (issue 6, reliability).
//
// Backup is an *online* copy: SQLite's backup API (better-sqlite3 `db.backup`) reads the live database
// through its own connection, so the app may keep running and writing (WAL). All pages are copied in one
// step, i.e. inside one read transaction, so the copy is a consistent snapshot even while other
// connections commit. The copy is then switched to a self-contained rollback-journal file and checked
// with `PRAGMA integrity_check`; a copy that fails is deleted and the backup throws.
//
// Restore replaces the database file. STOP THE SERVER (and anything else holding the database open)
// BEFORE RESTORING: a running process keeps its open file handles and WAL index and would go on using
// (or re-creating) the old database. The backup is checked before anything is touched (a regular file,
// not the target, integrity, the app's exact schema without triggers or views: ./restore-checks.ts);
// the copy is written next to the target as `<target>.tmp`, checked again, its sessions are cleared and
// every row is validated with the import validator; only then are the target's -wal/-shm removed and
// the copy renamed over the target (atomic on one filesystem), then checked once more.
import Database from "better-sqlite3";
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { BackupError } from "./backup-error";
import { createClient } from "./db-client";
import { exportAll, validateExport } from "./export";
import { migrateDeploy } from "./migrate";
import { assertAppSchema, assertRegularFile, hasPendingMigrations, realPathOf, sameFile } from "./restore-checks";

export { BackupError };

/** The tables of prisma/schema.prisma. */
export const APP_TABLES = [
  "Company",
  "Fact",
  "Site",
  "SiteChange",
  "Contract",
  "Event",
  "BalanceSheetEvent",
  "AssumptionSet",
  "Note",
  "SavedView",
  "UpdateBatch",
  "AuditEntry",
  "DatasetMeta",
] as const;
/**
 * The tables every version of the app has had (the first migration's); a file without them is not a
 * Watt Screener database. Tables added since are checked against the backup's own migrations
 * (restore-checks.ts), so a backup from before a later migration still restores and is migrated on start.
 */
const CORE_TABLES = ["Company", "Fact", "Site", "Contract", "Event", "AssumptionSet", "AuditEntry", "DatasetMeta"] as const;

export interface BackupResult {
  file: string;
  bytes: number;
  integrity: "ok";
  /** Row counts of the copy, per table (migration bookkeeping tables left out). */
  tables: Record<string, number>;
  ms: number;
}

export interface RestoreResult {
  file: string;
  from: string;
  bytes: number;
  integrity: "ok";
  tables: Record<string, number>;
}

/** `file:./prisma/dev.db?x=y` → absolute path, resolved against the working directory (like the app). */
export function sqliteFileOf(url: string): string {
  if (!/^file:/.test(url)) throw new BackupError(`Not a SQLite file: URL: ${url}`);
  return path.resolve(url.replace(/^file:/, "").split("?")[0]);
}

const SIDE_FILES = ["-wal", "-shm", "-journal"];
const removeWithSideFiles = (file: string) => {
  for (const f of [file, ...SIDE_FILES.map((s) => file + s)]) rmSync(f, { force: true });
};

interface Check {
  integrity: string;
  tables: Record<string, number>;
}

/** Opens a database file and runs the integrity check; any failure to read it counts as "not ok". */
function inspect(file: string, opts: { readonly: boolean }): Check {
  let conn: Database.Database | undefined;
  try {
    conn = new Database(file, { readonly: opts.readonly, fileMustExist: true });
    const rows = conn.prepare("PRAGMA integrity_check").all() as { integrity_check: string }[];
    const integrity = rows.map((r) => r.integrity_check).join("; ");
    const names = (
      conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%' ORDER BY name")
        .all() as { name: string }[]
    ).map((r) => r.name);
    const tables: Record<string, number> = {};
    if (integrity === "ok")
      for (const name of names) tables[name] = (conn.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n;
    return { integrity, tables };
  } catch (e) {
    return { integrity: e instanceof Error ? e.message : String(e), tables: {} };
  } finally {
    conn?.close();
  }
}

function requireOk(check: Check, what: string) {
  if (check.integrity !== "ok") throw new BackupError(`${what} failed the integrity check: ${check.integrity.slice(0, 500)}`);
  const missing = CORE_TABLES.filter((t) => !(t in check.tables));
  if (missing.length) throw new BackupError(`${what} is not a Watt Screener database (missing tables: ${missing.join(", ")})`);
}

function fsyncFile(file: string) {
  const fd = openSync(file, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Consistent online copy of `sourceFile` to `destFile` (which must not exist yet). The copy is written
 * as `<dest>.partial` and only renamed to `destFile` once it passed the integrity check.
 */
export async function backupDatabase(sourceFile: string, destFile: string): Promise<BackupResult> {
  const started = performance.now();
  const source = path.resolve(sourceFile);
  const dest = path.resolve(destFile);
  if (!existsSync(source)) throw new BackupError(`No database at ${source}`);
  if (existsSync(dest)) throw new BackupError(`${dest} already exists; choose another file name`);
  if (!existsSync(path.dirname(dest))) throw new BackupError(`Directory ${path.dirname(dest)} does not exist`);
  const partial = `${dest}.partial`;
  removeWithSideFiles(partial);

  const src = new Database(source, { fileMustExist: true });
  try {
    // One step with "all pages" = one read transaction = a snapshot. (Stepwise copying restarts whenever
    // another connection writes, so under constant writes it might never finish.)
    await src.backup(partial, { progress: () => 0x7fffffff });
  } catch (e) {
    removeWithSideFiles(partial);
    throw new BackupError(`Backup of ${source} failed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    src.close();
  }

  // The copy carries the source's WAL flag; make it one self-contained file (no -wal/-shm needed to read it).
  try {
    const conn = new Database(partial, { fileMustExist: true });
    try {
      conn.pragma("journal_mode = DELETE");
    } finally {
      conn.close();
    }
    fsyncFile(partial);
  } catch (e) {
    removeWithSideFiles(partial);
    throw new BackupError(`The backup copy could not be opened: ${e instanceof Error ? e.message : String(e)}`);
  }
  const check = inspect(partial, { readonly: true });
  try {
    requireOk(check, "The backup copy");
  } catch (e) {
    removeWithSideFiles(partial);
    throw e;
  }
  renameSync(partial, dest);
  return { file: dest, bytes: statSync(dest).size, integrity: "ok", tables: check.tables, ms: Math.round(performance.now() - started) };
}

/** Row counts and integrity of a backup file, without changing anything. */
export function verifyBackup(backupFile: string): Check {
  return inspect(path.resolve(backupFile), { readonly: true });
}

/**
 * Throws BackupError unless `backupFile` is a regular file that passes the integrity check and has
 * exactly the app's schema (the migrations it records, no triggers or views). Changes nothing.
 */
export function assertSoundBackup(backupFile: string): Check {
  const from = realPathOf(backupFile);
  assertRegularFile(from, "backup");
  const what = `Backup ${path.basename(from)}`;
  const check = inspect(from, { readonly: true });
  requireOk(check, what);
  assertAppSchema(from, what);
  return check;
}

/** Every row of the copy through the import validator: what the app would refuse is refused here. */
async function assertValidRows(file: string, what: string) {
  const db = createClient(`file:${file}`);
  let problems: string[];
  try {
    problems = validateExport(await exportAll(db)).problems;
  } catch (e) {
    throw new BackupError(`${what}: its rows could not be read (${e instanceof Error ? e.message.split("\n").slice(-1)[0].slice(0, 300) : e})`);
  } finally {
    await db.$disconnect();
  }
  if (problems.length)
    throw new BackupError(
      `${what} has rows the app would refuse (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n  ${problems.slice(0, 20).join("\n  ")}${problems.length > 20 ? "\n  …" : ""}`,
    );
}

export interface PreparedRestore {
  from: string;
  target: string;
  /** the checked copy, next to the target, that commitRestore() renames over it */
  tmp: string;
}

/**
 * Everything but the swap: the checks, a settled copy next to the target with its sessions cleared
 * (a backup's sessions may have been signed out since) and every row validated. The target is untouched.
 */
export async function prepareRestore(backupFile: string, targetFile: string): Promise<PreparedRestore> {
  const from = realPathOf(backupFile);
  const target = realPathOf(targetFile);
  if (sameFile(from, target)) throw new BackupError("The backup and the target are the same file");
  if (!existsSync(path.dirname(target))) throw new BackupError(`Directory ${path.dirname(target)} does not exist`);
  assertSoundBackup(from);

  const tmp = `${target}.tmp`;
  removeWithSideFiles(tmp);
  try {
    copyFileSync(from, tmp);
    // The backup may be a WAL-mode file (e.g. copied by hand); settle it into a single file first.
    const conn = new Database(tmp, { fileMustExist: true });
    try {
      conn.pragma("journal_mode = DELETE");
    } finally {
      conn.close();
    }
    const what = `Backup ${path.basename(from)}`;
    requireOk(inspect(tmp, { readonly: true }), "The copy of the backup");
    assertAppSchema(tmp, what); // again on the copy: the file could have changed since it was checked
    const copy = new Database(tmp, { fileMustExist: true });
    try {
      if (copy.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'Session'").get()) copy.exec('DELETE FROM "Session"');
    } finally {
      copy.close();
    }
    // An older backup gets this version's later migrations first, as the next start would apply them,
    // so its rows are read and validated with the schema the app will use.
    if (hasPendingMigrations(tmp)) migrateDeploy(`file:${tmp}`);
    await assertValidRows(tmp, what);
    fsyncFile(tmp);
  } catch (e) {
    removeWithSideFiles(tmp);
    if (e instanceof BackupError) throw e;
    throw new BackupError(`Could not prepare the restore: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { from, target, tmp };
}

/** Drops a prepared copy (the restore was abandoned). */
export const discardRestore = (p: PreparedRestore) => removeWithSideFiles(p.tmp);

/** The swap: the target's old WAL is removed and the checked copy renamed over it. */
export function commitRestore(p: PreparedRestore): RestoreResult {
  const { from, target, tmp } = p;
  // Point of no return: the old WAL belongs to the old database and must not be replayed onto the new one.
  for (const s of SIDE_FILES) rmSync(target + s, { force: true });
  renameSync(tmp, target);

  const conn = new Database(target, { fileMustExist: true });
  try {
    conn.pragma("journal_mode = WAL");
  } finally {
    conn.close();
  } // as scripts/db-prepare.ts sets it
  const after = inspect(target, { readonly: false });
  requireOk(after, "The restored database");
  return { file: target, from, bytes: statSync(target).size, integrity: "ok", tables: after.tables };
}

/**
 * Replaces `targetFile` with `backupFile`. The server must be stopped. Refuses (and leaves the target
 * untouched) unless every check of prepareRestore() passes.
 */
export async function restoreDatabase(backupFile: string, targetFile: string): Promise<RestoreResult> {
  return commitRestore(await prepareRestore(backupFile, targetFile));
}

/**
 * `watt-20251121T103000Z.db`: a UTC timestamp that sorts and is safe in file names; with a `unique`
 * part (`…Z-3fa9c1.db`) two copies taken in the same second do not collide.
 */
export function backupFileName(prefix = "watt", now = new Date(), unique?: string): string {
  return `${prefix}-${now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z")}${unique ? `-${unique}` : ""}.db`;
}

/** "Company 18, Fact 122, …" for script output. */
export function describeCounts(tables: Record<string, number>): string {
  return Object.entries(tables)
    .map(([t, n]) => `${t} ${n}`)
    .join(", ");
}

export function describeBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** A path as scripts print it: relative to the working directory when inside it, else absolute. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : path.resolve(file);
}
