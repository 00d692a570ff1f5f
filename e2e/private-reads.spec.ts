// Runs against the third server: a password, WATT_PRIVATE_READS=1, WATT_TRUSTED_PROXIES=1 and
// WATT_ALLOWED_HOSTS=watt.example.test, as if behind one TLS proxy (playwright.config.ts, "private"). Reads need a session, what the API
// answers is never kept by a shared cache, and over https the cookie is __Host- prefixed.
import { expect, test } from "./test";
import { rawRequest } from "./raw-http";
import { callAction, serverActionsInBuild } from "./write-paths";

const PASSWORD = "e2e-password-123";

test("private reads: no session, no data; API answers are private and vary by cookie", async ({ baseURL, page }) => {
  const denied = await fetch(`${baseURL}/api/screen`);
  expect(denied.status).toBe(401);
  expect(denied.headers.get("cache-control")).toBe("private, no-store");
  expect(await denied.text()).not.toContain("IREN");

  await page.goto("/companies/IREN");
  await expect(page).toHaveURL(/\/signin\?next=%2Fcompanies%2FIREN$/);

  const signIn = serverActionsInBuild().find((a) => a.name === "signInAction")!;
  const r = await callAction(baseURL!, signIn, [{ name: "Reader", password: PASSWORD }]);
  const cookie = r.setCookie.find((c) => c.startsWith("watt_session="))!.split(";")[0];
  for (const path of ["/api/screen", "/api/screen.csv", "/api/companies/IREN", "/api/companies/IREN/figures"]) {
    const res = await fetch(`${baseURL}${path}`, { headers: { cookie } });
    expect(res.status, path).toBe(200);
    expect(res.headers.get("cache-control"), path).toBe("private, no-store");
    expect(res.headers.get("vary") ?? "", path).toMatch(/\bCookie\b/i);
  }
});

test("the sign-in page says reading needs a session and returns to the page asked for, query and all", async ({ page }) => {
  // "1" is how playwright.config.ts sets WATT_PRIVATE_READS: the page once read only "true" and said reading was open
  await page.goto("/?tier=1,2&sort=evPerWEffectiveIt.asc");
  await expect(page).toHaveURL(/\/signin\?next=/);
  await expect(page.getByTestId("signin-access")).toHaveText(
    /^This server is private: reading its pages and data needs a session, as editing does\. After you sign in you go on to \/\?tier=1,2&sort=evPerWEffectiveIt\.asc\.$/,
  );
  await page.getByLabel("Your name").fill("Reader");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(
    (u) => u.pathname === "/" && u.searchParams.get("tier") === "1,2" && u.searchParams.get("sort") === "evPerWEffectiveIt.asc",
  );
  await expect(page.locator(".screener-table tbody tr[data-ticker]").first()).toBeVisible(); // read, signed in
});

test("behind the TLS proxy the session cookie is __Host-watt_session: Secure, Path=/, no Domain", async ({ baseURL }) => {
  const signIn = serverActionsInBuild().find((a) => a.name === "signInAction")!;
  const tls = { "x-forwarded-proto": "https", "x-forwarded-for": "198.51.100.7" }; // what the proxy adds
  const r = await callAction(baseURL!, signIn, [{ name: "Reader", password: PASSWORD }], tls);
  const set = r.setCookie.find((c) => c.startsWith("__Host-watt_session="));
  expect(set, r.setCookie.join(" | ")).toBeTruthy();
  expect(set).toMatch(/;\s*Secure/i);
  expect(set).toMatch(/;\s*Path=\/(;|$)/);
  expect(set).not.toMatch(/Domain=/i);
  const token = set!.split(";")[0].slice("__Host-watt_session=".length);
  const read = (cookie: string) => fetch(`${baseURL}/api/screen`, { headers: { ...tls, cookie } });
  expect((await read(`__Host-watt_session=${token}`)).status).toBe(200);
  // over https only the prefixed name counts: the same token under the plain name (which a page on
  // another port of this host could have set) reads nothing
  expect((await read(`watt_session=${token}`)).status).toBe(401);
});

test("WATT_ALLOWED_HOSTS: only its names (and loopback) are answered; actions from its origin reach the app", async ({ baseURL }) => {
  const port = new URL(baseURL!).port;
  expect((await rawRequest(`${baseURL}/api/health`, { headers: { host: "watt.example.test" } })).status).toBe(200);
  expect((await rawRequest(`${baseURL}/api/health`, { headers: { host: `evil.example:${port}` } })).status).toBe(421);
  // A proxy that passes its own Host on: the browser's Origin is the public name, listed in
  // serverActions.allowedOrigins too (next.config.js), so Next's check accepts it and the action runs.
  const everywhere = serverActionsInBuild().find((a) => a.name === "signOutEverywhereAction")!;
  const fromPublic = await callAction(baseURL!, everywhere, [], { Origin: "https://watt.example.test" });
  expect(fromPublic.status).toBe(200);
  expect(fromPublic.text).toContain('"kind":"unauthorized"'); // it ran: no session
  expect((await callAction(baseURL!, everywhere, [], { Origin: "https://evil.example" })).status).toBe(403);
});
