// proxy.ts: the front-door requirement, security headers, Origin and action-body checks, private reads
// (against a real temporary database holding the sessions).
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTempDb, type TempDb } from "../../test/temp-db";
import { readEnv } from "../env";
import { SESSION_COOKIE } from "./auth-core";
import { hashPassword } from "./password-hash";
import { markFrontDoorInstalled, PEER_HEADER, stampPeer } from "./request-guard";
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
afterEach(() => {
  process.env = { ...saved, DATABASE_URL: t.url };
});

const req = (path: string, init: { cookie?: string; method?: string; headers?: Record<string, string>; body?: string } = {}) =>
  new NextRequest(new URL(path, "http://127.0.0.1:3000"), {
    method: init.method ?? "GET",
    // what the front door adds to every request it checked (lib/server/front-door.ts)
    headers: {
      host: "127.0.0.1:3000",
      [PEER_HEADER]: stampPeer("127.0.0.1", true),
      ...(init.cookie ? { cookie: `${SESSION_COOKIE}=${init.cookie}` } : {}),
      ...init.headers,
    },
    body: init.body,
  });

describe("proxy", () => {
  it("refuses to serve when the front door is not installed (the client-address header could be forged)", async () => {
    const g = globalThis as { __wattFrontDoor?: unknown };
    delete g.__wattFrontDoor;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      expect((await proxy(req("/"))).status).toBe(503);
    } finally {
      warn.mockRestore();
      markFrontDoorInstalled();
    }
  });

  it("refuses a request the front door did not stamp (the first after start), and a forged stamp", async () => {
    markFrontDoorInstalled();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      expect((await proxy(req("/", { headers: { [PEER_HEADER]: "" } }))).status).toBe(503);
      expect((await proxy(req("/", { headers: { [PEER_HEADER]: "client=6.6.6.6;local=loopback;key=guessed" } }))).status).toBe(503);
      expect((await proxy(req("/"))).status).toBe(200);
    } finally {
      warn.mockRestore();
    }
  });

  it("sets a fresh nonce CSP and the security headers on pages", async () => {
    markFrontDoorInstalled();
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

  it("server actions: a foreign or missing Origin is a 403, a body Next cannot decode a 400", async () => {
    delete process.env.WATT_PASSWORD_HASH;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const action = (headers: Record<string, string>, body = '[{"auditId":1}]') =>
        proxy(
          req("/companies/IREN", {
            method: "POST",
            headers: { "next-action": "40ab", "content-type": "text/plain;charset=UTF-8", ...headers },
            body,
          }),
        );
      expect((await action({ origin: "http://127.0.0.1:3000" })).status).toBe(200);
      expect((await action({ origin: "http://evil.example:3000" })).status).toBe(403);
      expect((await action({})).status).toBe(403);
      const bad = await action({ origin: "http://127.0.0.1:3000" }, '"$"');
      expect(bad.status).toBe(400);
      expect(await bad.text()).not.toMatch(/\bat \w/);
      expect(String(warn.mock.calls.at(-1)?.[0])).toMatch(/^\[proxy\] 400 POST \/companies\/IREN: /);
      // the JSON API without Origin (scripts, curl) is fine; from another origin it is not
      expect((await proxy(req("/api/companies/IREN/figures", { method: "PUT", body: "{}" }))).status).toBe(200);
      expect(
        (await proxy(req("/api/companies/IREN/figures", { method: "PUT", body: "{}", headers: { origin: "http://evil.example" } }))).status,
      ).toBe(403);
    } finally {
      warn.mockRestore();
    }
  });

  it("private reads: pages redirect to sign-in, the API answers 401, and API answers are never cached", async () => {
    process.env.WATT_PASSWORD_HASH = HASH;
    process.env.WATT_PRIVATE_READS = "true";
    const page = await proxy(req("/companies/IREN?set=Base"));
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toBe("http://localhost:3000/signin?next=%2Fcompanies%2FIREN%3Fset%3DBase"); // NextURL writes loopback as localhost;
    const denied = await proxy(req("/api/screen"));
    expect(denied.status).toBe(401);
    expect(denied.headers.get("cache-control")).toBe("private, no-store");
    expect((await proxy(req("/signin"))).status).toBe(200);
    expect((await proxy(req("/api/health"))).status).toBe(200);
    const { token } = await createSession(t.db, readEnv(), "ana");
    const ok = await proxy(req("/api/screen", { cookie: token }));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("private, no-store");
    expect(ok.headers.get("vary")).toContain("Cookie");
    // the exports are API paths like any other
    for (const path of ["/api/screen.csv", "/api/screen.xlsx?asOf=2025-11-21"]) {
      const no = await proxy(req(path));
      expect([no.status, no.headers.get("cache-control")], path).toEqual([401, "private, no-store"]);
      const yes = await proxy(req(path, { cookie: token }));
      expect([yes.status, yes.headers.get("cache-control")], path).toEqual([200, "private, no-store"]);
    }
    // a token the server never issued (or ended) reads nothing
    expect((await proxy(req("/api/screen", { cookie: "A".repeat(43) }))).status).toBe(401);
  });

  it("private reads with WATT_PRIVATE_READS=1, which the environment accepts as true", async () => {
    process.env.WATT_PASSWORD_HASH = HASH;
    process.env.WATT_PRIVATE_READS = "1";
    expect((await proxy(req("/"))).status).toBe(307);
    expect((await proxy(req("/api/screen"))).status).toBe(401);
  });

  it("reads stay open when only a password is set", async () => {
    process.env.WATT_PASSWORD_HASH = HASH;
    delete process.env.WATT_PRIVATE_READS;
    expect((await proxy(req("/"))).status).toBe(200);
    expect((await proxy(req("/api/screen"))).headers.get("cache-control")).toBeNull();
  });
});
