// Applies prisma/postgres/migrations to a PostgreSQL database. Prisma 6.19's wasm schema engine cannot
// migrate through @prisma/adapter-pg (it fails on PostgreSQL's `name` column type: prisma/orm#27403) and
// the native engine is a download this project avoids, so this does what `prisma migrate deploy` does and
// records each migration in `_prisma_migrations` the way Prisma does (same table, SHA-256 checksum of
// the file), so a later `prisma migrate deploy` or `migrate status` reads the same history.
// An advisory lock makes instances that start together apply each migration once.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";

export const POSTGRES_MIGRATIONS = path.join(__dirname, "..", "..", "prisma", "postgres", "migrations");
const LOCK = 72707369; // the key Prisma's own migrate takes, so the two never run at once

const HISTORY = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {}

export function postgresMigrations(dir = POSTGRES_MIGRATIONS): { name: string; sql: string; checksum: string }[] {
  return readdirSync(dir)
    .filter((d) => /^\d+_/.test(d))
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Applies the migrations not yet recorded; returns their names. Each one in its own transaction. */
export async function migratePostgres(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK]);
    await client.query(HISTORY);
    const done = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const applied = new Map(done.rows.filter((r) => r.rolled_back_at === null).map((r) => [r.migration_name, r]));
    const failed = [...applied.values()].find((r) => r.finished_at === null);
    if (failed)
      throw new MigrationError(
        `migration ${failed.migration_name} failed earlier and is not finished; fix the database, then delete its row from _prisma_migrations`,
      );
    const ran: string[] = [];
    for (const m of postgresMigrations()) {
      const before = applied.get(m.name);
      if (before) {
        if (before.checksum !== m.checksum) throw new MigrationError(`migration ${m.name} was changed after it was applied to this database`);
        continue;
      }
      const id = randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
          [id, m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new MigrationError(`migration ${m.name} failed: ${e instanceof Error ? e.message.split("\n")[0] : e}`);
      }
      ran.push(m.name);
    }
    return ran;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Drops every table of the database's public schema (db:prepare --reset on a test database). A test
 * database that does not exist yet is created first, from the server's `postgres` database.
 */
export async function resetPostgres(url: string): Promise<void> {
  let client = new Client({ connectionString: url });
  try {
    await client.connect();
  } catch (e) {
    if ((e as { code?: string }).code !== "3D000") throw e;
    const u = new URL(url);
    const name = decodeURIComponent(u.pathname.slice(1));
    u.pathname = "/postgres";
    const admin = new Client({ connectionString: u.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`).finally(() => admin.end());
    client = new Client({ connectionString: url }); // a pg Client connects once
    await client.connect();
  }
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public");
  } finally {
    await client.end().catch(() => {});
  }
}
