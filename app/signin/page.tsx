import type { Metadata } from "next";
import { currentUser } from "@/lib/server/auth";
import { SignInForm } from "./SignInForm";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  // only same-site paths, never an absolute URL (no open redirect)
  const target = typeof next === "string" && /^\/(?!\/)[\w\-./?=&%]*$/.test(next) ? next : "/";
  const me = await currentUser();
  return (
    <section className="narrow-page">
      <h1>Sign in</h1>
      {!me.required ? (
        <p>No password is configured, so this server only listens on this machine and its user can edit directly.</p>
      ) : me.signedIn ? (
        <p>You are signed in as <strong>{me.user}</strong>.</p>
      ) : (
        <>
          <p className="muted">Edits need a session. Reading {process.env.WATT_PRIVATE_READS === "true" ? "also needs one" : "is open"}.</p>
          <SignInForm next={target} />
        </>
      )}
    </section>
  );
}
