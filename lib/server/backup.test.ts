// Backup/restore of the database file and the JSON export/import, against real temporary SQLite files.
import Database from "better-sqlite3";
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { readDatasetFile, seedSnapshot } from "../../prisma/seed";
import { parseDataset } from "../domain/dataset";
import { createTempDb, type TempDb } from "../../test/temp-db";
import { DEFAULT_ASSUMPTIONS } from "../scoring/assumptions";
import { APP_TABLES, backupDatabase, BackupError, restoreDatabase, verifyBackup } from "./backup";
import { createClient } from "./db-client";
import {
  countRows,
  EXPORT_COLUMNS,
  exportAll,
  importAll,
  ImportError,
  serializeExport,
  TABLE_NAMES,
  type ExportFile,
  type ExportRow,
} from "./export";
import { createAssumptionSet } from "./mutations/assumption-sets";
import { marketFiguresOf, saveMarketFigures, saveOverrides } from "./mutations/company";
import { applyEvent } from "./mutations/events";
import { revertChange } from "./mutations/revert";
import { contractInputOf, deleteSite, deleteSiteChange, saveContract, saveSite, saveSiteChange } from "./mutations/sites-contracts";
import { applyUpdate } from "./updates";
import { deleteNote, saveNote } from "./mutations/notes";
import { saveView } from "./mutations/saved-views";
import { fillSiteCountries } from "./site-countries";

const ROOT = path.join(__dirname, "..", "..");
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "watt-backup-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const temps: TempDb[] = [];
async function seeded() {
  const t = await createTempDb();
  temps.push(t);
  await seedSnapshot(t.db);
  return t;
}
async function empty() {
  const t = await createTempDb();
  temps.push(t);
  return t;
}
afterEach(async () => {
  for (const t of temps.splice(0)) await t.close();
});

const exportText = async (t: TempDb) => serializeExport(await exportAll(t.db));
// Session holds sign-ins, not data: it is in every database but never exported.
const allZero = { ...Object.fromEntries(APP_TABLES.map((n) => [n, 0])), Session: 0 };

describe("backupDatabase", () => {
  let writer: ChildProcess | undefined;
  afterEach(() => {
    if (writer && writer.exitCode === null) writer.kill();
    writer = undefined;
  });

  it("takes a consistent, integrity-checked copy while another process keeps writing (WAL)", async () => {
    const t = await seeded();
    const raw = new Database(t.file);
    raw.pragma("journal_mode = WAL");
    raw.close();
    // Another process commits (site + its audit row) in one transaction per iteration, as fast as it can.
    const script = `
      const Database = require(${JSON.stringify(require.resolve("better-sqlite3"))});
      const db = new Database(${JSON.stringify(t.file)});
      db.pragma("busy_timeout = 5000");
      const site = db.prepare("INSERT INTO Site (companyId, name, stage, use) VALUES (1, ?, 'pipeline', 'hpc')");
      const audit = db.prepare("INSERT INTO AuditEntry (at, entity, entityId, companyId, field, after, user) VALUES (?, 'Site', ?, 1, '(record)', '{}', 'writer')");
      const step = db.transaction((i) => { const r = site.run("writer-" + i); audit.run(new Date().toISOString(), r.lastInsertRowid); });
      const stop = Date.now() + 15000;
      for (let i = 0; Date.now() < stop; i++) { step(i); if (i % 20 === 0) process.stdout.write(i + "\\n"); }
    `;
    const w = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    writer = w;
    let committed = 0;
    w.stdout!.on("data", (b: Buffer) => {
      committed = Number(b.toString().trim().split("\n").pop());
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (committed >= 200) {
          clearInterval(timer);
          resolve();
        }
      }, 5);
      w.on("exit", () => {
        clearInterval(timer);
        reject(new Error("writer exited early"));
      });
    });

    const copies = [];
    for (let i = 0; i < 3; i++) {
      const copy = await backupDatabase(t.file, path.join(dir, `live-${i}.db`));
      copies.push(copy);
      expect(w.exitCode, "the writer was still running").toBeNull();
      // Let the writer commit past this snapshot before the next copy.
      while ((await t.counts()).AuditEntry <= copy.tables.AuditEntry) await new Promise((r) => setTimeout(r, 5));
    }
    w.kill();
    await new Promise((r) => w.once("exit", r));

    for (const c of copies) {
      expect(c.integrity).toBe("ok");
      expect(Object.keys(c.tables).sort()).toEqual([...APP_TABLES, "DataRevision", "Session"].sort());
      expect(verifyBackup(c.file).integrity).toBe("ok");
      const conn = new Database(c.file, { readonly: true });
      const sites = (conn.prepare("SELECT count(*) n FROM Site WHERE name GLOB 'writer-*'").get() as { n: number }).n;
      const audits = (conn.prepare("SELECT count(*) n FROM AuditEntry WHERE user = 'writer'").get() as { n: number }).n;
      const orphans = (
        conn
          .prepare("SELECT count(*) n FROM AuditEntry a WHERE user = 'writer' AND NOT EXISTS (SELECT 1 FROM Site s WHERE s.id = a.entityId)")
          .get() as { n: number }
      ).n;
      const mode = conn.pragma("journal_mode", { simple: true });
      conn.close();
      expect(sites).toBeGreaterThan(0);
      expect(audits).toBe(sites); // every committed transaction is in the copy entirely or not at all
      expect(orphans).toBe(0);
      expect(c.tables.Company).toBe(18);
      expect(mode).toBe("delete"); // a self-contained file: no -wal needed to read it
      expect(existsSync(`${c.file}-wal`)).toBe(false);
    }
    // The copies are snapshots taken at different moments, and the source moved on after the last one.
    const counts = copies.map((c) => c.tables.AuditEntry);
    expect(counts[0]).toBeLessThan(counts[1]);
    expect(counts[1]).toBeLessThan(counts[2]);
    expect((await t.counts()).AuditEntry).toBeGreaterThan(counts[2]);
  });

  it("refuses a missing source and an existing destination", async () => {
    const t = await seeded();
    await expect(backupDatabase(path.join(dir, "nope.db"), path.join(dir, "x.db"))).rejects.toThrow(BackupError);
    expect(existsSync(path.join(dir, "nope.db"))).toBe(false); // not created as an empty database
    const dest = path.join(dir, "exists.db");
    writeFileSync(dest, "keep");
    await expect(backupDatabase(t.file, dest)).rejects.toThrow(/already exists/);
    expect(readFileSync(dest, "utf8")).toBe("keep");
  });
});

describe("restoreDatabase", () => {
  it("refuses a corrupted backup and leaves the target unchanged", async () => {
    const t = await seeded();
    const good = await backupDatabase(t.file, path.join(dir, "good.db"));
    const bad = path.join(dir, "corrupt.db");
    copyFileSync(good.file, bad);
    const fd = openSync(bad, "r+");
    writeSync(fd, Buffer.alloc(4096 * 8, 0xa5), 0, 4096 * 8, 4096); // garbage over pages 2–9
    closeSync(fd);
    const garbage = path.join(dir, "garbage.db");
    writeFileSync(garbage, Buffer.alloc(50_000, 0x42));

    const before = await exportText(t);
    await t.db.$disconnect(); // a restore needs the server stopped
    const targetBytes = readFileSync(t.file);
    await expect(restoreDatabase(bad, t.file)).rejects.toThrow(/integrity check/);
    await expect(restoreDatabase(garbage, t.file)).rejects.toThrow(/integrity check: file is not a database/);
    await expect(restoreDatabase(path.join(dir, "missing.db"), t.file)).rejects.toThrow(/No backup/);
    expect(readFileSync(t.file).equals(targetBytes)).toBe(true);
    expect(existsSync(`${t.file}.tmp`)).toBe(false);
    const db = createClient(t.url);
    try {
      expect(serializeExport(await exportAll(db))).toBe(before);
    } finally {
      await db.$disconnect();
    }
  });

  it("refuses a sound SQLite file that is not a Watt Screener database", async () => {
    const t = await seeded();
    const other = path.join(dir, "other.db");
    const conn = new Database(other);
    conn.exec("CREATE TABLE x (a)");
    conn.close();
    await expect(restoreDatabase(other, t.file)).rejects.toThrow(/not a Watt Screener database/);
  });

  it("brings back the data after the target was changed", async () => {
    const t = await seeded();
    const raw = new Database(t.file);
    raw.pragma("journal_mode = WAL"); // as scripts/db-prepare.ts leaves it
    raw.close();
    const original = await exportText(t);
    const backup = await backupDatabase(t.file, path.join(dir, "before-change.db"));

    await t.db.auditEntry.create({ data: { entity: "Company", entityId: 1, field: "x", user: "u" } });
    await t.db.company.delete({ where: { ticker: "IREN" } });
    await t.db.assumptionSet.create({ data: { name: "Later", values: DEFAULT_ASSUMPTIONS } });
    expect(await exportText(t)).not.toBe(original);
    await t.db.$disconnect();

    const r = await restoreDatabase(backup.file, t.file);
    expect(r.integrity).toBe("ok");
    expect(r.tables).toEqual(backup.tables);
    expect(existsSync(`${t.file}.tmp`)).toBe(false);
    const db = createClient(t.url);
    try {
      expect(serializeExport(await exportAll(db))).toBe(original);
      expect(await db.company.count({ where: { ticker: "IREN" } })).toBe(1);
      expect(await db.$queryRawUnsafe("PRAGMA journal_mode")).toEqual([{ journal_mode: "wal" }]);
    } finally {
      await db.$disconnect();
    }
  });
});

/** Edits through the app's own write paths, so versions, audit JSON, an applied event etc. exist. */
async function makeEdits(t: TempDb) {
  const ok = <T extends { ok: boolean }>(r: T) => {
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r as Extract<T, { ok: true }>;
  };
  const form = (await marketFiguresOf(t.db, "CORZ"))!;
  form.facts.sharePriceUsd = { ...form.facts.sharePriceUsd!, value: 20, asOf: "2025-11-28", source: "https://example.com/close" };
  ok(await saveMarketFigures(t.db, form, "analyst"));
  ok(await saveOverrides(t.db, { ticker: "CORZ", version: 2, overrides: { buildCostBaseUsdPerW: 12.5 } }, "analyst"));
  const site = {
    name: "Test Campus",
    location: "Texas",
    grossMw: { value: 200, asOf: "2025-11", source: "https://example.com/s" },
    itMw: null,
    stage: "pipeline",
    use: "hpc",
  };
  const added = ok(await saveSite(t.db, { ticker: "SLNH", site }, null));
  ok(await saveSite(t.db, { ticker: "SLNH", id: added.data.id, version: 1, site: { ...site, stage: "approved" } }, null));
  const doomed = ok(await saveSite(t.db, { ticker: "SLNH", site: { ...site, name: "Doomed" } }, null));
  ok(await deleteSite(t.db, { ticker: "SLNH", id: doomed.data.id, version: 1 }, "analyst")); // the highest Site id is now gone
  const k = await t.db.contract.findUniqueOrThrow({ where: { code: "CORZ-CRWV-2024" } });
  const kForm = (await contractInputOf(t.db, k.id))!;
  ok(await saveContract(t.db, { ticker: "CORZ", ...kForm, contract: { ...kForm.contract, tenorYears: 15 } }, "analyst"));
  const ev = (await t.db.event.findMany({ where: { company: { ticker: "HUT" } }, orderBy: { position: "asc" } })).find(
    (e) => e.contractJson != null,
  )!;
  ok(await applyEvent(t.db, { ticker: "HUT", eventId: ev.id, version: ev.version }, "analyst"));
  ok(await createAssumptionSet(t.db, { name: "Bear", values: { ...DEFAULT_ASSUMPTIONS, buildCostLowUsdPerW: 9, buildCostBaseUsdPerW: 10 } }, null));
  const priceEntry = await t.db.auditEntry.findFirstOrThrow({ where: { field: "sharePriceUsd" } });
  ok(await revertChange(t.db, { auditId: priceEntry.id }, "analyst"));
  // figures over time: an update batch (new points and a correction), and site changes, one of them deleted
  ok(
    await applyUpdate(t.db, readFileSync(path.join(__dirname, "../../prisma/updates/2026-h1.json"), "utf8"), {
      name: "2026-h1.json",
      user: "analyst",
    }),
  );
  const change = { site: "Test Campus", date: "2026-03", stage: "under_construction" as const, source: "https://example.com/c" };
  ok(await saveSiteChange(t.db, { ticker: "SLNH", change }, "analyst"));
  const gone = ok(await saveSiteChange(t.db, { ticker: "SLNH", change: { ...change, date: "2026-04-02", grossMw: 250 } }, "analyst"));
  ok(await deleteSiteChange(t.db, { ticker: "SLNH", id: gone.data.id, version: 1 }, "analyst"));
  // analyst tools: notes (one deleted) and a saved view
  ok(await saveNote(t.db, { ticker: "CORZ", note: { figure: "cashUsd", body: "Restricted cash excluded" } }, "analyst"));
  const doomedNote = ok(await saveNote(t.db, { ticker: "CORZ", note: { body: "to be deleted" } }, "analyst"));
  ok(await deleteNote(t.db, { ticker: "CORZ", id: doomedNote.data.id, version: 1 }, "analyst"));
  ok(await saveView(t.db, { name: "Tier 1, cheapest", query: "tier=1&sort=discountBase.desc" }, "analyst"));
  return { doomedSiteId: doomed.data.id, eventId: ev.id };
}

describe("JSON export / import", () => {
  it("imports an export written before model v2 (format 1), the new columns at their neutral values", async () => {
    const a = await seeded();
    const file = await exportAll(a.db);
    const drop = (row: Record<string, unknown>, cols: string[]) => Object.fromEntries(Object.entries(row).filter(([k]) => !cols.includes(k)));
    const { BalanceSheetEvent: _events, ...tables } = file.tables;
    const v1 = {
      format: file.format,
      formatVersion: 1,
      tables: {
        ...tables,
        Fact: tables.Fact.map((r) => drop(r, ["low", "high", "origin"])),
        Site: tables.Site.map((r) => drop(r, ["country", "itMwScope", "companyShare"])),
        Contract: tables.Contract.map((r) => drop(r, ["companyFundedCapexMw", "siteAllocations", "companyShare"])),
        DatasetMeta: tables.DatasetMeta.map((r) => drop(r, ["datasetVersion", "correctionsFile"])),
      },
    };
    const b = await empty();
    const counts = await importAll(b.db, JSON.parse(JSON.stringify(v1)));
    expect(counts.BalanceSheetEvent).toBe(0);
    expect(counts.Company).toBe(18);
    const wulf = await b.db.site.findFirstOrThrow({ where: { name: "Abernathy HPC Campus" } });
    expect(wulf).toMatchObject({ companyShare: 1, country: null, itMwScope: null });
    expect(await b.db.fact.count({ where: { origin: "dataset" } })).toBe(await b.db.fact.count());
    expect((await b.db.datasetMeta.findFirstOrThrow()).datasetVersion).toBe(1);
    // db:import then fills the countries the dataset knows (the field did not exist, so no edit is lost)
    const filled = await fillSiteCountries(b.db, parseDataset(readDatasetFile()));
    const countryOf = async (ticker: string, name: string) => (await b.db.site.findFirstOrThrow({ where: { name, company: { ticker } } })).country;
    expect(await countryOf("WULF", "Abernathy HPC Campus")).toBe("US");
    expect(await countryOf("BITF", "Paso Pe")).toBe("PY");
    expect(await countryOf("MARA", "Third-party hosted capacity")).toBeNull(); // the dataset has none either
    expect(filled.filled + filled.left).toBe(await b.db.site.count());
    expect(filled.left).toBeGreaterThanOrEqual(1);
  });

  it("exports every column of every table", async () => {
    const t = await empty();
    const conn = new Database(t.file, { readonly: true });
    try {
      for (const table of TABLE_NAMES) {
        const cols = (conn.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name).sort();
        expect(EXPORT_COLUMNS[table].slice().sort(), table).toEqual(cols);
      }
      expect([...TABLE_NAMES].sort()).toEqual([...APP_TABLES].sort());
    } finally {
      conn.close();
    }
  });

  it("round-trips after edits: export → import into an empty database → export gives the same bytes", async () => {
    const a = await seeded();
    const { doomedSiteId, eventId } = await makeEdits(a);
    const first = await exportText(a);
    const parsed = JSON.parse(first) as ExportFile;

    // What the edits left behind is really in the file.
    expect(parsed.format).toBe("watt-screener-export");
    expect(first).not.toMatch(/exportedAt/);
    const { tables } = parsed;
    expect(tables.AssumptionSet.map((s) => s.name)).toEqual(["Base", "Bear"]);
    expect(tables.Contract.find((c) => c.fromEventId === eventId)).toBeTruthy();
    expect(tables.Event.find((e) => e.id === eventId)!.appliedAt).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    expect(tables.Company.find((c) => c.ticker === "CORZ")).toMatchObject({ version: 5, assumptionOverrides: { buildCostBaseUsdPerW: 12.5 } }); // figures, overrides, revert, the update batch;
    const audit = tables.AuditEntry;
    expect(audit.some((e) => typeof e.before === "object" && e.before !== null && typeof e.after === "object" && e.after !== null)).toBe(true);
    expect(audit.some((e) => e.before === null && e.field === "(record)")).toBe(true);
    expect(audit.some((e) => e.revertOf !== null)).toBe(true);
    expect(tables.Site.some((s) => s.version === 2)).toBe(true);
    expect(tables.Site.some((s) => s.id === doomedSiteId)).toBe(false);
    expect(tables.UpdateBatch).toHaveLength(1);
    expect(audit.filter((e) => e.batchId === tables.UpdateBatch[0].id).length).toBeGreaterThan(30);
    expect(tables.SiteChange).toHaveLength(1);
    expect(tables.Note.map((n) => [n.figure, n.body, n.author])).toEqual([["cashUsd", "Restricted cash excluded", "analyst"]]);
    expect(tables.SavedView.map((v) => [v.name, v.nameKey, v.query])).toEqual([["Tier 1, cheapest", "tier 1, cheapest", "tier=1"]]);
    expect(tables.Fact.filter((f) => f.origin === "update").length).toBeGreaterThan(30);

    const b = await empty();
    const counts = await importAll(b.db, parsed);
    expect(counts).toEqual(countRows(parsed));
    expect(await b.counts()).toEqual({ ...counts, Session: 0 });
    const second = await exportText(b);
    expect(second).toBe(first);
    expect(await exportText(a)).toBe(first); // two exports of the same data are identical too

    // A new row after the import does not take the id of the deleted (but audited) site.
    const fresh = await b.db.site.create({ data: { companyId: 1, name: "After import", stage: "pipeline", use: "hpc" } });
    expect(fresh.id).toBeGreaterThan(doomedSiteId);
  });

  it("round-trips stored sets saved before a key existed or after one was retired, each kept as stored", async () => {
    const a = await seeded();
    // A set written by an older version: no minAiSiteGrossMw (added with model v2). The app reads it with
    // that key's default (withDefaults), so the export of that database must import too.
    const { minAiSiteGrossMw: _added, ...older } = DEFAULT_ASSUMPTIONS;
    await a.db.assumptionSet.create({ data: { name: "Saved before v2", values: { ...older, weightS4: 0.4 } } });
    // …and one holding a key the model no longer has: the app reads it without that key (storedSetValues).
    await a.db.assumptionSet.create({ data: { name: "Holds a retired key", values: { ...DEFAULT_ASSUMPTIONS, buildCostMidUsdPerW: 12 } } });
    const first = await exportText(a);
    const stored = (JSON.parse(first) as ExportFile).tables.AssumptionSet.find((s) => s.name === "Saved before v2")!;
    expect(stored.values).not.toHaveProperty("minAiSiteGrossMw");
    expect(JSON.parse(first).tables.AssumptionSet.find((s: ExportRow) => s.name === "Holds a retired key").values).toHaveProperty(
      "buildCostMidUsdPerW",
      12,
    );

    const b = await empty();
    await importAll(b.db, JSON.parse(first));
    expect(await exportText(b)).toBe(first);
  });

  it("rejects bad rows with table, row id and field, and writes nothing", async () => {
    const a = await seeded();
    const file = JSON.parse(await exportText(a)) as ExportFile;
    const { tables } = file;
    tables.Site[3].stage = "dreaming";
    tables.Contract[0].siteId = 99_999;
    tables.Company[1].ticker = tables.Company[0].ticker;
    tables.Fact[0].value = "12";
    tables.AssumptionSet[0].values = { ...(tables.AssumptionSet[0].values as object), weightS1: 2 };
    tables.Event[0].surprise = true;

    const b = await empty();
    const err = await importAll(b.db, file).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/^Import rejected \(6 problems\); nothing was written/);
    expect(msg).toContain(`Site id ${tables.Site[3].id}: stage — Invalid option`);
    expect(msg).toContain(`Contract id ${tables.Contract[0].id}: siteId — Refers to Site id 99999, which is not in the file`);
    expect(msg).toContain(`Company id ${tables.Company[1].id}: ticker — Duplicate ticker "${tables.Company[0].ticker}"`);
    expect(msg).toContain(`Fact id ${tables.Fact[0].id}: value — `);
    expect(msg).toContain(`AssumptionSet id ${tables.AssumptionSet[0].id}: values.weightS1 — Must be at most 1`);
    expect(msg).toContain(`Event id ${tables.Event[0].id}: surprise — Unknown column`);
    expect(await b.counts()).toEqual(allZero);

    await expect(importAll(b.db, { format: "something-else", formatVersion: 1, tables: {} })).rejects.toThrow(/format — Not a Watt Screener export/);
    await expect(importAll(b.db, [])).rejects.toThrow(ImportError);
    expect(await b.counts()).toEqual(allZero);
  });

  it("writes in one transaction: a failure part-way leaves the target empty", async () => {
    const a = await seeded();
    const file = JSON.parse(await exportText(a));
    const b = await empty();
    await b.db.$executeRawUnsafe('DROP TABLE "DatasetMeta"'); // the last table written
    await expect(importAll(b.db, file)).rejects.toThrow();
    const counts = await b.counts();
    expect(counts.Company).toBe(0);
    expect(counts.AuditEntry).toBe(0);
  });

  it("refuses a non-empty target unless replace, which swaps everything in one go", async () => {
    const a = await seeded();
    await makeEdits(a);
    const text = await exportText(a);
    const b = await seeded();
    await b.db.assumptionSet.create({ data: { name: "Only in b", values: DEFAULT_ASSUMPTIONS } });
    const bBefore = await exportText(b);
    await expect(importAll(b.db, JSON.parse(text))).rejects.toThrow(/target database is not empty \(Company: 18, .*\); nothing was written/);
    expect(await exportText(b)).toBe(bBefore);
    await importAll(b.db, JSON.parse(text), { replace: true });
    expect(await exportText(b)).toBe(text);
  });
});

describe("npm scripts (end to end)", () => {
  const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
  // Run from a scratch directory so the scripts' default backups/ folder lands there, not in the repo.
  const run = (script: string, args: string[], url: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        tsx,
        [path.join(ROOT, "scripts", script), ...args],
        { cwd: dir, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" },
        (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout, stderr }),
      );
    });

  it("backup, export, import into a new file, export again, refusals, restore", async () => {
    const a = await seeded();
    await makeEdits(a);
    await a.db.$disconnect();
    const s = await seeded();
    const seededBackup = await backupDatabase(s.file, path.join(dir, "seeded.db"));
    const seededExport = await exportText(s);
    const work = mkdtempSync(path.join(dir, "scripts-"));
    const f = (name: string) => path.join(work, name);
    writeFileSync(f("junk.db"), "not a database at all");
    const newDb = `file:${f("c.db")}`;

    const [backup, exp, badRestore] = await Promise.all([
      run("db-backup.ts", [f("a.db")], a.url),
      run("db-export.ts", [f("a.json")], a.url),
      run("db-restore.ts", [f("junk.db")], a.url),
    ]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(
      /Backed up .* → .*a\.db \(\d+ KiB, integrity ok, \d+ ms\)\n {2}AssumptionSet 2, AuditEntry \d+, BalanceSheetEvent 66, Company 18/,
    );
    expect(exp.code, exp.stderr).toBe(0);
    expect(exp.stdout).toMatch(
      /^Exported Company 18, Fact \d+, Site \d+, SiteChange 1, Event 51, Contract 15, BalanceSheetEvent 66, AssumptionSet 2, Note 1, SavedView 1, UpdateBatch 1, AuditEntry \d+, DatasetMeta 1 → /,
    );
    expect(badRestore.code).toBe(1);
    expect(badRestore.stderr).toMatch(/^db:restore: Backup junk\.db failed the integrity check/);
    expect(badRestore.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(path.join(dir, "backups")), "no safety copy for a refused restore").toBe(false);

    // Into a file that does not exist yet: it is created and migrated first.
    const aDb = createClient(a.url);
    try {
      expect(serializeExport(await exportAll(aDb))).toBe(readFileSync(f("a.json"), "utf8")); // a.db untouched
    } finally {
      await aDb.$disconnect();
    }
    const imp = await run("db-import.ts", [f("a.json")], newDb);
    expect(imp, imp.stderr).toMatchObject({ code: 0, stdout: expect.stringMatching(/\(new database\)\n {2}Company 18, /) });
    const c = createClient(newDb);
    try {
      expect(serializeExport(await exportAll(c))).toBe(readFileSync(f("a.json"), "utf8"));
    } finally {
      await c.$disconnect();
    }
    const refused = await run("db-import.ts", [f("a.json")], newDb);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^db:import: The target database is not empty/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);

    // Restore the seeded-only state over c.db; the old c.db is kept in backups/ first.
    const restore = await run("db-restore.ts", [seededBackup.file], newDb);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/Saved the current database as backups\/watt-pre-restore-\d{8}T\d{6}Z-[0-9a-f]{6}\.db/);
    expect(restore.stdout).toMatch(/Restored .*seeded\.db → .*c\.db \(\d+ KiB, integrity ok\)/);
    const restored = createClient(newDb);
    try {
      expect(serializeExport(await exportAll(restored))).toBe(seededExport);
    } finally {
      await restored.$disconnect();
    }
  });
});
