// Benchmark databases: a fresh SQLite file with the committed migrations, filled with better-sqlite3
// prepared statements in one transaction (10,000 companies take seconds, not minutes through Prisma).
// The rows are the ones prisma/seed.ts writes (same column mapping, lib/server/rows.ts), plus a second
// assumption set so the screener can switch sets.
//
//   tsx scripts/bench/make-db.ts /tmp/watt-bench/10k.db 10000     # synthetic companies (seeded)
//   tsx scripts/bench/make-db.ts /tmp/watt-bench/real.db real     # the real dataset
import Database from "better-sqlite3";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { companyFacts } from "../../lib/domain/dataset";
import type { DatasetInput } from "../../lib/domain/schemas";
import { DEFAULT_ASSUMPTIONS, type Assumptions } from "../../lib/scoring/assumptions";
import {
  BALANCE_SHEET_EVENT_FIELDS, balanceSheetEventColumns, CONTRACT_FIELDS, contractColumns, factColumns, SITE_FIELDS, siteColumns,
} from "../../lib/server/rows";
import { readRealDataset, syntheticDataset } from "./synthetic";

const MIGRATIONS = path.resolve("prisma/migrations");

/** The second set the benchmark switches to: cheaper build cost and a higher bitcoin price. */
export const ALT_SET_NAME = "Bench alt";
export const ALT_SET_VALUES: Assumptions = {
  ...DEFAULT_ASSUMPTIONS, btcPriceUsd: 100_000, buildCostLowUsdPerW: 9, buildCostBaseUsdPerW: 10, buildCostHighUsdPerW: 11,
};

const insertSql = (table: string, cols: readonly string[]) =>
  `INSERT INTO "${table}" (companyId, position, ${cols.map((c) => `"${c}"`).join(", ")}) VALUES (?, ?, ${cols.map(() => "?").join(", ")})`;
/** A column value as SQLite takes it: JSON columns as text. */
const sqlValue = (v: unknown) => (v != null && typeof v === "object" ? JSON.stringify(v) : v);

export function writeDatabase(file: string, dataset: DatasetInput, sourceFile: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) if (existsSync(f)) rmSync(f);
  const db = new Database(file);
  try {
    for (const m of readdirSync(MIGRATIONS).filter((d) => /^\d+_/.test(d)).sort())
      db.exec(readFileSync(path.join(MIGRATIONS, m, "migration.sql"), "utf8"));
    db.pragma("journal_mode = WAL");
    const now = new Date().toISOString();
    const json = (v: unknown) => JSON.stringify(v);
    const insCompany = db.prepare(`INSERT INTO "Company" (ticker, name, exchange, country, powerStrategy, powerNote, gaps, assumptionOverrides, updatedAt)
      VALUES (?, ?, ?, ?, ?, ?, ?, '{}', ?)`);
    // the dataset's own points stand for its snapshot date (lib/domain/history.ts), as the seed writes them
    const insFact = db.prepare(`INSERT INTO "Fact" (companyId, key, value, asOf, sourceUrl, note, basis, low, high, snapshotPoint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`);
    const insSite = db.prepare(insertSql("Site", SITE_FIELDS));
    const insContract = db.prepare(insertSql("Contract", CONTRACT_FIELDS));
    const insBsEvent = db.prepare(insertSql("BalanceSheetEvent", BALANCE_SHEET_EVENT_FIELDS));
    const insEvent = db.prepare(`INSERT INTO "Event" (companyId, date, kind, summary, sourceUrls, contractJson, position) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    const insSet = db.prepare(`INSERT INTO "AssumptionSet" (name, isDefault, "values", createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)`);
    const insMeta = db.prepare(`INSERT INTO "DatasetMeta" (id, snapshot, currency, notes, loadedAt, sourceFile, datasetVersion) VALUES (1, ?, ?, ?, ?, ?, ?)`);

    db.transaction(() => {
      for (const c of dataset.companies) {
        const companyId = Number(insCompany.run(c.ticker, c.name, c.exchange, c.country, c.powerStrategy, c.powerTotals.note ?? null, json(c.gaps), now).lastInsertRowid);
        for (const { key, fact } of companyFacts(c)) {
          const f = factColumns(fact);
          insFact.run(companyId, key, f.value, f.asOf, f.sourceUrl, f.note, f.basis, f.low, f.high);
        }
        const siteIds = new Map<string, number>();
        c.sites.forEach((s, position) => {
          const cols = siteColumns(s);
          siteIds.set(s.name, Number(insSite.run(companyId, position, ...SITE_FIELDS.map((k) => cols[k])).lastInsertRowid));
        });
        c.contracts.forEach((k, position) => {
          const cols = contractColumns(k, (name) => siteIds.get(name) ?? null);
          insContract.run(companyId, position, ...CONTRACT_FIELDS.map((n) => sqlValue(cols[n])));
        });
        c.balanceSheetEvents.forEach((e, position) => {
          const cols = balanceSheetEventColumns(e);
          insBsEvent.run(companyId, position, ...BALANCE_SHEET_EVENT_FIELDS.map((n) => sqlValue(cols[n])));
        });
        c.events.forEach((e, position) =>
          insEvent.run(companyId, e.date, e.kind, e.summary, json(e.sources), e.contract ? json(e.contract) : null, position));
      }
      insMeta.run(dataset.snapshot, dataset.currency, dataset.notes, now, sourceFile, dataset.version);
      insSet.run("Base", 1, json(DEFAULT_ASSUMPTIONS), now, now);
      insSet.run(ALT_SET_NAME, 0, json(ALT_SET_VALUES), now, now);
    })();
    db.pragma("wal_checkpoint(TRUNCATE)");
    return { companies: dataset.companies.length };
  } finally {
    db.close();
  }
}

/** `count` synthetic companies, or the real dataset when count is "real". */
export function makeDb(file: string, count: number | "real", seed?: number) {
  const dataset = count === "real" ? readRealDataset() : syntheticDataset(count, seed);
  return writeDatabase(file, dataset, count === "real" ? "prisma/miners-2025-11.json" : `synthetic:${count}:${seed ?? "default"}`);
}

if (require.main === module) {
  const [file, what = "10000", seed] = process.argv.slice(2);
  if (!file) {
    console.error("usage: tsx scripts/bench/make-db.ts <file.db> <count|real> [seed]");
    process.exit(2);
  }
  const t = performance.now();
  const r = makeDb(path.resolve(file), what === "real" ? "real" : Number(what), seed ? Number(seed) : undefined);
  console.log(`bench db: ${r.companies} companies in ${file} (${Math.round(performance.now() - t)} ms)`);
}
