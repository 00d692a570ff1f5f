// Runs against the second server, which has a password configured (playwright.config.ts, project "secure").
import Database from "better-sqlite3";
import { createHmac } from "node:crypto";
import { expect, test } from "./test";
import { callAction, PUBLIC_ACTIONS, serverActionsInBuild, serverActionsInSource, writeRoutes } from "./write-paths";

const PASSWORD = "e2e-password-123";
const DB_FILE = (process.env.E2E_DATABASE_URL ?? "file:./prisma/e2e.db").replace(/^file:/, "").replace(/\.db$/, "-secure.db");

/** Everything a write could change, read straight from SQLite. */
function fingerprint() {
  const db = new Database(DB_FILE, { readonly: true });
  const q = (sql: string) => JSON.stringify(db.prepare(sql).all());
  const out = [
    q("SELECT id, version FROM Company ORDER BY id"),
    q("SELECT companyId, key, value, version FROM Fact ORDER BY id"),
    q("SELECT id, version FROM Site ORDER BY id"),
    q("SELECT id, version FROM Contract ORDER BY id"),
    q("SELECT id, version, appliedAt FROM Event ORDER BY id"),
    q("SELECT id, name, version FROM AssumptionSet ORDER BY id"),
    q("SELECT count(*) n FROM AuditEntry"),
  ].join("\n");
  db.close();
  return out;
}

test.describe.serial("access control with a password", () => {
  test('the build\'s server actions are exactly the "use server" exports in the code', () => {
    const built = serverActionsInBuild()
      .map((a) => `${a.file}#${a.name}`)
      .sort();
    const source = serverActionsInSource()
      .map((a) => `${a.file}#${a.name}`)
      .sort();
    expect(built).toEqual(source);
    expect(built.length).toBeGreaterThanOrEqual(10);
  });

  test("every write path refuses without a session and changes nothing", async ({ baseURL }) => {
    const before = fingerprint();
    const actions = serverActionsInBuild().filter((a) => !PUBLIC_ACTIONS.has(a.name));
    for (const a of actions) {
      const r = await callAction(baseURL!, a, [{ ticker: "CORZ", id: 1, version: 1, auditId: 1, eventId: 1, name: "X", values: {} }]);
      expect(r.status, `${a.file}#${a.name}`).toBe(200);
      expect(r.text, `${a.file}#${a.name}`).toContain('"kind":"unauthorized"');
    }
    const routes = writeRoutes();
    expect(routes.length).toBeGreaterThan(0);
    for (const r of routes) {
      const res = await fetch(new URL(r.urlPath, baseURL), {
        method: r.method,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ version: 1, facts: {} }),
      });
      expect(res.status, `${r.method} ${r.urlPath}`).toBe(401);
    }
    expect(fingerprint()).toBe(before);
  });

  test("pages carry a per-request nonce CSP and security headers", async ({ page }) => {
    const res = await page.goto("/");
    const csp = res!.headers()["content-security-policy"];
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res!.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res!.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    // every script tag the server sent carries this response's nonce (later chunks load via 'strict-dynamic')
    const html = await res!.text();
    const tags = html.match(/<script\b[^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
    // the app still works under the policy: the table rendered and the chart loaded
    await expect(page.locator(".screener-table tbody tr").first()).toBeVisible();
    await expect(page.locator(".chart svg").first()).toBeVisible();
  });

  test("sign in, edit with the name recorded, the session cookie's flags", async ({ page }) => {
    await page.goto("/companies/CORZ/edit");
    await page.locator('input[name="sharePriceUsd.value"]').fill("18");
    await page.getByRole("button", { name: "Save market figures" }).click();
    await expect(page.getByText("Sign in to make changes.")).toBeVisible();

    await page.goto("/signin?next=/companies/CORZ/edit");
    await page.getByLabel("Your name").fill("Ana Analyst");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/^[^?]*\/companies\/CORZ\/edit$/);
    const cookie = (await page.context().cookies()).find((c) => c.name === "watt_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    expect(cookie.expires).toBeGreaterThan(Date.now() / 1000);
    await page.locator('input[name="sharePriceUsd.value"]').fill("18");
    await page.getByRole("button", { name: "Save market figures" }).click();
    await expect(page.getByText("Market figures saved")).toBeVisible();
    await page.goto("/companies/CORZ");
    await expect(page.locator("table.history tbody tr").first()).toContainText("Ana Analyst");
  });

  test("a signed-in editor (the signedIn fixture) saves, and the history names them", async ({ signedIn: page }) => {
    await page.goto("/companies/CORZ/edit");
    await page.locator('input[name="sharePriceUsd.value"]').fill("19");
    await page.getByRole("button", { name: "Save market figures" }).click();
    await expect(page.getByText("Market figures saved")).toBeVisible();
    await page.goto("/companies/CORZ");
    await expect(page.locator("table.history tbody tr").first()).toContainText("E2E Analyst");
  });

  test("a token forged from the password hash, or any token the server did not issue, writes nothing", async ({ baseURL }) => {
    const revert = action("revertAction");
    expect(hashOfServer()).toMatch(/^scrypt\$N=/); // the very hash the server runs with
    // The first version signed cookies with a key derived from WATT_PASSWORD_HASH alone: a 10-year token.
    const body = Buffer.from(JSON.stringify({ u: "mallory", exp: Date.now() + 10 * 365 * 24 * 3600_000 })).toString("base64url");
    const key = createHmac("sha256", hashOfServer()).update("watt-session-v1").digest();
    const forged = `${body}.${createHmac("sha256", key).update(body).digest("base64url")}`;
    for (const token of [forged, "A".repeat(43), `${(await signIn(baseURL!)).slice(0, -1)}x`]) {
      const r = await callAction(baseURL!, revert, [{ auditId: 999_999 }], { cookie: `watt_session=${token}` });
      expect(r.text, token).toContain('"kind":"unauthorized"');
    }
  });

  test("sign-out ends the session on the server; sign out everywhere ends every session", async ({ baseURL }) => {
    const revert = action("revertAction");
    const asUser = (token: string) => callAction(baseURL!, revert, [{ auditId: 999_999 }], { cookie: `watt_session=${token}` });
    const a = await signIn(baseURL!);
    expect((await asUser(a)).text).toContain('"kind":"not-found"'); // signed in: the write ran (nothing to revert)
    await callAction(baseURL!, action("signOutAction"), [], { cookie: `watt_session=${a}` });
    expect((await asUser(a)).text, "the old cookie after sign-out").toContain('"kind":"unauthorized"');

    const b = await signIn(baseURL!);
    const c = await signIn(baseURL!);
    const everywhere = await callAction(baseURL!, action("signOutEverywhereAction"), [], { cookie: `watt_session=${b}` });
    expect(everywhere.text).toMatch(/"ended":\d+/);
    expect((await asUser(b)).text).toContain('"kind":"unauthorized"');
    expect((await asUser(c)).text).toContain('"kind":"unauthorized"');
  });

  test("wrong passwords: one generic message, then a growing wait that a spoofed X-Forwarded-For does not reset", async ({ baseURL }) => {
    const signInAction = action("signInAction");
    const messages: string[] = [];
    for (let i = 0; i < 6; i++) {
      // a different claimed client each time: the throttle keys on the TCP peer, so this changes nothing
      const r = await callAction(baseURL!, signInAction, [{ name: "Eve", password: `guess-${i}` }], { "x-forwarded-for": `203.0.113.${i}` });
      messages.push(/"message":"([^"]+)"/.exec(r.text)![1]);
    }
    expect(messages.slice(0, 5)).toEqual(Array(5).fill("Wrong name or password."));
    expect(messages[5]).toMatch(/^Too many attempts\. Try again in [12] seconds?\.$/);
    // after the wait the right password gets in (and clears the count), so nobody is locked out
    await new Promise((r) => setTimeout(r, 1100));
    expect(await signIn(baseURL!)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

const action = (name: string) => serverActionsInBuild().find((a) => a.name === name)!;

/** Signs in over HTTP as the browser form does; returns the session cookie's value. */
async function signIn(baseURL: string): Promise<string> {
  const r = await callAction(baseURL, action("signInAction"), [{ name: "Script", password: PASSWORD }]);
  const cookie = r.setCookie.find((c) => c.startsWith("watt_session="));
  if (!cookie) throw new Error(`no session cookie: ${r.text.slice(0, 200)}`);
  return cookie.slice("watt_session=".length).split(";")[0];
}

/** The WATT_PASSWORD_HASH the secure server runs with, as an attacker who read the README would have it. */
function hashOfServer(): string {
  return process.env.E2E_SECURE_HASH ?? "";
}
