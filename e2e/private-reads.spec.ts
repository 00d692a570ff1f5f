// Runs against the third server: a password and WATT_PRIVATE_READS=true (playwright.config.ts, project
// "private"). Reads need a session, and what the API answers is never kept by a shared cache.
import { expect, test } from "@playwright/test";
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
  for (const path of ["/api/screen", "/api/companies/IREN", "/api/companies/IREN/figures"]) {
    const res = await fetch(`${baseURL}${path}`, { headers: { cookie } });
    expect(res.status, path).toBe(200);
    expect(res.headers.get("cache-control"), path).toBe("private, no-store");
    expect(res.headers.get("vary") ?? "", path).toMatch(/\bCookie\b/i);
  }
});
