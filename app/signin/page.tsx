import type { Metadata } from "next";
import Link from "next/link";
import { readEnv } from "@/lib/env";
import { currentUser } from "@/lib/server/auth";
import { readsArePrivate, signInReturnPath } from "@/lib/server/auth-core";
import { SignInForm } from "./SignInForm";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const target = signInReturnPath(next);
  const me = await currentUser();
  // Under private reads the proxy sends every page here first, so say why and where sign-in leads.
  const privateReads = readsArePrivate(readEnv());
  // shown as a person reads an address: "tier=1,2", not "tier=1%2C2" (the link itself keeps the encoded form)
  const shown = (() => {
    try {
      return decodeURI(target).replace(/%2C/gi, ",");
    } catch {
      return target;
    }
  })();
  const back = target === "/" ? "the screener" : <code>{shown}</code>;
  return (
    <section className="narrow-page">
      <h1>Sign in</h1>
      {!me.required ? (
        <p>No password is configured, so this server only listens on this machine and its user can edit directly.</p>
      ) : me.signedIn ? (
        <p>
          You are signed in as <strong>{me.user}</strong>. <Link href={target}>Go on to {back}</Link>.
        </p>
      ) : (
        <>
          <p className="muted" data-testid="signin-access">
            {privateReads
              ? "This server is private: reading its pages and data needs a session, as editing does."
              : "Edits need a session; reading is open to everyone."}{" "}
            After you sign in you go on to {back}.
          </p>
          <SignInForm next={target} />
        </>
      )}
    </section>
  );
}
