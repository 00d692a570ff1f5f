// GET /api/screen's page of rows, on a seeded database (its compression: compress.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDefault } from "../../prisma/seed";
import { createTempDb, type TempDb } from "../../test/temp-db";
import { loadScreen } from "./screen";
import { readPage, screenApiBody } from "./screen-request";
import { DEFAULT_VIEW } from "../view/params";

let t: TempDb;
beforeAll(async () => {
  t = await createTempDb();
  await seedDefault(t.db);
});
afterAll(async () => {
  await t.close();
});

const page = (qs: string) => readPage(new URLSearchParams(qs));

describe("the page of rows", () => {
  it("reads offset and limit and leaves the view's parameters to the view", () => {
    expect(page("")).toMatchObject({ page: { offset: 0, limit: null } });
    const r = page("tier=1&offset=2&limit=5");
    if (!("page" in r)) throw new Error(JSON.stringify(r));
    expect(r.page).toEqual({ offset: 2, limit: 5 });
    expect(r.rest.toString()).toBe("tier=1");
  });

  it("refuses what is not a whole number in range, or given twice, naming the parameter", () => {
    for (const qs of ["limit=0", "limit=10001", "limit=abc", "limit=1.5", "limit=-1", "limit=", "offset=-1", "offset=1e3"]) {
      const r = page(qs);
      expect("fieldErrors" in r && Object.keys(r.fieldErrors), qs).toEqual([qs.split("=")[0]]);
    }
    expect(page("limit=1&limit=2")).toEqual({ fieldErrors: { limit: ["Given 2 times; give it once"] } });
    expect(page("limit=10000")).toMatchObject({ page: { limit: 10000 } });
  });

  it("gives the view's rows from offset, at most limit, and counts the whole view", async () => {
    const screen = await loadScreen(t.db);
    const all = screenApiBody(DEFAULT_VIEW, screen);
    expect(all.rows).toHaveLength(18);
    const part = screenApiBody(DEFAULT_VIEW, screen, { offset: 5, limit: 4 });
    expect(part.rows.map((r) => r.ticker)).toEqual(all.rows.slice(5, 9).map((r) => r.ticker));
    expect(part).toMatchObject({ count: 18, total: 18, offset: 5, limit: 4 });
    expect(JSON.stringify(part.rows[0])).toBe(JSON.stringify(all.rows[5]));
    expect(screenApiBody(DEFAULT_VIEW, screen, { offset: 17, limit: 10 }).rows).toHaveLength(1);
    expect(screenApiBody(DEFAULT_VIEW, screen, { offset: 18, limit: 10 }).rows).toEqual([]);
  });
});
