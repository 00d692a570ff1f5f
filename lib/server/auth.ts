// Who may write. With no password configured the server answers only on loopback (lib/server/
// request-guard.ts) and the single local user may edit. With a password, every write path calls
// requireWriter() first, which looks the session cookie up in the Session table (./sessions.ts).
import "server-only";
import { cookies, headers } from "next/headers";
import { readEnv } from "../env";
import { passwordConfigured, sessionCookieName } from "./auth-core";
import { db } from "./db";
import { frontDoorInstalled, PEER_HEADER, readPeer } from "./request-guard";
import { findSession } from "./sessions";
import { SignInThrottle } from "./sign-in-throttle";

export type Writer = { ok: true; user: string | null } | { ok: false };

/** x-forwarded-proto is kept only from a configured trusted proxy (the front door drops it otherwise). */
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

const globalForThrottle = globalThis as unknown as { __wattSignIn?: SignInThrottle };
export const signInThrottle = (globalForThrottle.__wattSignIn ??= new SignInThrottle());

/** The client's address as the front door saw it on the socket (X-Forwarded-For only from trusted proxies). */
export async function clientKey(): Promise<string> {
  if (!frontDoorInstalled()) return "unknown";
  return readPeer((await headers()).get(PEER_HEADER))?.client ?? "unknown";
}
