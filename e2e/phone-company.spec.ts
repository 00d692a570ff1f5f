// Every company page on a phone (390 px): the page never scrolls sideways; a wide table scrolls inside
// its own labelled, focusable region (ScrollX); and the tables of a few columns fit the screen, so no
// column (the funnel's "Effective MW") sits out of view unnoticed.
import { expect, test } from "./test";
import { dataset } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 } });

/**
 * Regions whose table fits at 390 px. The others (sites, contracts, assumptions used, history of edits)
 * have 6–12 columns and scroll inside their region.
 */
const FIT_ON_PHONE = [
  "Power funnel",
  "Tier rules",
  "Financing gap",
  "EV per watt",
  "Enterprise value bridge",
  "Comps",
  "Company-stated totals",
  "Valuation over time",
  "Balance-sheet events",
  "Tornado numbers",
];

for (const { ticker } of dataset.companies) {
  test(`${ticker}: the company page fits 390 px; wide tables scroll in their own region`, async ({ page }) => {
    await page.goto(`/companies/${ticker}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(ticker);
    // closed <details> lay nothing out: open them, so their tables are measured too
    await page.evaluate(() =>
      document.querySelectorAll("details").forEach((d) => {
        d.open = true;
      }),
    );

    const layout = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const inRegion = (e: Element) => e.closest(".scroll-x") !== null;
      return {
        pageOverflow: document.documentElement.scrollWidth - width,
        // anything that ends right of the screen without a region to scroll it into view
        outside: [...document.querySelectorAll("main *")]
          .filter((e) => !inRegion(e) && e.getBoundingClientRect().right > width + 1)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${e.textContent?.slice(0, 40)}`),
        regions: [...document.querySelectorAll<HTMLElement>(".scroll-x")].map((e) => ({
          label: e.getAttribute("aria-label"),
          role: e.getAttribute("role"),
          tabIndex: e.tabIndex,
          overflow: e.scrollWidth - e.clientWidth,
        })),
      };
    });
    expect(layout.pageOverflow).toBeLessThanOrEqual(1);
    expect(layout.outside).toEqual([]);
    for (const r of layout.regions) {
      // a region a keyboard can scroll, and that a screen reader names
      expect(r, JSON.stringify(r)).toMatchObject({ role: "region", tabIndex: 0 });
      expect(r.label).toBeTruthy();
    }
    const cutOff = layout.regions.filter((r) => FIT_ON_PHONE.includes(r.label!) && r.overflow > 1).map((r) => `${r.label} (${r.overflow} px)`);
    expect(cutOff).toEqual([]);
    // the column the issue found cut off is on screen
    const funnel = page.getByRole("region", { name: "Power funnel", exact: true });
    const [box, header] = await Promise.all([funnel.boundingBox(), funnel.getByRole("columnheader", { name: "Effective MW" }).boundingBox()]);
    expect(header!.x + header!.width).toBeLessThanOrEqual(box!.x + box!.width + 1);
  });
}
