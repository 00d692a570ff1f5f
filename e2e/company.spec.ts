import { expect, test } from "@playwright/test";

test("company page shows tier, EV bridge with sources, funnel, contracts, rules and events", async ({ page }) => {
  await page.goto("/companies/IREN");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("IREN");
  await expect(page.locator(".why")).toContainText("T1-b failed");
  const bridge = page.locator("section", { has: page.getByRole("heading", { name: "Enterprise value bridge" }) });
  await expect(bridge.getByRole("row", { name: /Total debt/ })).toContainText("$2.34B");
  await expect(bridge.getByRole("row", { name: /Total debt/ }).getByRole("link")).toHaveAttribute("href", /^https:\/\//);
  const rules = page.locator("section", { has: page.getByRole("heading", { name: "Tier rules" }) });
  await expect(rules.getByRole("row", { name: /T1-c/ })).toContainText("fail");
  await expect(rules.getByRole("row", { name: /T1-a/ })).toContainText("pass");
  await expect(page.getByRole("row", { name: /S2 contracted, energized site/ })).toContainText("200");
  const contracts = page.locator("section", { has: page.getByRole("heading", { name: "AI/HPC contracts" }) });
  await expect(contracts.getByRole("row", { name: /Microsoft/ })).toContainText("67.5");
  await expect(page.locator(".timeline li")).toHaveCount(8);
});

test("missing figures read — with the reason", async ({ page }) => {
  await page.goto("/companies/HIVE");
  const ev = page.locator(".kpi", { hasText: "Enterprise value" }).locator(".tip.missing");
  await ev.focus();
  await expect(ev.locator(".tip-text")).toContainText("total debt");
});
