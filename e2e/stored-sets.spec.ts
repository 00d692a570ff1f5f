// What the app does when stored data fails validation: an invalid default set no longer takes the
// screener and the company pages down (they score with the methodology defaults and say so), invalid
// sets are listed to be fixed or deleted, and a revert the edit form would refuse is refused. Each test
// puts the database back as it found it.
import { expect, test } from "./test";
import { DEFAULT_ASSUMPTIONS } from "../lib/scoring/assumptions";
import { withDb } from "./fixtures";

const baseRow = () =>
  withDb((db) => db.prepare(`SELECT id, "values", version FROM "AssumptionSet" WHERE name = 'Base'`).get()) as {
    id: number;
    values: string;
    version: number;
  };
const setBaseValues = (values: object) =>
  withDb((db) => db.prepare(`UPDATE "AssumptionSet" SET "values" = ? WHERE name = 'Base'`).run(JSON.stringify(values)));

test("an invalid default set: pages still load with a warning, it is listed, and it is fixed in its editor", async ({ page }) => {
  const saved = baseRow();
  try {
    setBaseValues({ ...DEFAULT_ASSUMPTIONS, buildCostLowUsdPerW: 11, buildCostBaseUsdPerW: 8 }); // low > base
    for (const path of ["/", "/companies/IREN"]) {
      const res = await page.goto(path);
      expect(res!.status(), path).toBe(200); // was a 500 on both
      await expect(page.locator(".set-health")).toContainText("The default assumption set “Base” is invalid (Build cost — low: Low must be ≤ base)");
    }
    await expect(page.locator("table.history, .kpi").first()).toBeVisible(); // the company page rendered its content

    await page.goto("/assumptions");
    const listed = page.locator('li[data-invalid-set="Base"]');
    await expect(listed).toContainText("Build cost — low: Low must be ≤ base");
    await expect(listed.getByRole("button", { name: /Delete/ })).toHaveCount(0); // the default is fixed, not deleted
    await listed.getByRole("link", { name: "Fix Base" }).click();
    await expect(page.locator(".set-page[data-ready]")).toBeVisible();
    await expect(page.locator('[data-invalid-set="Base"][role="alert"]')).toContainText("This stored set is invalid");
    await expect(page.locator("#f-buildCostLowUsdPerW")).toHaveAttribute("aria-invalid", "true");
    await page.locator("#f-buildCostBaseUsdPerW").fill("12");
    await page.locator(".editor-actions").getByRole("button", { name: "Save" }).click();
    await expect(page.locator(".editor-notice")).toContainText("Saved “Base”");
    await page.goto("/");
    await expect(page.locator(".screener-table tbody tr[data-ticker]").first()).toBeVisible();
    await expect(page.locator(".set-health")).toHaveCount(0);
  } finally {
    withDb((db) => db.prepare(`UPDATE "AssumptionSet" SET "values" = ?, version = ? WHERE id = ?`).run(saved.values, saved.version, saved.id));
  }
});

test("an invalid named set is listed and can be deleted there", async ({ page }) => {
  const name = `Broken ${Date.now().toString(36)}`;
  const now = new Date().toISOString();
  withDb((db) =>
    db
      .prepare(`INSERT INTO "AssumptionSet" (name, isDefault, "values", version, createdAt, updatedAt) VALUES (?, 0, ?, 1, ?, ?)`)
      .run(name, JSON.stringify({ ...DEFAULT_ASSUMPTIONS, weightS1: 2 }), now, now),
  );
  try {
    await page.goto("/assumptions");
    const listed = page.locator(`li[data-invalid-set="${name}"]`);
    await expect(listed).toContainText("S1 contracted, delivered: Must be at most 1");
    await listed.getByRole("button", { name: `Delete ${name}` }).click();
    await expect(page.getByText(`Deleted “${name}”.`)).toBeVisible();
    await expect(listed).toHaveCount(0);
  } finally {
    withDb((db) => db.prepare(`DELETE FROM "AssumptionSet" WHERE name = ?`).run(name));
  }
});

test("a revert that would leave delivered MW above contract MW is refused in the history, with the reason", async ({ page }) => {
  const k = withDb((db) =>
    db.prepare(`SELECT c.id, c.companyId, c.itMw, c.deliveredItMw, c.version FROM "Contract" c WHERE code = 'CORZ-CRWV-2024'`).get(),
  ) as { id: number; companyId: number; itMw: number; deliveredItMw: number | null; version: number };
  // As if two saves happened: contract MW raised by 100, then delivered set 50 above the old MW.
  let auditId = 0;
  withDb((db) => {
    db.prepare(`UPDATE "Contract" SET itMw = ?, deliveredItMw = ?, version = version + 2 WHERE id = ?`).run(k.itMw + 100, k.itMw + 50, k.id);
    const ins = db.prepare(
      `INSERT INTO "AuditEntry" (at, entity, entityId, companyId, field, "before", "after", user) VALUES (?, 'Contract', ?, ?, ?, ?, ?, 'e2e')`,
    );
    ins.run(new Date().toISOString(), k.id, k.companyId, "deliveredItMw", JSON.stringify(k.deliveredItMw), JSON.stringify(k.itMw + 50));
    auditId = Number(
      ins.run(new Date().toISOString(), k.id, k.companyId, "itMw", JSON.stringify(k.itMw), JSON.stringify(k.itMw + 100)).lastInsertRowid,
    );
  });
  try {
    await page.goto("/companies/CORZ");
    const row = page.locator(`table.history tbody tr[data-audit-id="${auditId}"]`);
    await row.getByRole("button", { name: /Revert/ }).click();
    await expect(page.locator(".form-status.bad")).toContainText(
      "Not reverted: it would leave contract CORZ-CRWV-2024 invalid (contract.deliveredItMw: Delivered MW exceeds contract MW)",
    );
    const after = withDb((db) => db.prepare(`SELECT itMw FROM "Contract" WHERE id = ?`).get(k.id)) as { itMw: number };
    expect(after.itMw).toBe(k.itMw + 100); // nothing written
  } finally {
    withDb((db) => {
      db.prepare(`UPDATE "Contract" SET itMw = ?, deliveredItMw = ?, version = ? WHERE id = ?`).run(k.itMw, k.deliveredItMw, k.version, k.id);
      db.prepare(`DELETE FROM "AuditEntry" WHERE user = 'e2e'`).run();
    });
  }
});
