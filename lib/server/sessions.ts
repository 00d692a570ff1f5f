// Server-side sessions (password mode). Signing in stores a row keyed by the SHA-256 of a random token
// and sets the token as the cookie; every check looks the row up. There is no signing key, so nothing
// derived from WATT_PASSWORD_HASH (which the README calls safe to store) can mint a session, and ending a
// session is deleting its row. The lifetime is enforced here from issuedAt, so lowering
// WATT_SESSION_HOURS also shortens sessions already issued. See docs/decisions/0013.
import { createHash, randomBytes } from "node:crypto";
import type { Env } from "../env";
import type { Db } from "./db-client";

/** base64url of 32 random bytes */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const digest = (s: string) => createHash("sha256").update(s).digest("base64url");

/** Which password issued a session: a new WATT_PASSWORD_HASH makes every older session invalid. */
export const passwordTag = (env: Env) => digest(`watt-session-password:${env.WATT_PASSWORD_HASH ?? ""}`).slice(0, 22);

export interface SessionInfo {
  user: string;
  issuedAt: Date;
  expiresAt: Date;
}

export async function createSession(db: Db, env: Env, user: string, now = Date.now()): Promise<{ token: string; expires: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expires = new Date(now + env.WATT_SESSION_HOURS * 3600_000);
  // Expired rows are useless; clearing them on sign-in keeps the table as small as the active sessions.
  await db.session.deleteMany({ where: { expiresAt: { lte: new Date(now) } } });
  await db.session.create({ data: { id: digest(token), user, issuedAt: new Date(now), expiresAt: expires, passwordTag: passwordTag(env) } });
  return { token, expires };
}

/** The session behind a cookie value, or null for a missing, unknown, ended, expired or foreign one. */
export async function findSession(db: Db, env: Env, token: string | undefined, now = Date.now()): Promise<SessionInfo | null> {
  if (!token || !TOKEN.test(token) || !env.WATT_PASSWORD_HASH) return null;
  const row = await db.session.findUnique({ where: { id: digest(token) } });
  if (!row) return null;
  const issued = row.issuedAt.getTime();
  const lifetimeEnd = issued + env.WATT_SESSION_HOURS * 3600_000;
  if (row.passwordTag !== passwordTag(env)) return null;
  if (issued > now + 60_000 || row.expiresAt.getTime() <= now || lifetimeEnd <= now) return null;
  return { user: row.user, issuedAt: row.issuedAt, expiresAt: row.expiresAt };
}

/** Sign-out: this session only. */
export async function endSession(db: Db, token: string | undefined): Promise<void> {
  if (!token || !TOKEN.test(token)) return;
  await db.session.deleteMany({ where: { id: digest(token) } });
}

/** "Sign out everywhere": with one shared password, every session of every device and name. */
export async function endAllSessions(db: Db): Promise<number> {
  return (await db.session.deleteMany()).count;
}
