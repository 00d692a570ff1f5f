import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { proxy } from "../../proxy";
import { readEnv } from "../env";
import { AttemptLimiter, createSessionToken, hashPassword, SESSION_COOKIE, verifyPassword, verifySessionToken } from "./auth-core";

const HASH = hashPassword("correct horse battery");
const env = (extra: Record<string, string> = {}) => readEnv({ WATT_PASSWORD_HASH: HASH, ...extra });

describe("passwords and sessions", () => {
  it("stores only a salted hash and verifies it", () => {
    expect(HASH).toMatch(/^scrypt\$/);
    expect(HASH).not.toContain("correct horse");
    expect(hashPassword("correct horse battery")).not.toBe(HASH); // salted
    expect(verifyPassword("correct horse battery", HASH)).toBe(true);
    expect(verifyPassword("wrong", HASH)).toBe(false);
  });

  it("accepts its own token, rejects tampered, foreign and expired ones", () => {
    const { token } = createSessionToken(env(), "ana");
    expect(verifySessionToken(env(), token)).toEqual({ user: "ana" });
    const [body, sig] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ u: "mallory", exp: Date.now() + 1e9 })).toString("base64url");
    expect(verifySessionToken(env(), `${forged}.${sig}`)).toBeNull();
    expect(verifySessionToken(env({ WATT_SESSION_SECRET: "x".repeat(40) }), token)).toBeNull();
    expect(verifySessionToken(env(), `${body}.`)).toBeNull();
    expect(verifySessionToken(env(), token, Date.now() + 13 * 3600_000)).toBeNull(); // default 12 h
    expect(verifySessionToken(env(), undefined)).toBeNull();
  });

  it("rate-limits sign-in attempts per client and overall", () => {
    const l = new AttemptLimiter(5, 60_000);
    const t0 = 1_000_000;
    for (let i = 0; i < 5; i++) expect(l.allow("1.2.3.4", t0 + i)).toBe(true);
    expect(l.allow("1.2.3.4", t0 + 10)).toBe(false);
    expect(l.allow("1.2.3.4", t0 + 61_000)).toBe(true); // window passed
    const g = new AttemptLimiter(5, 60_000);
    let allowed = 0;
    for (let i = 0; i < 100; i++) if (g.allow(`spoofed-${i}`, t0)) allowed++;
    expect(allowed).toBe(30); // spoofed keys still hit the global cap
  });

  it("rejects a malformed hash in the environment", () => {
    expect(() => readEnv({ WATT_PASSWORD_HASH: "plaintext-password" })).toThrow(/auth:hash/);
  });
});

describe("proxy", () => {
  const saved = { ...process.env };
  afterEach(() => { process.env = { ...saved }; });
  const req = (path: string, cookie?: string) =>
    new NextRequest(new URL(path, "http://localhost:3000"), { headers: cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {} });

  it("sets a fresh nonce CSP and the security headers on pages", () => {
    delete process.env.WATT_PASSWORD_HASH;
    const a = proxy(req("/"));
    const b = proxy(req("/"));
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toBe(b.headers.get("content-security-policy"));
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(proxy(req("/api/screen")).headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("private reads: pages redirect to sign-in and the API answers 401 without a session", () => {
    process.env.WATT_PASSWORD_HASH = HASH;
    process.env.WATT_PRIVATE_READS = "true";
    const page = proxy(req("/companies/IREN?set=Base"));
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toBe("http://localhost:3000/signin?next=%2Fcompanies%2FIREN%3Fset%3DBase");
    expect(proxy(req("/api/screen")).status).toBe(401);
    expect(proxy(req("/signin")).status).toBe(200);
    expect(proxy(req("/api/health")).status).toBe(200);
    const { token } = createSessionToken(readEnv(), "ana");
    expect(proxy(req("/api/screen", token)).status).toBe(200);
  });

  it("reads stay open when only a password is set", () => {
    process.env.WATT_PASSWORD_HASH = HASH;
    delete process.env.WATT_PRIVATE_READS;
    expect(proxy(req("/")).status).toBe(200);
  });
});
