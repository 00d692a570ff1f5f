// What a file must be before `npm run db:restore` puts it in place of the database. `integrity_check`
// alone let through a backup whose triggers wiped the audit log and rewrote a source URL on the next
// edit, files missing columns or holding bad rows (500s afterwards), a FIFO (the restore hung) and a
// symlink to the target (restored onto itself). So, in order:
// 1. the real path (symlinks resolved) of a regular file, not the target itself;
// 2. no views, no triggers but the data-revision ones the migrations create (word for word); the schema
//    (tables, columns, indexes, triggers) exactly what the committed migrations build — the ones the backup says it had applied, so an older backup still restores and is
//    migrated on the next start;
// 3. every row valid for the import validator (lib/server/export.ts), read from the copy to be swapped in.
import Database from "better-sqlite3";
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { BackupError } from "./backup-error";

const MIGRATIONS = path.join(__dirname, "..", "..", "prisma", "migrations");

/** The real path of `file` (its directory's, when the file does not exist yet). */
export function realPathOf(file: string): string {
  const abs = path.resolve(file);
  if (existsSync(abs)) return realpathSync(abs);
  const dir = path.dirname(abs);
  return existsSync(dir) ? path.join(realpathSync(dir), path.basename(abs)) : abs;
}

/** A FIFO, socket, device or directory is refused before SQLite opens it (a FIFO blocks the open). */
export function assertRegularFile(file: string, what: string) {
  if (!existsSync(file)) throw new BackupError(`No ${what} at ${file}`);
  const st = statSync(file);
  if (!st.isFile()) throw new BackupError(`${what} ${path.basename(file)} is not a regular file`);
}

/** Same file under two names (a symlink or a hard link), by device and inode. */
export function sameFile(a: string, b: string): boolean {
  if (realPathOf(a) === realPathOf(b)) return true;
  if (!existsSync(a) || !existsSync(b)) return false;
  const [x, y] = [statSync(a), statSync(b)];
  return x.dev === y.dev && x.ino === y.ino;
}

interface SchemaEntry {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}
const SCHEMA_SQL =
  "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND tbl_name != '_prisma_migrations' ORDER BY type, name";

const committedMigrations = () =>
  readdirSync(MIGRATIONS)
    .filter((d) => /^\d+_/.test(d))
    .sort();

/** The schema the committed migrations (the first `count` of them) create, from an in-memory database. */
function migratedSchema(names: string[]): SchemaEntry[] {
  const mem = new Database(":memory:");
  try {
    for (const m of names) mem.exec(readFileSync(path.join(MIGRATIONS, m, "migration.sql"), "utf8"));
    return mem.prepare(SCHEMA_SQL).all() as SchemaEntry[];
  } finally {
    mem.close();
  }
}

/** Which migrations the file says it has: `_prisma_migrations`, or (a test database) all of them. */
function appliedMigrations(conn: Database.Database): string[] {
  const committed = committedMigrations();
  const hasTable = conn.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
  if (!hasTable) return committed;
  const applied = (
    conn
      .prepare(
        "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
  const prefix = committed.slice(0, applied.length);
  if (applied.length === 0 || applied.some((n, i) => n !== prefix[i]))
    throw new BackupError(
      `its migrations (${applied.join(", ") || "none"}) are not a prefix of this version's (${committed.join(", ")}); a backup from a newer or another app?`,
    );
  return applied;
}

/** True when the file (already checked by assertAppSchema) lacks some of this version's migrations. */
export function hasPendingMigrations(file: string): boolean {
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return appliedMigrations(conn).length < committedMigrations().length;
  } finally {
    conn.close();
  }
}

/**
 * Refuses views, triggers the migrations do not create, and any difference from the migrated schema.
 * Opens read-only; throws BackupError naming what differs.
 */
export function assertAppSchema(file: string, what: string) {
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const entries = conn.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master").all() as SchemaEntry[];
    const views = entries.filter((e) => e.type === "view");
    if (views.length)
      throw new BackupError(`${what} has ${views.map((e) => `a view "${e.name}"`).join(", ")}; the app's schema has none, so it is refused`);
    let expected: SchemaEntry[];
    try {
      expected = migratedSchema(appliedMigrations(conn));
    } catch (e) {
      throw e instanceof BackupError ? new BackupError(`${what} is refused: ${e.message}`) : e;
    }
    const ownTriggers = new Set(expected.filter((e) => e.type === "trigger").map((e) => e.name));
    const foreign = entries.filter((e) => e.type === "trigger" && !ownTriggers.has(e.name));
    if (foreign.length)
      throw new BackupError(
        `${what} has ${foreign.map((e) => `a trigger "${e.name}"`).join(", ")} the app's migrations do not create, so it is refused`,
      );
    const actual = conn.prepare(SCHEMA_SQL).all() as SchemaEntry[];
    const key = (e: SchemaEntry) => `${e.type} ${e.name}`;
    const want = new Map(expected.map((e) => [key(e), e]));
    const have = new Map(actual.map((e) => [key(e), e]));
    const differences = [
      ...[...want.keys()].filter((k) => !have.has(k)).map((k) => `missing ${k}`),
      ...[...have.keys()].filter((k) => !want.has(k)).map((k) => `unexpected ${k}`),
      ...[...want].filter(([k, e]) => have.has(k) && have.get(k)!.sql !== e.sql).map(([k]) => `${k} differs from its migration`),
    ];
    if (differences.length)
      throw new BackupError(`${what} does not have the app's schema: ${differences.slice(0, 8).join("; ")}${differences.length > 8 ? "; …" : ""}`);
  } finally {
    conn.close();
  }
}
