// A figure's dated points: the one place they are written. An edit, a revert and a bulk update each reduce
// to "set the point of (company, key, as-of) to this value, or remove it", audited as a change of the
// company's field with the point before and after (both carry the as-of, so a revert finds the point).
import { latestPoints, type FactOrigin } from "../../domain/history";
import type { FactKey } from "../../domain/facts";
import type { FactValue } from "../../domain/to-scoring";
import type { Db } from "../db-client";
import { factColumns, factPointOf, factToInput, figuresFrom } from "../rows";
import { FALLBACK_SNAPSHOT } from "../timeline";
import type { Change } from "./audit";
import type { Tx } from "./result";
import { sameValue } from "../same-value";

const same = sameValue; // key order aside (jsonb reorders keys): lib/server/same-value.ts

export async function snapshotOf(tx: Tx | Db): Promise<string> {
  return (await tx.datasetMeta.findUnique({ where: { id: 1 }, select: { snapshot: true } }))?.snapshot ?? FALLBACK_SNAPSHOT;
}

/** The company's latest point of every figure: what its edit form shows and changes. */
export async function latestFiguresOf(tx: Tx | Db, companyId: number) {
  // one query after the other: inside a transaction the driver adapter runs one statement at a time
  const facts = await tx.fact.findMany({ where: { companyId } });
  const snapshot = await snapshotOf(tx);
  return figuresFrom(latestPoints(facts.map(factPointOf), snapshot));
}

/** The stored point of (company, key, as-of) in its form shape, or null. */
export async function pointOf(tx: Tx, companyId: number, key: string, asOf: string): Promise<FactValue | null> {
  const f = await tx.fact.findUnique({ where: { companyId_key_asOf: { companyId, key, asOf } } });
  return f ? factToInput(f) : null;
}

/** Who a point is recorded as written by: its origin, the user, and when (now unless given: a revert puts back the original's). */
export interface PointWriter {
  origin: FactOrigin;
  user: string | null;
  at?: Date | null;
}

/** Sets the point at `asOf` to `value` (null removes it). A corrected point keeps its place in time (snapshotPoint). */
export async function writePoint(tx: Tx, companyId: number, key: string, asOf: string, value: FactValue | null, who: PointWriter) {
  const where = { companyId_key_asOf: { companyId, key, asOf } };
  if (value == null) {
    await tx.fact.deleteMany({ where: { companyId, key, asOf } });
    return;
  }
  const data = { ...factColumns(value), origin: who.origin, recordedAt: who.at === undefined ? new Date() : who.at, recordedBy: who.user };
  await tx.fact.upsert({ where, create: { companyId, key, ...data }, update: { ...data, version: { increment: 1 } } });
}

/**
 * The change an edit of figure `key` makes, from the latest point `latest` to the submitted value:
 * removing the figure removes its latest point; a value at the latest point's as-of corrects it; a value
 * at another as-of corrects the point there, or adds one. Null when nothing changes.
 */
export async function editChange(
  tx: Tx,
  companyId: number,
  key: FactKey,
  latest: FactValue | null,
  submitted: FactValue | null,
): Promise<Change | null> {
  const base = { entity: "Company" as const, entityId: companyId, companyId, field: key };
  if (submitted == null) return latest == null ? null : { ...base, before: latest, after: null };
  const stored = factToInput(factColumns(submitted)); // the stored shape, so a round trip is not a change
  const at = latest?.asOf === stored.asOf ? latest : await pointOf(tx, companyId, key, stored.asOf);
  return same(at, stored) ? null : { ...base, before: at, after: stored };
}

/** Applies a change made by editChange (or its revert): the point at its as-of becomes `after`. */
export async function applyPointChange(tx: Tx, c: Change, who: PointWriter) {
  const asOf = ((c.after ?? c.before) as FactValue).asOf;
  await writePoint(tx, c.companyId!, c.field, asOf, (c.after as FactValue | null) ?? null, who);
}

export { same as samePoint };
