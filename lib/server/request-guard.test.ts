import { Socket } from "node:net";
import { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it, vi } from "vitest";
import { readEnv } from "../env";
import { guard } from "./front-door";
import { listenHost } from "./listen";
import { hashPassword } from "./password-hash";
import {
  actionBodyRefusal,
  clientAddress,
  frontDoorRefusal,
  hostAllowed,
  isLoopbackAddress,
  markFrontDoorInstalled,
  originRefusal,
  PEER_HEADER,
  readPeer,
  type GuardContext,
} from "./request-guard";

const LOCAL: GuardContext = { passwordSet: false, allowedHosts: [], trustedProxies: 0 };
const TEAM: GuardContext = { passwordSet: true, allowedHosts: [], trustedProxies: 0 };
const TEAM_NAMED: GuardContext = { passwordSet: true, allowedHosts: ["watt.example.com"], trustedProxies: 0 };
const req = (over: Partial<Parameters<typeof frontDoorRefusal>[0]> = {}) => ({
  method: "GET",
  url: "/",
  host: "127.0.0.1:3000",
  localPort: 3000,
  localAddress: "127.0.0.1",
  contentLength: undefined,
  isServerAction: false,
  ...over,
});

describe("Host check (DNS rebinding)", () => {
  it("without a password answers only loopback names on the server's own port", () => {
    for (const h of ["127.0.0.1:3000", "localhost:3000", "[::1]:3000", "LOCALHOST:3000"]) expect(hostAllowed(h, 3000, LOCAL), h).toBe(true);
    // the rebinding attack: a page on evil.example whose name now resolves to 127.0.0.1
    for (const h of ["evil.example:3000", "evil.example", "127.0.0.1:3001", "localhost", "127.0.0.1.evil.example:3000", "", undefined])
      expect(hostAllowed(h, 3000, LOCAL), String(h)).toBe(false);
    expect(frontDoorRefusal(req({ host: "evil.example:3000", method: "POST" }), LOCAL)).toMatchObject({ status: 421 });
  });

  it("on port 80 a Host without a port is the same server", () => {
    expect(hostAllowed("localhost", 80, LOCAL)).toBe(true);
  });

  it("with a password: any host, or only WATT_ALLOWED_HOSTS (plus loopback) when it is set", () => {
    expect(hostAllowed("anything.example", 3000, TEAM)).toBe(true);
    expect(hostAllowed("watt.example.com", 3000, TEAM_NAMED)).toBe(true);
    expect(hostAllowed("127.0.0.1:3000", 3000, TEAM_NAMED)).toBe(true);
    expect(hostAllowed("evil.example", 3000, TEAM_NAMED)).toBe(false);
    expect(hostAllowed("watt.example.com:8443", 3000, TEAM_NAMED)).toBe(false); // ports are part of the entry
  });

  it("WATT_ALLOWED_HOSTS is refused without a password, and entries are checked", () => {
    expect(() => readEnv({ WATT_ALLOWED_HOSTS: "watt.example.com" })).toThrow(/needs WATT_PASSWORD_HASH/);
    expect(readEnv({ WATT_PASSWORD_HASH: hashPassword("pw-123456"), WATT_ALLOWED_HOSTS: " Watt.Example.com , a.b:8443" }).WATT_ALLOWED_HOSTS).toEqual(
      ["watt.example.com", "a.b:8443"],
    );
    expect(() => readEnv({ WATT_PASSWORD_HASH: hashPassword("pw-123456"), WATT_ALLOWED_HOSTS: "https://x.example/" })).toThrow(/host name/);
  });
});

describe("front door rules", () => {
  it("TRACE, TRACK and CONNECT get 405 (Next answered TRACE with a 500)", () => {
    for (const method of ["TRACE", "TRACK", "CONNECT", "PROPFIND"]) expect(frontDoorRefusal(req({ method }), LOCAL)?.status, method).toBe(405);
    for (const method of ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"]) expect(frontDoorRefusal(req({ method }), LOCAL), method).toBeNull();
  });

  it("a malformed %-sequence in the path is a 400 (it was a 500); in the query it is left to the app", () => {
    expect(frontDoorRefusal(req({ url: "/assumptions/%E0%A4%A" }), LOCAL)).toMatchObject({ status: 400 });
    expect(frontDoorRefusal(req({ url: "/api/companies/%ED%A0%80" }), LOCAL)).toMatchObject({ status: 400 }); // an encoded lone surrogate
    expect(frontDoorRefusal(req({ url: "/companies/IREN?q=%E0%A4%A" }), LOCAL)).toBeNull();
    expect(frontDoorRefusal(req({ url: "/assumptions/Bear%20case" }), LOCAL)).toBeNull();
  });

  it("without a password, writes that arrive on a non-loopback interface are refused; reads are not", () => {
    const lan = { localAddress: "192.168.1.20" };
    expect(frontDoorRefusal(req({ ...lan, method: "POST" }), LOCAL)).toMatchObject({ status: 403 });
    expect(frontDoorRefusal(req({ ...lan, method: "PUT" }), LOCAL)).toMatchObject({ status: 403 });
    expect(frontDoorRefusal(req({ ...lan, method: "GET" }), LOCAL)).toBeNull();
    expect(frontDoorRefusal(req({ ...lan, method: "POST" }), TEAM)).toBeNull();
    expect(frontDoorRefusal(req({ localAddress: "::ffff:127.0.0.1", method: "POST" }), LOCAL)).toBeNull();
  });

  it("an oversized server-action body is a 413 before it is read", () => {
    expect(frontDoorRefusal(req({ method: "POST", isServerAction: true, contentLength: String(300 * 1024) }), LOCAL)).toMatchObject({ status: 413 });
    expect(frontDoorRefusal(req({ method: "POST", isServerAction: true, contentLength: "2000" }), LOCAL)).toBeNull();
  });

  it("loopback addresses", () => {
    expect(["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"].every(isLoopbackAddress)).toBe(true);
    expect(["10.0.0.1", "::", "0.0.0.0", "192.168.0.1", "", undefined].some(isLoopbackAddress)).toBe(false);
  });
});

describe("client address", () => {
  it("is the socket peer; a spoofed X-Forwarded-For is ignored without a trusted proxy", () => {
    expect(clientAddress("127.0.0.1", "203.0.113.9", 0)).toBe("127.0.0.1");
    expect(clientAddress("::ffff:10.1.2.3", undefined, 0)).toBe("10.1.2.3");
  });

  it("behind N trusted proxies it is the address the outermost one saw", () => {
    // the client claims 1.1.1.1; the one proxy appends the real peer 198.51.100.7
    expect(clientAddress("10.0.0.2", "1.1.1.1, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", "1.1.1.1, 198.51.100.7, 10.0.0.9", 2)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", "198.51.100.7", 2)).toBe("10.0.0.2"); // fewer hops than configured: the peer
  });

  it("the front door strips forwarded headers and the peer header a client sends, then records the socket", () => {
    markFrontDoorInstalled();
    const socket = new Socket();
    Object.defineProperties(socket, { remoteAddress: { value: "127.0.0.1" }, localAddress: { value: "127.0.0.1" }, localPort: { value: 3000 } });
    const r = new IncomingMessage(socket);
    r.method = "POST";
    r.url = "/signin";
    r.headers = {
      host: "127.0.0.1:3000",
      "x-forwarded-for": "203.0.113.9",
      "x-forwarded-proto": "https",
      [PEER_HEADER]: "client=6.6.6.6;local=loopback;key=guessed",
    };
    const res = new ServerResponse(r);
    expect(guard(r, res, LOCAL)).toBe(true);
    expect(r.headers["x-forwarded-for"]).toBeUndefined();
    expect(r.headers["x-forwarded-proto"]).toBeUndefined();
    expect(readPeer(r.headers[PEER_HEADER] as string)).toEqual({ client: "127.0.0.1", loopback: true });
  });

  it("the front door answers a refusal itself, with one log line and no stack", () => {
    const socket = new Socket();
    Object.defineProperties(socket, { remoteAddress: { value: "127.0.0.1" }, localAddress: { value: "127.0.0.1" }, localPort: { value: 3000 } });
    const r = new IncomingMessage(socket);
    r.method = "TRACE";
    r.url = "/";
    r.headers = { host: "127.0.0.1:3000" };
    const res = new ServerResponse(r);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      expect(guard(r, res, LOCAL)).toBe(false);
      expect(res.statusCode).toBe(405);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0][0])).toMatch(/^\[front-door\] 405 TRACE \/ from 127\.0\.0\.1: Method TRACE is not allowed\.$/);
    } finally {
      warn.mockRestore();
    }
  });
});

describe("Origin of writes", () => {
  const opts = { required: true, allowedHosts: [] as string[] };
  it("a server action needs an Origin that is this server (Next lets a missing one through)", () => {
    expect(originRefusal("http://127.0.0.1:3000", "127.0.0.1:3000", opts)).toBeNull();
    expect(originRefusal(null, "127.0.0.1:3000", opts)).toMatchObject({ status: 403, message: "Missing Origin header." });
    expect(originRefusal("http://evil.example", "127.0.0.1:3000", opts)).toMatchObject({ status: 403 });
    expect(originRefusal("null", "127.0.0.1:3000", opts)).toMatchObject({ status: 403 });
    expect(originRefusal("https://watt.example.com", "10.0.0.5:3000", { required: true, allowedHosts: ["watt.example.com"] })).toBeNull();
  });

  it("other writes (the JSON API) may come without Origin (scripts), never from another one", () => {
    expect(originRefusal(null, "127.0.0.1:3000", { required: false, allowedHosts: [] })).toBeNull();
    expect(originRefusal("http://evil.example", "127.0.0.1:3000", { required: false, allowedHosts: [] })).toMatchObject({ status: 403 });
  });
});

describe("server-action bodies", () => {
  const ok = (body: unknown) => actionBodyRefusal("text/plain;charset=UTF-8", JSON.stringify(body));
  it("accept what this app's client sends", () => {
    expect(ok([{ ticker: "CORZ", version: 1, note: "$$5 off", n: "$NaN", u: "$undefined" }])).toBeNull();
    expect(ok([{ a: { x: 1 }, b: "$0:0:a" }])).toBeNull(); // React's reference to an object sent twice
    expect(ok([])).toBeNull();
  });

  it.each([
    ["a bare $ (Next's decoder threw)", '"$"', 400],
    ["a reference to a part never sent", '["$Z5"]', 400],
    ["a reference that does not resolve", '[{"a":"$0:0:nope"}]', 400],
    ["a promise, form data, a map, a server reference", '["$@1","$K2","$Q3","$h4"]', 400],
    ["invalid JSON", "{nope", 400],
    ["a non-array", '{"ticker":"CORZ"}', 400],
    ["deep nesting", `${"[".repeat(200)}${"]".repeat(200)}`, 400],
    ["over 256 KB", JSON.stringify(["x".repeat(300_000)]), 413],
  ])("refuse %s", (_what, body, status) => {
    expect(actionBodyRefusal("text/plain;charset=UTF-8", body)?.status).toBe(status);
  });

  it("refuse form-data bodies (this app never sends them)", () => {
    expect(actionBodyRefusal("multipart/form-data; boundary=x", "--x--")).toMatchObject({ status: 400 });
  });
});

describe("listen host (npm start, npm run dev)", () => {
  it("stays on loopback without a password, whatever HOST says", () => {
    expect(listenHost(readEnv({}))).toEqual({ host: "127.0.0.1" });
    expect(listenHost(readEnv({ HOST: "0.0.0.0" }))).toMatchObject({ host: "127.0.0.1", warning: expect.stringContaining("HOST=0.0.0.0 ignored") });
    expect(listenHost(readEnv({ HOST: "::1" }))).toEqual({ host: "::1" });
    expect(listenHost(readEnv({ WATT_PASSWORD_HASH: hashPassword("pw-123456") }))).toEqual({ host: "0.0.0.0" });
  });
});
