// Two pages the review found wanting: an unknown assumption set answered 200, and the methodology page sent
// readers to a repository file for the worked example.
import { expect, test } from "./test";

test("an unknown assumption set is a real 404 with the set's not-found page", async ({ page }) => {
  const res = await page.goto("/assumptions/Nope");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Assumption set not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "See the sets that exist" })).toHaveAttribute("href", "/assumptions");
});

test("the methodology page shows the worked example of §13, step by step", async ({ page }) => {
  await page.goto("/methodology");
  await expect(page.getByRole("heading", { name: "Worked example: Core Scientific (CORZ)" })).toBeVisible();
  const steps = page.getByTestId("worked-example").getByRole("listitem");
  await expect(steps).toHaveCount(7);
  // the headline numbers of docs/methodology.md §13 (hand-computed in lib/scoring/fixtures.test.ts)
  await expect(steps.nth(1)).toContainText("ex-bitcoin − $241,400,000 = $5,767,047,004");
  await expect(steps.nth(2)).toContainText("= 531 + 87.5 = 618.5");
  await expect(steps.nth(4)).toContainText("100 × (0.18 + 0.20 + 0.20 + 0.08) = 66");
  await expect(steps.nth(6).locator("code")).toHaveText("no-ig-tenant");
});
