// Assumption sets: create (as a copy), edit with a live preview, validation, version conflicts, rename,
// duplicate, compare and delete. Each test uses its own uniquely named set and removes it afterwards,
// so the shared e2e database keeps only what other spec files expect (the default set "Base").
import { type Page } from "@playwright/test";
import { expect, test } from "./test";
import { DEFAULT_ASSUMPTIONS } from "../lib/scoring/assumptions";
import { withDb } from "./fixtures";

const unique = (stem: string) => `${stem} ${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

interface StoredSet {
  id: number;
  name: string;
  version: number;
  values: Record<string, unknown>;
}

function storedSet(name: string): StoredSet | undefined {
  const row = withDb((db) => db.prepare(`SELECT id, name, version, "values" FROM "AssumptionSet" WHERE name = ?`).get(name)) as
    { id: number; name: string; version: number; values: string } | undefined;
  return row && { ...row, values: JSON.parse(row.values) };
}

function insertSet(name: string, values: Record<string, unknown> = DEFAULT_ASSUMPTIONS) {
  const now = new Date().toISOString();
  withDb((db) =>
    db
      .prepare(`INSERT INTO "AssumptionSet" (name, isDefault, "values", version, createdAt, updatedAt) VALUES (?, 0, ?, 1, ?, ?)`)
      .run(name, JSON.stringify(values), now, now),
  );
}

function dropSets(...names: string[]) {
  withDb((db) => {
    const del = db.prepare(`DELETE FROM "AssumptionSet" WHERE name = ? AND isDefault = 0`);
    for (const n of names) del.run(n);
  });
}

const editorPath = (name: string) => `/assumptions/${encodeURIComponent(name)}`;
const isEditorOf = (name: string) => (url: URL) => decodeURIComponent(url.pathname) === `/assumptions/${name}`;

async function openEditor(page: Page, name: string) {
  await page.goto(editorPath(name));
  await expect(page.locator(".set-page[data-ready]")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
}

const field = (page: Page, key: string) => page.locator(`#f-${key}`);
const previewSummary = (page: Page) => page.locator(".preview .preview-summary");
const saveButton = (page: Page) => page.locator(".editor-actions").getByRole("button", { name: "Save" });
const status = (page: Page) => page.locator(".editor-notice");

test.describe("assumption sets", () => {
  test("create a copy of Base, see the preview before saving, save, and screen with it", async ({ page }) => {
    const name = unique("Bear");
    try {
      // The screener under the new set, seen once before the edit (it is Base's copy then).
      await page.goto("/assumptions");
      await expect(page.locator("form.new-set[data-ready]")).toBeVisible();
      await page.locator("#new-set-name").fill(name);
      await expect(page.getByLabel("Start from")).toHaveValue("Base");
      await page.getByRole("button", { name: "Create set" }).click();
      await page.waitForURL(isEditorOf(name));
      await expect(page.locator(".set-page[data-ready]")).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
      expect(storedSet(name)?.values.buildCostBaseUsdPerW).toBe(12);

      // every value is shown with its unit and the default's source
      const baseRow = page.locator('.a-row[data-key="buildCostBaseUsdPerW"]');
      await expect(baseRow).toContainText("$/W");
      await expect(baseRow).toContainText("Cushman & Wakefield 2025");
      await expect(page.getByRole("group", { name: "Stage weights (effective IT MW)" })).toBeVisible();
      await expect(page.getByLabel("Subtract bitcoin from EV")).toBeChecked();

      await page.goto(`/?set=${encodeURIComponent(name)}`);
      await expect(page.locator('tr[data-ticker="CORZ"]')).toBeVisible();
      const corzBefore = await page.locator('tr[data-ticker="CORZ"]').innerText();
      await openEditor(page, name);
      await expect(previewSummary(page)).toContainText("No company changes yet");

      // low 9 ≤ base 10 ≤ high 11
      await field(page, "buildCostLowUsdPerW").fill("9");
      await field(page, "buildCostBaseUsdPerW").fill("10");
      await field(page, "buildCostHighUsdPerW").fill("11");
      await expect(previewSummary(page)).toContainText(/\d+ of \d+ companies change: \d+ in discount/);
      const corz = page.locator('.preview-table tr[data-ticker="CORZ"]');
      await expect(corz.locator("td.changed").first()).toBeVisible();
      await expect(corz).toContainText("→");
      await expect(page.locator('.a-row[data-key="buildCostBaseUsdPerW"]')).toContainText("Default 12 $/W");
      await expect(page.locator(".editor-actions")).toContainText("Unsaved: 3 values");
      // nothing is written before Save
      expect(storedSet(name)?.values.buildCostBaseUsdPerW).toBe(12);

      await saveButton(page).click();
      await expect(status(page)).toContainText(`Saved “${name}” as version 2`);
      await expect(previewSummary(page)).toContainText("No company changes yet");
      const stored = storedSet(name)!;
      expect(stored.version).toBe(2);
      expect(stored.values).toMatchObject({ buildCostLowUsdPerW: 9, buildCostBaseUsdPerW: 10, buildCostHighUsdPerW: 11 });

      // The screener and the company page show the new numbers (client navigation, no reload).
      await page.getByRole("link", { name: "Screen with this set" }).click();
      await page.waitForURL((u) => u.pathname === "/" && u.searchParams.get("set") === name);
      await expect(page.getByRole("combobox", { name: "Assumptions" })).toHaveValue(name);
      await expect.poll(() => page.locator('tr[data-ticker="CORZ"]').innerText()).not.toBe(corzBefore);
      const corzBear = await page.locator('tr[data-ticker="CORZ"]').innerText();
      await page.locator('tr[data-ticker="CORZ"]').getByRole("link", { name: "CORZ" }).click();
      await expect(page.getByText("vs build cost $10.00/W")).toBeVisible();
      await page.goto("/");
      await expect(page.locator('tr[data-ticker="CORZ"]')).toBeVisible();
      expect(await page.locator('tr[data-ticker="CORZ"]').innerText()).not.toBe(corzBear);
    } finally {
      dropSets(name);
    }
  });

  test("invalid values show the field's message, keep what was typed, and save nothing", async ({ page }) => {
    const name = unique("Invalid");
    insertSet(name);
    try {
      await openEditor(page, name);
      const base = field(page, "buildCostBaseUsdPerW");
      const high = field(page, "buildCostHighUsdPerW");
      await base.fill("14");
      const highError = page.locator("#f-buildCostHighUsdPerW-error");
      await expect(highError).toHaveText("High must be ≥ base");
      await expect(high).toHaveAttribute("aria-invalid", "true");
      await expect(high).toHaveAttribute("aria-describedby", /f-buildCostHighUsdPerW-error/);
      await expect(previewSummary(page)).toContainText("No preview while a value is invalid — Build cost — high: High must be ≥ base");

      await saveButton(page).click();
      await expect(status(page)).toContainText("Nothing was saved");
      await expect(high).toBeFocused();
      await expect(base).toHaveValue("14");
      // a blank number is not taken as zero
      await field(page, "weightS1").fill("");
      await expect(page.locator("#f-weightS1-error")).toHaveText("Must be a number");
      await saveButton(page).click();
      await expect(status(page)).toContainText("Nothing was saved");
      expect(storedSet(name)).toMatchObject({ version: 1, values: { buildCostBaseUsdPerW: 12, weightS1: 1 } });

      // The server's own check (a name already taken) comes back beside the field; the typed name stays.
      await page.getByRole("button", { name: "Undo changes" }).click();
      await expect(base).toHaveValue("12");
      await field(page, "name").fill("Base");
      await field(page, "btcPriceUsd").fill("91000");
      await saveButton(page).click();
      await expect(page.locator("#f-name-error")).toHaveText('A set named "Base" already exists');
      await expect(field(page, "name")).toHaveAttribute("aria-invalid", "true");
      await expect(field(page, "name")).toHaveValue("Base");
      await expect(field(page, "btcPriceUsd")).toHaveValue("91000");
      expect(storedSet(name)?.version).toBe(1);

      await page.reload();
      await expect(page.locator(".set-page[data-ready]")).toBeVisible();
      await expect(base).toHaveValue("12");
      await expect(field(page, "btcPriceUsd")).toHaveValue("84000");
      await expect(field(page, "name")).toHaveValue(name);
    } finally {
      dropSets(name);
    }
  });

  test("numbers as a person types them: a decimal comma is refused and kept, an unusual value asks before saving", async ({ page }) => {
    const name = unique("Typed");
    insertSet(name);
    try {
      await openEditor(page, name);
      const btc = field(page, "btcPriceUsd");
      await btc.fill("2,5");
      await expect(page.locator("#f-btcPriceUsd-error")).toHaveText(
        "Must be a number: write 2.5 or 25 (a comma only separates thousands, as in 1,234,567)",
      );
      await expect(btc).toHaveValue("2,5");
      await btc.fill("1e308");
      await expect(page.locator("#f-btcPriceUsd-error")).toHaveText("Must be at most $10 million");
      await btc.fill("90,000");
      await expect(page.locator("#f-btcPriceUsd-error")).toHaveCount(0);
      await expect(page.locator(".editor-actions")).toContainText("Unsaved: 1 value");

      // $1M is inside the bounds but far outside the usual range: warned while typing, confirmed on save
      await btc.fill("$1M");
      await expect(page.locator("#f-btcPriceUsd-warning")).toHaveText("Unusual value: this figure is usually $10,000 to $500,000");
      await saveButton(page).click();
      const ask = page.getByRole("alertdialog", { name: "Check this value before saving" });
      await expect(ask).toContainText("Bitcoin price: $1 million.");
      expect(storedSet(name)?.version).toBe(1); // nothing sent yet
      await ask.getByRole("button", { name: "Go back and change it" }).click();
      await expect(ask).toBeHidden();
      await expect(btc).toBeFocused();
      await saveButton(page).click();
      await page.getByRole("alertdialog").getByRole("button", { name: "The value is right: save" }).click();
      await expect(status(page)).toContainText("as version 2");
      expect(storedSet(name)?.values.btcPriceUsd).toBe(1_000_000);
    } finally {
      dropSets(name);
    }
  });

  test("a save against a stale version is refused with both values; re-apply or discard", async ({ browser }) => {
    const name = unique("Race");
    insertSet(name);
    const ctxA = await browser.newContext();
    const ctxB = await browser.newContext();
    try {
      const a = await ctxA.newPage();
      const b = await ctxB.newPage();
      await openEditor(a, name);
      await openEditor(b, name);

      await field(a, "btcPriceUsd").fill("90000");
      await saveButton(a).click();
      await expect(status(a)).toContainText("as version 2");

      await field(b, "btcPriceUsd").fill("70000");
      await saveButton(b).click();
      const panel = b.locator("section.conflict");
      await expect(panel).toBeVisible();
      await expect(panel.getByRole("heading")).toHaveText("Not saved: this set changed since you opened it");
      // theirs, mine (changed: ✎), and what "Re-apply mine" saves; values in their units
      const row = panel.locator('tr[data-key="values.btcPriceUsd"]');
      await expect(row.getByRole("rowheader")).toHaveText("Bitcoin price");
      await expect(row.locator("td").nth(0)).toHaveText("$90,000");
      await expect(row.locator("td").nth(1)).toHaveText("$70,000 ✎");
      await expect(row.locator("td").nth(2)).toHaveText("$70,000");
      await expect(field(b, "btcPriceUsd")).toHaveValue("70000");
      expect(storedSet(name)).toMatchObject({ version: 2, values: { btcPriceUsd: 90_000 } });

      await panel.getByRole("button", { name: "Re-apply mine" }).click();
      await expect(status(b)).toContainText("as version 3");
      await expect(panel).toBeHidden();
      expect(storedSet(name)).toMatchObject({ version: 3, values: { btcPriceUsd: 70_000 } });

      // A is now behind: its next save conflicts. A did not touch the bitcoin price, so re-applying A's
      // edits would keep B's 70,000 (merged per field); "Discard mine" loads what is stored.
      await field(a, "facilityLifeYears").fill("25");
      await saveButton(a).click();
      const panelA = a.locator("section.conflict");
      const btcA = panelA.locator('tr[data-key="values.btcPriceUsd"] td');
      await expect(btcA.nth(0)).toHaveText("$70,000");
      await expect(btcA.nth(1)).toHaveText("$90,000 (as you opened it)");
      await expect(btcA.nth(2)).toHaveText("$70,000");
      await expect(panelA.locator('tr[data-key="values.facilityLifeYears"] td').nth(1)).toHaveText("25 years ✎");
      await panelA.getByRole("button", { name: "Discard mine" }).click();
      await expect(panelA).toBeHidden();
      await expect(field(a, "btcPriceUsd")).toHaveValue("70000");
      await expect(field(a, "facilityLifeYears")).toHaveValue("20");
      expect(storedSet(name)).toMatchObject({ version: 3, values: { btcPriceUsd: 70_000, facilityLifeYears: 20 } });
    } finally {
      await ctxA.close();
      await ctxB.close();
      dropSets(name);
    }
  });

  test("rename a set, and duplicate it with the values in the form", async ({ page }) => {
    const name = unique("Named");
    const renamed = `${name} R`;
    const copy = `${name} copy`;
    insertSet(name);
    try {
      await openEditor(page, name);
      await field(page, "name").fill(renamed);
      await saveButton(page).click();
      await page.waitForURL(isEditorOf(renamed));
      await expect(page.getByRole("heading", { level: 1 })).toContainText(renamed);
      await expect(status(page)).toContainText(`renamed from “${name}”`);
      expect(storedSet(name)).toBeUndefined();
      expect(storedSet(renamed)?.version).toBe(2);

      await expect(page.locator(".set-page[data-ready]")).toBeVisible();
      await field(page, "btcPriceUsd").fill("50000");
      await page.getByLabel("Name of the copy").fill(copy);
      await page.getByRole("button", { name: "Duplicate" }).click();
      await page.waitForURL(isEditorOf(copy));
      await expect(page.locator(".set-page[data-ready]")).toBeVisible();
      await expect(field(page, "btcPriceUsd")).toHaveValue("50000");
      expect(storedSet(copy)?.values.btcPriceUsd).toBe(50_000);
      expect(storedSet(renamed)?.values.btcPriceUsd).toBe(84_000);
    } finally {
      dropSets(name, renamed, copy);
    }
  });

  test("compare two sets: values and companies that differ are highlighted", async ({ page }) => {
    const name = unique("Strict");
    insertSet(name, {
      ...DEFAULT_ASSUMPTIONS,
      buildCostLowUsdPerW: 9,
      buildCostBaseUsdPerW: 10,
      buildCostHighUsdPerW: 11,
      tier1MinContractedItMw: 100_000,
    });
    try {
      await page.goto(`/assumptions/compare?a=Base&b=${encodeURIComponent(name)}&asOf=2025-11-21`); // the snapshot, where the tiers below are worked out
      const values = page.locator("table.value-diff tbody tr");
      await expect(values).toHaveCount(4);
      await expect(page.locator('table.value-diff tr[data-key="buildCostBaseUsdPerW"]')).toContainText(/12\s*10/);

      const corz = page.locator('table.compare-table tr[data-ticker="CORZ"]');
      await expect(corz).toHaveClass(/moved/);
      await expect(corz.locator("td").nth(6)).toHaveText(/^T1Tier 1: all five rules pass/);
      await expect(corz.locator("td").nth(7)).toHaveText(/^T2Tier 2: .*T1-a failed/);
      await expect(corz.locator("td").nth(7)).toHaveClass(/changed/);
      await expect(corz.locator("td").nth(5)).toHaveText(/^−\d+\.\d pp$/);
      // the four Tier 1 companies fail T1-a under B; a cheaper build cost alone moves no tier (§10.5)
      await expect(page.locator(".compare-summary")).toContainText("4 change tier");

      // choosing the sets with the form puts them in the address
      await page.getByLabel("Set A").selectOption(name);
      await page.getByLabel("Set B").selectOption("Base");
      await page.getByRole("button", { name: "Compare" }).click();
      await page.waitForURL((u) => u.searchParams.get("a") === name && u.searchParams.get("b") === "Base");
      await expect(page.locator('table.compare-table tr[data-ticker="CORZ"] td').nth(7)).toHaveText(/^T1/);

      await page.goto("/assumptions/compare?a=Base&b=No%20such%20set");
      await expect(page.locator(".notice.error")).toContainText("No assumption set is named B: “No such set”");
      await expect(page.locator("table.compare-table")).toHaveCount(0);
    } finally {
      dropSets(name);
    }
  });

  test("delete a set after confirming; the default set cannot be deleted", async ({ page }) => {
    const name = unique("Gone");
    insertSet(name);
    try {
      await page.goto("/assumptions");
      await expect(page.locator(`tr[data-set="${name}"]`)).toBeVisible();
      await page.getByRole("link", { name: `Edit ${name}` }).click();
      await page.waitForURL(isEditorOf(name));
      await expect(page.locator(".set-page[data-ready]")).toBeVisible();
      await page.getByRole("button", { name: "Delete set…" }).click();
      await page.getByRole("button", { name: "Cancel" }).click();
      expect(storedSet(name)).toBeDefined();
      await page.getByRole("button", { name: "Delete set…" }).click();
      await page.getByRole("button", { name: `Delete “${name}”` }).click();
      await page.waitForURL((u) => u.pathname === "/assumptions");
      await expect(page.getByRole("status")).toContainText(`Deleted the set “${name}”`);
      await expect(page.locator(`tr[data-set="${name}"]`)).toHaveCount(0);
      expect(storedSet(name)).toBeUndefined();

      await openEditor(page, "Base");
      await expect(page.getByRole("button", { name: "Delete set…" })).toHaveCount(0);
      await expect(page.getByText("The default set cannot be deleted")).toBeVisible();
    } finally {
      dropSets(name);
    }
  });

  test("changing the set on the screener re-scores in the page, with the server's numbers; after a write elsewhere the server renders it", async ({
    page,
  }) => {
    const name = unique("Bear");
    const bear = { ...DEFAULT_ASSUMPTIONS, buildCostLowUsdPerW: 9, buildCostBaseUsdPerW: 10, buildCostHighUsdPerW: 11 };
    insertSet(name, bear);
    try {
      const input = page.waitForResponse((r) => r.url().includes("/api/screen/input"));
      await page.goto("/");
      await (await input).finished(); // loaded while the page is idle
      const table = page.locator("#screener-table tbody");
      const base = await table.innerText();
      const screenerNavigations: string[] = [];
      page.on("request", (r) => {
        if (new URL(r.url()).pathname === "/" && (r.headers()["rsc"] || r.resourceType() === "document")) screenerNavigations.push(r.url());
      });

      await page.getByRole("combobox", { name: "Assumptions" }).selectOption(name);
      await expect(page).toHaveURL((u) => u.searchParams.get("set") === name);
      await expect(page.getByText("build cost $9–$11/W, base $10)")).toBeVisible();
      const inPage = await table.innerText();
      expect(inPage).not.toBe(base);
      expect(screenerNavigations).toEqual([]); // no round trip for the rows

      // The server's own render of that address shows the same table, cell for cell.
      const other = await page.context().newPage();
      await other.goto(`/?set=${encodeURIComponent(name)}`);
      await expect(other.locator('tr[data-ticker="CORZ"]')).toBeVisible();
      expect(await other.locator("#screener-table tbody").innerText()).toBe(inPage);
      await other.close();

      // Back to Base, in the page too.
      await page.getByRole("combobox", { name: "Assumptions" }).selectOption("Base");
      await expect.poll(() => table.innerText()).toBe(base);

      // Another process changes the set. The page still has the old values; choosing the set shows them at
      // once, then the page learns the data changed (GET /api/revision) and the server renders the view.
      withDb((db) =>
        db.prepare(`UPDATE "AssumptionSet" SET "values" = ? WHERE name = ?`).run(JSON.stringify({ ...bear, buildCostBaseUsdPerW: 10.5 }), name),
      );
      await page.getByRole("combobox", { name: "Assumptions" }).selectOption(name);
      await expect(page.getByText(/base \$10\.5\)/)).toBeVisible();
      expect(screenerNavigations.length).toBeGreaterThan(0);
    } finally {
      dropSets(name);
    }
  });
});
