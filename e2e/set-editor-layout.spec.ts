// The assumption-set editor at 1440 px: with edits that move EVs, discounts, ranks and a tier, the live
// preview beside the form shows every column (it used to clip the Tier column by some 50 px) and a
// tier's reasons open inside the preview rather than past its right edge. Nothing is saved.
import { expect, test } from "./test";

test.use({ viewport: { width: 1440, height: 900 } });

test("the preview beside the form is not clipped, nor its tier tooltips", async ({ page }) => {
  await page.goto("/assumptions/Base");
  await expect(page.locator(".set-page[data-ready]")).toBeVisible();
  // bitcoin at $150k moves every EV ex-bitcoin; looser T1-b/c/d rules move IREN's tier
  await page.locator("#f-btcPriceUsd").fill("150000");
  await page.locator("#f-tier1MinTenorYears").fill("5");
  await page.locator("#f-tier1MaxGpuCapexShare").fill("0.9");
  await page.locator("#f-tier1MaxGapToMarketCap").fill("2");
  await expect(page.locator(".preview .preview-summary")).toContainText(/[1-9]\d* in tier/);

  const aside = page.locator(".editor-preview");
  const region = page.getByRole("region", { name: "Preview table, scrolls sideways" });
  const fit = await region.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(fit).toBeLessThanOrEqual(1);
  const [a, tierHeader] = await Promise.all([aside.boundingBox(), region.getByRole("columnheader", { name: "Tier" }).boundingBox()]);
  expect(tierHeader!.x + tierHeader!.width).toBeLessThanOrEqual(a!.x + a!.width + 1);

  // the reasons of a moved tier, in the last column
  const tag = region.locator("tr.moved td:last-child .tip").first();
  await tag.focus();
  const tip = tag.locator(".tip-text");
  await expect(tip).toBeVisible();
  const t = (await tip.boundingBox())!;
  expect(t.x).toBeGreaterThanOrEqual(a!.x - 1);
  expect(t.x + t.width).toBeLessThanOrEqual(a!.x + a!.width + 1);
});
