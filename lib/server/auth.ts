// Who may write. With no password configured the server only listens on localhost (scripts/serve.ts)
// and the single local user may edit. With a password, every write path calls
// requireWriter() first, which looks the session cookie up in the Session table (./sessions.ts).
import "server-only";
import { cookies, headers } from "next/headers";
import { readEnv } from "../env";
import { AttemptLimiter, passwordConfigured, sessionCookieName } from "./auth-core";
import { db } from "./db";
import { findSession } from "./sessions";

export type Writer = { ok: true; user: string | null } | { ok: false };

/** Behind a TLS proxy that says so. */
export async function requestIsSecure(): Promise<boolean> {
  return (await headers()).get("x-forwarded-proto") === "https";
}

export async function sessionToken(): Promise<string | undefined> {
  return (await cookies()).get(sessionCookieName(await requestIsSecure()))?.value;
}

export async function currentUser(): Promise<{ user: string | null; signedIn: boolean; required: boolean }> {
  const env = readEnv();
  if (!passwordConfigured(env)) return { user: null, signedIn: false, required: false };
  const session = await findSession(db, env, await sessionToken());
  return { user: session?.user ?? null, signedIn: !!session, required: true };
}

/** Every server action and API write starts here. */
export async function requireWriter(): Promise<Writer> {
  const me = await currentUser();
  if (!me.required) return { ok: true, user: null };
  return me.signedIn ? { ok: true, user: me.user } : { ok: false };
}

export const UNAUTHORIZED = { ok: false as const, kind: "unauthorized" as const, message: "Sign in to make changes." };

const globalForLimiter = globalThis as unknown as { __wattSignIn?: AttemptLimiter };
export const signInLimiter = (globalForLimiter.__wattSignIn ??= new AttemptLimiter(5, 60_000));

export async function clientKey(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0].trim() || h.get("x-real-ip") || "local";
}
