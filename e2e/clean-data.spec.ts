// The per-test cleanup of e2e/test.ts, checked the way a spec relies on it: a write made through the app
// in one test is gone in the next, and the database is then exactly as it was before the write.
import { dumpDatabase } from "./db-dump";
import { E2E_DB_FILE, gotoScreener } from "./fixtures";
import { expect, test } from "./test";

let before = "";

test.describe.serial("per-test data", () => {
  test("a saved view is written to the database", async ({ page }) => {
    before = dumpDatabase(E2E_DB_FILE);
    await gotoScreener(page, "?tier=1");
    await page.locator("details.saved-views summary").click();
    await page.getByLabel("Save the current view as").fill("Made by a test");
    await page.getByRole("button", { name: "Save view" }).click();
    await expect(page.getByRole("link", { name: "Made by a test" })).toBeVisible();
    expect(dumpDatabase(E2E_DB_FILE)).not.toBe(before);
  });

  test("the next test starts from the database as it was", async ({ page }) => {
    expect(dumpDatabase(E2E_DB_FILE)).toBe(before);
    await gotoScreener(page);
    await page.locator("details.saved-views summary").click();
    await expect(page.getByText("No saved views yet")).toBeVisible();
  });
});
