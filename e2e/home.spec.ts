import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

const dataset = JSON.parse(readFileSync("prisma/miners-2025-11.json", "utf8")) as { companies: { ticker: string }[] };

test("home page lists every ticker from the database", async ({ page }) => {
  await page.goto("/");
  for (const { ticker } of dataset.companies) {
    await expect(page.locator(`[data-ticker="${ticker}"]`).first()).toBeVisible();
  }
});
