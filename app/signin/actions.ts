"use server";
// Sign-in and sign-out: the two public actions (everything else needs a session when a password is set).
import { cookies, headers } from "next/headers";
import { z } from "zod";
import { readEnv } from "@/lib/env";
import { clientKey, signInLimiter } from "@/lib/server/auth";
import { createSessionToken, passwordConfigured, SESSION_COOKIE, verifyPassword } from "@/lib/server/auth-core";

const signInSchema = z.strictObject({
  name: z.string().trim().min(1, { error: "Your name is recorded with your edits" }).max(60),
  password: z.string().min(1, { error: "Required" }).max(200),
});

export type SignInResult = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export async function signInAction(input: unknown): Promise<SignInResult> {
  const env = readEnv();
  if (!passwordConfigured(env)) return { ok: false, message: "No password is configured: this machine's local user can already edit." };
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Please fill in both fields.", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
  if (!signInLimiter.allow(await clientKey())) return { ok: false, message: "Too many attempts. Wait a minute and try again." };
  if (!verifyPassword(parsed.data.password, env.WATT_PASSWORD_HASH!)) return { ok: false, message: "Wrong name or password." };
  const { token, expires } = createSessionToken(env, parsed.data.name);
  const secure = (await headers()).get("x-forwarded-proto") === "https";
  (await cookies()).set(SESSION_COOKIE, token, { httpOnly: true, sameSite: "lax", secure, path: "/", expires });
  return { ok: true };
}

export async function signOutAction(): Promise<{ ok: true }> {
  (await cookies()).delete(SESSION_COOKIE);
  return { ok: true };
}
