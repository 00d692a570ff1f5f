// A real, throwaway SQLite database for a test: a fresh file with the committed migrations applied.
import Database from "better-sqlite3";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient, type Db } from "../lib/server/db-client";

const MIGRATIONS = path.join(__dirname, "..", "prisma", "migrations");

export interface TempDb {
  db: Db;
  file: string;
  url: string;
  /** Row counts of every data table (not the revision counter), straight from SQLite. */
  counts(): Record<string, number>;
  close(): Promise<void>;
}

export async function createTempDb(): Promise<TempDb> {
  const dir = mkdtempSync(path.join(tmpdir(), "watt-test-"));
  const file = path.join(dir, "test.db");
  const raw = new Database(file);
  for (const m of readdirSync(MIGRATIONS)
    .filter((d) => /^\d+_/.test(d))
    .sort())
    raw.exec(readFileSync(path.join(MIGRATIONS, m, "migration.sql"), "utf8"));
  raw.pragma("journal_mode = WAL"); // as scripts/db-prepare.ts sets it on real databases
  raw.close();
  const url = `file:${file}`;
  const db = createClient(url);
  return {
    db,
    file,
    url,
    counts() {
      const conn = new Database(file, { readonly: true });
      const tables = conn
        .prepare(
          "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%' AND name <> 'DataRevision'",
        )
        .all() as { name: string }[];
      const out = Object.fromEntries(
        tables.map(({ name }) => [name, (conn.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]),
      );
      conn.close();
      return out;
    },
    async close() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
