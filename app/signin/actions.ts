"use server";
// Sign-in and sign-out are public (everything else needs a session when a password is set); "sign out
// everywhere" needs a session too. Sessions live in the Session table (lib/server/sessions.ts).
import { cookies } from "next/headers";
import { z } from "zod";
import { readEnv } from "@/lib/env";
import { clientKey, requestIsSecure, requireWriter, sessionToken, signInThrottle, UNAUTHORIZED } from "@/lib/server/auth";
import { passwordConfigured, sessionCookieName } from "@/lib/server/auth-core";
import { db } from "@/lib/server/db";
import { wellFormedString } from "@/lib/domain/schemas";
import { verifyPassword } from "@/lib/server/password-hash";
import { createSession, endAllSessions, endSession } from "@/lib/server/sessions";
import { describeWait } from "@/lib/server/sign-in-throttle";

const signInSchema = z.strictObject({
  name: wellFormedString.trim().min(1, { error: "Your name is recorded with your edits" }).max(60),
  password: z.string().min(1, { error: "Required" }).max(200),
});

export type SignInResult = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export async function signInAction(input: unknown): Promise<SignInResult> {
  const env = readEnv();
  if (!passwordConfigured(env)) return { ok: false, message: "No password is configured: this machine's local user can already edit." };
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, message: "Please fill in both fields.", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
  const attempt = signInThrottle.attempt(await clientKey(), () => verifyPassword(parsed.data.password, env.WATT_PASSWORD_HASH!));
  if (!attempt.ok && attempt.reason === "wait") return { ok: false, message: `Too many attempts. Try again in ${describeWait(attempt.waitMs)}.` };
  if (!attempt.ok) return { ok: false, message: "Wrong name or password." };
  const { token, expires } = await createSession(db, env, parsed.data.name);
  const secure = await requestIsSecure();
  (await cookies()).set(sessionCookieName(secure), token, { httpOnly: true, sameSite: "lax", secure, path: "/", expires });
  return { ok: true };
}

/** Ends this browser's session on the server, not only its cookie. */
export async function signOutAction(): Promise<{ ok: true }> {
  await endSession(db, await sessionToken());
  (await cookies()).delete(sessionCookieName(await requestIsSecure()));
  return { ok: true };
}

export type SignOutEverywhereResult = { ok: true; data: { ended: number } } | typeof UNAUTHORIZED;

/** Ends every session (one shared password, so every device and every name): after a leak, say. */
export async function signOutEverywhereAction(): Promise<SignOutEverywhereResult> {
  const writer = await requireWriter();
  if (!writer.ok) return UNAUTHORIZED;
  const ended = passwordConfigured(readEnv()) ? await endAllSessions(db) : 0;
  (await cookies()).delete(sessionCookieName(await requestIsSecure()));
  return { ok: true, data: { ended } };
}
