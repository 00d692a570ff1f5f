// Notes and saved views through their write paths, on a real temporary SQLite database: what is stored,
// what is refused (with the field and nothing stored), versions, audit and revert.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedSnapshot } from "../../../prisma/seed";
import { createTempDb, type TempDb } from "../../../test/temp-db";
import { loadScreen } from "../screen";
import { deleteNote, notesOf, saveNote } from "./notes";
import { revertChange } from "./revert";
import { deleteView, loadSavedViews, saveView } from "./saved-views";

let t: TempDb;
beforeAll(async () => {
  t = await createTempDb();
  await seedSnapshot(t.db);
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await t.db.note.deleteMany();
  await t.db.savedView.deleteMany();
  await t.db.auditEntry.deleteMany();
});

const corzId = async () => (await t.db.company.findUniqueOrThrow({ where: { ticker: "CORZ" } })).id;

describe("notes", () => {
  it("a note on a figure is stored with its author, counted on the screener row and audited; an edit keeps the author", async () => {
    const r = await saveNote(t.db, { ticker: "CORZ", note: { figure: "cashUsd", body: "  Cash excludes the restricted $12M.  " } }, "ana");
    expect(r).toMatchObject({ ok: true, data: { version: 1 } });
    const [n] = await notesOf(t.db, await corzId());
    expect(n).toMatchObject({ figure: "cashUsd", body: "Cash excludes the restricted $12M.", author: "ana", version: 1 });
    const rows = (await loadScreen(t.db, undefined, "2025-11-21")).rows;
    expect(rows.find((x) => x.ticker === "CORZ")!.notes).toBe(1);
    expect(rows.find((x) => x.ticker === "IREN")!.notes).toBe(0);

    expect(await saveNote(t.db, { ticker: "CORZ", id: n.id, version: 1, note: { figure: null, body: "On the company now" } }, "bo")).toMatchObject({
      ok: true,
      data: { version: 2 },
    });
    expect((await notesOf(t.db, await corzId()))[0]).toMatchObject({ figure: null, body: "On the company now", author: "ana", version: 2 });
    const audit = await t.db.auditEntry.findMany({ where: { entity: "Note" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.field, a.user])).toEqual([
      ["(record)", "ana"],
      ["figure", "bo"],
      ["body", "bo"],
    ]);
  });

  it("empty, over 10,000 characters, an unknown figure, a stale version: refused on the field, nothing stored", async () => {
    const bad = async (note: unknown, extra: object = {}) => saveNote(t.db, { ticker: "CORZ", note, ...extra }, "ana");
    expect(await bad({ body: "   " })).toMatchObject({ ok: false, kind: "invalid", fieldErrors: { "note.body": ["Write the note"] } });
    expect(await bad({ body: "x".repeat(10_001) })).toMatchObject({
      fieldErrors: { "note.body": ["At most 10,000 characters (split it into several notes)"] },
    });
    expect((await bad({ body: "x".repeat(10_000) })).ok).toBe(true); // the limit itself is allowed
    await t.db.note.deleteMany();
    expect(await bad({ figure: "madeUp", body: "x" })).toMatchObject({ fieldErrors: { "note.figure": ["Not a figure of this model"] } });
    expect(await t.db.note.count()).toBe(0);
    const ok = await saveNote(t.db, { ticker: "CORZ", note: { body: "first" } }, "ana");
    const id = (ok as { data: { id: number } }).data.id;
    await saveNote(t.db, { ticker: "CORZ", id, version: 1, note: { body: "second" } }, "bo");
    expect(await bad({ body: "third, from a stale page" }, { id, version: 1 })).toMatchObject({
      ok: false,
      kind: "conflict",
      current: { note: { body: "second" } },
    });
    expect((await t.db.note.findUniqueOrThrow({ where: { id } })).body).toBe("second");
    expect(await saveNote(t.db, { ticker: "ZZZZ", note: { body: "x" } }, "ana")).toMatchObject({ ok: false, kind: "not-found" });
  });

  it("a deleted note comes back with its author when the deletion is reverted; reverting its creation removes it", async () => {
    const r = await saveNote(t.db, { ticker: "CORZ", note: { figure: "sharePriceUsd", body: "Nearest print, not the close" } }, "ana");
    const id = (r as { data: { id: number } }).data.id;
    expect((await deleteNote(t.db, { ticker: "CORZ", id, version: 1 }, "bo")).ok).toBe(true);
    expect(await t.db.note.count()).toBe(0);
    const [creation, deletion] = await t.db.auditEntry.findMany({ where: { entity: "Note", field: "(record)" }, orderBy: { id: "asc" } });
    expect([creation.before, deletion.after]).toEqual([null, null]);
    expect((await revertChange(t.db, { auditId: deletion.id }, "bo")).ok).toBe(true);
    const [back] = await notesOf(t.db, await corzId());
    expect(back).toMatchObject({ figure: "sharePriceUsd", body: "Nearest print, not the close", author: "ana" });
    // the creation named the first row, which the revert re-created under a new id: it is gone
    expect(await revertChange(t.db, { auditId: creation.id }, "bo")).toMatchObject({ ok: false, kind: "not-found" });
    const recreated = await t.db.auditEntry.findFirstOrThrow({ where: { entity: "Note", revertOf: deletion.id } });
    expect((await revertChange(t.db, { auditId: recreated.id }, "bo")).ok).toBe(true);
    expect(await t.db.note.count()).toBe(0);
  });
});

describe("saved views", () => {
  it("stores the view in the screener's canonical form, with who made it; listed by name", async () => {
    const r = await saveView(t.db, { name: " Tier 1–2, by ticker ", query: "?sort=ticker.asc&tier=2,1" }, "ana");
    expect(r).toMatchObject({ ok: true, data: { name: "Tier 1–2, by ticker", query: "sort=ticker.asc&tier=1%2C2" } }); // URLSearchParams writes the comma as %2C
    await saveView(t.db, { name: "all", query: "" }, null);
    const views = await loadSavedViews(t.db);
    expect(views.map((v) => [v.name, v.query, v.createdBy])).toEqual([
      ["all", "", null],
      ["Tier 1–2, by ticker", "sort=ticker.asc&tier=1%2C2", "ana"],
    ]);
    expect(await t.db.auditEntry.count({ where: { entity: "SavedView" } })).toBe(2);
  });

  it("empty, over 100 characters, a duplicate ignoring case, parameters the screener refuses: named, nothing stored", async () => {
    await saveView(t.db, { name: "Bear", query: "set=Base" }, "ana");
    const before = await t.db.savedView.count();
    expect(await saveView(t.db, { name: "  ", query: "" }, "ana")).toMatchObject({
      ok: false,
      kind: "invalid",
      fieldErrors: { name: ["Name the view"] },
    });
    expect(await saveView(t.db, { name: "x".repeat(101), query: "" }, "ana")).toMatchObject({
      fieldErrors: { name: ["At most 100 characters (this one has 101)"] },
    });
    expect(await saveView(t.db, { name: " bear ", query: "" }, "ana")).toMatchObject({
      fieldErrors: { name: ["A view named “Bear” exists already; choose another name or delete that one first"] },
    });
    const badQuery = await saveView(t.db, { name: "odd", query: "tier=9&nope=1" }, "ana");
    expect(badQuery).toMatchObject({ ok: false, kind: "invalid" });
    expect((badQuery as { fieldErrors: Record<string, string[]> }).fieldErrors.query[0]).toBe(
      "The view's parameters are not valid. tier: Unknown tier 9; use 1, 2 or 3. nope: Not a screener parameter; they are set, asOf, q, sort, tier, flag, minDiscount, minContracted, preset, cols or x.",
    );
    expect(await t.db.savedView.count()).toBe(before);
  });

  it("a delete from a stale list is refused; a current one removes it", async () => {
    const r = await saveView(t.db, { name: "Cheap", query: "minDiscount=20" }, "ana");
    const id = (r as { data: { id: number } }).data.id;
    await t.db.savedView.update({ where: { id }, data: { version: 2 } }); // someone else changed it meanwhile
    expect(await deleteView(t.db, { id, version: 1 }, "bo")).toMatchObject({ ok: false, kind: "conflict" });
    expect(await deleteView(t.db, { id, version: 2 }, "bo")).toMatchObject({ ok: true });
    expect(await t.db.savedView.count()).toBe(0);
    expect(await deleteView(t.db, { id, version: 2 }, "bo")).toMatchObject({ ok: false, kind: "not-found" });
  });
});
