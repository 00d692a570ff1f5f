// For write-path tests: each test gets its own real database seeded with the snapshot (the dataset and
// its corrections), closed and deleted after it. `const t = seededPerTest()` at the top of a file.
// SQLite: a new file, seeded. PostgreSQL: a clone of the template the global setup seeded the same way.
import { afterEach, beforeEach } from "vitest";
import { seedSnapshot } from "../prisma/seed";
import type { WriteResult } from "../lib/server/mutations/result";
import { createTempDb, onPostgres, type TempDb } from "./temp-db";

export function seededPerTest(): TempDb {
  const t = {} as TempDb;
  beforeEach(async () => {
    if (onPostgres) Object.assign(t, await createTempDb({ seeded: true }));
    else {
      Object.assign(t, await createTempDb());
      await seedSnapshot(t.db);
    }
  });
  afterEach(async () => {
    await t.close();
  });
  return t;
}

/** A write's data, or the test fails with the whole result. */
export const ok = <T>(r: WriteResult<T>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
};
