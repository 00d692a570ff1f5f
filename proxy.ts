// Runs before every page, API and server-action request (Node runtime), after the front door
// (lib/server/front-door.ts, installed by instrumentation.ts) checked the socket, method, address and
// Host. Here: the Origin of writes, the shape of server-action bodies, a fresh CSP nonce per page,
// security headers, and — when reads are private — the session. Writes are checked again inside each
// action and route (lib/server/guard.ts), so this is not the only line of defence.
import { NextResponse, type NextRequest } from "next/server";
import { readEnv } from "@/lib/env";
import { readsArePrivate, sessionCookieName } from "@/lib/server/auth-core";
import { contentSecurityPolicy, freshNonce } from "@/lib/server/csp";
import { db } from "@/lib/server/db";
import { actionBodyRefusal, frontDoorInstalled, originRefusal, PEER_HEADER, readPeer, type Refusal } from "@/lib/server/request-guard";
import { findSession } from "@/lib/server/sessions";

const PUBLIC_PATHS = ["/signin", "/api/health"];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export async function proxy(request: NextRequest) {
  // Without the front door the client-address header could be forged and the Host is unchecked; a
  // request it did not stamp (the first after start, handled while instrumentation loaded) is not served.
  if (!frontDoorInstalled()) return refuse(request, { status: 503, message: "The request guard is not installed (instrumentation.ts did not run)." });
  if (!readPeer(request.headers.get(PEER_HEADER))) return refuse(request, { status: 503, message: "The server is starting; try again." });
  const env = readEnv();
  const { pathname } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const isAction = request.method === "POST" && request.headers.has("next-action");

  if (isAction || !SAFE_METHODS.has(request.method)) {
    const host = (env.WATT_TRUSTED_PROXIES > 0 && request.headers.get("x-forwarded-host")?.split(",")[0].trim()) || request.headers.get("host");
    const bad = originRefusal(request.headers.get("origin"), host, { required: isAction, allowedHosts: env.WATT_ALLOWED_HOSTS });
    if (bad) return refuse(request, bad);
  }
  if (isAction) {
    const bad = actionBodyRefusal(request.headers.get("content-type"), await request.text());
    if (bad) return refuse(request, bad);
  }

  const privateReads = readsArePrivate(env);
  if (privateReads && !PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const secure = request.headers.get("x-forwarded-proto") === "https";
    if (!(await findSession(db, env, request.cookies.get(sessionCookieName(secure))?.value))) {
      if (isApi) return withHeaders(privateApi(NextResponse.json({ error: "Sign in required" }, { status: 401 })), null);
      const to = new URL("/signin", request.url);
      to.searchParams.set("next", pathname + request.nextUrl.search);
      return withHeaders(NextResponse.redirect(to), null);
    }
  }

  if (isApi) {
    const res = NextResponse.next();
    return withHeaders(privateReads ? privateApi(res) : res, null);
  }
  const nonce = freshNonce();
  const requestHeaders = new Headers(request.headers);
  const csp = contentSecurityPolicy(nonce);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp);
}

/** API answers under private reads depend on the cookie: no shared cache may keep or reuse them. */
function privateApi(res: NextResponse) {
  res.headers.set("Cache-Control", "private, no-store");
  res.headers.append("Vary", "Cookie");
  return res;
}

/** A refused request: a plain answer and one log line (no stack; these are not faults of the app). */
function refuse(request: NextRequest, r: Refusal) {
  console.warn(`[proxy] ${r.status} ${request.method} ${request.nextUrl.pathname.slice(0, 200)}: ${r.message}`);
  return withHeaders(
    new NextResponse(`${r.message}\n`, { status: r.status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } }),
    null,
  );
}

function withHeaders(res: NextResponse, csp: string | null) {
  res.headers.set("Content-Security-Policy", csp ?? contentSecurityPolicy(null));
  res.headers.set("X-Content-Type-Options", "nosniff");
  res.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  res.headers.set("X-Frame-Options", "DENY");
  res.headers.set("Cross-Origin-Opener-Policy", "same-origin");
  return res;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|icon.svg|favicon.ico).*)" }],
};
