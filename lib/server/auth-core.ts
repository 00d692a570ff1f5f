// Which sign-in mode the server is in, and the session cookie's name. Shared by the proxy, server
// actions, route handlers and scripts. There is one shared password; the name given at sign-in is
// recorded in the audit log. Hashing: ./password-hash.ts; sessions: ./sessions.ts.
import type { Env } from "../env";

export const SESSION_COOKIE = "watt_session";
/**
 * The name behind TLS. With the `__Host-` prefix the browser accepts the cookie only when it is Secure,
 * has Path=/ and no Domain, so another site on a subdomain or a plain-http page cannot plant or replace
 * it. (No prefix isolates ports: run the app on its own host name — README, Configuration.)
 */
export const SECURE_SESSION_COOKIE = "__Host-watt_session";

export const sessionCookieName = (secure: boolean) => (secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE);

export const passwordConfigured = (env: Env) => !!env.WATT_PASSWORD_HASH;

/** Reading pages and the API needs a session too: a password and WATT_PRIVATE_READS ("true" or "1"). */
export const readsArePrivate = (env: Env) => passwordConfigured(env) && env.WATT_PRIVATE_READS;

const ORIGIN = "http://watt.invalid";

/**
 * Where sign-in returns to: the page the proxy sent here (its path and query, e.g. a screener view
 * `/?tier=1,2&sort=evPerWEffectiveIt:asc`), or "/" for anything that is not a path on this site — an
 * absolute or protocol-relative URL, a backslash a browser reads as a slash, control characters — so the
 * parameter cannot send someone elsewhere (no open redirect).
 */
export function signInReturnPath(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(next)) return "/";
  try {
    const url = new URL(next, ORIGIN);
    return url.origin === ORIGIN && !url.pathname.startsWith("/signin") ? `${url.pathname}${url.search}${url.hash}` : "/";
  } catch {
    return "/";
  }
}
