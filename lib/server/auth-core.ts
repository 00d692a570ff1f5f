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

/** Sliding-window limit on sign-in attempts per client key (IP). In memory: one server process. */
export class AttemptLimiter {
  private attempts = new Map<string, number[]>();
  constructor(private readonly max = 5, private readonly windowMs = 60_000) {}
  /** true when this attempt may proceed (the per-key limit and a global one, since keys can be spoofed) */
  allow(key: string, now = Date.now()): boolean {
    return this.take(`key:${key}`, this.max, now) && this.take("*", this.max * 6, now);
  }

  private take(key: string, max: number, now: number): boolean {
    const recent = (this.attempts.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= max) {
      this.attempts.set(key, recent);
      return false;
    }
    recent.push(now);
    this.attempts.set(key, recent);
    if (this.attempts.size > 10_000) this.attempts.clear(); // bounded memory under a flood
    return true;
  }
}
