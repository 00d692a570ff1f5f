// proxy.ts: security headers and private reads (against a real temporary database holding the
// sessions), and the sign-in limiter.
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTempDb, type TempDb } from "../../test/temp-db";
import { readEnv } from "../env";
import { AttemptLimiter, SESSION_COOKIE } from "./auth-core";
import { hashPassword } from "./password-hash";
import { createSession } from "./sessions";

const HASH = hashPassword("correct horse battery");
let t: TempDb;
let proxy: (r: NextRequest) => Promise<Response>;
const saved = { ...process.env };

beforeAll(async () => {
  t = await createTempDb();
  process.env.DATABASE_URL = t.url; // lib/server/db.ts opens its client on import
  delete (globalThis as { __wattDb?: unknown }).__wattDb;
  ({ proxy } = await import("../../proxy"));
});
afterAll(async () => {
  await (globalThis as { __wattDb?: { $disconnect(): Promise<void> } }).__wattDb?.$disconnect();
  await t.close();
});
afterEach(() => { process.env = { ...saved, DATABASE_URL: t.url }; });

const req = (path: string, init: { cookie?: string; method?: string; headers?: Record<string, string>; body?: string } = {}) =>
  new NextRequest(new URL(path, "http://127.0.0.1:3000"), {
    method: init.method ?? "GET",
    headers: { host: "127.0.0.1:3000", ...(init.cookie ? { cookie: `${SESSION_COOKIE}=${init.cookie}` } : {}), ...init.headers },
    body: init.body,
  });

describe("proxy", () => {
  it("sets a fresh nonce CSP and the security headers on pages", async () => {
    delete process.env.WATT_PASSWORD_HASH;
    const a = await proxy(req("/"));
    const b = await proxy(req("/"));
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toBe(b.headers.get("content-security-policy"));
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect((await proxy(req("/api/screen"))).headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("private reads: pages redirect to sign-in and the API answers 401 without a session", async () => {
    process.env.WATT_PASSWORD_HASH = HASH;
    process.env.WATT_PRIVATE_READS = "true";
    const page = await proxy(req("/companies/IREN?set=Base"));
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toBe("http://localhost:3000/signin?next=%2Fcompanies%2FIREN%3Fset%3DBase") // NextURL writes loopback as localhost;
    const denied = await proxy(req("/api/screen"));
    expect(denied.status).toBe(401);
    expect((await proxy(req("/signin"))).status).toBe(200);
    expect((await proxy(req("/api/health"))).status).toBe(200);
    const { token } = await createSession(t.db, readEnv(), "ana");
    const ok = await proxy(req("/api/screen", { cookie: token }));
    expect(ok.status).toBe(200);
    // a token the server never issued (or ended) reads nothing
    expect((await proxy(req("/api/screen", { cookie: "A".repeat(43) }))).status).toBe(401);
  });

  it("reads stay open when only a password is set", async () => {
    process.env.WATT_PASSWORD_HASH = HASH;
    delete process.env.WATT_PRIVATE_READS;
    expect((await proxy(req("/"))).status).toBe(200);
  });
});

describe("sign-in limiter", () => {
  it("rate-limits sign-in attempts per client and overall", () => {
    const l = new AttemptLimiter(5, 60_000);
    const t0 = 1_000_000;
    for (let i = 0; i < 5; i++) expect(l.allow("1.2.3.4", t0 + i)).toBe(true);
    expect(l.allow("1.2.3.4", t0 + 10)).toBe(false);
    expect(l.allow("1.2.3.4", t0 + 61_000)).toBe(true); // window passed
  });
});
