// Two app instances on one database, as a team runs them behind a load balancer: a second `next start`
// on the e2e database (SQLite file or PostgreSQL database, whichever this run uses). The version check
// lives in the database's UPDATE … WHERE version = ?, not in a process, so a save from either instance
// with a version the other one already moved past is refused (409), and of many saves racing with one
// version exactly one wins — no lost update.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

const A = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;
const PORT_B = Number(process.env.E2E_PORT ?? 3100) + 4;
const B = `http://127.0.0.1:${PORT_B}`;
const LOG = `test-results-servers/server-${PORT_B}.log`;
const TICKER = "CIFR";

type Form = { version: number; facts: Record<string, { value: number; note?: string | null } | null> };
const figures = async (base: string) => (await (await fetch(`${base}/api/companies/${TICKER}/figures`)).json()) as Form;
const put = (base: string, form: Form, price: number) =>
  fetch(`${base}/api/companies/${TICKER}/figures`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ version: form.version, facts: { ...form.facts, sharePriceUsd: { ...form.facts.sharePriceUsd!, value: price } } }),
  }).then((r) => r.status);

test.describe.serial("two instances on one database", () => {
  let server: ChildProcess | undefined;
  let original: number;

  test.beforeAll(async () => {
    const env = { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL!, NEXT_TELEMETRY_DISABLED: "1", WATT_PASSWORD_HASH: "" };
    mkdirSync("test-results-servers", { recursive: true });
    const out = openSync(LOG, "w");
    server = spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(PORT_B)], { env, stdio: ["ignore", out, out] });
    closeSync(out);
    for (let i = 0; i < 150; i++) {
      const up = await fetch(`${B}/api/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (up) {
        original = (await figures(A)).facts.sharePriceUsd!.value;
        return;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`second server on ${PORT_B} did not start:\n${readFileSync(LOG, "utf8")}`);
  });
  test.afterAll(async () => {
    if (original !== undefined) expect(await put(A, await figures(A), original)).toBe(200);
    server?.kill("SIGTERM");
  });

  test("a save on one instance makes the other's form stale: 409, not an overwrite", async () => {
    const form = await figures(B);
    expect((await figures(A)).version).toBe(form.version); // one database: both see the same version
    expect(await put(A, form, 11.11)).toBe(200);
    expect(await put(B, form, 22.22)).toBe(409);
    expect((await figures(B)).facts.sharePriceUsd!.value).toBe(11.11);
  });

  test("of 12 saves racing with one version across both instances, exactly one is acknowledged", async () => {
    const form = await figures(A);
    const prices = Array.from({ length: 12 }, (_, i) => 30 + i);
    const statuses = await Promise.all(prices.map((p, i) => put(i % 2 ? B : A, form, p)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    // PostgreSQL: every other save is a clean 409. SQLite is one writer per file: two processes racing
    // for its write lock can also time out (the save is refused with "Could not save", nothing written)
    // — never a second acknowledged save. A team runs several instances on PostgreSQL (README, Team setup).
    if (/^postgres/.test(process.env.E2E_DATABASE_URL ?? "")) expect(statuses.filter((s) => s === 409)).toHaveLength(11);
    else expect(statuses.filter((s) => s !== 200 && s !== 409 && s < 500)).toEqual([]);
    const winner = prices[statuses.indexOf(200)];
    expect((await figures(A)).facts.sharePriceUsd!.value).toBe(winner);
    expect((await figures(B)).version).toBe(form.version + 1);
  });
});
