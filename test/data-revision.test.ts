// The data revision the page cache keys on: every data table bumps it on insert, update and delete,
// whoever writes (here a second connection with plain SQL, as a CLI script or sqlite3 would), and the
// cache drops what it kept the moment a newer revision is seen.
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cachedResponse, PageCache, pageCacheKey } from "../lib/server/page-cache";
import { plainWith } from "../lib/server/gzip-splice";
import { readRevision } from "../lib/server/revision";
import { loadTimeline } from "../lib/server/timeline";
import { seedDefault } from "../prisma/seed";
import { createTempDb, type TempDb } from "./temp-db";

let t: TempDb;
beforeEach(async () => {
  t = await createTempDb();
});
afterEach(async () => {
  await t.close();
});

describe("data revision", () => {
  it("every data table (all but Session and the counter) has its insert, update and delete trigger", () => {
    const conn = new Database(t.file, { readonly: true });
    const tables = (
      conn
        .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%' ORDER BY name")
        .all() as { name: string }[]
    )
      .map((r) => r.name)
      .filter((n) => n !== "Session" && n !== "DataRevision");
    const triggers = new Set((conn.prepare("SELECT name FROM sqlite_master WHERE type='trigger'").all() as { name: string }[]).map((r) => r.name));
    conn.close();
    expect(tables.length).toBeGreaterThanOrEqual(13);
    const missing = tables.flatMap((tbl) => ["insert", "update", "delete"].map((op) => `${tbl}_revision_${op}`)).filter((n) => !triggers.has(n));
    expect(missing).toEqual([]);
  });

  it("a write from another connection moves the revision the app reads", async () => {
    const before = await readRevision(t.db);
    const other = new Database(t.file);
    other
      .prepare(
        `INSERT INTO "SavedView" (name, nameKey, query, createdBy, createdAt, version) VALUES ('x', 'x', '', NULL, '2026-01-01T00:00:00.000Z', 1)`,
      )
      .run();
    expect(await readRevision(t.db)).toBe(before + 1);
    other.prepare(`UPDATE "SavedView" SET query = 'tier=1'`).run();
    other.prepare(`DELETE FROM "SavedView"`).run();
    other.close();
    expect(await readRevision(t.db)).toBe(before + 3);
  });
});

describe("the history kept per revision", () => {
  it("is read once while nothing changes, and read again after a write from another connection", async () => {
    await seedDefault(t.db);
    const first = await loadTimeline(t.db, "2026-12-02");
    expect(await loadTimeline(t.db, "2026-12-02")).toBe(first);
    expect(await loadTimeline(t.db, "2026-12-03")).not.toBe(first); // today moves the latest date
    const price = (tl: typeof first) =>
      tl.histories
        .find((h) => h.ticker === "CORZ")!
        .points.filter((p) => p.key === "sharePriceUsd")
        .map((p) => p.value.value);
    const other = new Database(t.file);
    other
      .prepare(`UPDATE "Fact" SET value = 1.23 WHERE key = 'sharePriceUsd' AND companyId = (SELECT id FROM "Company" WHERE ticker = 'CORZ')`)
      .run();
    other.close();
    const after = await loadTimeline(t.db, "2026-12-02");
    expect(after).not.toBe(first);
    expect(price(after).every((v) => v === 1.23)).toBe(true);
    expect(price(first).some((v) => v !== 1.23)).toBe(true);
  });

  it("is never kept from inside a transaction, whose rows may be rolled back", async () => {
    await seedDefault(t.db);
    const outside = await loadTimeline(t.db, "2026-12-02");
    await t.db
      .$transaction(async (tx) => {
        await tx.company.update({ where: { ticker: "CORZ" }, data: { name: "Rolled back" } });
        const inside = await loadTimeline(tx as unknown as typeof t.db, "2026-12-02");
        expect(inside.histories.find((h) => h.ticker === "CORZ")!.name).toBe("Rolled back");
        throw new Error("roll back");
      })
      .catch(() => {});
    const again = await loadTimeline(t.db, "2026-12-02");
    expect(again.histories.find((h) => h.ticker === "CORZ")!.name).not.toBe("Rolled back");
    expect(again).toBe(outside);
  });
});

describe("page cache", () => {
  const page = (text: string) => cachedResponse(200, {}, Buffer.from(text), null);
  const req = (url: string, headers: Record<string, string> = {}) => ({ method: "GET", url, headers: { host: "127.0.0.1:3000", ...headers } });

  it("keeps a page for its revision only, and drops everything when a newer one is seen", () => {
    const c = new PageCache();
    expect(c.get(5, "a")).toBeUndefined();
    c.set(5, "a", page("five"));
    expect(plainWith(c.get(5, "a")!.body, "").toString()).toBe("five");
    expect(c.get(6, "a")).toBeUndefined(); // the data changed
    c.set(5, "a", page("rendered before the change")); // a render that began at 5 finishes late
    expect(c.get(6, "a")).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it("stays within its byte bound, least recently used out first", () => {
    const c = new PageCache(4000);
    c.get(1, "x");
    for (const k of ["a", "b", "c", "d"]) c.set(1, k, page("y".repeat(900)));
    c.get(1, "a"); // used: kept
    c.set(1, "e", page("y".repeat(900)));
    expect(c.get(1, "a")).toBeDefined();
    expect(c.get(1, "b")).toBeUndefined();
  });

  it("answers only plain GETs without a session: no navigation payloads, actions or signed-in pages", () => {
    const today = "2026-12-02";
    expect(pageCacheKey(req("/?tier=1"), today)).toBe("2026-12-02 127.0.0.1:3000 /?tier=1");
    expect(pageCacheKey({ ...req("/"), method: "POST" }, today)).toBeNull();
    expect(pageCacheKey(req("/", { rsc: "1" }), today)).toBeNull();
    expect(pageCacheKey(req("/?_rsc=abc"), today)).toBeNull();
    expect(pageCacheKey(req("/", { cookie: "theme=x; watt_session=abc" }), today)).toBeNull();
    expect(pageCacheKey(req("/", { cookie: "__Host-watt_session=abc" }), today)).toBeNull();
    expect(pageCacheKey(req("/", { cookie: "other=1" }), today)).not.toBeNull();
    expect(pageCacheKey(req("/"), "2026-12-03")).not.toBe(pageCacheKey(req("/"), today)); // figure ages move with the date
  });
});
