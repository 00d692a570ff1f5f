// The one Prisma client of a server process. A globalThis singleton: it survives dev hot reloads, and
// proxy.ts (bundled apart from the pages) shares the pages' connection instead of opening its own.
import "server-only";
import { createClient, type Db } from "./db-client";

const globalForDb = globalThis as unknown as { __wattDb?: Db };

export const db: Db = (globalForDb.__wattDb ??= createClient());
