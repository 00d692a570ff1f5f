import { readCsv } from "../lib/csv";
import { readFileSync } from "node:fs";
import { expect, test } from "./test";
import { gotoScreener, tableTickers, withDb } from "./fixtures";

/** The rows after the leading "# " metadata lines, read by the app's own RFC 4180 reader. */
function parseCsv(file: string): string[][] {
  const lines = file.split("\r\n");
  return readCsv(lines.slice(lines.findIndex((l) => !l.startsWith("# "))).join("\r\n")).map((r) => r.cells);
}

test.describe.serial("CSV export", () => {
  const EVIL = '=HYPERLINK("http://evil.test","click")';
  test.beforeAll(() => {
    withDb((db) => {
      db.prepare(
        `INSERT INTO "Company" (ticker, name, exchange, country, gaps, assumptionOverrides, version, updatedAt)
        VALUES ('EVIL', ?, 'Test', 'US', '[]', '{}', 1, ?)`,
      ).run(EVIL, new Date().toISOString());
    });
  });
  test.afterAll(() => {
    withDb((db) => db.prepare(`DELETE FROM "Company" WHERE ticker = 'EVIL'`).run());
  });

  test("exports the current view from the server: visible columns, filter and order; formulas neutralized", async ({ page }) => {
    await gotoScreener(page, "?sort=ticker.desc&cols=name,tier,evPerWEffectiveIt,discountBase,flags");
    const shown = await tableTickers(page);
    expect(shown).toContain("EVIL");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^watt-screen-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = readFileSync((await download.path())!, "utf8");
    expect(file).toMatch(/^# key,value,unit,label\r\n/);
    expect(file).toContain("# view.sort,ticker.desc,");
    const rows = parseCsv(file);
    // the visible columns, then what a person entered (always there: a shared file says which figures are not reported ones)
    expect(rows[0]).toEqual(["Rank", "Ticker", "Name", "Tier", "EV/W eff. IT (USD/W)", "Discount to build cost (%)", "Flags", "User-entered"]);
    expect(rows.slice(1).map((r) => r[1])).toEqual(shown);
    const evil = rows.find((r) => r[1] === "EVIL")!;
    expect(evil[2]).toBe(`'${EVIL}`);
    const corz = rows.find((r) => r[1] === "CORZ")!;
    expect(Number(corz[5])).toBeCloseTo(22.3, 1); // numbers stay numbers (1 − 9.3242 / 12)
    expect(corz[3]).toBe("1");

    // a filtered view exports only what is shown
    await page.getByRole("searchbox", { name: "Search" }).fill("coreweave");
    await expect.poll(() => tableTickers(page)).toHaveLength(3);
    await expect(page.getByRole("link", { name: "Export XLSX" })).toHaveAttribute("href", /^\/api\/screen\.xlsx\?.*q=coreweave/);
    const [d2] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
    const rows2 = parseCsv(readFileSync((await d2.path())!, "utf8"));
    expect(rows2.slice(1).map((r) => r[1])).toEqual(["GLXY", "CORZ", "APLD"]);
  });
});

test.describe("JSON API", () => {
  test("GET /api/screen applies the same view parameters", async ({ request }) => {
    const r = await request.get("/api/screen?asOf=2025-11-21&tier=1,2&sort=ticker.asc");
    expect(r.status()).toBe(200);
    const body = await r.json();
    expect(body.assumptionSet).toBe("Base");
    expect(body.rows.map((x: { ticker: string }) => x.ticker)).toEqual(["APLD", "CIFR", "CORZ", "GLXY", "IREN", "WULF"]);
    const iren = body.rows.find((x: { ticker: string }) => x.ticker === "IREN");
    expect(iren.rules.find((x: { id: string }) => x.id === "T1-b").pass).toBe(false);
    expect(iren.inputs.find((x: { key: string }) => x.key === "sharePriceUsd").sourceUrl).toMatch(/^https:/);
  });

  test("GET /api/screen.xlsx is a workbook download named by the view date", async ({ request }) => {
    const r = await request.get("/api/screen.xlsx?asOf=2025-11-21&tier=1");
    expect(r.status()).toBe(200);
    expect(r.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(r.headers()["content-disposition"]).toBe('attachment; filename="watt-screen-2025-11-21.xlsx"');
    expect((await r.body()).subarray(0, 2).toString()).toBe("PK"); // a zip, as every XLSX is
    expect((await request.get("/api/screen.csv?tier=9")).status()).toBe(400);
  });

  test("invalid parameters → 400 with field errors", async ({ request }) => {
    const r = await request.get("/api/screen?tier=9&minDiscount=abc&nope=1");
    expect(r.status()).toBe(400);
    const body = await r.json();
    expect(body.fieldErrors).toEqual({
      tier: ["Unknown tier 9; use 1, 2 or 3"],
      minDiscount: ["Not a number; use one from -10,000% to 100%, e.g. 20%"],
      nope: ["Not a screener parameter; they are set, asOf, q, sort, tier, flag, minDiscount, minContracted, preset, cols or x"],
    });
    // an API is strict: the screener applies tier=1 here and reports the sort, the API refuses the request
    const partly = await request.get("/api/screen?tier=1&sort=evPerWEffectiveIt:asc");
    expect(partly.status()).toBe(400);
    expect((await partly.json()).fieldErrors).toEqual({ sort: ["Use column.asc or column.desc, e.g. evPerWEffectiveIt.asc"] });
    const unknownSet = await request.get("/api/screen?set=Nope");
    expect(unknownSet.status()).toBe(400);
    expect((await unknownSet.json()).fieldErrors.set[0]).toContain("No assumption set");
  });

  test("GET /api/companies/[ticker] → scored explanation; unknown → 404", async ({ request }) => {
    const r = await request.get("/api/companies/CORZ");
    expect(r.status()).toBe(200);
    const body = await r.json();
    expect(body.score.tier).toBe(1);
    expect(body.facts.find((f: { key: string }) => f.key === "totalDebtUsd").sourceUrl).toMatch(/^https?:/);
    expect((await request.get("/api/companies/NOPE")).status()).toBe(404);
    expect((await request.get("/api/companies/CORZ?x=1")).status()).toBe(400);
  });

  test("unknown company page is a real 404", async ({ page }) => {
    const res = await page.goto("/companies/NOPE");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Company not found" })).toBeVisible();
  });
});
