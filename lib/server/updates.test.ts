// Bulk updates against a real SQLite file holding the snapshot: dry run, refusal, all-or-none, re-apply,
// only-valid, revert of one row; the database byte for byte unchanged whenever nothing is applied.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedSnapshot } from "../../prisma/seed";
import { createTempDb, type TempDb } from "../../test/temp-db";
import { exportAll, serializeExport } from "./export";
import { revertChange } from "./mutations/revert";
import { applyUpdate, exportUpdates, planUpdate } from "./updates";
import { toCsv } from "../domain/update-text";

const H1 = readFileSync(path.join(__dirname, "..", "..", "prisma", "updates", "2026-h1.json"), "utf8");
let t: TempDb;
beforeEach(async () => {
  t = await createTempDb();
  await seedSnapshot(t.db);
});
afterEach(async () => {
  await t.close();
});
const dump = async () => serializeExport(await exportAll(t.db));
const csv = (...rows: string[]) => ["ticker,field,value,asOf,source,note", ...rows].join("\n");

describe("the 2026-h1 update file on the snapshot", () => {
  it("dry run: 36 new points and 1 correction (BTDR's 2025-12-31 cash re-stated with a fuller note); nothing written", async () => {
    const before = await dump();
    const plan = await planUpdate(t.db, H1);
    expect(plan.counts).toEqual({ new: 36, correction: 1, unchanged: 0, rejected: 0, total: 37 });
    const correction = plan.rows.find((r) => r.status === "correction")!;
    expect(correction.given).toMatchObject({ ticker: "BTDR", field: "cash", asOf: "2025-12-31" });
    expect(correction.before).toMatchObject({ value: 149_400_000, note: "2025-06-30 cash was $299.8M; 2025-09-30 not found." });
    expect(plan.viewDate).toBe("2026-06-30");
    expect(plan.impact.find((i) => i.ticker === "MARA")).toBeTruthy(); // its 2026 price, debt and bitcoin move it
    expect(await dump()).toBe(before);
  });

  it("apply: one batch, every row audited with it, company versions bumped; applying again changes nothing", async () => {
    const r = await applyUpdate(t.db, H1, { name: "2026-h1.json", user: "ana" });
    expect(r).toMatchObject({ ok: true, data: { batchId: 1, counts: { new: 36, correction: 1 } } });
    expect(await t.db.auditEntry.count({ where: { batchId: 1, user: "ana" } })).toBe(37);
    const mara = await t.db.fact.findFirstOrThrow({ where: { key: "sharePriceUsd", asOf: "2026-03-20", company: { ticker: "MARA" } } });
    expect(mara).toMatchObject({ value: 8.46, origin: "update", snapshotPoint: false, recordedBy: "ana" });
    const btdrCash = await t.db.fact.findFirstOrThrow({ where: { key: "cashUsd", asOf: "2025-12-31", company: { ticker: "BTDR" } } });
    expect(btdrCash.snapshotPoint).toBe(true); // a correction keeps the point's place in time
    expect((await t.db.company.findUniqueOrThrow({ where: { ticker: "MARA" } })).version).toBe(2);
    const after = await dump();
    const again = await applyUpdate(t.db, H1, { name: "2026-h1.json", user: "ana" });
    expect(again).toMatchObject({ ok: true, data: { batchId: null, counts: { unchanged: 37 } } });
    expect(await dump()).toBe(after);
  });
});

describe("bad rows", () => {
  const bad = csv(
    "IREN,sharePrice,44.1,2026-06-26,https://example.com/iren,",
    "ZZZ,cash,1,2026-06-01,https://example.com/z,",
    "IREN,cash,-5,2026-06-01,https://example.com/i,",
    "IREN,sharePrice,44.1,2026-06-26,https://example.com/dup,",
  );
  it("are rejected with line, field and reason; the file applies nothing, and the database is unchanged", async () => {
    const plan = await planUpdate(t.db, bad);
    expect(plan.rows.map((r) => [r.line, r.status, r.problems.map((p) => `${p.field}: ${p.message}`)])).toEqual([
      [2, "new", []],
      [3, "rejected", ["ticker: Unknown ticker ZZZ"]],
      [4, "rejected", ["value: Must be at least $0"]],
      [5, "rejected", ["asOf: Duplicate of line 2: one row per ticker, field and as-of"]],
    ]);
    const before = await dump();
    const r = await applyUpdate(t.db, bad, { name: "bad.csv", user: "ana" });
    expect(r).toMatchObject({
      ok: false,
      kind: "invalid",
      formErrors: [expect.stringMatching(/^3 of 4 rows are rejected \(first: line 3\)\. Nothing was applied/)],
    });
    expect(await dump()).toBe(before);
  });
  it("with only-valid, the valid rows apply and the rest are left out", async () => {
    const r = await applyUpdate(t.db, bad, { name: "bad.csv", user: "ana", onlyValid: true });
    expect(r).toMatchObject({ ok: true, data: { counts: { new: 1, rejected: 3 } } });
    expect(await t.db.fact.count({ where: { key: "sharePriceUsd", asOf: "2026-06-26" } })).toBe(1);
  });
  it("a file that is not the format applies nothing, whatever only-valid says", async () => {
    const r = await applyUpdate(t.db, `{"format": "nope", "description": "", "updates": []}`, { name: "x.json", user: null, onlyValid: true });
    expect(r).toMatchObject({ ok: false, kind: "invalid", formErrors: [expect.stringMatching(/^The file cannot be read: Not a fact-update file/)] });
  });
});

describe("round trips", () => {
  it("one row of a batch is reverted like any edit: the point goes, the older one is back in force", async () => {
    await applyUpdate(t.db, csv("IREN,sharePrice,44.1,2026-06-26,https://example.com/iren,"), { name: "one.csv", user: "ana" });
    const entry = await t.db.auditEntry.findFirstOrThrow({ where: { batchId: 1 } });
    expect((await revertChange(t.db, { auditId: entry.id }, "ana")).ok).toBe(true);
    expect(await t.db.fact.count({ where: { key: "sharePriceUsd", asOf: "2026-06-26" } })).toBe(0);
  });
  it("the export of the figures, applied as an update (JSON or CSV), changes nothing", async () => {
    await applyUpdate(t.db, H1, { name: "2026-h1.json", user: "ana" });
    const rows = await exportUpdates(t.db);
    const before = await dump();
    const json = JSON.stringify({ format: "watt-screener.fact-updates/1", description: "export", updates: rows });
    for (const text of [json, toCsv(rows)]) {
      const plan = await planUpdate(t.db, text);
      expect(plan.counts).toMatchObject({ unchanged: rows.length, new: 0, correction: 0, rejected: 0 });
    }
    expect(await dump()).toBe(before);
  });
});
