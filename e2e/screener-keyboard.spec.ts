// The screener table from the keyboard: one tab stop for the whole table (it was some 140: every link,
// sort button and tooltip), the arrow keys, Home/End and Page Up/Down move inside it, Tab leaves it;
// skip links go past the toolbar to the table or the chart.
import { type Page } from "@playwright/test";
import { expect, test } from "./test";
import { AT_SNAPSHOT, gotoScreener, tableTickers } from "./fixtures";

test.use({ viewport: { width: 1440, height: 900 } });

/** Elements of the table in the tab order (after hydration: one). */
const tableStops = (page: Page) =>
  page
    .locator(".screener-table")
    .evaluate((t) => [...t.querySelectorAll<HTMLElement>("a[href], button, [tabindex]")].filter((e) => e.tabIndex >= 0).length);

test("the table is one tab stop; arrow keys, Home/End and Page keys move inside it; Tab leaves it", async ({ page }) => {
  await gotoScreener(page, AT_SNAPSHOT);
  const stops = () => tableStops(page);
  await expect.poll(stops).toBe(1); // some 140 before: every link, sort button and tooltip
  const tickers = await tableTickers(page);
  const focused = () =>
    page.evaluate(() => {
      const e = document.activeElement!;
      return {
        text: e.textContent!.replace(/[▲▼]/g, "").trim(),
        ticker: e.closest("tr")?.getAttribute("data-ticker") ?? null,
        tag: e.tagName.toLowerCase(),
      };
    });

  await page.getByRole("link", { name: "Skip to the table" }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  expect(await focused()).toEqual({ text: "#", ticker: null, tag: "button" }); // the header's first cell
  await page.keyboard.press("ArrowDown");
  expect(await focused()).toMatchObject({ ticker: tickers[0], tag: "td" }); // the rank cell
  await page.keyboard.press("ArrowRight");
  expect(await focused()).toEqual({ text: tickers[0], ticker: tickers[0], tag: "a" }); // the ticker's link
  await page.keyboard.press("ArrowDown");
  expect(await focused()).toEqual({ text: tickers[1], ticker: tickers[1], tag: "a" });
  await page.keyboard.press("End");
  expect(await focused()).toMatchObject({ ticker: tickers[1], text: expect.stringMatching(/^\d{4}-\d{2}/) }); // price as of
  await page.keyboard.press("Home");
  expect(await focused()).toMatchObject({ ticker: tickers[1], tag: "td" });
  await page.keyboard.press("PageDown");
  expect(await focused()).toMatchObject({ ticker: tickers[11] });
  await page.keyboard.press("Control+End");
  expect(await focused()).toMatchObject({ ticker: tickers[tickers.length - 1] });
  expect(await stops()).toBe(1);
  // Enter on a header still sorts, and the stop stays one
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=ticker\.asc/);
  expect(await stops()).toBe(1);
  // Tab goes on to the chart; Shift+Tab comes back to where the keyboard was in the table
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Horizontal axis")).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  expect(await focused()).toEqual({ text: "Ticker", ticker: null, tag: "button" });
});

test("skip links reach the table and the chart; the chart is fewer than 60 tab stops from the top", async ({ page }) => {
  await gotoScreener(page, AT_SNAPSHOT);
  await page.getByRole("link", { name: "Skip to the chart" }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Horizontal axis")).toBeFocused();

  // from the top of the page, Tab until the chart's first control (it took 186 presses)
  await gotoScreener(page, AT_SNAPSHOT);
  await expect.poll(() => tableStops(page)).toBe(1);
  let presses = 0;
  for (; presses < 60; presses++) {
    await page.keyboard.press("Tab");
    if (await page.getByLabel("Horizontal axis").evaluate((el) => el === document.activeElement)) break;
  }
  expect(presses).toBeLessThan(60);
});
