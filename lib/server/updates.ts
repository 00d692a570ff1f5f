// Bulk updates of figures (`npm run data:update`, the Update data page, the files loaded on start): a dry
// run says what each row would do — a new point, a correction of the point at that as-of, unchanged, or
// rejected with its line, field and reason — and what the whole update does to rank, tier and discount.
// Applying writes every row or none (or, when asked, only the valid ones) in one transaction, as one
// audited batch; a row that changes nothing writes nothing, so applying a file twice changes nothing.
import { createHash } from "node:crypto";
import { latestDataDate, recordAt, type CompanyHistory, type FactPoint } from "../domain/history";
import { parseUpdateText, type ParsedUpdate, type RowProblem } from "../domain/update-text";
import { UPDATE_FIELDS, updateToFact, type FactUpdate } from "../domain/updates";
import { toScoringCompany, type FactValue } from "../domain/to-scoring";
import { screen } from "../scoring/screen";
import type { Assumptions } from "../scoring/assumptions";
import type { Db } from "./db-client";
import { factColumns, factToInput } from "./rows";
import { loadTimeline, type Timeline } from "./timeline";
import { defaultSetOf, loadStoredSets } from "./stored-sets";
import { insertRows } from "./bulk-insert";
import { defineWrite, FormError, runWrite, type Tx, type WriteResult } from "./mutations/result";
import { updateTextFormSchema } from "../domain/forms";
import { sameValue } from "./same-value";

export type RowStatus = "new" | "correction" | "unchanged" | "rejected";
export interface PlannedRow {
  line: number;
  given: Record<string, unknown>;
  status: RowStatus;
  problems: RowProblem[];
  /** the point stored now at the row's as-of (a correction shows what it replaces) */
  before: FactValue | null;
}
export interface Standing {
  rank: number | null;
  tier: 1 | 2 | 3;
  discountBase: number | null;
}
export interface UpdatePlan {
  format: ParsedUpdate["format"];
  description: string;
  fileProblems: string[];
  rows: PlannedRow[];
  counts: Record<RowStatus, number> & { total: number };
  /** the date the impact is shown on: the latest the data reaches once the update is in */
  viewDate: string;
  /** every company whose rank, tier or discount the update moves */
  impact: { ticker: string; before: Standing | null; after: Standing | null }[];
}

interface Classified {
  plan: PlannedRow[];
  writes: { row: FactUpdate; companyId: number; key: string; before: FactValue | null; after: FactValue }[];
}

const same = sameValue; // key order aside (jsonb reorders keys): lib/server/same-value.ts

/** Each row against what is stored: the company must exist; the point at its as-of decides the rest. */
async function classify(tx: Tx | Db, parsed: ParsedUpdate): Promise<Classified> {
  const valid = parsed.rows.filter((r) => r.row);
  const tickers = [...new Set(valid.map((r) => r.row!.ticker))];
  const companies = new Map(
    (await tx.company.findMany({ where: { ticker: { in: tickers } }, select: { id: true, ticker: true } })).map((c) => [c.ticker, c.id]),
  );
  const facts = await tx.fact.findMany({ where: { companyId: { in: [...companies.values()] } } });
  const stored = new Map(facts.map((f) => [`${f.companyId}|${f.key}|${f.asOf}`, factToInput(f)]));
  const plan: PlannedRow[] = [];
  const writes: Classified["writes"] = [];
  for (const r of parsed.rows) {
    if (!r.row) {
      plan.push({ line: r.line, given: r.given, status: "rejected", problems: r.problems, before: null });
      continue;
    }
    const companyId = companies.get(r.row.ticker);
    if (companyId == null) {
      plan.push({
        line: r.line,
        given: r.given,
        status: "rejected",
        problems: [{ field: "ticker", message: `Unknown ticker ${r.row.ticker}` }],
        before: null,
      });
      continue;
    }
    const { key, fact } = updateToFact(r.row);
    const after = factToInput(factColumns(fact)); // the stored shape, so a round trip is "unchanged"
    const before = stored.get(`${companyId}|${key}|${r.row.asOf}`) ?? null;
    const status: RowStatus = before == null ? "new" : same(before, after) ? "unchanged" : "correction";
    plan.push({ line: r.line, given: r.given, status, problems: [], before });
    if (status !== "unchanged") writes.push({ row: r.row, companyId, key, before, after });
  }
  return { plan, writes };
}

const countOf = (rows: PlannedRow[]) => {
  const counts = { new: 0, correction: 0, unchanged: 0, rejected: 0, total: rows.length };
  for (const r of rows) counts[r.status]++;
  return counts;
};

/** The histories with the update's points in place, as a save would leave them. */
function withUpdate(histories: CompanyHistory[], writes: Classified["writes"]): CompanyHistory[] {
  const byTicker = new Map<string, Classified["writes"]>();
  for (const w of writes) byTicker.set(w.row.ticker, [...(byTicker.get(w.row.ticker) ?? []), w]);
  const now = new Date().toISOString();
  return histories.map((h) => {
    const mine = byTicker.get(h.ticker);
    if (!mine) return h;
    const replaced = new Map(mine.map((w) => [`${w.key}|${w.after.asOf}`, w]));
    const kept = h.points.filter((p) => !replaced.has(`${p.key}|${p.value.asOf}`));
    const snapshotAt = new Set(h.points.filter((p) => p.snapshot).map((p) => `${p.key}|${p.value.asOf}`));
    const points: FactPoint[] = [
      ...kept,
      ...mine.map((w) => ({
        key: w.key as FactPoint["key"],
        value: w.after,
        origin: "update" as const,
        snapshot: snapshotAt.has(`${w.key}|${w.after.asOf}`),
        recordedAt: now,
      })),
    ];
    return { ...h, points };
  });
}

function standings(histories: CompanyHistory[], t: Timeline, viewDate: string, a: Assumptions): Map<string, Standing> {
  const rows = screen(
    histories.map((h) => toScoringCompany(recordAt(h, viewDate, t.snapshot))),
    a,
    { viewDate },
  );
  return new Map(rows.map((r) => [r.ticker, { rank: r.rank, tier: r.tier, discountBase: r.discountBase }]));
}

/** The dry run: nothing is written. */
export async function planUpdate(db: Db, text: string): Promise<UpdatePlan> {
  const parsed = parseUpdateText(text);
  const base = { format: parsed.format, description: parsed.description, fileProblems: parsed.fileProblems };
  const [{ plan, writes }, timeline, stored] = await Promise.all([classify(db, parsed), loadTimeline(db), loadStoredSets(db)]);
  const after = withUpdate(timeline.histories, writes);
  const viewDate = latestDataDate(after, timeline.snapshot, timeline.today);
  let impact: UpdatePlan["impact"] = [];
  if (writes.length) {
    const a = defaultSetOf(stored).set.values;
    const s0 = standings(timeline.histories, timeline, viewDate, a);
    const s1 = standings(after, timeline, viewDate, a);
    impact = [...s1.keys()]
      .flatMap((ticker) => {
        const b = s0.get(ticker) ?? null,
          n = s1.get(ticker) ?? null;
        return same(b, n) ? [] : [{ ticker, before: b, after: n }];
      })
      .sort((x, y) => (x.after?.rank ?? 1e9) - (y.after?.rank ?? 1e9));
  }
  return { ...base, rows: plan, counts: countOf(plan), viewDate, impact };
}

export interface AppliedUpdate {
  batchId: number | null;
  counts: UpdatePlan["counts"];
}

type ApplyOptions = { name: string; user: string | null; onlyValid?: boolean; onProgress?: (done: number, total: number) => void };
/** A bulk update may write 100,000 points: far beyond the 5 s default of an interactive transaction. */
const UPDATE_TIMEOUT_MS = 10 * 60_000;

/**
 * Writes the update in one transaction, re-checking every row against what is stored at that moment.
 * With rejected rows nothing is written unless `onlyValid`. A batch that changes nothing is not recorded.
 * (The CLI and the startup files call this; the page's form goes through `applyUpdateForm`.)
 */
export async function applyUpdate(db: Db, text: string, opts: ApplyOptions): Promise<WriteResult<AppliedUpdate>> {
  return runWrite("data update", { name: opts.name }, () => db.$transaction((tx) => applyIn(tx, text, opts), { timeout: UPDATE_TIMEOUT_MS }));
}

/** The Update data page's apply: its form's schema, then the same transaction. */
export const applyUpdateForm = defineWrite(
  "data update",
  updateTextFormSchema,
  (tx, { text, name, onlyValid }, user) => applyIn(tx, text, { name: name || "pasted", user, onlyValid }),
  { timeoutMs: UPDATE_TIMEOUT_MS, echo: false },
);

async function applyIn(tx: Tx, text: string, opts: ApplyOptions): Promise<AppliedUpdate> {
  const parsed = parseUpdateText(text);
  if (parsed.fileProblems.length) throw new FormError(`The file cannot be read: ${parsed.fileProblems.join("; ")}. Nothing was applied.`);
  const { plan, writes } = await classify(tx, parsed);
  const counts = countOf(plan);
  if (counts.rejected && !opts.onlyValid)
    throw new FormError(
      `${counts.rejected} of ${counts.total} rows are rejected (first: line ${plan.find((r) => r.status === "rejected")!.line}). Nothing was applied; fix them, or apply only the valid rows.`,
    );
  if (writes.length === 0) return { batchId: null, counts };
  const sha256 = createHash("sha256")
    .update(JSON.stringify(writes.map((w) => w.row)))
    .digest("hex");
  const batch = await tx.updateBatch.create({
    data: {
      name: opts.name.slice(0, 200),
      description: parsed.description,
      sha256,
      user: opts.user,
      rows: counts.total,
      newPoints: counts.new,
      corrections: counts.correction,
      unchanged: counts.unchanged,
    },
  });
  await writePoints(tx, writes, batch.id, opts);
  return { batchId: batch.id, counts };
}

async function writePoints(
  tx: Tx,
  writes: Classified["writes"],
  batchId: number,
  opts: { user: string | null; onProgress?: (done: number, total: number) => void },
) {
  const recordedAt = new Date();
  const total = writes.length;
  // new points: one multi-row INSERT per chunk (lib/server/bulk-insert.ts)
  const fresh = writes.filter((w) => w.before == null);
  await insertRows(
    tx,
    "Fact",
    FACT_INSERT_COLUMNS,
    fresh.map((w) => {
      const c = factColumns(w.after);
      return [w.companyId, w.key, c.value, c.asOf, c.sourceUrl, c.note, c.basis, c.low, c.high, "update", false, recordedAt, opts.user];
    }),
    (done) => opts.onProgress?.(Math.round(done / 2), total),
  );
  // corrections: the point keeps its row (and whether it stands for the snapshot)
  for (const w of writes.filter((x) => x.before != null))
    await tx.fact.update({
      where: { companyId_key_asOf: { companyId: w.companyId, key: w.key, asOf: w.after.asOf } },
      data: { ...factColumns(w.after), origin: "update", recordedAt, recordedBy: opts.user, version: { increment: 1 } },
    });
  const json = (v: unknown) => (v == null ? null : JSON.stringify(v));
  await insertRows(
    tx,
    "AuditEntry",
    AUDIT_INSERT_COLUMNS,
    writes.map((w) => [recordedAt, "Company", w.companyId, w.companyId, w.key, json(w.before), json(w.after), opts.user, batchId]),
    (done) => opts.onProgress?.(Math.round(fresh.length / 2 + done / 2), total),
  );
  // open edit forms of these companies now hold stale figures: their next save is a conflict, not an overwrite
  await tx.company.updateMany({ where: { id: { in: [...new Set(writes.map((w) => w.companyId))] } }, data: { version: { increment: 1 } } });
  opts.onProgress?.(total, total);
}

const FACT_INSERT_COLUMNS = [
  "companyId",
  "key",
  "value",
  "asOf",
  "sourceUrl",
  "note",
  "basis",
  "low",
  "high",
  "origin",
  "snapshotPoint",
  "recordedAt",
  "recordedBy",
] as const;
const AUDIT_INSERT_COLUMNS = ["at", "entity", "entityId", "companyId", "field", "before", "after", "user", "batchId"] as const;

/** Every point of the figures an update file can carry, as an update file (the export of the same format). */
export async function exportUpdates(db: Db, ticker?: string): Promise<FactUpdate[]> {
  const jsonOf = new Map([...UPDATE_FIELDS].map(([json, def]) => [def.key as string, json]));
  const facts = await db.fact.findMany({
    where: { key: { in: [...jsonOf.keys()] }, ...(ticker ? { company: { ticker } } : {}) },
    include: { company: { select: { ticker: true } } },
    orderBy: [{ company: { ticker: "asc" } }, { key: "asc" }, { asOf: "asc" }],
  });
  return facts.map((f) => ({
    ticker: f.company.ticker,
    field: jsonOf.get(f.key)!,
    value: f.value,
    asOf: f.asOf,
    source: f.sourceUrl,
    ...(f.note != null ? { note: f.note } : {}),
    ...(f.basis ? { basis: f.basis as "basic" | "diluted" } : {}),
  }));
}
