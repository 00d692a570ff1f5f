// The sensitivity page and the company tornado, read back against the scoring library's sweep() of the
// snapshot (the e2e database at 2025-11-21 equals it: lib/server/as-of.test.ts).
import { type Page } from "@playwright/test";
import { expect, test } from "./test";
import { SNAPSHOT_VIEW, snapshotCompanies } from "../prisma/snapshot";
import { DEFAULT_ASSUMPTIONS } from "../lib/scoring/assumptions";
import { sweep } from "../lib/scoring/screen";
import { SNAPSHOT } from "./fixtures";

const companies = snapshotCompanies();
const expected = (key: "buildCostBaseUsdPerW" | "weightS4", values: number[]) =>
  new Map(sweep(companies, DEFAULT_ASSUMPTIONS, SNAPSHOT_VIEW, key, values).map((s) => [s.ticker, s.points.map((p) => p.discountBase)]));
const numbers = (s: string) => s.split(",").map((x) => (x === "" ? null : Number(x)));
const range = (from: number, to: number, step: number) =>
  Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => Number((from + i * step).toPrecision(12)));

async function chartSeries(page: Page) {
  const chart = page.locator("svg.sweep-chart");
  const xs = numbers((await chart.getAttribute("data-values"))!);
  const series = await chart
    .locator("g[data-series]")
    .evaluateAll((gs) => gs.map((g) => [g.getAttribute("data-series")!, g.getAttribute("data-values")!] as const));
  return { xs, series: new Map(series.map(([t, v]) => [t, numbers(v)])) };
}

async function tableRows(page: Page, testId: string) {
  return page
    .getByTestId(testId)
    .locator("tbody tr")
    .evaluateAll((rows) =>
      rows.map(
        (r) =>
          [
            r.getAttribute("data-ticker") ?? r.getAttribute("data-value")!,
            [...r.querySelectorAll("td")].map((td) => td.getAttribute("data-value")!),
          ] as const,
      ),
    );
}

const close = (got: (number | null)[], want: (number | null)[]) => {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => (want[i] == null ? expect(g).toBeNull() : expect(g!).toBeCloseTo(want[i]!, 9)));
};

for (const [device, width] of [
  ["desktop", 1440],
  ["phone", 390],
] as const) {
  test(`${device}: the chart and the table show sweep()'s numbers, for every company`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/sensitivity?asOf=${SNAPSHOT}&from=8&to=16&step=0.5&tableStep=2`);
    const { xs, series } = await chartSeries(page);
    expect(xs).toEqual(range(8, 16, 0.5));
    const want = expected("buildCostBaseUsdPerW", xs as number[]);
    expect([...series.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [ticker, values] of series) close(values, want.get(ticker)!);

    const cols = [8, 10, 12, 14, 16];
    const wantTable = expected("buildCostBaseUsdPerW", cols);
    const rows = await tableRows(page, "sweep-table");
    expect(rows).toHaveLength(18);
    for (const [ticker, cells] of rows)
      close(
        cells.map((c) => (c === "" ? null : Number(c))),
        wantTable.get(ticker)!,
      );
    // the first row is the first ranked at the set's $12/W (SLNH on the snapshot); its discount there is 88.4%
    await expect(page.getByTestId("sweep-table").locator("tbody tr").first()).toHaveAttribute("data-ticker", "SLNH");
    await expect(page.getByTestId("sweep-table").locator("tbody tr").first().locator("td").nth(2)).toHaveText("88.4%");
    // a company without a discount reads "—" with the model's reason (BTBT: no effective IT MW on the snapshot)
    await expect(page.getByTestId("sweep-table").locator("tr[data-ticker=BTBT] td").first()).toHaveText("—");
    await expect(page.getByTestId("sweep-table").locator("tr[data-ticker=BTBT] td").first()).toHaveAttribute(
      "title",
      "Not computable: effective IT MW is zero",
    );
    if (device === "phone") expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
  });
}

test("a change of range re-scores at once and goes into the URL; a bad value is named, kept as typed, and changes nothing", async ({ page }) => {
  await page.goto(`/sensitivity?asOf=${SNAPSHOT}`);
  const to = page.getByLabel("To", { exact: true }).first();
  await to.fill("14");
  await expect(page).toHaveURL(/[?&]to=14(&|$)/);
  const { xs } = await chartSeries(page);
  expect(xs.at(-1)).toBe(14);
  expect(xs).toHaveLength(101); // 100 intervals of 0.06

  await to.fill("7");
  await expect(page.getByText("The range is reversed: “to” must be above “from”")).toBeVisible();
  await expect(to).toHaveValue("7");
  await expect(to).toHaveAttribute("aria-invalid", "true");
  expect((await chartSeries(page)).xs.at(-1)).toBe(14); // the last valid view stays
  await expect(page).toHaveURL(/[?&]to=14(&|$)/);
});

test("the two-way table of build cost × S4 weight for the chosen company, cell by cell", async ({ page }) => {
  await page.goto(`/sensitivity?asOf=${SNAPSHOT}&from=10&to=14&tableStep=2&ticker=CORZ&from2=0&to2=1&step2=0.5`);
  const rows = await tableRows(page, "two-way-table");
  expect(rows.map(([y]) => Number(y))).toEqual([0, 0.5, 1]);
  for (const [y, cells] of rows) {
    const want = new Map(
      sweep(companies, { ...DEFAULT_ASSUMPTIONS, weightS4: Number(y) }, SNAPSHOT_VIEW, "buildCostBaseUsdPerW", [10, 12, 14]).map((s) => [
        s.ticker,
        s.points.map((p) => p.discountBase),
      ]),
    );
    close(cells.map(Number), want.get("CORZ")!);
  }
  await expect(page.getByRole("heading", { name: "CORZ: two assumptions at once" })).toBeVisible();
});

test("the company page's tornado: CORZ's discount at $8 and $16/W is 1 − EV/W ÷ cost (methodology §13)", async ({ page }) => {
  await page.goto(`/companies/CORZ?asOf=${SNAPSHOT}`);
  const bar = page.locator("figure.tornado g[data-key=buildCostBaseUsdPerW]");
  const evPerW = 5_767_047_004 / 618.5e6;
  expect(Number(await bar.getAttribute("data-low"))).toBeCloseTo(1 - evPerW / 8, 9);
  expect(Number(await bar.getAttribute("data-high"))).toBeCloseTo(1 - evPerW / 16, 9);
  // largest swing first
  await expect(page.locator("figure.tornado g[data-key]").first()).toHaveAttribute("data-key", "buildCostBaseUsdPerW");
  await page.getByRole("link", { name: /Sweep any assumption for CORZ/ }).click();
  await expect(page).toHaveURL(/\/sensitivity\?asOf=2025-11-21&ticker=CORZ$/);
  await expect(page.getByRole("heading", { name: "CORZ: which assumption moves it most" })).toBeVisible();
});

test("GET /api/sweep: the same numbers; bad parameters are 400 with the field named", async ({ request }) => {
  const ok = await request.get(`/api/sweep?asOf=${SNAPSHOT}&key=weightS4&from=0&to=1&step=0.25`);
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body.values).toEqual([0, 0.25, 0.5, 0.75, 1]);
  const want = expected("weightS4", body.values);
  for (const s of body.series)
    close(
      s.points.map((p: { discountBase: number | null }) => p.discountBase),
      want.get(s.ticker)!,
    );

  const bad = await request.get("/api/sweep?key=weightS4&from=0&to=1.5&step=0&bogus=1");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({
    fieldErrors: { to: ["Must be ≤ 1 (the highest S4 uncontracted, operating allowed)"], step: ["Must be above 0"] },
    formErrors: ["Unknown parameter “bogus”"],
  });
  const tooMany = await request.get("/api/sweep?from=8&to=16&step=0.001");
  expect((await tooMany.json()).fieldErrors.step).toEqual(["That is 8,001 points; at most 1,000 (use a larger step)"]);
});
