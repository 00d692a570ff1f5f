// Saved views and analysts' notes, as a person uses them: save a view, find it in the list, open it; a
// refused name keeps what was typed; a note on a figure shows on the company page and as a marker in
// the table. What a test makes is removed when it ends (e2e/test.ts).
import { expect, test } from "./test";
import { AT_SNAPSHOT, gotoScreener, tableTickers, withDb } from "./fixtures";

test("save the current view under a name, open it from the list, refuse a duplicate name, delete it", async ({ page }) => {
  await gotoScreener(page, `${AT_SNAPSHOT}&tier=1`);
  const menu = page.locator("details.saved-views");
  await menu.locator("summary").click();
  await expect(menu.getByText("No saved views yet")).toBeVisible();
  const name = page.getByLabel("Save the current view as");
  await page.getByRole("button", { name: "Save view" }).click();
  await expect(page.getByText("Name the view")).toBeVisible(); // empty: refused in the browser, nothing sent
  await name.fill("Tier 1 on the snapshot");
  await page.getByRole("button", { name: "Save view" }).click();
  await expect(menu.getByRole("link", { name: "Tier 1 on the snapshot" })).toBeVisible();
  expect(withDb((db) => db.prepare("SELECT name, query FROM SavedView").all())).toEqual([
    { name: "Tier 1 on the snapshot", query: "asOf=2025-11-21&tier=1" },
  ]);

  // the same name in other case is refused by the server, and the typed name stays
  await name.fill("TIER 1 on the snapshot");
  await page.getByRole("button", { name: "Save view" }).click();
  await expect(page.getByText("A view named “Tier 1 on the snapshot” exists already; choose another name or delete that one first")).toBeVisible();
  await expect(name).toHaveValue("TIER 1 on the snapshot");
  await expect(name).toHaveAttribute("aria-invalid", "true");

  // from the default view, the saved one opens with its filters
  await gotoScreener(page, AT_SNAPSHOT);
  await menu.locator("summary").click();
  await menu.getByRole("link", { name: "Tier 1 on the snapshot" }).click();
  await expect(page).toHaveURL(/\?asOf=2025-11-21&tier=1$/);
  // Tier 1 on the snapshot, by discount: CORZ 22.3%, WULF 6.7%, CIFR −5.8%, GLXY −49.4% (docs/methodology.md §12)
  await expect.poll(() => tableTickers(page)).toEqual(["CORZ", "WULF", "CIFR", "GLXY"]);
  await expect(menu.locator("summary")).toHaveText("Saved views (1): Tier 1 on the snapshot");

  await menu.locator("summary").click();
  await menu.getByRole("button", { name: "Delete the view “Tier 1 on the snapshot”" }).click();
  await expect(menu.getByText("No saved views yet")).toBeVisible();
});

test("a note on a figure: added, shown with its author and date, marked in the table; a note over 10,000 characters is refused and kept", async ({
  page,
}) => {
  await page.goto(`/companies/CORZ${AT_SNAPSHOT}`);
  const notes = page.getByRole("region", { name: /^Notes/ }).or(page.locator("section.notes"));
  await expect(notes.getByText("No notes yet")).toBeVisible();
  await notes.getByLabel("About").selectOption({ label: "Cash" });
  const body = notes.getByLabel("Note", { exact: true });
  await body.fill("x".repeat(10_001));
  await expect(notes.getByText("10,001 / 10,000 characters")).toBeVisible();
  await notes.getByRole("button", { name: "Add note" }).click();
  await expect(notes.getByText("At most 10,000 characters (split it into several notes)")).toBeVisible();
  await expect(body).toHaveValue("x".repeat(10_001));
  expect(withDb((db) => db.prepare("SELECT COUNT(*) AS n FROM Note").get())).toEqual({ n: 0 });

  await body.fill("Cash excludes $12M restricted (10-Q note 4).");
  await notes.getByRole("button", { name: "Add note" }).click();
  const item = notes.locator(".note-list > li").first();
  await expect(item).toContainText("Cash excludes $12M restricted (10-Q note 4).");
  await expect(item).toContainText(`Cash · local user · ${new Date().toISOString().slice(0, 10)}`);

  await gotoScreener(page, AT_SNAPSHOT);
  await expect(page.locator("tr[data-ticker=CORZ] .notes-marker")).toHaveAttribute("aria-label", "1 analyst note (on the company page)");
  await expect(page.locator("tr[data-ticker=IREN] .notes-marker")).toHaveCount(0);

  await page.goto(`/companies/CORZ${AT_SNAPSHOT}`);
  await page.locator("section.notes .note-list > li").first().getByRole("button", { name: "delete" }).click();
  await expect(page.locator("section.notes").getByText("No notes yet")).toBeVisible();
});

test("phone width: the saved views panel and the notes fit without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await gotoScreener(page, AT_SNAPSHOT);
  await page.locator("details.saved-views summary").click();
  await expect(page.getByLabel("Save the current view as")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
  await page.goto(`/companies/CORZ${AT_SNAPSHOT}`);
  await expect(page.locator("section.notes")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
});
