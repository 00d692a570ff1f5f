// Accessibility (axe) on both pages, and screenshots at desktop and phone widths saved as artifacts.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./test";

const PAGES = [
  ["screener", "/"],
  ["company", "/companies/CORZ"],
  ["changes", "/changes?from=2025-11-21&to=2026-06-30"],
  ["updates", "/updates"],
] as const;
const WIDTHS = [
  ["desktop", 1400, 900],
  ["phone", 390, 844],
] as const;

for (const [name, path] of PAGES) {
  test(`${name}: no serious or critical axe violations`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator("main h1").first()).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });

  for (const [device, width, height] of WIDTHS) {
    test(`${name} screenshot at ${device} width`, async ({ page }, info) => {
      await page.setViewportSize({ width, height });
      await page.goto(path);
      await expect(page.locator("main h1").first()).toBeVisible();
      // the screener's chart loads after the table: wait for it, so the screenshot shows the whole page
      if (name === "screener") await expect(page.locator(".chart svg").first()).toBeVisible();
      const file = info.outputPath(`${name}-${device}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await info.attach(`${name}-${device}`, { path: file, contentType: "image/png" });
      // phone: wide tables scroll sideways inside their own region, the page does not
      if (device === "phone") {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(1);
      }
    });
  }
}
