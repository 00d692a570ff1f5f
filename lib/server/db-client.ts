// Creates a Prisma client on the better-sqlite3 driver adapter. Shared by the app, the seed, scripts
// and tests (which point it at their own SQLite file). WAL is set once on the file by
// scripts/db-prepare.ts (it persists); better-sqlite3's default 5 s busy timeout applies per connection.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { databaseUrl } from "../env";

export type Db = PrismaClient;

export function createClient(url: string = databaseUrl()): PrismaClient {
  const adapter = new PrismaBetterSQLite3({ url }, { timestampFormat: "iso8601" });
  return new PrismaClient({ adapter });
}
