// JSON export of every table and the matching import (issue 6, reliability).
//
// The export holds every row of every table with all columns — ids, versions, timestamps (ISO strings)
// and Json columns as parsed JSON — ordered by primary key, with keys in a fixed order and no export
// timestamp, so the same data always gives the same bytes: export → import into an empty database →
// export again gives an identical file.
//
// The import validates the whole file before writing anything (a strict zod schema per table, the
// domain rules of lib/domain through ./import-rules.ts, then primary/foreign keys and unique
// constraints across tables); every problem is reported with table, row id and field. It then writes
// in ONE transaction: a non-empty target is refused unless `replace`, which deletes everything first
// inside the same transaction; rows keep their original ids.
import { z } from "zod";
import {
  BALANCE_SHEET_EVENT_KINDS,
  CONTRACT_STATUSES,
  CONTRACT_STRUCTURES,
  COUNTERPARTY_KINDS,
  EVENT_KINDS,
  IT_MW_SCOPES,
  LEASE_TYPES,
  MW_BASES,
  POWER_STRATEGIES,
  SHARE_BASES,
  SITE_STAGES,
  SITE_USES,
} from "../domain/enums";
import { OWNERSHIP_SHARE } from "../domain/number-rules";
import { contractSchema } from "../domain/schemas";
import { numberSchema } from "../number-schema";
import { FACT_ORIGINS } from "../domain/history";
import { assumptionOverridesSchema, assumptionsSchema, withDefaults } from "../scoring/assumptions";
import { Prisma } from "../generated/prisma/client";
import { engineOfClient, type Db } from "./db-client";
import { checkDomainRules, fileShapeProblems } from "./import-rules";

export const EXPORT_FORMAT = "watt-screener-export";
export const EXPORT_FORMAT_VERSION = 4;

// ── Column schemas ───────────────────────────────────────────────────────────────────────────────────
// Each table's strict schema lists its columns in the order they are written to the file. Values are
// checked as stored (no trimming or other transforms), so what is validated is exactly what is inserted;
// a number column takes a JSON number only (the domain's number schemas would also read typed text).

const id = z.number().int().positive();
const fk = z.number().int().positive();
const int = z.number().int();
const version = z.number().int().min(1);
const position = z.number().int().min(0);
const float = z.number(); // JSON has no NaN/Infinity, so any number here is finite
const storedShare = numberSchema(OWNERSHIP_SHARE, { text: false });
const str = z.string();
const isoDateTime = z.iso.datetime({ offset: false, precision: 3, error: "Must be an ISO timestamp like 2025-11-21T10:00:00.000Z" });
const strings = z.array(z.string());
const json = z.json();

const companyRow = z.strictObject({
  id,
  ticker: str.min(1),
  name: str,
  exchange: str,
  country: str,
  powerStrategy: z.enum(POWER_STRATEGIES).nullable(),
  powerNote: str.nullable(),
  gaps: strings,
  assumptionOverrides: assumptionOverridesSchema,
  version,
  updatedAt: isoDateTime,
});
const factRow = z.strictObject({
  id,
  companyId: fk,
  key: str.min(1),
  value: float,
  asOf: str,
  sourceUrl: str,
  note: str.nullable(),
  basis: z.enum(SHARE_BASES).nullable(),
  low: float.nullable(),
  high: float.nullable(),
  origin: z.enum(FACT_ORIGINS),
  snapshotPoint: z.boolean(),
  recordedAt: isoDateTime.nullable(),
  recordedBy: str.nullable(),
  version,
});
const siteChangeRow = z.strictObject({
  id,
  companyId: fk,
  siteId: fk,
  date: str,
  stage: z.enum(SITE_STAGES).nullable(),
  grossMw: float.nullable(),
  itMw: float.nullable(),
  sourceUrl: str,
  note: str.nullable(),
  position,
  version,
});
const noteRow = z.strictObject({
  id,
  companyId: fk,
  figure: str.nullable(),
  body: str,
  author: str.nullable(),
  createdAt: isoDateTime,
  position,
  version,
});
const savedViewRow = z.strictObject({
  id,
  name: str,
  nameKey: str,
  query: str,
  createdBy: str.nullable(),
  createdAt: isoDateTime,
  version,
});
const updateBatchRow = z.strictObject({
  id,
  at: isoDateTime,
  user: str.nullable(),
  name: str,
  description: str,
  sha256: str,
  rows: int,
  newPoints: int,
  corrections: int,
  unchanged: int,
});
const siteRow = z.strictObject({
  id,
  companyId: fk,
  name: str.min(1),
  location: str.nullable(),
  country: str.nullable(),
  grossMw: float.nullable(),
  grossMwAsOf: str.nullable(),
  grossMwSourceUrl: str.nullable(),
  grossMwNote: str.nullable(),
  itMw: float.nullable(),
  itMwAsOf: str.nullable(),
  itMwSourceUrl: str.nullable(),
  itMwNote: str.nullable(),
  itMwScope: z.enum(IT_MW_SCOPES).nullable(),
  companyShare: storedShare,
  stage: z.enum(SITE_STAGES),
  use: z.enum(SITE_USES),
  expectedEnergization: str.nullable(),
  ownership: str.nullable(),
  sourceUrl: str.nullable(),
  note: str.nullable(),
  position,
  version,
});
const eventRow = z.strictObject({
  id,
  companyId: fk,
  date: str,
  kind: z.enum(EVENT_KINDS),
  summary: str,
  sourceUrls: strings,
  // The payload applyEvent() parses with contractSchema when the event is applied.
  contractJson: contractSchema.nullable(),
  appliedAt: isoDateTime.nullable(),
  position,
  version,
});
const contractRow = z.strictObject({
  id,
  companyId: fk,
  code: str.min(1),
  counterparty: str,
  counterpartyKind: z.enum(COUNTERPARTY_KINDS).nullable(),
  counterpartyRating: str.nullable(),
  guarantor: str.nullable(),
  guarantorRating: str.nullable(),
  backstopUsd: float.nullable(),
  structure: z.enum(CONTRACT_STRUCTURES),
  leaseType: z.enum(LEASE_TYPES).nullable(),
  siteId: fk.nullable(),
  itMw: float.nullable(),
  itMwBasis: z.enum(MW_BASES),
  tenorYears: float.nullable(),
  totalValueUsd: float.nullable(),
  extensionOptions: str.nullable(),
  signedDate: str.nullable(),
  rentStart: str.nullable(),
  status: z.enum(CONTRACT_STATUSES),
  deliveredItMw: float.nullable(),
  companyGpuCapexUsd: float.nullable(),
  prepaymentUsd: float.nullable(),
  companyFundedCapexUsd: float.nullable(),
  companyFundedCapexMw: float.nullable(),
  tenantFundedCapexShare: float.nullable(),
  siteAllocations: z.array(z.strictObject({ siteId: fk, itMw: float })).nullable(),
  companyShare: storedShare,
  sourceUrls: strings,
  note: str.nullable(),
  position,
  version,
  fromEventId: fk.nullable(),
});
const balanceSheetEventRow = z.strictObject({
  id,
  companyId: fk,
  date: str,
  kind: z.enum(BALANCE_SHEET_EVENT_KINDS),
  description: str,
  cashDeltaUsd: float.nullable(),
  debtDeltaUsd: float.nullable(),
  preferredDeltaUsd: float.nullable(),
  committedDeltaUsd: float.nullable(),
  sharesDelta: float.nullable(),
  btcDelta: float.nullable(),
  sourceUrls: strings,
  note: str.nullable(),
  position,
  version,
});
const assumptionSetRow = z.strictObject({
  // A set is checked as the app reads it (withDefaults: a key added since it was saved takes its default,
  // a retired key is left out); the file keeps the values as stored (what is inserted is the raw row).
  id,
  name: str.min(1),
  isDefault: z.boolean(),
  values: z.preprocess(withDefaults, assumptionsSchema),
  version,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
const auditEntryRow = z.strictObject({
  id,
  at: isoDateTime,
  entity: z.enum(["Company", "Fact", "Site", "SiteChange", "Contract", "Event", "BalanceSheetEvent", "AssumptionSet", "Note", "SavedView"]),
  entityId: int,
  companyId: int.nullable(),
  field: str.min(1),
  before: json,
  after: json,
  user: str.nullable(),
  revertOf: int.nullable(),
  batchId: int.nullable(),
});
const datasetMetaRow = z.strictObject({
  id,
  snapshot: str,
  currency: str,
  notes: str,
  loadedAt: isoDateTime,
  sourceFile: str,
  datasetVersion: int,
  correctionsFile: str.nullable(),
});

/** Tables in foreign-key order (parents first): the insert order; deletes go in reverse. */
const TABLES = {
  Company: { schema: companyRow, model: "company", datetimes: ["updatedAt"], nullableJson: [] },
  Fact: { schema: factRow, model: "fact", datetimes: ["recordedAt"], nullableJson: [] },
  Site: { schema: siteRow, model: "site", datetimes: [], nullableJson: [] },
  SiteChange: { schema: siteChangeRow, model: "siteChange", datetimes: [], nullableJson: [] },
  Event: { schema: eventRow, model: "event", datetimes: ["appliedAt"], nullableJson: ["contractJson"] },
  Contract: { schema: contractRow, model: "contract", datetimes: [], nullableJson: ["siteAllocations"] },
  BalanceSheetEvent: { schema: balanceSheetEventRow, model: "balanceSheetEvent", datetimes: [], nullableJson: [] },
  AssumptionSet: { schema: assumptionSetRow, model: "assumptionSet", datetimes: ["createdAt", "updatedAt"], nullableJson: [] },
  Note: { schema: noteRow, model: "note", datetimes: ["createdAt"], nullableJson: [] },
  SavedView: { schema: savedViewRow, model: "savedView", datetimes: ["createdAt"], nullableJson: [] },
  UpdateBatch: { schema: updateBatchRow, model: "updateBatch", datetimes: ["at"], nullableJson: [] },
  AuditEntry: { schema: auditEntryRow, model: "auditEntry", datetimes: ["at"], nullableJson: ["before", "after"] },
  DatasetMeta: { schema: datasetMetaRow, model: "datasetMeta", datetimes: ["loadedAt"], nullableJson: [] },
} as const;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];
/** Column names per table, in file order. */
export const EXPORT_COLUMNS = Object.fromEntries(TABLE_NAMES.map((t) => [t, Object.keys(TABLES[t].schema.shape)])) as Record<TableName, string[]>;

export type ExportRow = Record<string, unknown>;
export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  formatVersion: typeof EXPORT_FORMAT_VERSION;
  tables: Record<TableName, ExportRow[]>;
}
export type RowCounts = Record<TableName, number>;

/** An import that was refused (invalid file or non-empty target). Nothing was written. */
export class ImportError extends Error {
  constructor(
    message: string,
    public readonly problems: string[] = [],
  ) {
    super(message);
    this.name = "ImportError";
  }
}

type Delegate = {
  findMany(args: { orderBy: { id: "asc" } }): Promise<Record<string, unknown>[]>;
  count(): Promise<number>;
  deleteMany(): Promise<unknown>;
  createMany(args: { data: Record<string, unknown>[] }): Promise<{ count: number }>;
};
type Client = Db | Prisma.TransactionClient;
// The delegates differ only in their row types; this module handles rows generically.
const delegate = (db: Client, t: TableName) => (db as unknown as Record<string, Delegate>)[TABLES[t].model];

// ── Export ───────────────────────────────────────────────────────────────────────────────────────────

function exportRow(t: TableName, row: Record<string, unknown>): ExportRow {
  const cols = EXPORT_COLUMNS[t];
  const unknownCols = Object.keys(row).filter((k) => !cols.includes(k));
  if (unknownCols.length) throw new Error(`lib/server/export.ts does not know ${t}.${unknownCols.join(`, ${t}.`)} — add the column(s) to its schema`);
  const datetimes: readonly string[] = TABLES[t].datetimes;
  const out: ExportRow = {};
  for (const c of cols) {
    const v = row[c];
    out[c] = datetimes.includes(c) ? (v == null ? null : (v as Date).toISOString()) : (v ?? null);
  }
  return out;
}

/** Every row of every table, read in one transaction (a consistent snapshot). */
export async function exportAll(db: Db): Promise<ExportFile> {
  // SQLite's transactions are serializable; PostgreSQL's default (read committed) would let each table
  // be read at a different moment, so the export asks for one snapshot of all of them.
  // (the level is the PostgreSQL client's: the SQLite client's types know only Serializable)
  const isolation = engineOfClient(db) === "postgres" ? { isolationLevel: "RepeatableRead" as unknown as Prisma.TransactionIsolationLevel } : {};
  const rows = await db.$transaction(
    async (tx) => {
      const out = {} as Record<TableName, ExportRow[]>;
      for (const t of TABLE_NAMES) out[t] = (await delegate(tx, t).findMany({ orderBy: { id: "asc" } })).map((r) => exportRow(t, r));
      return out;
    },
    { timeout: 60_000, ...isolation },
  );
  return { format: EXPORT_FORMAT, formatVersion: EXPORT_FORMAT_VERSION, tables: rows };
}

/** The file text: two exports of the same data are byte-identical. */
export function serializeExport(file: ExportFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

export const countRows = (file: ExportFile): RowCounts => Object.fromEntries(TABLE_NAMES.map((t) => [t, file.tables[t].length])) as RowCounts;

// ── Validation ───────────────────────────────────────────────────────────────────────────────────────

const MAX_PROBLEMS = 100;

const headerSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT, { error: `Not a Watt Screener export (format must be "${EXPORT_FORMAT}")` }),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION, { error: `Unsupported formatVersion (this version reads ${EXPORT_FORMAT_VERSION})` }),
  tables: z.strictObject(Object.fromEntries(TABLE_NAMES.map((t) => [t, z.array(z.unknown())])) as Record<TableName, z.ZodArray<z.ZodUnknown>>),
});

const formatPath = (p: readonly PropertyKey[]) =>
  p.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), "");

const rowLabel = (t: TableName, row: unknown, index: number) => {
  const rid = (row as { id?: unknown } | null)?.id;
  return typeof rid === "number" ? `${t} id ${rid}` : `${t} row #${index + 1}`;
};

/**
 * Checks a parsed export file; returns the problems as "Site id 12: stage — Invalid option: …" lines
 * (empty when the file can be imported as is).
 */
export function validateExport(input: unknown): { file: ExportFile | null; problems: string[] } {
  const shape = fileShapeProblems(input); // before any zod schema: they recurse
  if (shape.length) return { file: null, problems: shape };
  const raw = upgradeV3(upgradeV2(upgradeV1(input)));
  const header = headerSchema.safeParse(raw);
  if (!header.success) return { file: null, problems: header.error.issues.map((i) => `${formatPath(i.path) || "(file)"} — ${i.message}`) };
  const tables = header.data.tables as Record<TableName, unknown[]>;
  const problems: string[] = [];
  const add = (t: TableName, row: unknown, index: number, field: string, message: string) =>
    problems.push(`${rowLabel(t, row, index)}: ${field} — ${message}`);

  // 1. Each row against its table's schema, then (rows that passed) against the domain rules.
  const passed = {} as Record<TableName, { row: Record<string, unknown>; index: number }[]>;
  for (const t of TABLE_NAMES) {
    passed[t] = [];
    tables[t].forEach((row, i) => {
      const r = TABLES[t].schema.safeParse(row);
      if (r.success) return void passed[t].push({ row: row as Record<string, unknown>, index: i });
      for (const issue of r.error.issues) {
        if (issue.code === "unrecognized_keys") add(t, row, i, issue.keys.join(", "), "Unknown column");
        else add(t, row, i, formatPath(issue.path) || "(row)", issue.message);
      }
    });
  }
  checkDomainRules(passed, (t, row, i, field, message) => add(t as TableName, row, i, field, message));

  // 2. Keys across rows and tables. Works on the raw rows, so these are found even when step 1 failed.
  const get = (row: unknown, col: string) => (row && typeof row === "object" ? (row as Record<string, unknown>)[col] : undefined);
  const ids = {} as Record<TableName, Map<number, unknown>>;
  for (const t of TABLE_NAMES) {
    ids[t] = new Map();
    tables[t].forEach((row, i) => {
      const rid = get(row, "id");
      if (typeof rid !== "number") return;
      if (ids[t].has(rid)) add(t, row, i, "id", `Duplicate id ${rid}`);
      else ids[t].set(rid, row);
    });
  }
  const unique = (t: TableName, cols: string[], what: string) => {
    const seen = new Map<string, number>();
    tables[t].forEach((row, i) => {
      const values = cols.map((c) => get(row, c));
      if (values.some((v) => v === undefined || v === null)) return;
      const key = JSON.stringify(values);
      if (seen.has(key))
        add(
          t,
          row,
          i,
          cols[cols.length - 1],
          `Duplicate ${what} ${values.map((v) => JSON.stringify(v)).join(" / ")} (also ${t} id ${seen.get(key)})`,
        );
      else seen.set(key, get(row, "id") as number);
    });
  };
  unique("Company", ["ticker"], "ticker");
  unique("Fact", ["companyId", "key", "asOf"], "point (figure and as-of) for the company");
  unique("Site", ["companyId", "name"], "site name for the company");
  unique("Contract", ["code"], "contract code");
  unique("Contract", ["fromEventId"], "source event");
  unique("AssumptionSet", ["name"], "assumption set name");

  const ref = (t: TableName, col: string, parent: TableName) =>
    tables[t].forEach((row, i) => {
      const v = get(row, col);
      if (typeof v === "number" && !ids[parent].has(v)) add(t, row, i, col, `Refers to ${parent} id ${v}, which is not in the file`);
    });
  ref("Fact", "companyId", "Company");
  ref("Site", "companyId", "Company");
  ref("Event", "companyId", "Company");
  ref("Contract", "companyId", "Company");
  ref("Contract", "siteId", "Site");
  ref("Contract", "fromEventId", "Event");
  ref("BalanceSheetEvent", "companyId", "Company");
  ref("SiteChange", "companyId", "Company");
  ref("SiteChange", "siteId", "Site");
  ref("AuditEntry", "batchId", "UpdateBatch");
  tables.SiteChange.forEach((row, i) => {
    const site = ids.Site.get(get(row, "siteId") as number);
    if (site !== undefined && get(site, "companyId") !== get(row, "companyId"))
      add("SiteChange", row, i, "siteId", `Site id ${get(row, "siteId")} belongs to another company`);
  });
  // Allocations name sites of the contract's own company (a JSON column, so not a database constraint).
  tables.Contract.forEach((row, i) => {
    const allocations = get(row, "siteAllocations");
    if (!Array.isArray(allocations)) return;
    for (const x of allocations) {
      const site = ids.Site.get((x as { siteId?: number })?.siteId as number);
      if (site === undefined)
        add("Contract", row, i, "siteAllocations", `Refers to Site id ${(x as { siteId?: unknown })?.siteId}, which is not in the file`);
      else if (get(site, "companyId") !== get(row, "companyId"))
        add("Contract", row, i, "siteAllocations", `Site id ${get(site, "id")} belongs to another company`);
    }
  });
  // Not database constraints, but the app relies on them.
  tables.Contract.forEach((row, i) => {
    const companyId = get(row, "companyId");
    for (const [col, parent] of [
      ["siteId", "Site"],
      ["fromEventId", "Event"],
    ] as const) {
      const p = ids[parent].get(get(row, col) as number);
      if (p !== undefined && typeof companyId === "number" && get(p, "companyId") !== companyId)
        add("Contract", row, i, col, `${parent} id ${get(row, col)} belongs to another company`);
    }
  });
  ref("AuditEntry", "revertOf", "AuditEntry");
  const defaults = tables.AssumptionSet.filter((r) => get(r, "isDefault") === true).length;
  if (defaults > 1) problems.push(`AssumptionSet: isDefault — at most one set can be the default (found ${defaults})`);
  if (tables.DatasetMeta.length > 1) problems.push(`DatasetMeta: (table) — at most one row (found ${tables.DatasetMeta.length})`);

  return { file: problems.length ? null : (raw as ExportFile), problems };
}

/**
 * An export written before model v2 (formatVersion 1) as this version's file: the columns v2 added take
 * the values the migration gives existing rows, and there are no balance-sheet events yet. Nothing the
 * old file holds is changed or dropped.
 */
function upgradeV1(raw: unknown): unknown {
  const f = raw as { format?: unknown; formatVersion?: unknown; tables?: Record<string, unknown> };
  if (!f || typeof f !== "object" || f.format !== EXPORT_FORMAT || f.formatVersion !== 1 || !f.tables || typeof f.tables !== "object") return raw;
  const rows = (t: string) => (Array.isArray(f.tables![t]) ? (f.tables![t] as Record<string, unknown>[]) : []);
  const add = (t: string, cols: Record<string, unknown>) => rows(t).map((r) => (r && typeof r === "object" ? { ...r, ...cols, ...r } : r));
  return {
    ...f,
    formatVersion: 2,
    tables: {
      ...f.tables,
      Fact: add("Fact", { low: null, high: null, origin: "dataset" }),
      Site: add("Site", { country: null, itMwScope: null, companyShare: 1 }),
      Contract: add("Contract", { companyFundedCapexMw: null, siteAllocations: null, companyShare: 1 }),
      BalanceSheetEvent: f.tables.BalanceSheetEvent ?? [],
      DatasetMeta: add("DatasetMeta", { datasetVersion: 1, correctionsFile: null }),
    },
  };
}

/**
 * An export written before figures had a history (formatVersion 2) as this version's file, as the
 * migration leaves such a database: each point keeps its row, the dataset's and corrections' points stand
 * for the snapshot, nobody is recorded as their author; no site changes or update batches yet.
 */
function upgradeV2(raw: unknown): unknown {
  const f = raw as { format?: unknown; formatVersion?: unknown; tables?: Record<string, unknown> };
  if (!f || typeof f !== "object" || f.format !== EXPORT_FORMAT || f.formatVersion !== 2 || !f.tables || typeof f.tables !== "object") return raw;
  const rows = (t: string) => (Array.isArray(f.tables![t]) ? (f.tables![t] as Record<string, unknown>[]) : []);
  const add = (t: string, cols: (r: Record<string, unknown>) => Record<string, unknown>) =>
    rows(t).map((r) => (r && typeof r === "object" ? { ...r, ...cols(r), ...r } : r));
  const insertAfter = (r: Record<string, unknown>, after: string, cols: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(r).flatMap(([k, v]) => (k === after ? [[k, v], ...Object.entries(cols)] : [[k, v]])));
  return {
    ...f,
    formatVersion: 3,
    tables: {
      ...f.tables,
      Fact: rows("Fact").map((r) =>
        r && typeof r === "object" && !("snapshotPoint" in r)
          ? insertAfter(r, "origin", { snapshotPoint: r.origin === "dataset" || r.origin === "correction", recordedAt: null, recordedBy: null })
          : r,
      ),
      SiteChange: f.tables.SiteChange ?? [],
      UpdateBatch: f.tables.UpdateBatch ?? [],
      AuditEntry: add("AuditEntry", () => ({ batchId: null })),
    },
  };
}

/** An export written before notes and saved views (formatVersion 3): the same file with both tables empty. */
function upgradeV3(raw: unknown): unknown {
  const f = raw as { format?: unknown; formatVersion?: unknown; tables?: Record<string, unknown> };
  if (!f || typeof f !== "object" || f.format !== EXPORT_FORMAT || f.formatVersion !== 3 || !f.tables || typeof f.tables !== "object") return raw;
  return { ...f, formatVersion: EXPORT_FORMAT_VERSION, tables: { ...f.tables, Note: f.tables.Note ?? [], SavedView: f.tables.SavedView ?? [] } };
}

// ── Import ───────────────────────────────────────────────────────────────────────────────────────────

function toDbRow(t: TableName, row: ExportRow): Record<string, unknown> {
  const { datetimes, nullableJson } = TABLES[t] as { datetimes: readonly string[]; nullableJson: readonly string[] };
  const out: Record<string, unknown> = {};
  for (const c of EXPORT_COLUMNS[t]) {
    const v = row[c];
    if (datetimes.includes(c)) out[c] = v == null ? null : new Date(v as string);
    else if (nullableJson.includes(c)) out[c] = v == null ? Prisma.DbNull : v;
    else out[c] = v;
  }
  return out;
}

export async function countTables(db: Client): Promise<RowCounts> {
  const out = {} as RowCounts;
  for (const t of TABLE_NAMES) out[t] = await delegate(db, t).count();
  return out;
}

/**
 * Validates `raw` (a parsed export file) completely, then writes it in one transaction. Throws
 * ImportError — with nothing written — for an invalid file, or a non-empty target without `replace`.
 */
export async function importAll(db: Db, raw: unknown, opts: { replace?: boolean } = {}): Promise<RowCounts> {
  const { file, problems } = validateExport(raw);
  if (!file) {
    const shown = problems.slice(0, MAX_PROBLEMS);
    const more = problems.length > shown.length ? `\n  … and ${problems.length - shown.length} more` : "";
    throw new ImportError(
      `Import rejected (${problems.length} problem${problems.length === 1 ? "" : "s"}); nothing was written:\n  ${shown.join("\n  ")}${more}`,
      problems,
    );
  }
  return db.$transaction(
    async (tx) => {
      const existing = await countTables(tx);
      const nonEmpty = TABLE_NAMES.filter((t) => existing[t] > 0);
      if (nonEmpty.length && !opts.replace)
        throw new ImportError(
          `The target database is not empty (${nonEmpty.map((t) => `${t}: ${existing[t]}`).join(", ")}); nothing was written. Import into an empty database, or replace everything with --replace.`,
        );
      // Children first; Contract before Event because of Contract.fromEventId.
      for (const t of [...TABLE_NAMES].reverse()) await delegate(tx, t).deleteMany();
      const counts = {} as RowCounts;
      for (const t of TABLE_NAMES) {
        const rows = file.tables[t];
        counts[t] = rows.length ? (await delegate(tx, t).createMany({ data: rows.map((r) => toDbRow(t, r)) })).count : 0;
      }
      if (engineOfClient(db) === "postgres") await advancePostgresSequences(tx, file);
      else await reserveAuditedIds(tx, file);
      return counts;
    },
    { timeout: 120_000 },
  );
}

/**
 * Inserting explicit ids moves SQLite's AUTOINCREMENT counter only up to the largest id present. A row
 * that was deleted before the export is gone but its audit entries still name its id; without this, the
 * next new row could get that id and inherit the deleted row's history. (PostgreSQL: advancePostgresSequences.)
 */
async function reserveAuditedIds(tx: Prisma.TransactionClient, file: ExportFile) {
  const audited: TableName[] = ["Company", "Site", "Contract", "Event", "BalanceSheetEvent", "AssumptionSet"];
  for (const t of audited) {
    const maxId = highestAuditedId(file, t);
    if (maxId === 0) continue;
    const updated = await tx.$executeRawUnsafe(`UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?`, maxId, t);
    if (updated === 0) await tx.$executeRawUnsafe(`INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)`, t, maxId);
  }
}

/**
 * PostgreSQL's id sequences do not move at all when rows are inserted with explicit ids: each is set past
 * the largest id of its table in the file, counting the ids its audit entries name (as for SQLite above).
 * Tables whose id is not a sequence (Session's token digest, DatasetMeta's fixed 1) are skipped.
 */
async function advancePostgresSequences(tx: Prisma.TransactionClient, file: ExportFile) {
  for (const t of TABLE_NAMES) {
    const [{ seq }] = await tx.$queryRawUnsafe<{ seq: string | null }[]>(`SELECT pg_get_serial_sequence($1, 'id') AS seq`, `"${t}"`);
    if (!seq) continue;
    const maxId = highestAuditedId(file, t);
    // setval(seq, n, true): the next id is n + 1; (1, false): the next id is 1
    await tx.$queryRawUnsafe(`SELECT setval($1::regclass, $2::bigint, $3)`, seq, Math.max(maxId, 1), maxId > 0);
  }
}

/**
 * The largest id of table `t` in the file, counting ids its audit entries name. A loop, not
 * Math.max(...ids): spreading ~125,000 audit rows into arguments overflowed the stack.
 */
export function highestAuditedId(file: ExportFile, t: TableName): number {
  let max = 0;
  for (const r of file.tables[t]) if ((r.id as number) > max) max = r.id as number;
  for (const a of file.tables.AuditEntry) if (a.entity === t && (a.entityId as number) > max) max = a.entityId as number;
  return max;
}
