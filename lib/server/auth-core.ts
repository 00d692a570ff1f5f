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
