import { type Page } from "@playwright/test";
import { expect, test } from "./test";
import { AT_SNAPSHOT, tableTickers, withDb } from "./fixtures";

const priceInput = (page: Page) => page.locator('input[name="sharePriceUsd.value"]');
const marketSave = (page: Page) => page.getByRole("button", { name: "Save market figures" });

test("changing a price previews the new rank, saves, and moves the company in the screener; revert restores it", async ({ page }) => {
  // on the snapshot date, where the numbers below are worked out
  await page.goto(`/${AT_SNAPSHOT}`);
  const before = await tableTickers(page);
  expect(before.indexOf("CIFR")).toBe(10); // rank 11 at $14.15 (discount −5.8%)

  await page.goto(`/companies/CIFR/edit${AT_SNAPSHOT}`);
  await priceInput(page).fill("5");
  const rank = page.locator('[data-testid="preview"] tr[data-metric="Rank"]');
  await expect(rank).toHaveClass(/changed/);
  // at $5: market cap 395,092,054 × 5 = $1,975.5M; EV = + $2,850M − $2,607.4M pro-forma cash = $2,218.0M;
  // ÷ 459.3 effective MW = $4.83/W → discount 1 − 4.83/12 = 60%, second after SLNH (88%)
  await expect(rank.locator("td").nth(2)).toHaveText("2");
  await expect(page.locator('[data-testid="preview"] tr[data-metric="Discount to build cost"] td').nth(2)).toHaveText("60%");
  await marketSave(page).click();
  await expect(page.getByText("Market figures saved")).toBeVisible();

  await page.goto(`/${AT_SNAPSHOT}`);
  expect((await tableTickers(page)).indexOf("CIFR")).toBe(1);

  await page.goto(`/companies/CIFR${AT_SNAPSHOT}`);
  await expect(page.locator(".kpi", { hasText: "Price / at build cost" })).toContainText("$5.00");
  const row = page.locator("table.history tbody tr").first();
  await expect(row).toContainText("share price");
  await expect(row).toContainText("14.15");
  await row.getByRole("button", { name: /Revert/ }).click();
  await expect(page.getByText(/^Reverted #/)).toBeVisible();
  await expect(page.locator(".kpi", { hasText: "Price / at build cost" })).toContainText("$14.15");
  await expect(page.locator("table.history tbody tr").first()).toContainText("revert of");
});

test("a validation error shows next to the field, keeps what was typed, and saves nothing", async ({ page }) => {
  await page.goto("/companies/CORZ/edit");
  await priceInput(page).fill("17,08x");
  const asOf = page.locator('input[name="cashUsd.asOf"]');
  await asOf.fill("yesterday");
  await marketSave(page).click();
  await expect(page.getByText("Please fix the highlighted fields. Nothing was saved.")).toBeVisible();
  await expect(priceInput(page)).toHaveAttribute("aria-invalid", "true");
  await expect(priceInput(page)).toBeFocused(); // the first field with a message, in the order shown
  await expect(priceInput(page)).toHaveValue("17,08x");
  await expect(asOf).toHaveValue("yesterday");
  await expect(page.locator(".edit-field", { has: asOf }).locator(".field-error")).toContainText("YYYY-MM");
  await expect(page.getByText("Preview paused: fix the highlighted fields.")).toBeVisible();
  await page.reload();
  await expect(priceInput(page)).toHaveValue("17.08");
});

test("two editors: the second save is refused with both values shown, then re-applied", async ({ browser }) => {
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await a.goto("/companies/WULF/edit");
  await b.goto("/companies/WULF/edit");
  await priceInput(a).fill("12");
  await marketSave(a).click();
  await expect(a.getByText("Market figures saved")).toBeVisible();

  await priceInput(b).fill("13");
  await marketSave(b).click();
  const conflict = b.locator(".conflict");
  await expect(conflict).toContainText("Someone else saved this company");
  // the form's label and the value in dollars, not "facts.sharePriceUsd.value" and 12
  const row = conflict.locator('tr[data-key="facts.sharePriceUsd.value"]');
  await expect(row.getByRole("rowheader")).toHaveText("Share price");
  await expect(row.locator("td").nth(0)).toHaveText("$12");
  await expect(row.locator("td").nth(1)).toHaveText("$13 ✎");
  await expect(priceInput(b)).toHaveValue("13"); // nothing lost
  await conflict.getByRole("button", { name: "Re-apply mine" }).click();
  await expect(b.getByText("Your changes were re-applied")).toBeVisible();
  await b.goto("/companies/WULF");
  await expect(b.locator(".kpi", { hasText: "Price / at build cost" })).toContainText("$13.00");
});

test("a later event's contract counts from its date; applying it makes it an editable contract, still from that date", async ({ page }) => {
  const contracts = page.locator("section", { has: page.getByRole("heading", { name: "AI/HPC contracts" }) });
  // Hut 8 / Fluidstack (for Anthropic) at River Bend, 2025-12-17: not on the day before, counted from it
  await page.goto("/companies/HUT?asOf=2025-12-16");
  await expect(contracts).not.toContainText("Anthropic");
  await page.goto("/companies/HUT?asOf=2025-12-17");
  await expect(contracts).toContainText("Anthropic");
  await expect(contracts).toContainText("counts from 2025-12-17");
  await expect(page.locator(".why")).toContainText("Tier 2");

  await page.goto("/companies/HUT/edit");
  const event = page.locator(".event-line").first();
  await expect(event).toContainText("2025-12-17");
  await event.getByRole("button", { name: "Apply contract" }).click();
  await expect(page.getByText(/Applied: contract HUT-/)).toBeVisible();
  await page.goto("/companies/HUT?asOf=2025-12-16");
  await expect(contracts).not.toContainText("Anthropic");
  await page.goto("/companies/HUT?asOf=2025-12-17");
  await expect(contracts).toContainText("Anthropic");
  await expect(contracts).not.toContainText("later event"); // now one of the company's own contracts
  await expect(page.locator(".timeline")).toContainText("contract applied");
});

test("sites and contracts: add a site with a field error first, then remove it", async ({ page }) => {
  await page.goto("/companies/SLNH/edit");
  await page.getByRole("button", { name: "Add site", exact: true }).click();
  const form = page.getByRole("form", { name: "New site" });
  await form.getByLabel("Name").fill("Test Campus");
  await form.locator('input[name="grossMw.present"]').check();
  await form.locator('input[name="grossMw.value"]').fill("-10");
  await form.locator('input[name="grossMw.asOf"]').fill("2025-11");
  await form.locator('input[name="grossMw.source"]').fill("https://example.com/site");
  await form.getByRole("button", { name: "Add site" }).click();
  await expect(form.locator(".field-error").first()).toContainText("Must be at least 0 MW");
  await form.locator('input[name="grossMw.value"]').fill("100");
  await expect(page.locator('[data-testid="preview"] tr[data-metric="Effective IT MW"]')).toHaveClass(/changed/);
  await form.getByRole("button", { name: "Add site" }).click();
  await expect(page.getByRole("button", { name: "Edit site Test Campus" })).toBeVisible();
  await page.getByRole("button", { name: "Edit site Test Campus" }).click();
  page.once("dialog", (d) => d.accept());
  await page
    .getByRole("form", { name: /Edit site Test Campus/ })
    .getByRole("button", { name: "Remove" })
    .click();
  await expect(page.getByRole("button", { name: "Edit site Test Campus" })).toHaveCount(0);
});

test("model v2 fields in the editor: a bad allocation is refused with its message; a balance-sheet event moves cash", async ({ page }) => {
  await page.goto("/companies/CORZ/edit");
  await page.getByRole("button", { name: "Edit contract CORZ-CRWV-2024" }).click();
  const form = page.getByRole("form", { name: /Edit contract CORZ-CRWV-2024/ });
  await expect(form.getByLabel("Allocation 1 site")).toHaveValue("Denton");
  await form.getByLabel("Allocation 1 MW").fill("600");
  await expect(form.locator(".field-error").first()).toContainText("Allocations add up to 670 MW, more than the contract's 590 MW");
  await expect(page.getByText("Preview paused: fix the highlighted fields.")).toBeVisible();
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByText("Please fix the highlighted fields. Nothing was saved.")).toBeVisible();
  // the message is the allocations', which have no input of their own: the focus goes to their first one
  await expect(form.getByLabel("Allocation 1 site")).toBeFocused();
  await form.getByRole("button", { name: "Cancel" }).click();

  // A $500M raise on 2025-11-01, after the 2025-09-30 cash figure: cash 453.4M → 953.4M, EV 5.77B → 5.27B
  await page.getByRole("button", { name: "Add balance-sheet event" }).click();
  const ev = page.getByRole("form", { name: "New balance-sheet event" });
  await ev.getByLabel("Date").fill("2025-11-01");
  await ev.getByLabel("Description").fill("Test notes");
  await ev.getByRole("button", { name: "Add balance-sheet event" }).click();
  await expect(ev.locator(".field-error").first()).toContainText("An event needs at least one change");
  await ev.getByLabel("Cash change (USD)").fill("500000000");
  await ev.getByLabel("Source URLs (one per line)").fill("https://example.com/notes");
  await expect(page.locator('[data-testid="preview"] tr[data-metric="Enterprise value"] td').nth(2)).toHaveText("$5.27B");
  await ev.getByRole("button", { name: "Add balance-sheet event" }).click();
  await expect(page.getByRole("button", { name: /Edit balance-sheet event 2025-11-01 debt issue/ })).toBeVisible();

  await page.goto("/companies/CORZ");
  const bridge = page.locator("section", { has: page.getByRole("heading", { name: "Enterprise value bridge" }) });
  await expect(bridge.locator("tr.bridge-line")).toContainText("Test notes");
  await expect(bridge.getByRole("row", { name: /Cash, pro forma/ })).toContainText("$953M");
  await expect(page.locator("table.history tbody tr").first()).toContainText("balance-sheet event");
});

const latestCash = (ticker: string) =>
  withDb((db) =>
    db
      .prepare(
        `SELECT f.value FROM "Fact" f JOIN "Company" c ON c.id = f.companyId WHERE c.ticker = ? AND f.key = 'cashUsd' ORDER BY f.asOf DESC LIMIT 1`,
      )
      .get(ticker),
  ) as { value: number };

test("a decimal comma is refused with the parser's message; the text is kept, the focus is on it, nothing is saved", async ({ page }) => {
  await page.goto("/companies/CORZ/edit");
  const price = priceInput(page);
  await price.fill("2,5");
  const field = page.locator(".edit-field", { has: price });
  await expect(field.locator(".field-error")).toHaveText("Must be a number: write 2.5 or 25 (a comma only separates thousands, as in 1,234,567)");
  await expect(page.getByText("Preview paused: fix the highlighted fields.")).toBeVisible();
  await marketSave(page).click();
  await expect(page.getByText("Please fix the highlighted fields. Nothing was saved.")).toBeVisible();
  await expect(price).toHaveValue("2,5");
  await expect(price).toBeFocused();
  // what a person writes otherwise is read: a dollar sign, thousands commas
  await price.fill("$17.08");
  await expect(field.locator(".field-error")).toHaveCount(0);
  await page.reload();
  await expect(priceInput(page)).toHaveValue("17.08");
});

test("an unusual value asks for confirmation before it is saved; after a save the preview has no unsaved edits", async ({ page }) => {
  await page.goto("/companies/RIOT/edit");
  const cash = page.locator('input[name="cashUsd.value"]');
  const preview = page.locator("#preview-title");
  await expect(preview).toHaveText("Preview");
  await cash.fill("330.7"); // $330.7M typed in millions
  await expect(page.locator(".edit-field", { has: cash }).locator(".field-warning")).toHaveText(
    "Unusual value: this figure is usually $100,000 to $100 billion",
  );
  await expect(preview).toHaveText("Preview (unsaved edits)");
  await marketSave(page).click();
  const ask = page.getByRole("alertdialog", { name: "Check this value before saving" });
  await expect(ask).toContainText("Cash: $330.70.");
  await ask.getByRole("button", { name: "Go back and change it" }).click();
  await expect(ask).toBeHidden();
  await expect(cash).toBeFocused();
  expect(latestCash("RIOT").value).toBe(330_700_000); // nothing was sent

  await cash.fill("4.8bn"); // inside the usual range: saved without a question, exactly
  await marketSave(page).click();
  await expect(page.getByText("Market figures saved")).toBeVisible();
  await expect(ask).toHaveCount(0);
  expect(latestCash("RIOT").value).toBe(4_800_000_000);
  await expect(preview).toHaveText("Preview"); // "(unsaved edits)" went with the save

  await cash.fill("330.7");
  await marketSave(page).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "The value is right: save" }).click();
  await expect.poll(() => latestCash("RIOT").value).toBe(330.7);
});

test("a network failure on a write says so on the page and keeps what was typed (no error screen)", async ({ page }) => {
  await page.goto("/companies/CORZ");
  // a server action is a POST to the page's own address: refuse the connection
  await page.route("**/companies/CORZ", (route) => (route.request().method() === "POST" ? route.abort("connectionrefused") : route.continue()));
  const notes = page.locator("section.notes");
  await notes.getByLabel("Note", { exact: true }).fill("Typed while the server was away");
  await notes.getByRole("button", { name: "Add note" }).click();
  await expect(notes.getByText("Could not reach the server. Nothing was saved; your entries are kept.")).toBeVisible();
  await expect(notes.getByLabel("Note", { exact: true })).toHaveValue("Typed while the server was away");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("CORZ");
});
