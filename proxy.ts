// Runs before every page and API request (Node runtime): a fresh CSP nonce per page, security headers,
// and — when reads are private — a session check. Writes are checked again inside each action and route
// (lib/server/guard.ts), so this is not the only line of defence.
import { NextResponse, type NextRequest } from "next/server";
import { readEnv } from "@/lib/env";
import { passwordConfigured, sessionCookieName } from "@/lib/server/auth-core";
import { db } from "@/lib/server/db";
import { findSession } from "@/lib/server/sessions";

const PUBLIC_PATHS = ["/signin", "/api/health"];

export async function proxy(request: NextRequest) {
  const env = readEnv();
  const { pathname } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");

  if (passwordConfigured(env) && env.WATT_PRIVATE_READS && !PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const secure = request.headers.get("x-forwarded-proto") === "https";
    if (!(await findSession(db, env, request.cookies.get(sessionCookieName(secure))?.value))) {
      if (isApi) return withHeaders(NextResponse.json({ error: "Sign in required" }, { status: 401 }), null);
      const to = new URL("/signin", request.url);
      to.searchParams.set("next", pathname + request.nextUrl.search);
      return withHeaders(NextResponse.redirect(to), null);
    }
  }

  if (isApi) return withHeaders(NextResponse.next(), null);
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const requestHeaders = new Headers(request.headers);
  const csp = contentSecurityPolicy(nonce);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp);
}

export function contentSecurityPolicy(nonce: string | null): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    nonce ? `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}` : "script-src 'none'",
    // React and the chart set style attributes; styles cannot run code, scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
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
  matcher: [
    { source: "/((?!_next/static|_next/image|icon.svg|favicon.ico).*)" },
  ],
};
