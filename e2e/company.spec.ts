import { expect, test } from "./test";
import { AT_SNAPSHOT } from "./fixtures";

const section = (page: import("@playwright/test").Page, heading: string) =>
  page.locator("section", { has: page.getByRole("heading", { name: heading, exact: true }) });

test("company page shows tier, EV bridge with sources, funnel, contracts, rules and events", async ({ page }) => {
  await page.goto(`/companies/IREN${AT_SNAPSHOT}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("IREN");
  await expect(page.locator(".why")).toContainText("T1-b failed");
  const bridge = section(page, "Enterprise value bridge");
  await expect(bridge.getByRole("row", { name: /total debt/ })).toContainText("$2.39B");
  await expect(bridge.getByRole("row", { name: /total debt/ }).getByRole("link")).toHaveAttribute("href", /^https:\/\//);
  const rules = section(page, "Tier rules");
  await expect(rules.getByRole("row", { name: /T1-c/ })).toContainText("fail");
  await expect(rules.getByRole("row", { name: /T1-a/ })).toContainText("pass");
  await expect(page.getByRole("row", { name: /S2 contracted, energized site/ })).toContainText("200");
  const contracts = section(page, "AI/HPC contracts");
  await expect(
    contracts
      .getByRole("row", { name: /Microsoft/ })
      .getByRole("cell")
      .last(),
  ).toHaveText("68"); // CQS 67.54, shown rounded as on the card
  await expect(page.locator(".timeline li")).toHaveCount(8);
});

test("model v2 on the page: the phase scope of Childress is its own funnel line, with the rule and its source", async ({ page }) => {
  await page.goto(`/companies/IREN${AT_SNAPSHOT}`);
  // 750 MW gross × 0.7 = 525 MW IT, 325 MW more than the 200 MW phase figure
  await expect(page.getByRole("row", { name: /Added where an IT figure covers only a phase/ })).toContainText("325 MW");
  const adjustments = section(page, "What the model did here");
  const phase = adjustments.locator("li", { hasText: "Childress" });
  await expect(phase).toContainText("10.3");
  await expect(phase.getByRole("link", { name: "source" })).toHaveAttribute("href", /^https:\/\//);
  await expect(section(page, "Sites").getByRole("row", { name: /Childress/ })).toContainText("a phase only");
});

test("the EV bridge rolls TeraWulf's October raises into cash, line by line", async ({ page }) => {
  await page.goto(`/companies/WULF${AT_SNAPSHOT}`);
  const bridge = section(page, "Enterprise value bridge");
  await expect(bridge.getByRole("row", { name: /cash \(reported\)/ })).toContainText("$713M");
  const lines = bridge.locator("tr.bridge-line");
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(0)).toContainText("+$3.20B");
  await expect(lines.nth(0).getByRole("link")).toHaveText("2025-10-22");
  await expect(lines.nth(1)).toContainText("+$1.00B");
  // 712.8M + 3,200M + 999.7M
  await expect(bridge.getByRole("row", { name: /Cash, pro forma/ })).toContainText("$4.91B");
  await expect(bridge.getByRole("row", { name: /EV the ratios use/ })).toContainText("$5.55B");
  const events = section(page, "Balance-sheet events");
  await expect(events.getByRole("row", { name: /2025-10-22/ })).toContainText("rolled in");
  await expect(events.getByRole("row", { name: /2025-12-29/ })).toContainText("after the view date");
});

test("Core Scientific's CoreWeave MW are placed once: allocations, free Denton MW, site unknown", async ({ page }) => {
  await page.goto(`/companies/CORZ${AT_SNAPSHOT}`);
  const funnel = section(page, "Power funnel (IT MW by stage)");
  await expect(funnel.getByRole("row", { name: /through allocations/ })).toContainText("330 MW");
  await expect(funnel.getByRole("row", { name: /placed on free hpc\/mixed/ })).toContainText("16 MW");
  await expect(funnel.getByRole("row", { name: /no site could hold/ })).toContainText("244 MW");
  await expect(funnel.getByRole("row", { name: /^Total/ })).toContainText("618.5");
  await expect(section(page, "AI/HPC contracts").getByRole("row", { name: /CoreWeave/ })).toContainText("260 MW allocated: Denton");
  await expect(page.locator(".flags-line")).toContainText("no-ig-tenant");
});

test("remote sites, a published EV and stale data are visible with their reasons", async ({ page }) => {
  await page.goto(`/companies/BTDR${AT_SNAPSHOT}`);
  await expect(section(page, "Sites").getByRole("row", { name: /Jigmeling/ })).toContainText("BT is not an AI-ready market");
  await expect(section(page, "Sites").getByRole("row", { name: /Wenatchee/ })).toContainText("below the 20 MW minimum");
  const quality = section(page, "Data quality, warnings and gaps");
  await expect(quality).toContainText("share count as of 2024-12-31 is 325 days old (limit 200)");

  await page.goto(`/companies/HUT${AT_SNAPSHOT}`);
  await expect(page.locator(".kpi", { hasText: "Enterprise value (published)" })).toContainText("$4.11B");
  await expect(page.getByTestId("ev-reconciliation")).toContainText("Published EV $5.26B");
  await expect(page.locator(".why")).toContainText("published EV");
});

test("missing figures read — with the reason", async ({ page }) => {
  await page.goto(`/companies/HIVE${AT_SNAPSHOT}`);
  const ev = page.locator(".kpi", { hasText: "Enterprise value" }).locator(".tip.missing");
  await ev.focus();
  await expect(ev.locator(".tip-text")).toContainText("total debt");
});
