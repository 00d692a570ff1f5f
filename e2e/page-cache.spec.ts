// The page cache over HTTP (decision 0020): an unchanged page is answered from it with a fresh nonce in
// every response, and the app works under that nonce; a write from another process (this test, on the
// server's SQLite file) is shown by the very next request.
import { gunzipSync } from "node:zlib";
import { request as http } from "node:http";
import { withDb } from "./fixtures";
import { expect, test } from "./test";

/** One GET with gzip accepted, read to the last byte: status, headers and the decoded body. */
function get(baseURL: string, path: string): Promise<{ status: number; headers: Record<string, string>; body: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = http(new URL(path, baseURL), { headers: { "accept-encoding": "gzip" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        const body = res.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
        resolve({ status: res.statusCode!, headers: res.headers as Record<string, string>, body: body.toString("utf8"), bytes: raw.length });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)![1];

test("an unchanged page comes from the cache, gzipped, with a fresh nonce on every script tag of each response", async ({ baseURL }) => {
  const first = await get(baseURL!, "/?tier=1");
  const second = await get(baseURL!, "/?tier=1");
  const third = await get(baseURL!, "/?tier=1");
  expect(first.status).toBe(200);
  expect(second.headers["x-watt-cache"]).toBe("hit");
  expect(third.headers["x-watt-cache"]).toBe("hit");
  for (const r of [first, second, third]) expect(r.headers["content-encoding"]).toBe("gzip");
  const nonces = [first, second, third].map((r) => nonceOf(r.headers["content-security-policy"]));
  expect(new Set(nonces).size).toBe(3);
  for (const [i, r] of [second, third].entries()) {
    const tags = r.body.match(/<script\b[^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(3);
    for (const tag of tags) expect(tag).toContain(`nonce="${nonces[i + 1]}"`);
    expect(r.body).not.toContain(nonces[0]); // the nonce it was rendered with is gone
    // the same page: only the nonces differ
    expect(r.body.replaceAll(nonces[i + 1], "N")).toBe(first.body.replaceAll(nonces[0], "N"));
  }
});

test("a page from the cache runs under its nonce: the table hydrates and sorts, the chart loads", async ({ page, baseURL }) => {
  await get(baseURL!, "/"); // rendered once, so the browser's request is a hit
  const res = await page.goto("/");
  expect(res!.headers()["x-watt-cache"]).toBe("hit");
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.getByRole("button", { name: "Ticker", exact: true }).click();
  await expect(page.locator(".screener-table tbody tr").first()).toHaveAttribute("data-ticker", "APLD");
  await expect(page.locator(".chart svg").first()).toBeVisible();
  expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
});

test("a write from another process is in the next response, page and API alike", async ({ baseURL }) => {
  test.skip(process.env.WATT_TEST_ENGINE === "postgres", "writes to the SQLite file itself");
  const price = async () => {
    const r = await get(baseURL!, "/api/screen?q=CORZ");
    return {
      cache: r.headers["x-watt-cache"],
      price: JSON.parse(r.body).rows[0].inputs.find((i: { key: string }) => i.key === "sharePriceUsd").value,
    };
  };
  const before = await price();
  expect((await price()).cache).toBe("hit");
  const page = await get(baseURL!, "/companies/CORZ");
  expect((await get(baseURL!, "/companies/CORZ")).headers["x-watt-cache"]).toBe("hit");
  expect(page.body).toContain(`$${before.price.toFixed(2)}`);

  // sqlite3 by hand, as it were: the app's process is not told
  const changed = withDb((db) =>
    db
      .prepare(
        `UPDATE "Fact" SET value = 12.34 WHERE key = 'sharePriceUsd' AND companyId = (SELECT id FROM "Company" WHERE ticker = 'CORZ')
         AND asOf = (SELECT MAX(asOf) FROM "Fact" f WHERE f.key = 'sharePriceUsd' AND f.companyId = "Fact".companyId)`,
      )
      .run(),
  );
  expect(changed.changes).toBe(1);
  const after = await price();
  expect(after).toEqual({ cache: "miss", price: 12.34 });
  const pageAfter = await get(baseURL!, "/companies/CORZ");
  expect(pageAfter.headers["x-watt-cache"]).toBe("miss");
  expect(pageAfter.body).toContain("$12.34");
});
