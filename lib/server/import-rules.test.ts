// db:import against hostile files: the domain rules (URLs, tickers, figure rules, site and contract
// rules), deep nesting, lone surrogates and a very large audit log — against real temporary databases.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { readDatasetFile, seedDatabase } from "../../prisma/seed";
import { createTempDb, type TempDb } from "../../test/temp-db";
import { exportAll, highestAuditedId, importAll, ImportError, serializeExport, type ExportFile, type ExportRow } from "./export";

const ROOT = path.join(__dirname, "..", "..");
const temps: TempDb[] = [];
async function temp(seed: boolean) {
  const t = await createTempDb();
  temps.push(t);
  if (seed) await seedDatabase(t.db, readDatasetFile());
  return t;
}
afterEach(async () => {
  for (const t of temps.splice(0)) await t.close();
});
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "watt-import-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const seededExport = async () => JSON.parse(serializeExport(await exportAll((await temp(true)).db))) as ExportFile;
const find = (rows: ExportRow[], pred: (r: ExportRow) => boolean) => rows.find(pred)!;

describe("db:import refuses a hostile file", () => {
  it("checks URLs, tickers, figure, site and contract rules like a save does; names each; writes nothing", async () => {
    const file = await seededExport();
    const { tables } = file;
    const price = find(tables.Fact, (f) => f.key === "sharePriceUsd");
    price.sourceUrl = "javascript:alert(document.cookie)";
    const debt = find(tables.Fact, (f) => f.key === "totalDebtUsd");
    debt.value = -5;
    const otherPrice = find(tables.Fact, (f) => f.key === "sharePriceUsd" && f.id !== price.id);
    otherPrice.value = 0; // a price must be > 0
    const hashrate = find(tables.Fact, (f) => f.key === "hashrateEhs");
    hashrate.basis = "basic"; // only shares carry a basis
    const cash = find(tables.Fact, (f) => f.key === "cashUsd");
    cash.key = "madeUpUsd";
    const site = find(tables.Site, (s) => s.grossMw != null && s.grossMwSourceUrl != null);
    site.grossMwSourceUrl = "data:text/html,<script>alert(1)</script>";
    const contract = find(tables.Contract, (k) => typeof k.itMw === "number");
    contract.sourceUrls = ["https://ok.example/a", "javascript:alert(1)"];
    contract.deliveredItMw = (contract.itMw as number) + 1;
    tables.Company[2].ticker = "iren!";
    tables.Event[0].sourceUrls = ["vbscript:msgbox(1)"];
    tables.DatasetMeta[0].currency = "EUR";

    const b = await temp(false);
    const err = await importAll(b.db, file).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    const msg = (err as Error).message;
    for (const line of [
      `Fact id ${price.id}: sourceUrl — Must be an http(s) URL`,
      `Fact id ${debt.id}: value — Must be at least $0`,
      `Fact id ${otherPrice.id}: value — Must be at least $0.01`,
      `Fact id ${hashrate.id}: basis — Unrecognized key: "basis"`,
      `Fact id ${cash.id}: key — Unknown figure`,
      `Site id ${site.id}: grossMw.source — Must be an http(s) URL`,
      `Contract id ${contract.id}: sources[1] — Must be an http(s) URL`,
      `Contract id ${contract.id}: deliveredItMw — Delivered MW exceeds contract MW`,
      `Company id ${tables.Company[2].id}: ticker — 1–10 capitals, digits or dots`,
      `Event id ${tables.Event[0].id}: sourceUrls[0] — Must be an http(s) URL`,
      `DatasetMeta id 1: currency — `,
    ])
      expect(msg).toContain(line);
    expect(msg).toMatch(/^Import rejected \(11 problems\); nothing was written/);
    expect(Object.values(await b.counts()).every((n) => n === 0)).toBe(true);
  });

  it("model v2 fields get the form's rules too: country, phase scope, events, allocations, dates", async () => {
    const file = await seededExport();
    const { tables } = file;
    const site = find(tables.Site, (s) => s.country === "US" && s.itMw == null);
    site.country = "ZZ";
    site.itMwScope = "phase"; // a phase scope needs an IT figure
    const ev = tables.BalanceSheetEvent[0];
    Object.assign(ev, {
      date: "not a date",
      cashDeltaUsd: null,
      debtDeltaUsd: null,
      sharesDelta: null,
      btcDelta: null,
      preferredDeltaUsd: null,
      committedDeltaUsd: null,
    });
    const k = find(tables.Contract, (c) => Array.isArray(c.siteAllocations));
    const allocations = k.siteAllocations as { siteId: number; itMw: number }[];
    k.siteAllocations = [{ siteId: allocations[0].siteId, itMw: 99_999 }];
    const fact = find(tables.Fact, (f) => f.key === "cashUsd");
    fact.asOf = "2025-02-30"; // no such day
    const err = await importAll((await temp(false)).db, file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    const problems = (err as Error).message;
    for (const line of [
      `Site id ${site.id}: country — `,
      `Site id ${site.id}: itMwScope — `,
      `BalanceSheetEvent id ${ev.id}: date — `,
      `Contract id ${k.id}: siteAllocations — `,
      `Fact id ${fact.id}: asOf — `,
    ])
      expect(problems).toContain(line);
  });

  it("a figure with a value but no source is refused (provenance goes with the number)", async () => {
    const file = await seededExport();
    const site = find(file.tables.Site, (s) => s.grossMw != null);
    site.grossMwSourceUrl = null;
    const err = await importAll((await temp(false)).db, file).catch((e) => e);
    expect((err as Error).message).toContain(`Site id ${site.id}: grossMw — A figure needs its value, as-of date and source together`);
  });

  it("deeply nested JSON and lone surrogates are reported, not a stack overflow or a database error", async () => {
    const file = await seededExport();
    let deep: unknown[] = [];
    const root = deep;
    for (let i = 0; i < 20_000; i++) {
      const next: unknown[] = [];
      deep.push(next);
      deep = next;
    }
    file.tables.AuditEntry.push({
      id: 9_000_001,
      at: "2025-11-21T00:00:00.000Z",
      entity: "Company",
      entityId: 1,
      companyId: 1,
      field: "x",
      before: root,
      after: null,
      user: "u",
      revertOf: null,
    });
    file.tables.DatasetMeta[0].notes = "broken \uD800 text";
    const err = await importAll((await temp(false)).db, file).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError); // not a RangeError
    const msg = (err as Error).message;
    expect(msg).toMatch(/tables\.AuditEntry\[\d+\]\.before(\[0\])+ — Nested deeper than 32 levels/);
    expect(msg).toContain("tables.DatasetMeta[0].notes — Contains an invalid character (a lone UTF-16 surrogate)");
  });

  it("the highest audited id is found without spreading the audit log into arguments (~125,000 rows overflowed)", () => {
    const audit = Array.from({ length: 200_000 }, (_, i) => ({ entity: "Site", entityId: i + 1 }));
    const file = { tables: { Site: [{ id: 7 }], AuditEntry: audit } } as unknown as ExportFile;
    expect(() => Math.max(0, ...audit.map((a) => a.entityId))).toThrow(RangeError); // what the import did
    expect(highestAuditedId(file, "Site")).toBe(200_000);
  });

  it("npm run db:import: the hostile file exits 1 with the problems and no stack trace", async () => {
    const file = await seededExport();
    find(file.tables.Fact, (f) => f.key === "sharePriceUsd").sourceUrl = "javascript:alert(1)";
    const input = path.join(dir, "hostile.json");
    writeFileSync(input, JSON.stringify(file));
    const target = path.join(dir, "target.db");
    const r = await new Promise<{ code: number; stderr: string }>((resolve) =>
      execFile(
        path.join(ROOT, "node_modules", ".bin", "tsx"),
        [path.join(ROOT, "scripts", "db-import.ts"), input],
        { cwd: dir, env: { ...process.env, DATABASE_URL: `file:${target}` } },
        (e, _out, stderr) => resolve({ code: e ? ((e as { code?: number }).code ?? -1) : 0, stderr }),
      ),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^db:import: Import rejected \(1 problem\); nothing was written:\n {2}Fact id \d+: sourceUrl — Must be an http\(s\) URL/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
