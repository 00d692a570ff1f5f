// The data revision (DataRevision, bumped by triggers on every data table): one read per cached request.
import type { Db } from "./db-client";

export async function readRevision(db: Db): Promise<number> {
  const row = await db.dataRevision.findUnique({ where: { id: 1 }, select: { n: true } });
  // No row: a database from before the migration, which db:prepare brings up to date; never cached as 0 twice.
  if (!row) throw new Error("DataRevision row missing: run npm run db:prepare");
  return row.n;
}
