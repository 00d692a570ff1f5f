// The screen as of any date, a company over time, and what changed between two dates — in chromium.
import { expect, test } from "./test";
import { gotoScreener, SNAPSHOT } from "./fixtures";

test("the screener opens on the latest date the data reaches; the view date can be set, and is in the address", async ({ page }) => {
  await gotoScreener(page);
  // BITF's June 2026 transactions are dated "2026-06": they count at the month's end
  await expect(page.getByTestId("view-date")).toHaveText("2026-06-30");
  // CleanSpark has no 2026 figure: its November 2025 price is stale on 2026-06-30
  await expect(page.locator('tr[data-ticker="CLSK"] .flag-stale-data')).toBeVisible();
  // MARA's 2026-03-20 price is in force; on the snapshot it was $10.07
  await expect(page.locator('tr[data-ticker="MARA"]')).toContainText("$8.46");
  await page.getByLabel("View date").fill(SNAPSHOT);
  await expect(page).toHaveURL(new RegExp(`asOf=${SNAPSHOT}`));
  await expect(page.getByTestId("view-date")).toHaveText(SNAPSHOT);
  await expect(page.locator('tr[data-ticker="MARA"]')).toContainText("$10.07");
  // the company link keeps the date
  await page.locator('tr[data-ticker="MARA"]').getByRole("link", { name: "MARA" }).click();
  await expect(page).toHaveURL(new RegExp(`/companies/MARA\\?asOf=${SNAPSHOT}$`));
  await expect(page.getByTestId("view-date")).toHaveText(SNAPSHOT);
  await page.getByRole("link", { name: "latest: 2026-06-30" }).click();
  await expect(page.getByTestId("view-date")).toHaveText("2026-06-30");
});

test("a date before the data or a day that does not exist is explained, and the latest date shown", async ({ page }) => {
  await page.goto("/?asOf=2025-01-01");
  await expect(page.getByRole("alert").filter({ hasText: "The data starts at the snapshot of 2025-11-21" })).toBeVisible();
  await expect(page.getByTestId("view-date")).toHaveText("2026-06-30");
  await page.goto("/companies/IREN?asOf=2026-02-30");
  await expect(page.getByRole("alert").filter({ hasText: "No such day in that month" })).toBeVisible();
});

test("a company over time: each date an input took effect, what moved, and a link to view that date", async ({ page }) => {
  await page.goto("/companies/HUT");
  const table = page.getByTestId("over-time");
  await expect(table.locator("tbody tr").first()).toContainText(`${SNAPSHOT}1.7%`);
  await expect(table).toContainText("contract HUT-FLUIDSTACK-2025 (Fluidstack (for Anthropic)) counts — a later event");
  await expect(page.locator(".over-time-chart")).toBeVisible();
  await table.getByRole("link", { name: "2025-12-17" }).click();
  await expect(page.getByTestId("view-date")).toHaveText("2025-12-17");
  await expect(page.getByTestId("over-time").locator('tr[aria-current="date"]')).toContainText("2025-12-17");
});

test("what changed between two dates: the parts add up, and the price change rests on a stated number of companies", async ({ page }) => {
  await page.goto(`/changes?from=${SNAPSHOT}&to=2026-06-30`);
  await expect(page.getByTestId("changes-summary")).toContainText(
    /Where both dates have prices and the price is newer at 2026-06-30 \(\d+ companies\)/,
  );
  const table = page.getByTestId("changes-table");
  // CleanSpark: nothing of it changed
  await expect(table.locator("tr", { hasText: "CLSK" }).locator("td").nth(5)).toHaveText("0.0");
  // every split row adds up: change = price + balance sheet + megawatts and contracts + other (to rounding)
  const rows = await table
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
  const num = (s: string) => Number(s.replace("−", "-").replace("+", ""));
  for (const cells of rows) {
    if (cells[5] === "—") continue;
    const sum = [6, 7, 8, 9].reduce((t, i) => t + num(cells[i]), 0);
    expect(Math.abs(sum - num(cells[5])), cells[0]).toBeLessThanOrEqual(0.25);
  }
});
