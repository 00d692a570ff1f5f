// Creates a Prisma client for DATABASE_URL, on the driver adapter of its engine: better-sqlite3 for a
// `file:` URL, pg for `postgresql://` (docs/decisions/0019-postgresql-second-engine.md). Shared by the app,
// the seed, scripts and tests. Both generated clients come from one schema source, so they have the same
// models and row types; the app is written against the SQLite client's types.
// SQLite: WAL is set once on the file by scripts/db-prepare.ts (it persists); better-sqlite3's default 5 s
// busy timeout applies per connection. PostgreSQL: a pool of connections per process (pg's default, 10).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "../generated/prisma-pg/client";
import { databaseUrl } from "../env";
import { engineOf, type Engine } from "../db-url";

export type Db = PrismaClient;

const engines = new WeakMap<object, Engine>();

export function createClient(url: string = databaseUrl()): PrismaClient {
  if (engineOf(url) === "postgres") {
    const client = new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient;
    engines.set(client, "postgres");
    return client;
  }
  const adapter = new PrismaBetterSQLite3({ url }, { timestampFormat: "iso8601" });
  return new PrismaClient({ adapter });
}

/** The engine behind a client from createClient (SQLite for anything else, e.g. a transaction client). */
export const engineOfClient = (db: object): Engine => engines.get(db) ?? "sqlite";
