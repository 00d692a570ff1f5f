import { expect, test } from "./test";
import { AT_SNAPSHOT, dataset, gotoScreener, tableTickers } from "./fixtures";

test.describe("screener", () => {
  test("lists every company, ranked by discount to build cost", async ({ page }) => {
    await gotoScreener(page, AT_SNAPSHOT);
    const tickers = await tableTickers(page);
    expect(tickers.sort()).toEqual(dataset.companies.map((c) => c.ticker).sort());
    const ordered = await tableTickers(page);
    expect(ordered[0]).toBe("SLNH");
    await expect(page.getByRole("columnheader", { name: /Discount to build cost/ })).toHaveAttribute("aria-sort", "descending");
    // Missing values read "—" with a reason on focus (WhiteFiber has no debt figure in the snapshot).
    const wyfi = page.locator('tr[data-ticker="WYFI"]');
    const dash = wyfi.locator(".tip.missing").first();
    await dash.focus();
    await expect(dash.locator(".tip-text")).toBeVisible();
    await expect(dash.locator(".tip-text")).toContainText("total debt");
  });

  test("sorts by ticker and back by discount, with mouse and keyboard", async ({ page }) => {
    await gotoScreener(page, AT_SNAPSHOT);
    const title = page.locator("#table-title");
    await expect(title).toContainText("Ranked by discount to build cost");
    await page.getByRole("button", { name: "Ticker", exact: true }).click();
    await expect(page).toHaveURL(/sort=ticker\.asc/);
    // the title says what the table is sorted by (issue 14: it kept saying "Ranked by discount")
    await expect(title).toContainText("Sorted by ticker, A to Z");
    const byTicker = await tableTickers(page);
    expect(byTicker).toEqual([...byTicker].sort());
    // keyboard: focus the discount header button and press Enter → descending first (numbers)
    await page.getByRole("button", { name: /Discount to build cost/ }).focus();
    await page.keyboard.press("Enter");
    await expect(page).not.toHaveURL(/sort=/);
    await expect(title).toContainText("Ranked by discount to build cost");
    expect((await tableTickers(page))[0]).toBe("SLNH");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/sort=discountBase\.asc/);
    await expect(title).toContainText("Sorted by discount to build cost, lowest first");
    const asc = await tableTickers(page);
    expect(asc.indexOf("IREN")).toBeLessThan(asc.indexOf("SLNH"));
    // companies without a discount stay last in either direction (no MW, or no debt figure)
    expect(asc.slice(-4).sort()).toEqual(["BTBT", "GREE", "HIVE", "WYFI"]);
  });

  test("search matches ticker, name and counterparty", async ({ page }) => {
    await gotoScreener(page, AT_SNAPSHOT);
    const search = page.getByRole("searchbox", { name: "Search" });
    await search.fill("coreweave");
    await expect.poll(() => tableTickers(page)).toEqual(["CORZ", "APLD", "GLXY"]);
    await expect(page).toHaveURL(/q=coreweave/);
    await search.fill("microsoft");
    await expect.poll(() => tableTickers(page)).toEqual(["IREN"]);
    await search.fill("zzzz");
    await expect(page.getByText("No company matches this view.")).toBeVisible();
  });

  test("tier and flag filters show counts and narrow the table", async ({ page }) => {
    await gotoScreener(page, AT_SNAPSHOT);
    const tier1 = page.locator("label.chip", { hasText: "Tier 1" });
    await expect(tier1.locator(".count")).toHaveText("4");
    await tier1.locator("input").check();
    // by discount: CORZ 22.3%, WULF 6.7%, CIFR −5.8%, GLXY −49.4%
    await expect.poll(() => tableTickers(page)).toEqual(["CORZ", "WULF", "CIFR", "GLXY"]);
    await expect(page).toHaveURL(/tier=1/);
    await tier1.locator("input").uncheck();
    await page.locator("label.chip", { hasText: "gpu-funding" }).locator("input").check();
    await expect.poll(() => tableTickers(page)).toEqual(["IREN"]);
    await page.locator("label.chip", { hasText: "gpu-funding" }).locator("input").uncheck();
    // the model v2 flags filter too: Hut 8 is ranked on its published EV; three books lack an IG tenant
    await page.locator("label.chip", { hasText: "published-ev" }).locator("input").check();
    await expect.poll(() => tableTickers(page)).toEqual(["HUT"]);
    await page.locator("label.chip", { hasText: "published-ev" }).locator("input").uncheck();
    const noIg = page.locator("label.chip", { hasText: "no-ig-tenant" });
    await expect(noIg.locator(".count")).toHaveText("3");
    await noIg.locator("input").check();
    await expect.poll(() => tableTickers(page)).toEqual(["CORZ", "APLD", "GLXY"]);
    await expect(page).toHaveURL(/flag=no-ig-tenant/);
  });

  test("range filters, reload and back/forward keep the view", async ({ page }) => {
    await gotoScreener(page, AT_SNAPSHOT);
    // contracted IT ≥ 500 MW: CORZ 590, WULF 516.7 (JV at 50.1%), APLD 510 (85%), GLXY 526
    await page.getByLabel("Min contracted IT (MW)").fill("500");
    await expect.poll(() => tableTickers(page)).toEqual(["CORZ", "WULF", "APLD", "GLXY"]);
    await page.getByLabel("Min discount (%)").fill("0");
    await expect.poll(() => tableTickers(page)).toEqual(["CORZ", "WULF"]);
    await expect(page).toHaveURL(/minContracted=500/);
    await expect(page).toHaveURL(/minDiscount=0/);
    await page.reload();
    await expect.poll(() => tableTickers(page)).toEqual(["CORZ", "WULF"]);
    await expect(page.getByLabel("Min contracted IT (MW)")).toHaveValue("500");
    // a pushed change, then back restores the previous view
    await page.locator("label.chip", { hasText: "no-ig-tenant" }).locator("input").check();
    await expect.poll(() => tableTickers(page)).toEqual(["CORZ"]);
    await page.goBack();
    await expect.poll(() => tableTickers(page)).toEqual(["CORZ", "WULF"]);
    await page.goForward();
    await expect.poll(() => tableTickers(page)).toEqual(["CORZ"]);
    await page.getByRole("button", { name: "Reset view" }).click();
    await expect.poll(async () => (await tableTickers(page)).length).toBe(dataset.companies.length);
  });

  // Issue 14: a value the field could not use kept the previous minimum in force, saying only "Enter a number".
  test("an invalid minimum says so and filters by nothing, not by the value before", async ({ page }) => {
    await gotoScreener(page, AT_SNAPSHOT);
    const contracted = page.getByRole("textbox", { name: "Min contracted IT (MW)" });
    await contracted.fill("500");
    await expect.poll(() => tableTickers(page)).toEqual(["CORZ", "WULF", "APLD", "GLXY"]);
    await contracted.fill("-5");
    await expect(contracted).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#minContracted-error")).toHaveText("Must be 0 MW or more — no minimum applied");
    await expect.poll(async () => (await tableTickers(page)).length).toBe(dataset.companies.length);
    await expect(page).not.toHaveURL(/minContracted=/);
    await expect(contracted).toHaveValue("-5"); // what was typed stays, to be corrected
    // typed text a number field would have swallowed silently, and a value over the parameter's bound
    await contracted.fill("5e");
    await expect(page.locator("#minContracted-error")).toHaveText(
      "Not a number; use one from 0 MW to 1,000,000 MW, e.g. 200 MW — no minimum applied",
    );
    const discount = page.getByRole("textbox", { name: "Min discount (%)" });
    await discount.fill("150");
    await expect(page.locator("#minDiscount-error")).toHaveText("Must be 100% or less — no minimum applied");
    await expect(page).not.toHaveURL(/minDiscount=/);
    await expect.poll(async () => (await tableTickers(page)).length).toBe(dataset.companies.length);
    // a valid value applies again and the message goes; Reset view empties a field left invalid
    await discount.fill("0");
    await expect(page.locator("#minDiscount-error")).toHaveText("");
    await expect(page).toHaveURL(/minDiscount=0/);
    await page.getByRole("button", { name: "Reset view" }).click();
    await expect(contracted).toHaveValue("");
    await expect(discount).toHaveValue("");
  });

  test("column picker hides and shows columns, in the URL", async ({ page }) => {
    await gotoScreener(page, AT_SNAPSHOT);
    await expect(page.getByRole("columnheader", { name: "CQS" })).toBeVisible();
    await page.getByText(/^Columns \(/).click();
    await page.getByRole("checkbox", { name: "CQS" }).uncheck();
    await page.getByRole("checkbox", { name: "EV/W gross" }).check();
    await expect(page.getByRole("columnheader", { name: "CQS" })).toHaveCount(0);
    await expect(page.getByRole("columnheader", { name: "EV/W gross" })).toBeVisible();
    await expect(page).toHaveURL(/cols=/);
    await page.reload();
    await expect(page.getByRole("columnheader", { name: "EV/W gross" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "CQS" })).toHaveCount(0);
  });

  test("model v2 columns and flags: EV/EH, contract value per MW, $/kW-month, published EV", async ({ page }) => {
    await gotoScreener(page, `${AT_SNAPSHOT}&cols=name,evUsd,evPublishedUsd,evPerEhUsd,tcvPerContractedMwUsd,usdPerKwMonth,igShareOfTcv,flags`);
    for (const h of ["Published EV", "EV/EH", "TCV / MW", "$/kW-mo", "IG share"])
      await expect(page.getByRole("columnheader", { name: h })).toBeVisible();
    const corz = page.locator('tr[data-ticker="CORZ"]');
    // EV 5,767.0M / 16.3 EH/s = $354M; $10B / 590 MW = $16.9M; $10B / 12 y / 590 MW / 1000 / 12 = $118
    await expect(corz).toContainText("$354M");
    await expect(corz).toContainText("$16.9M");
    await expect(corz).toContainText("$118");
    // Hut 8 is valued on the published EV (marked), which is also its published-EV column
    const hut = page.locator('tr[data-ticker="HUT"]');
    await expect(hut.locator(".published")).toContainText("$4.11B");
    await expect(hut).toContainText("$5.26B");
    for (const f of ["stale-data", "mixed-dates", "published-ev", "no-ig-tenant"])
      await expect(page.locator("label.chip", { hasText: f })).toBeVisible();
    await expect(page.locator('tr[data-ticker="BTDR"] .flag-stale-data')).toHaveAttribute("title", /price 9 d, share count 325 d/);
    // a published EV is priced on its date (2025-10-17 → 2025-11-21 = 35 d); a "2025-11" price is at least 20 d old
    await expect(page.locator('tr[data-ticker="HUT"] .flag-stale-data')).toHaveAttribute("title", /published EV \(priced on its date\) 35 d/);
    await expect(page.locator('tr[data-ticker="CORZ"] .flag-stale-data')).toHaveAttribute("title", /price ≥20 d/);
  });

  test("tier explains itself on hover and keyboard focus", async ({ page }) => {
    await gotoScreener(page, AT_SNAPSHOT);
    const tier = page.locator('tr[data-ticker="IREN"] .tier');
    await tier.focus();
    await expect(tier.locator(".tip-text")).toContainText("T1-b failed — weighted tenor 5.0 y < 10 y (Microsoft, 5 y)");
  });

  test("opens a company page from a row and from the chart", async ({ page }) => {
    await gotoScreener(page, AT_SNAPSHOT);
    await page.locator('tr[data-ticker="CORZ"]').getByRole("link", { name: "CORZ" }).click();
    await expect(page).toHaveURL(/\/companies\/CORZ\?asOf=2025-11-21$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Core Scientific");
    await page.goBack();
    const dot = page.locator('.chart a[aria-label^="GLXY"]');
    await expect(dot).toBeVisible();
    await dot.click();
    await expect(page).toHaveURL(/\/companies\/GLXY\?asOf=2025-11-21$/);
  });

  // Issue 14: "← Screener" kept only the set and the view date, and dropped the filters.
  test("← Screener on a company page returns to the screener view it was opened from", async ({ page }) => {
    await gotoScreener(page, "?asOf=2025-11-21&sort=ticker.asc&tier=1%2C2&minContracted=100&cols=name%2Ccqs");
    // a change made in the page counts too, not only the address it was opened with
    await page.getByRole("searchbox", { name: "Search" }).fill("co");
    await expect(page).toHaveURL(/q=co/);
    const before = await tableTickers(page);
    expect(before.length).toBeGreaterThan(0);
    await page.locator(`tr[data-ticker="${before[0]}"]`).getByRole("link", { name: before[0], exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/companies/${before[0]}\\?asOf=2025-11-21$`));
    const back = page.getByRole("link", { name: "← Screener" });
    await expect(back).toHaveAttribute("href", "/?asOf=2025-11-21&q=co&sort=ticker.asc&tier=1%2C2&minContracted=100&cols=name%2Ccqs");
    await back.click();
    await expect(page).toHaveURL(/\/\?asOf=2025-11-21&q=co&sort=ticker\.asc&tier=1%2C2&minContracted=100&cols=name%2Ccqs$/);
    await expect.poll(() => tableTickers(page)).toEqual(before);
    await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("co");
    await expect(page.getByRole("columnheader", { name: "CQS" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Tenor" })).toHaveCount(0);

    // a tab that has not shown the screener (nothing stored): the page's view date alone, as before
    await page.goto(`/companies/${before[0]}?asOf=2025-11-21`);
    await page.evaluate(() => window.sessionStorage.clear());
    await page.reload();
    await expect(page.getByRole("link", { name: "← Screener" })).toHaveAttribute("href", "/?asOf=2025-11-21");
  });

  test("an invalid view parameter is reported, not obeyed", async ({ page }) => {
    await page.goto("/?sort=password.asc&bogus=1");
    const items = page.getByTestId("address-problems").getByRole("listitem");
    await expect(items).toHaveText([
      "sort “password.asc”: no column “password”; use column.asc or column.desc with a column of the table, e.g. discountBase.desc — ignored",
      "bogus “1”: not a screener parameter; they are set, asOf, q, sort, tier, flag, minDiscount, minContracted, preset, cols or x — ignored",
    ]);
    await expect.poll(async () => (await tableTickers(page)).length).toBe(dataset.companies.length);
  });

  // Issue 14: one bad parameter used to discard every other one (all 18 companies shown).
  test("one bad parameter leaves the others in force, and says which is ignored", async ({ page }) => {
    await page.goto(`/${AT_SNAPSHOT}&tier=1,2&sort=evPerWEffectiveIt:asc`);
    const notice = page.getByTestId("address-problems");
    await expect(notice.getByRole("listitem")).toHaveText([
      "sort “evPerWEffectiveIt:asc”: use column.asc or column.desc, e.g. evPerWEffectiveIt.asc — ignored",
    ]);
    // Tier 1 at the snapshot: CORZ, WULF, CIFR, GLXY; Tier 2: APLD, IREN — by discount (the default sort)
    await expect.poll(async () => (await tableTickers(page)).sort()).toEqual(["APLD", "CIFR", "CORZ", "GLXY", "IREN", "WULF"]);
    await expect(page.locator("label.chip", { hasText: "Tier 1" }).locator("input")).toBeChecked();
    await expect(page.getByRole("columnheader", { name: /Discount to build cost/ })).toHaveAttribute("aria-sort", "descending");

    await page.goto(`/${AT_SNAPSHOT}&tier=1&minDiscount=abc`);
    await expect(page.getByTestId("address-problems").getByRole("listitem")).toHaveText([
      "minDiscount “abc”: not a number; use one from -10,000% to 100%, e.g. 20% — ignored",
    ]);
    await expect.poll(() => tableTickers(page)).toEqual(["CORZ", "WULF", "CIFR", "GLXY"]);
    // the next change writes the view as applied: the bad part leaves the address, and the notice goes
    await page.locator("label.chip", { hasText: "Tier 2" }).locator("input").check();
    await expect(page).toHaveURL(/\?asOf=2025-11-21&tier=1%2C2$/);
    await expect(page.getByTestId("address-problems")).toHaveCount(0);
  });
});
