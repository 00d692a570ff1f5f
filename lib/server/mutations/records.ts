// The write path shared by a company's records — sites, contracts, balance-sheet events: parse with the
// form's schema, find the company, check the record against its neighbours, write under the record's
// version, audit field by field. Each kind of record says only what differs (lib/server/mutations/
// sites-contracts.ts).
import type { z } from "zod";
import { deleteSchema } from "../../domain/forms";
import { diff, RECORD, recordChanges, type Entity } from "./audit";
import { ConflictError, defineWrite, FieldError, NotFoundError, type Tx } from "./result";

type Row = { id: number; companyId: number; version: number; position: number } & Record<string, unknown>;
type Delegate = {
  findFirst(a: object): Promise<Row | null>;
  create(a: object): Promise<Row>;
  updateMany(a: object): Promise<{ count: number }>;
  deleteMany(a: object): Promise<{ count: number }>;
  aggregate(a: object): Promise<{ _max: { position: number | null } }>;
};

export interface RecordKind<Input, Cols extends Record<string, unknown>> {
  table: "site" | "contract" | "balanceSheetEvent" | "siteChange" | "note";
  entity: Entity;
  /** "site", "contract", "balance-sheet event": in messages */
  noun: string;
  /** the form's schema: { ticker, id?, version?, [key]: Input } */
  schema: z.ZodType<{ ticker: string; id?: number; version?: number } & Record<string, unknown>>;
  key: string;
  fields: readonly string[];
  /** Checks the record against the company's other records (field errors) and maps it to columns. */
  columns(tx: Tx, companyId: number, input: Input, id?: number): Promise<Cols>;
  /** Columns as Prisma writes them (JSON columns set to null need DbNull). */
  data?(cols: Cols): object;
  /** The stored record as the form shows it: sent back with a conflict. */
  current(tx: Tx, row: Row): Promise<unknown>;
  /** Refuses a removal that would change other records' numbers silently. */
  beforeRemove?(tx: Tx, companyId: number, row: Row): Promise<void>;
  afterRemove?(tx: Tx, row: Row): Promise<void>;
}

const STALE = "Someone else changed this record after you opened it. Nothing was written.";
const table = (tx: Tx, t: RecordKind<unknown, Record<string, unknown>>["table"]) => tx[t] as unknown as Delegate;

async function companyByTicker(tx: Tx, ticker: string) {
  const company = await tx.company.findUnique({ where: { ticker } });
  if (!company) throw new NotFoundError(`Company ${ticker} not found`);
  return company;
}

/** The next position after every record of the company (positions never repeat after a delete). */
export async function nextPosition(tx: Tx, t: RecordKind<unknown, Record<string, unknown>>["table"], companyId: number) {
  const last = await table(tx, t).aggregate({ where: { companyId }, _max: { position: true } });
  return (last._max.position ?? -1) + 1;
}

/** Creates a record inside a transaction and audits its creation. */
export async function createRecord<I, C extends Record<string, unknown>>(
  kind: RecordKind<I, C>,
  tx: Tx,
  companyId: number,
  cols: C,
  user: string | null,
  extra: object = {},
) {
  const created = await table(tx, kind.table).create({
    data: { companyId, position: await nextPosition(tx, kind.table, companyId), ...(kind.data?.(cols) ?? cols), ...extra },
  });
  await recordChanges(tx, [{ entity: kind.entity, entityId: created.id, companyId, field: RECORD, before: null, after: cols }], user);
  return created;
}

export function saveRecord<I, C extends Record<string, unknown>>(
  kind: RecordKind<I, C>,
  create?: (tx: Tx, companyId: number, input: I, user: string | null) => Promise<Row>,
) {
  return defineWrite(kind.noun, kind.schema, async (tx, parsed, user): Promise<{ id: number; version: number }> => {
    const { ticker, id, version } = parsed;
    const input = parsed[kind.key] as I;
    const company = await companyByTicker(tx, ticker);
    if (id === undefined) {
      const created = create
        ? await create(tx, company.id, input, user)
        : await createRecord(kind, tx, company.id, await kind.columns(tx, company.id, input), user);
      return { id: created.id, version: created.version };
    }
    const before = await table(tx, kind.table).findFirst({ where: { id, companyId: company.id } });
    if (!before) throw new NotFoundError(`That ${kind.noun} no longer exists`);
    if (version === undefined) throw new FieldError("version", "Missing version");
    const cols = await kind.columns(tx, company.id, input, id);
    const updated = await table(tx, kind.table).updateMany({
      where: { id, version },
      data: { ...(kind.data?.(cols) ?? cols), version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError(STALE, await kind.current(tx, (await table(tx, kind.table).findFirst({ where: { id } }))!));
    await recordChanges(tx, diff(kind.entity, id, company.id, before, cols, kind.fields), user);
    return { id, version: before.version + 1 };
  });
}

export function removeRecord<I, C extends Record<string, unknown>>(kind: RecordKind<I, C>) {
  return defineWrite(`${kind.noun} removal`, deleteSchema, async (tx, { ticker, id, version }, user): Promise<{ id: number }> => {
    const company = await companyByTicker(tx, ticker);
    const before = await table(tx, kind.table).findFirst({ where: { id, companyId: company.id } });
    if (!before) throw new NotFoundError(`That ${kind.noun} no longer exists`);
    await kind.beforeRemove?.(tx, company.id, before);
    const current = await kind.current(tx, before);
    const removed = await table(tx, kind.table).deleteMany({ where: { id, version } });
    if (removed.count === 0) throw new ConflictError(STALE, current);
    await kind.afterRemove?.(tx, before);
    const cols = Object.fromEntries(kind.fields.map((f) => [f, before[f]]));
    await recordChanges(tx, [{ entity: kind.entity, entityId: id, companyId: company.id, field: RECORD, before: cols, after: null }], user);
    return { id };
  });
}
