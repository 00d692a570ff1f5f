// Creates a Prisma client on the better-sqlite3 driver adapter. Shared by the app, the seed, scripts
// and tests (which point it at their own SQLite file). WAL + a busy timeout keep readers and the single
// writer from failing each other under load.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { databaseUrl } from "../env";

export type Db = PrismaClient;

export function createClient(url: string = databaseUrl()): PrismaClient {
  const adapter = new PrismaBetterSQLite3({ url }, { timestampFormat: "iso8601" });
  return new PrismaClient({ adapter });
}

/** Pragmas the app wants on every connection it opens. */
export async function tuneSqlite(db: PrismaClient) {
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
}
