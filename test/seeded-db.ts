// For write-path tests: each test gets its own real SQLite file seeded with the snapshot (the dataset and
// its corrections), closed and deleted after it. `const t = seededPerTest()` at the top of a file.
import { afterEach, beforeEach } from "vitest";
import { seedSnapshot } from "../prisma/seed";
import type { WriteResult } from "../lib/server/mutations/result";
import { createTempDb, type TempDb } from "./temp-db";

export function seededPerTest(): TempDb {
  const t = {} as TempDb;
  beforeEach(async () => {
    Object.assign(t, await createTempDb());
    await seedSnapshot(t.db);
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
