// The one Prisma client of a server process (a globalThis singleton survives dev hot reloads).
import "server-only";
import { createClient, type Db } from "./db-client";

const globalForDb = globalThis as unknown as { __wattDb?: Db };

export const db: Db = globalForDb.__wattDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.__wattDb = db;
