// Password hashing and signed session tokens (node:crypto only), shared by the proxy, server actions,
// route handlers and scripts. There is one shared password; the name given at sign-in is recorded in
// the audit log.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Env } from "../env";

export const SESSION_COOKIE = "watt_session";

// The hash format and its checks live in ./password-hash.ts.
export { hashPassword, verifyPassword } from "./password-hash";

function secretOf(env: Env): Buffer {
  if (env.WATT_SESSION_SECRET) return Buffer.from(env.WATT_SESSION_SECRET);
  return createHmac("sha256", env.WATT_PASSWORD_HASH ?? "").update("watt-session-v1").digest();
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString("base64url");

export function createSessionToken(env: Env, user: string, now = Date.now()): { token: string; expires: Date } {
  const expires = new Date(now + env.WATT_SESSION_HOURS * 3600_000);
  const body = b64url(JSON.stringify({ u: user, exp: expires.getTime() }));
  const sig = createHmac("sha256", secretOf(env)).update(body).digest("base64url");
  return { token: `${body}.${sig}`, expires };
}

/** The signed-in user, or null for a missing, forged or expired token. */
export function verifySessionToken(env: Env, token: string | undefined, now = Date.now()): { user: string } | null {
  if (!token || token.length > 1000) return null;
  const [body, sig] = token.split(".");
  if (!body || !sig) return null;
  const expected = createHmac("sha256", secretOf(env)).update(body).digest();
  const given = Buffer.from(sig, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const { u, exp } = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as { u: unknown; exp: unknown };
    if (typeof u !== "string" || typeof exp !== "number" || exp <= now) return null;
    return { user: u };
  } catch {
    return null;
  }
}

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
