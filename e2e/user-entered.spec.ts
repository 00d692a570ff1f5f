import { type Page } from "@playwright/test";
import { expect, test } from "./test";
import { gotoScreener } from "./fixtures";

const section = (page: Page, heading: string) => page.locator("section", { has: page.getByRole("heading", { name: heading, exact: true }) });
const markOf = (page: Page, ticker: string) =>
  page.locator(`.screener-table tr[data-ticker="${ticker}"] th`).getByRole("img", { name: "User-entered" });
// No sign-in on the e2e server: the one local user, with the time of the save.
const BY_LOCAL_USER = String.raw`entered by the local user on \d{4}-\d\d-\d\d \d\d:\d\d UTC`;
const PRICE = new RegExp(String.raw`Share price \$7\.50 \(as of 2025-11-21\), ${BY_LOCAL_USER}`);
const OVERRIDE = new RegExp(String.raw`Override: Build cost — base = 12\.5 \$/W, ${BY_LOCAL_USER}`);

test("a figure and an override entered on the edit page are marked in the screener, on the company page and in the API", async ({
  page,
  request,
}) => {
  // The dataset's figures are not user-entered, nor the 2026-h1 update file's (MARA's 2026 price, debt and bitcoin).
  await gotoScreener(page);
  await expect(markOf(page, "APLD")).toHaveCount(0);
  await expect(markOf(page, "MARA")).toHaveCount(0);

  // Applied Digital's price is the dataset's 21.09 as of 2025-11-21 (no later point): the same as-of corrects it.
  await page.goto("/companies/APLD/edit");
  await page.locator('input[name="sharePriceUsd.value"]').fill("7.5");
  await page.getByRole("button", { name: "Save market figures" }).click();
  await expect(page.getByText("Market figures saved")).toBeVisible();
  await page.reload(); // the overrides form then holds the company's new version
  await page.getByLabel("Add an override").selectOption("buildCostBaseUsdPerW");
  await page.locator("#ov-buildCostBaseUsdPerW").fill("12.5");
  await page.getByRole("button", { name: "Save overrides" }).click();
  await expect(page.getByText("Overrides saved")).toBeVisible();

  // The screener: a ✎ beside APLD's ticker, saying what, who and when (hover or focus shows it).
  await gotoScreener(page);
  const mark = markOf(page, "APLD");
  await expect(mark).toBeVisible();
  await expect(markOf(page, "MARA")).toHaveCount(0);
  await mark.focus();
  const tip = mark.locator(".tip-text");
  await expect(tip).toBeVisible();
  await expect(tip).toContainText(PRICE);
  await expect(tip).toContainText(OVERRIDE);
  await expect(mark).toHaveAccessibleDescription(new RegExp(`${PRICE.source}\\s+${OVERRIDE.source}`));

  // The company page: the notice lists both; the bridge marks the price, not the debt; the assumptions mark the override.
  await page.goto("/companies/APLD");
  const notice = page.getByTestId("user-entered");
  await expect(notice).toContainText("User-entered on");
  await expect(notice.getByRole("listitem")).toHaveText([PRICE, OVERRIDE]);
  const bridge = section(page, "Enterprise value bridge");
  await expect(bridge.getByRole("row", { name: /Share price/ }).getByRole("img", { name: "User-entered" })).toBeVisible();
  await expect(bridge.getByRole("row", { name: /total debt/ }).getByRole("img", { name: "User-entered" })).toHaveCount(0);
  const assumptions = section(page, "Assumptions used");
  await assumptions.locator("summary").click();
  await expect(assumptions.getByRole("row", { name: /Build cost — base/ }).getByRole("img", { name: "User-entered" })).toBeVisible();
  await expect(assumptions.getByRole("row", { name: /Build cost — low/ }).getByRole("img", { name: "User-entered" })).toHaveCount(0);

  // The corrected point stands for the snapshot, as the point it corrects: marked there too.
  await page.goto("/companies/APLD?asOf=2025-11-21");
  await expect(page.getByTestId("user-entered").getByRole("listitem")).toHaveText([PRICE, OVERRIDE]);
  // A company nobody edited has no notice.
  await page.goto("/companies/IREN");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("IREN");
  await expect(page.getByTestId("user-entered")).toHaveCount(0);

  // GET /api/screen's rows carry the same lines.
  const body = await (await request.get("/api/screen?sort=ticker.asc")).json();
  const row = (ticker: string) => body.rows.find((r: { ticker: string }) => r.ticker === ticker);
  expect(row("APLD").userEntered).toEqual([expect.stringMatching(PRICE), expect.stringMatching(OVERRIDE)]);
  expect(row("IREN").userEntered).toEqual([]);
});
