// A real, throwaway database for a test. SQLite (the default): a fresh file with the committed migrations
// applied. PostgreSQL (WATT_TEST_ENGINE=postgres, with WATT_TEST_POSTGRES_URL naming a server the tests may
// create databases on): a fresh database cloned from the template test/pg-global-setup.ts migrated once
// per run (`seeded: true` clones the template that also holds the seeded snapshot) and dropped after.
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import type { Engine } from "../lib/db-url";
import { createClient, type Db } from "../lib/server/db-client";

const MIGRATIONS = path.join(__dirname, "..", "prisma", "migrations");

export const TEST_ENGINE: Engine = process.env.WATT_TEST_ENGINE === "postgres" ? "postgres" : "sqlite";
export const onPostgres = TEST_ENGINE === "postgres";
export const PG_TEMPLATE = "watt_test_template";
export const PG_SEEDED_TEMPLATE = "watt_test_seeded";

export interface TempDb {
  engine: Engine;
  db: Db;
  /** The SQLite file ("" on PostgreSQL). */
  file: string;
  url: string;
  /** Row counts of every data table (not the revision counter), straight from the database (not through Prisma). */
  counts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

/** WATT_TEST_POSTGRES_URL with another database name. */
export function postgresUrl(database: string): string {
  const base = process.env.WATT_TEST_POSTGRES_URL;
  if (!base) throw new Error("WATT_TEST_ENGINE=postgres needs WATT_TEST_POSTGRES_URL (postgresql://USER@HOST:PORT/postgres)");
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function onServer<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: postgresUrl("postgres") });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** `engine` overrides the run's engine (a test that compares the two). */
export async function createTempDb(opts: { seeded?: boolean; engine?: Engine } = {}): Promise<TempDb> {
  return (opts.engine ?? TEST_ENGINE) === "postgres" ? createPostgresDb(opts.seeded ? PG_SEEDED_TEMPLATE : PG_TEMPLATE) : createSqliteDb();
}

async function createSqliteDb(): Promise<TempDb> {
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
    engine: "sqlite",
    db,
    file,
    url,
    async counts() {
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

async function createPostgresDb(template: string): Promise<TempDb> {
  const name = `watt_t_${process.pid}_${randomBytes(4).toString("hex")}`;
  await onServer((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const url = postgresUrl(name);
  const db = createClient(url);
  return {
    engine: "postgres",
    db,
    file: "",
    url,
    async counts() {
      const c = new Client({ connectionString: url });
      await c.connect();
      try {
        const tables = await c.query<{ name: string }>(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE '\\_prisma%' AND table_name <> 'DataRevision' ORDER BY 1",
        );
        const out: Record<string, number> = {};
        for (const { name: t } of tables.rows) out[t] = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0].n;
        return out;
      } finally {
        await c.end();
      }
    },
    async close() {
      await db.$disconnect();
      await onServer((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
