// The screener's chart read as a person reads it: a legend says what the colours and lines mean, no
// ticker covers another ticker or a dot, and pointing at a dot shows its figures without hiding the
// other dots (it used to open a tooltip over its neighbours). At the desktop and the phone width.
import { type Page } from "@playwright/test";
import { expect, test } from "./test";
import { AT_SNAPSHOT, gotoScreener } from "./fixtures";

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
/** Overlap by more than half a pixel (text boxes are fractional; touching is not covering). */
const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

/** Every dot (its ticker, from the link's name) and every drawn ticker label, in page pixels. */
async function chartGeometry(page: Page) {
  return page
    .locator(".chart svg")
    .first()
    .evaluate((svg) => {
      const rect = (e: Element) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      };
      return {
        dots: [...svg.querySelectorAll("a[aria-label] circle.dot")].map((c) => ({
          ticker: c.parentElement!.getAttribute("aria-label")!.split(":")[0],
          box: rect(c),
        })),
        labels: [...svg.querySelectorAll("text.dot-label")].map((t) => ({ ticker: t.textContent!, box: rect(t) })),
      };
    });
}

for (const [device, width, height] of [
  ["desktop", 1440, 900],
  ["phone", 390, 844],
] as const) {
  for (const query of [AT_SNAPSHOT, "", `${AT_SNAPSHOT}&x=tier`]) {
    test(`${device}${query ? ` ${query}` : ""}: a legend, and no ticker over another ticker or a dot`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await gotoScreener(page, query);
      const legend = page.getByRole("list", { name: "Legend" });
      for (const item of ["Tier 1", "Tier 2", "Tier 3", "build cost, base", "build cost, low and high"]) await expect(legend).toContainText(item);
      await expect(page.locator(".chart svg circle.dot").first()).toBeVisible();
      const { dots, labels } = await chartGeometry(page);
      expect(dots.length).toBeGreaterThan(5);
      // most tickers are drawn; a crowded one may be left out (its dot keeps its name)
      expect(labels.length).toBeGreaterThanOrEqual(Math.ceil(dots.length * 0.6));
      const clashes: string[] = [];
      for (const l of labels) {
        for (const m of labels) if (m !== l && overlap(l.box, m.box)) clashes.push(`${l.ticker} × ${m.ticker}`);
        for (const d of dots) if (d.ticker !== l.ticker && overlap(l.box, d.box)) clashes.push(`${l.ticker} over the ${d.ticker} dot`);
      }
      expect(clashes).toEqual([]);
    });
  }
}

test("pointing at a dot shows its figures under the chart, and nothing is drawn over the other dots", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await gotoScreener(page, AT_SNAPSHOT);
  await expect(page.locator(".chart svg circle.dot").first()).toBeVisible();
  // the chart sits under the table: bring it wholly into the window, where the pointer can reach it
  await page.locator(".chart").evaluate((el) => el.scrollIntoView({ block: "center" }));
  const { dots } = await chartGeometry(page);
  // dots clear of every other dot (two dots can overlap by their numbers alone: pointing at one of
  // them may reach the other)
  const clear = dots.filter((d) => !dots.some((e) => e !== d && overlap(d.box, e.box)));
  expect(clear.length).toBeGreaterThan(5);
  const details = page.locator(".chart-details");
  for (const d of clear) {
    await page.mouse.move(d.box.x + d.box.width / 2, d.box.y + d.box.height / 2);
    await expect(details).toContainText(d.ticker);
    await expect(details).toContainText("discount");
    // anything shown in the chart's box apart from the SVG (a tooltip is an HTML box over it) must not
    // cover another dot
    const covering = await page.locator(".chart").evaluate(
      (chart, others) =>
        [...chart.querySelectorAll<HTMLElement>("*")]
          .filter(
            (e) =>
              !e.closest("svg") && !e.querySelector("svg") && getComputedStyle(e).visibility !== "hidden" && Number(getComputedStyle(e).opacity) > 0,
          )
          .flatMap((e) => {
            const r = e.getBoundingClientRect();
            return others
              .filter(
                (o) =>
                  r.width > 0 &&
                  r.height > 0 &&
                  r.x < o.box.x + o.box.width &&
                  o.box.x < r.x + r.width &&
                  r.y < o.box.y + o.box.height &&
                  o.box.y < r.y + r.height,
              )
              .map((o) => `${e.tagName.toLowerCase()}.${e.className} over ${o.ticker}`);
          }),
      dots.filter((o) => o.ticker !== d.ticker),
    );
    expect(covering, `while pointing at ${d.ticker}`).toEqual([]);
  }
  // keyboard focus shows the figures too
  const first = page.locator(".chart svg a[aria-label]").first();
  await first.focus();
  await expect(details).toContainText((await first.getAttribute("aria-label"))!.split(":")[0]);
});
