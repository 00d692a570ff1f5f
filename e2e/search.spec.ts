// Search by guarantor, alias and new name with the "matched:" hint, and the one-click presets, in the
// browser and through GET /api/screen. Expected tickers are read off the dataset by hand (lib/view/search.test.ts
// names the contract, event or figure behind each); the order is the default one, discount descending.
import { type Page } from "@playwright/test";
import { expect, test } from "./test";
import { AT_SNAPSHOT, dataset, gotoScreener, tableTickers } from "./fixtures";

const row = (page: Page, ticker: string) => page.locator(`.screener-table tr[data-ticker="${ticker}"]`);

test.describe("search", () => {
  test('"google" finds the Google-backstopped CIFR and WULF and says it matched the guarantor', async ({ page }) => {
    await gotoScreener(page, AT_SNAPSHOT);
    await page.getByRole("searchbox", { name: "Search" }).fill("google");
    // WULF +6.7%, CIFR −5.8%
    await expect.poll(() => tableTickers(page)).toEqual(["WULF", "CIFR"]);
    await expect(page).toHaveURL(/q=google/);
    for (const t of ["WULF", "CIFR"]) await expect(row(page, t).getByText("matched: guarantor Google (Alphabet)")).toBeVisible();
    // the name column hidden: the hint moves under the ticker
    await page.getByText(/^Columns \(/).click();
    await page.getByRole("checkbox", { name: "Name", exact: true }).uncheck();
    await expect(row(page, "CIFR").getByRole("rowheader")).toContainText("matched: guarantor Google (Alphabet)");
  });

  test("aliases and new names: aws, keel; a ticker match has no hint", async ({ page }) => {
    await gotoScreener(page, AT_SNAPSHOT);
    const search = page.getByRole("searchbox", { name: "Search" });
    await search.fill("aws");
    await expect.poll(() => tableTickers(page)).toEqual(["CIFR"]);
    await expect(row(page, "CIFR").getByText("matched: counterparty Amazon Web Services (as AWS)")).toBeVisible();
    await search.fill("keel");
    await expect.poll(() => tableTickers(page)).toEqual(["BITF"]);
    await expect(row(page, "BITF").getByText("matched: new name Keel Infrastructure")).toBeVisible();
    await search.fill("iren");
    await expect.poll(() => tableTickers(page)).toEqual(["IREN"]);
    await expect(row(page, "IREN").getByText(/^matched:/)).toHaveCount(0);
  });

  test("on the latest date HUT's Google-backed lease for Anthropic counts too", async ({ page }) => {
    await gotoScreener(page);
    const search = page.getByRole("searchbox", { name: "Search" });
    await search.fill("google");
    await expect.poll(async () => (await tableTickers(page)).sort()).toEqual(["CIFR", "HUT", "WULF"]);
    await search.fill("anthropic");
    await expect.poll(() => tableTickers(page)).toEqual(["HUT"]);
    await expect(row(page, "HUT").getByText("matched: counterparty Fluidstack (for Anthropic)")).toBeVisible();
  });
});

test.describe("presets", () => {
  test("one click sets the preset in the URL and narrows the rows; pressing it again clears it", async ({ page }) => {
    await gotoScreener(page, AT_SNAPSHOT);
    const presets = page.getByRole("group", { name: "Presets" });
    const ig = presets.getByRole("button", { name: /^Investment-grade tenant or backstop/ });
    const belowCost = presets.getByRole("button", { name: /^Below build cost with a contract/ });
    await expect(ig).toHaveAttribute("aria-pressed", "false");
    await expect(ig.locator(".count")).toHaveText("4");

    await ig.click();
    await expect(page).toHaveURL(/preset=ig/);
    await expect(ig).toHaveAttribute("aria-pressed", "true");
    // IG tenant or backstop: WULF +6.7%, CIFR −5.8%, APLD −6.2%, IREN −56.4%
    await expect.poll(() => tableTickers(page)).toEqual(["WULF", "CIFR", "APLD", "IREN"]);

    // another preset replaces it
    await belowCost.click();
    await expect(page).toHaveURL(/preset=below-cost/);
    await expect(ig).toHaveAttribute("aria-pressed", "false");
    await expect(belowCost).toHaveAttribute("aria-pressed", "true");
    await expect.poll(() => tableTickers(page)).toEqual(["CORZ", "WULF"]);

    // keyboard: Space on the pressed preset clears it
    await belowCost.focus();
    await page.keyboard.press("Space");
    await expect(belowCost).toHaveAttribute("aria-pressed", "false");
    await expect(page).not.toHaveURL(/preset=/);
    await expect.poll(async () => (await tableTickers(page)).length).toBe(dataset.companies.length);

    // back restores the preset; a reload keeps it
    await page.goBack();
    await expect(belowCost).toHaveAttribute("aria-pressed", "true");
    await expect.poll(() => tableTickers(page)).toEqual(["CORZ", "WULF"]);
    await page.reload();
    await expect(page.getByRole("group", { name: "Presets" }).getByRole("button", { name: /^Below build cost/ })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect.poll(() => tableTickers(page)).toEqual(["CORZ", "WULF"]);
  });

  test("stale data with the search; works at phone width", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await gotoScreener(page, AT_SNAPSHOT);
    const stale = page.getByRole("group", { name: "Presets" }).getByRole("button", { name: /^Stale data/ });
    await expect(stale).toBeVisible();
    await stale.click();
    await expect(page).toHaveURL(/preset=stale/);
    // a price, share count, cash or debt past its limit on 2025-11-21 (lib/view/search.test.ts has each age)
    await expect.poll(async () => (await tableTickers(page)).sort()).toEqual(["BTDR", "CORZ", "GREE", "HIVE", "HUT", "SLNH"]);
    await page.getByRole("searchbox", { name: "Search" }).fill("coreweave");
    await expect.poll(() => tableTickers(page)).toEqual(["CORZ"]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });

  test("an unknown preset is reported and ignored", async ({ page }) => {
    await page.goto("/?preset=cheap");
    await expect(page.getByTestId("address-problems")).toContainText(
      "preset “cheap”: no such preset; use contracted, ig, below-cost or stale — ignored",
    );
    await expect.poll(async () => (await tableTickers(page)).length).toBe(dataset.companies.length);
  });
});

test.describe("GET /api/screen", () => {
  test("rows say what the search matched; presets filter; an unknown preset is a 400", async ({ request }) => {
    const google = await (await request.get("/api/screen?asOf=2025-11-21&q=google&sort=ticker.asc")).json();
    expect(google.rows.map((r: { ticker: string }) => r.ticker)).toEqual(["CIFR", "WULF"]);
    for (const r of google.rows) expect(r.matched).toEqual({ field: "guarantor", value: "Google (Alphabet)" });
    const plain = await (await request.get("/api/screen?asOf=2025-11-21&tier=1")).json();
    expect(plain.rows[0].matched).toBeUndefined();

    const stale = await (await request.get("/api/screen?asOf=2025-11-21&preset=stale&sort=ticker.asc")).json();
    expect(stale.view.preset).toBe("stale");
    expect(stale.rows.map((r: { ticker: string }) => r.ticker)).toEqual(["BTDR", "CORZ", "GREE", "HIVE", "HUT", "SLNH"]);

    const bad = await request.get("/api/screen?preset=cheap");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).fieldErrors.preset).toEqual(["No such preset; use contracted, ig, below-cost or stale"]);
  });
});
