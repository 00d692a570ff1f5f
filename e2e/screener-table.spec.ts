// The screener table at 1440 px, as an analyst uses it: the header and the ticker stay in view while the
// table scrolls, long names are cut to a compact column, columns can be reordered from the keyboard and
// the order is in the URL, rows can be made compact (remembered), and the column picker closes as a
// menu does. The keyboard's way through the table: screener-keyboard.spec.ts.
import { type Locator, type Page } from "@playwright/test";
import { expect, test } from "./test";
import { AT_SNAPSHOT, gotoScreener } from "./fixtures";

test.use({ viewport: { width: 1440, height: 900 } });

const box = (page: Page) => page.locator(".table-scroll");
const headers = (page: Page) =>
  page.locator(".screener-table thead th").evaluateAll((ths) => ths.map((th) => th.textContent!.replace(/[▲▼]/g, "").trim()));

/** The headers whose column lies wholly inside the table's box, as it first shows. */
async function columnsInView(page: Page) {
  return box(page).evaluate((el) => {
    const right = el.getBoundingClientRect().right;
    return [...el.querySelectorAll("thead th")].filter((th) => th.getBoundingClientRect().right <= right + 1).length;
  });
}

async function inViewport(page: Page, l: Locator) {
  const b = (await l.boundingBox())!;
  return b.y >= 0 && b.y + b.height <= page.viewportSize()!.height;
}

test("the header and the ticker stay in view while the table scrolls down and sideways", async ({ page }) => {
  await gotoScreener(page, AT_SNAPSHOT);
  const lastRow = page.locator(".screener-table tbody tr[data-ticker]").last();
  // as a reader does: the table's box in the window, then the table scrolled to its end inside it
  await box(page).evaluate((el) => {
    el.scrollIntoView({ block: "start" });
    el.scrollTop = el.scrollHeight;
  });
  expect(await box(page).evaluate((el) => el.scrollTop)).toBeGreaterThan(0); // it did scroll in its box
  // the last row and the header at once: the table scrolls in its own box, the header sticks to its top
  const header = page.getByRole("columnheader", { name: "Ticker" });
  expect(await inViewport(page, lastRow)).toBe(true);
  expect(await inViewport(page, header)).toBe(true);
  const [boxTop, headerTop] = await Promise.all([box(page).boundingBox(), header.boundingBox()]);
  expect(Math.abs(headerTop!.y - boxTop!.y)).toBeLessThanOrEqual(2);

  // sideways to the far end: the ticker column stays where it was, the last column comes into view
  const ticker = lastRow.locator("th.sticky-ticker");
  const before = (await ticker.boundingBox())!.x;
  await box(page).evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
  });
  expect(Math.abs((await ticker.boundingBox())!.x - before)).toBeLessThanOrEqual(1);
  const lastHeader = page.locator(".screener-table thead th").last();
  const [b, h] = await Promise.all([box(page).boundingBox(), lastHeader.boundingBox()]);
  expect(h!.x + h!.width).toBeLessThanOrEqual(b!.x + b!.width + 1);
  // and nothing scrolled under the sticky ticker shows through it (it has a background)
  expect(await ticker.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
});

test("long names are cut to a compact column, the full name on hover; more columns fit, more still when compact", async ({ page }) => {
  await gotoScreener(page, AT_SNAPSHOT);
  const name = page.locator('tr[data-ticker="IREN"] .clipped').first(); // the name (the counterparty is clipped too)
  await expect(name).toHaveAttribute("title", "IREN Limited (formerly Iris Energy)");
  await expect(name).toHaveText("IREN Limited (formerly Iris Energy)"); // whole in the page, cut only on screen
  expect((await name.boundingBox())!.width).toBeLessThanOrEqual(170);
  expect(await name.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  // of the 20 default columns, 10 fitted before; the header wraps and long text is cut
  // (measured in chromium: 15 of 20, and 18 compact; a column of margin for fonts)
  expect(await columnsInView(page)).toBeGreaterThanOrEqual(14);
  await page.getByRole("button", { name: "Compact rows" }).click();
  await expect(page.locator(".screener-table")).toHaveClass(/compact/);
  expect(await columnsInView(page)).toBeGreaterThanOrEqual(17);
});

test("compact rows: pressed, shorter rows, remembered after a reload, and back", async ({ page }) => {
  await gotoScreener(page, AT_SNAPSHOT);
  const toggle = page.getByRole("button", { name: "Compact rows" });
  const row = page.locator(".screener-table tbody tr[data-ticker]").first();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  const comfortable = (await row.boundingBox())!.height;
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => (await row.boundingBox())!.height).toBeLessThan(comfortable * 0.7);
  await page.reload();
  await expect(page.getByRole("button", { name: "Compact rows" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator(".screener-table")).toHaveClass(/compact/);
  // a preference of this browser, not of the view: the address does not carry it
  expect(page.url()).not.toContain("compact");
  await page.getByRole("button", { name: "Compact rows" }).click();
  await expect(page.locator(".screener-table")).toHaveClass(/comfortable/);
});

test("columns are reordered from the keyboard; the order is in the URL, survives a reload and is the CSV's", async ({ page }) => {
  await gotoScreener(page, AT_SNAPSHOT);
  expect((await headers(page)).slice(0, 4)).toEqual(["#", "Ticker", "Name", "Tier"]);
  const summary = page.getByText(/^Columns \(/);
  await summary.focus();
  await page.keyboard.press("Enter");
  const left = page.getByRole("button", { name: "Move Tier left" });
  await left.focus();
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await headers(page)).slice(0, 4)).toEqual(["#", "Ticker", "Tier", "Name"]);
  // the focus stays on the button, which is now at its end (rank and ticker stay first)
  await expect(left).toBeFocused();
  await expect(left).toHaveAttribute("aria-disabled", "true");
  await page.keyboard.press("Enter");
  expect((await headers(page)).slice(0, 4)).toEqual(["#", "Ticker", "Tier", "Name"]);
  await page.getByRole("button", { name: "Move Name right" }).focus();
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await headers(page)).slice(0, 5)).toEqual(["#", "Ticker", "Tier", "Price", "Name"]);
  await expect(page).toHaveURL(/cols=rank%2Cticker%2Ctier%2CpriceUsd%2Cname%2C|cols=rank,ticker,tier,priceUsd,name,/);
  await page.reload();
  expect((await headers(page)).slice(0, 5)).toEqual(["#", "Ticker", "Tier", "Price", "Name"]);
  const csv = await (await page.request.get((await page.getByRole("link", { name: "Export CSV" }).getAttribute("href"))!)).text();
  expect(
    csv
      .split("\r\n")
      .find((l) => !l.startsWith("# "))!
      .split(",")
      .slice(0, 5),
  ).toEqual(["Rank", "Ticker", "Tier", "Price (USD)", "Name"]);
});

test("the column picker closes on Escape (focus back on its button) and on a click outside", async ({ page }) => {
  await gotoScreener(page, AT_SNAPSHOT);
  const picker = page.locator("details.picker");
  const summary = picker.locator("summary");
  await summary.click();
  await expect(picker).toHaveAttribute("open", "");
  await page.getByRole("checkbox", { name: "CQS" }).focus();
  await page.keyboard.press("Escape");
  await expect(picker).not.toHaveAttribute("open", "");
  await expect(summary).toBeFocused();
  await summary.click();
  await expect(picker).toHaveAttribute("open", "");
  await page.getByRole("heading", { level: 1 }).click();
  await expect(picker).not.toHaveAttribute("open", "");
});
