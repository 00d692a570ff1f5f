// Server-side sessions against a real temporary SQLite database.
import { createHmac } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDb, type TempDb } from "../../test/temp-db";
import { readEnv } from "../env";
import { hashPassword } from "./password-hash";
import { createSession, endAllSessions, endSession, findSession } from "./sessions";

const HASH = hashPassword("correct horse battery");
const env = (extra: Record<string, string> = {}) => readEnv({ WATT_PASSWORD_HASH: HASH, ...extra });
const HOUR = 3600_000;

let t: TempDb;
beforeEach(async () => {
  t = await createTempDb();
});
afterEach(async () => {
  await t.close();
});

/** The token the first version issued: HMAC-signed with a key derived from the password hash alone. */
function forgeFromHash(hash: string, user: string, exp: number) {
  const body = Buffer.from(JSON.stringify({ u: user, exp })).toString("base64url");
  const key = createHmac("sha256", hash).update("watt-session-v1").digest();
  return `${body}.${createHmac("sha256", key).update(body).digest("base64url")}`;
}

describe("sessions", () => {
  it("accepts its own token and stores only a digest of it", async () => {
    const { token, expires } = await createSession(t.db, env(), "ana");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(expires.getTime()).toBeGreaterThan(Date.now() + 11.9 * HOUR); // default 12 h
    expect(await findSession(t.db, env(), token)).toMatchObject({ user: "ana" });
    const rows = await t.db.session.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0].id).not.toContain(token);
  });

  it("refuses a token forged from the password hash (the old signing key), and random ones", async () => {
    await createSession(t.db, env(), "ana");
    const forged = forgeFromHash(HASH, "mallory", Date.now() + 10 * 365 * 24 * HOUR);
    expect(await findSession(t.db, env(), forged)).toBeNull();
    expect(await findSession(t.db, env(), "A".repeat(43))).toBeNull();
    expect(await findSession(t.db, env(), undefined)).toBeNull();
    expect(await findSession(t.db, env(), "x".repeat(5000))).toBeNull();
  });

  it("enforces the lifetime from issuedAt on the server, also when it is lowered later", async () => {
    const now = Date.now();
    const { token } = await createSession(t.db, env(), "ana", now);
    expect(await findSession(t.db, env(), token, now + 11 * HOUR)).not.toBeNull();
    expect(await findSession(t.db, env(), token, now + 12 * HOUR + 1)).toBeNull();
    // WATT_SESSION_HOURS lowered to 1 after sign-in: the 12 h session ends after 1 h
    expect(await findSession(t.db, env({ WATT_SESSION_HOURS: "1" }), token, now + 2 * HOUR)).toBeNull();
    // a row whose expiry was pushed out (e.g. by hand) still ends at issuedAt + lifetime
    await t.db.session.updateMany({ data: { expiresAt: new Date(now + 1000 * HOUR) } });
    expect(await findSession(t.db, env(), token, now + 13 * HOUR)).toBeNull();
  });

  it("sign-out ends the session on the server; sign-out everywhere ends them all", async () => {
    const a = await createSession(t.db, env(), "ana");
    const b = await createSession(t.db, env(), "ben");
    const c = await createSession(t.db, env(), "cy");
    await endSession(t.db, a.token);
    expect(await findSession(t.db, env(), a.token)).toBeNull();
    expect(await findSession(t.db, env(), b.token)).not.toBeNull();
    expect(await endAllSessions(t.db)).toBe(2);
    expect(await findSession(t.db, env(), b.token)).toBeNull();
    expect(await findSession(t.db, env(), c.token)).toBeNull();
  });

  it("a new password ends every session issued under the old one; no password, no sessions", async () => {
    const { token } = await createSession(t.db, env(), "ana");
    expect(await findSession(t.db, readEnv({ WATT_PASSWORD_HASH: hashPassword("another password") }), token)).toBeNull();
    expect(await findSession(t.db, readEnv({}), token)).toBeNull();
  });

  it("clears expired rows when someone signs in", async () => {
    const now = Date.now();
    await createSession(t.db, env(), "old", now - 13 * HOUR);
    await createSession(t.db, env(), "new", now);
    expect((await t.db.session.findMany()).map((s) => s.user)).toEqual(["new"]);
  });
});
