// The two engines' migrations describe the same database (docs/decisions/0019): prisma/migrations applied
// to a SQLite file and prisma/postgres/migrations applied to a PostgreSQL database give the same tables,
// columns (kind, nullability, default), unique indexes and foreign keys. And the PostgreSQL schema is
// the one generated from prisma/schema.prisma. The comparison needs a PostgreSQL server
// (WATT_TEST_POSTGRES_URL); without one it is skipped.
import Database from "better-sqlite3";
import { readFileSync } from "node:fs";
import { Client } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migratePostgres } from "../lib/server/pg-migrate";
import { POSTGRES_SCHEMA, postgresSchema, SQLITE_SCHEMA } from "../scripts/pg-schema";
import { createTempDb, onServer, postgresUrl, type TempDb } from "./temp-db";

type Shape = Record<string, { columns: Record<string, string>; unique: string[]; foreignKeys: string[] }>;

const KIND: Record<string, string> = {
  INTEGER: "int",
  integer: "int",
  TEXT: "text",
  text: "text",
  REAL: "float",
  "double precision": "float",
  DATETIME: "timestamp",
  "timestamp without time zone": "timestamp",
  BOOLEAN: "bool",
  boolean: "bool",
  JSONB: "json",
  jsonb: "json",
};

function sqliteShape(file: string): Shape {
  const conn = new Database(file, { readonly: true });
  const out: Shape = {};
  const tables = conn
    .prepare("SELECT name, sql FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%'")
    .all() as {
    name: string;
    sql: string;
  }[];
  for (const { name, sql } of tables) {
    const cols = conn.prepare(`PRAGMA table_info("${name}")`).all() as {
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }[];
    const columns: Record<string, string> = {};
    for (const c of cols) {
      // a declared default wins: DatasetMeta's `id @default(1)` is "AUTOINCREMENT DEFAULT 1" in SQLite's DDL
      const dflt = c.dflt_value ?? (c.pk && /AUTOINCREMENT/.test(sql) ? "autoincrement" : "");
      columns[c.name] = `${KIND[c.type] ?? c.type} ${c.notnull || c.pk ? "not null" : "null"} ${dflt}`.trim();
    }
    const unique = (conn.prepare(`PRAGMA index_list("${name}")`).all() as { name: string; unique: number; origin: string }[])
      .filter((i) => i.unique && i.origin !== "pk")
      .map((i) => (conn.prepare(`PRAGMA index_info("${i.name}")`).all() as { name: string }[]).map((c) => c.name).join(","))
      .sort();
    const foreignKeys = (conn.prepare(`PRAGMA foreign_key_list("${name}")`).all() as { table: string; from: string; to: string; on_delete: string }[])
      .map((f) => `${f.from}→${f.table}.${f.to} ${f.on_delete}`)
      .sort();
    out[name] = { columns, unique, foreignKeys };
  }
  conn.close();
  return out;
}

async function postgresShape(c: Client): Promise<Shape> {
  const out: Shape = {};
  const cols = await c.query<{ t: string; c: string; type: string; nullable: string; dflt: string | null; pk: boolean }>(`
    SELECT col.table_name AS t, col.column_name AS c, col.data_type AS type, col.is_nullable AS nullable, col.column_default AS dflt,
      EXISTS (SELECT 1 FROM information_schema.key_column_usage k JOIN information_schema.table_constraints tc USING (constraint_name, table_name)
              WHERE tc.constraint_type = 'PRIMARY KEY' AND k.table_name = col.table_name AND k.column_name = col.column_name) AS pk
    FROM information_schema.columns col WHERE col.table_schema = 'public' AND col.table_name NOT LIKE '\\_prisma%'`);
  for (const r of cols.rows) {
    out[r.t] ??= { columns: {}, unique: [], foreignKeys: [] };
    const dflt = r.dflt?.startsWith("nextval(") ? "autoincrement" : (r.dflt ?? "").replace(/::[a-z ]+$/, "");
    out[r.t].columns[r.c] = `${KIND[r.type] ?? r.type} ${r.nullable === "NO" ? "not null" : "null"} ${dflt}`.trim();
  }
  const unique = await c.query<{ t: string; cols: string }>(`
    SELECT t.relname AS t, string_agg(a.attname, ',' ORDER BY k.ord) AS cols
    FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
    CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
    WHERE n.nspname = 'public' AND i.indisunique AND NOT i.indisprimary GROUP BY i.indexrelid, t.relname`);
  for (const r of unique.rows) out[r.t]?.unique.push(r.cols);
  const fks = await c.query<{ t: string; c: string; ft: string; fc: string; del: string }>(`
    SELECT tc.table_name AS t, kcu.column_name AS c, ccu.table_name AS ft, ccu.column_name AS fc, rc.delete_rule AS del
    FROM information_schema.table_constraints tc
    JOIN information_schema.key_column_usage kcu USING (constraint_name, table_schema)
    JOIN information_schema.constraint_column_usage ccu USING (constraint_name, table_schema)
    JOIN information_schema.referential_constraints rc USING (constraint_name)
    WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'`);
  for (const r of fks.rows) out[r.t]?.foreignKeys.push(`${r.c}→${r.ft}.${r.fc} ${r.del}`);
  for (const s of Object.values(out)) {
    s.unique.sort();
    s.foreignKeys.sort();
  }
  return out;
}

describe("one schema, two engines", () => {
  it("prisma/postgres/schema.prisma is generated from prisma/schema.prisma (npm run db:pg-schema)", () => {
    expect(readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(postgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")));
  });

  const sqlite: TempDb[] = [];
  afterAll(async () => {
    for (const t of sqlite) await t.close();
  });

  it.skipIf(!process.env.WATT_TEST_POSTGRES_URL)(
    "both migration folders give the same tables, columns, unique indexes and foreign keys",
    async () => {
      const name = `watt_t_schema_${process.pid}`;
      await onServer(async (c) => {
        await c.query(`DROP DATABASE IF EXISTS "${name}"`);
        await c.query(`CREATE DATABASE "${name}"`);
      });
      try {
        await migratePostgres(postgresUrl(name));
        const c = new Client({ connectionString: postgresUrl(name) });
        await c.connect();
        const pg = await postgresShape(c).finally(() => c.end());
        // a SQLite file from prisma/migrations, whichever engine the rest of this run uses
        const file = await sqliteFile();
        const lite = sqliteShape(file);
        const lines = (s: Shape) =>
          Object.entries(s)
            .flatMap(([t, v]) => [
              ...Object.entries(v.columns).map(([c, d]) => `${t}.${c}: ${d}`),
              ...v.unique.map((u) => `${t} unique(${u})`),
              ...v.foreignKeys.map((f) => `${t} fk ${f}`),
            ])
            .sort();
        expect(lines(pg)).toEqual(lines(lite));
        expect(Object.keys(pg).length).toBeGreaterThan(10);
      } finally {
        await onServer((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      }
    },
  );

  async function sqliteFile(): Promise<string> {
    const t = await createTempDb({ engine: "sqlite" });
    sqlite.push(t);
    return t.file;
  }
});
