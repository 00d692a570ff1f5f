// The newer parts in dark mode (prefers-color-scheme: dark): the sensitivity page, the company tornado,
// analysts' notes, the saved views panel and the screener's chart legend. Each page passes axe (colour
// contrast included) and is saved as a screenshot artifact; the parts draw with the palette's dark
// values (the CSS variables), not a colour fixed for a light page.
import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, test } from "./test";
import { gotoScreener, withDb } from "./fixtures";

test.use({ colorScheme: "dark", viewport: { width: 1400, height: 900 } });

// The dark palette of app/globals.css, as the browser reports computed colours.
const DARK = { bg: "rgb(17, 20, 24)", fg: "rgb(231, 234, 238)", muted: "rgb(163, 172, 183)", good: "rgb(95, 208, 127)", warn: "rgb(242, 193, 78)" };

const NOTE = "Dark-mode check: the note's text and its form";
const VIEW = "Dark-mode check view";

test.beforeAll(() =>
  withDb((db) => {
    const now = new Date().toISOString();
    const corz = db.prepare(`SELECT id FROM "Company" WHERE ticker = 'CORZ'`).get() as { id: number };
    db.prepare(`INSERT INTO "Note" (companyId, figure, body, author, createdAt, position, version) VALUES (?, NULL, ?, 'e2e', ?, 0, 1)`).run(
      corz.id,
      NOTE,
      now,
    );
    db.prepare(`INSERT INTO "SavedView" (name, nameKey, query, createdBy, createdAt, version) VALUES (?, ?, 'tier=1', 'e2e', ?, 1)`).run(
      VIEW,
      VIEW.toLowerCase(),
      now,
    );
  }),
);
test.afterAll(() =>
  withDb((db) => {
    db.prepare(`DELETE FROM "Note" WHERE body = ?`).run(NOTE);
    db.prepare(`DELETE FROM "SavedView" WHERE name = ?`).run(VIEW);
  }),
);

/** The computed value of `property` for the first element matching `selector`. */
const style = (page: Page, selector: string, property: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

async function axeAndShot(page: Page, name: string, info: import("@playwright/test").TestInfo) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")})`,
    ),
  ).toEqual([]);
  const file = info.outputPath(`${name}-dark.png`);
  await page.screenshot({ path: file, fullPage: true });
  await info.attach(`${name}-dark`, { path: file, contentType: "image/png" });
}

test("sensitivity page in dark mode: the sweep chart, its tables and the tornado", async ({ page }, info) => {
  await page.goto("/sensitivity?ticker=CORZ");
  await expect(page.locator(".sweep-chart").first()).toBeVisible();
  await page.getByText("The numbers").first().click(); // the tornado's table
  expect(await style(page, "body", "background-color")).toBe(DARK.bg);
  expect(await style(page, ".sweep-chart text", "fill")).toBe(DARK.muted);
  expect(await style(page, ".tornado text", "fill")).toBe(DARK.fg);
  expect(await style(page, ".sens-table td.pos", "color")).toBe(DARK.good);
  await axeAndShot(page, "sensitivity", info);
});

test("company page in dark mode: notes and their form, the tornado", async ({ page }, info) => {
  await page.goto("/companies/CORZ");
  await expect(page.getByText(NOTE)).toBeVisible();
  expect(await style(page, ".note-form textarea", "background-color")).toBe(DARK.bg);
  expect(await style(page, ".note-form textarea", "color")).toBe(DARK.fg);
  expect(await style(page, ".tornado text", "fill")).toBe(DARK.fg);
  await axeAndShot(page, "company", info);
});

test("screener in dark mode: the saved views panel open, the chart's legend and labels", async ({ page }, info) => {
  await gotoScreener(page);
  await expect(page.locator(".chart svg circle.dot").first()).toBeVisible();
  const menu = page.locator("details.saved-views");
  await menu.locator("summary").click();
  await expect(menu.getByRole("link", { name: VIEW })).toBeVisible();
  expect(await style(page, ".saved-views-panel", "background-color")).toBe(DARK.bg);
  expect(await style(page, ".chart .dot-label", "fill")).toBe(DARK.fg);
  expect(await style(page, ".chart .ref-label", "fill")).toBe(DARK.warn);
  expect(await style(page, ".chart-legend .swatch.tier-1", "background-color")).toBe(DARK.good);
  await axeAndShot(page, "screener", info);
});
