// The Update data page in chromium: dry run, a rejected row, apply, and applying again (a no-op).
import { expect, test } from "./test";
import { dumpDatabase } from "./db-dump";
import { E2E_DB_FILE } from "./fixtures";

const HEADER = "ticker,field,value,asOf,source,note";
const GOOD = "IREN,sharePrice,44.10,2026-06-26,https://example.com/iren-close,close of 2026-06-26";
const BAD = "IREN,cash,lots,2026-06-01,https://example.com/iren-cash,";
const UNKNOWN = "ZZZZ,cash,1,2026-06-01,https://example.com/z,";

test.describe.serial("Update data", () => {
  test("a dry run lists every row with its line; rejected rows block the apply and nothing is written", async ({ page }) => {
    const before = dumpDatabase(E2E_DB_FILE);
    await page.goto("/updates");
    await page.getByLabel("Update rows").fill([HEADER, GOOD, BAD, UNKNOWN].join("\n"));
    await page.getByRole("button", { name: "Check (dry run)" }).click();
    const rows = page.getByTestId("update-rows");
    await expect(page.getByTestId("update-counts")).toContainText("3 rows (CSV)");
    await expect(rows.locator("tbody tr").nth(0)).toContainText("2new pointIRENsharePrice44.12026-06-26");
    await expect(rows.locator("tbody tr").nth(1)).toContainText("3rejected");
    await expect(rows.locator("tbody tr").nth(1)).toContainText("value: Must be a number");
    await expect(rows.locator("tbody tr").nth(2)).toContainText("ticker: Unknown ticker ZZZZ");
    await expect(page.getByTestId("update-impact")).toContainText("IREN");
    await expect(page.getByRole("button", { name: /^Apply/ })).toBeDisabled();
    await expect(page.getByText("Rejected rows: fix them, or choose to apply only the valid rows.")).toBeVisible();
    expect(dumpDatabase(E2E_DB_FILE)).toBe(before);
  });

  test("apply the fixed file in one batch; the screener shows the new price; applying again changes nothing", async ({ page }) => {
    await page.goto("/updates");
    const box = page.getByLabel("Update rows");
    await box.fill([HEADER, GOOD, BAD].join("\n"));
    await page.getByRole("button", { name: "Check (dry run)" }).click();
    await expect(page.getByTestId("update-counts")).toContainText("rejected 1");
    // fix the bad row in place: the check is stale until it is run again
    await box.fill([HEADER, GOOD, BAD.replace("lots", "3100000000")].join("\n"));
    await expect(page.getByText("The text changed since it was checked")).toBeVisible();
    await expect(page.getByRole("button", { name: /^Apply/ })).toBeDisabled();
    await page.getByRole("button", { name: "Check again" }).click();
    await expect(page.getByTestId("update-counts")).toContainText("new point 2");
    await page.getByRole("button", { name: "Apply 2 rows" }).click();
    await expect(page.getByTestId("update-status")).toHaveText("Applied: 2 new points and 0 corrections in one batch.");
    // after the apply the same text checks as unchanged, and the batch is listed
    await expect(page.getByTestId("update-counts")).toContainText("unchanged 2");
    await expect(page.locator("section", { has: page.getByRole("heading", { name: "Updates applied" }) })).toContainText("pasted");

    const after = dumpDatabase(E2E_DB_FILE);
    await page.getByLabel("apply only the valid rows").check(); // nothing to apply either way
    await expect(page.getByRole("button", { name: /^Apply/ })).toBeDisabled();
    expect(dumpDatabase(E2E_DB_FILE)).toBe(after);

    await page.goto("/");
    await expect(page.locator('tr[data-ticker="IREN"]')).toContainText("$44.10");
    await page.goto("/companies/IREN");
    await expect(page.getByTestId("over-time")).toContainText("share price $41.83 → $44.10 (as of 2026-06-26)");
  });
});
