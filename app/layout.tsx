import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { readEnv } from "@/lib/env";
import { currentUser } from "@/lib/server/auth";
import { readsArePrivate } from "@/lib/server/auth-core";
import { SetHealthNotice } from "./components/SetHealthNotice";
import { UserMenu } from "./components/UserMenu";
import "./globals.css";

// Every page renders per request: data changes with edits, and the CSP nonce (proxy.ts) must be fresh.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Watt Screener", template: "%s · Watt Screener" },
  description: "Bitcoin miners turning grid power into AI data centers, valued per watt against build cost.",
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  width: "device-width",
  initialScale: 1,
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const me = await currentUser();
  // Under private reads, someone not signed in learns nothing about the stored sets either.
  const readsOpen = me.signedIn || !readsArePrivate(readEnv());
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            Watt Screener
          </Link>
          <nav aria-label="Main">
            <Link href="/">Screener</Link>
            <Link href="/changes">Changes</Link>
            <Link href="/sensitivity">Sensitivity</Link>
            <Link href="/assumptions">Assumptions</Link>
            <Link href="/updates">Update data</Link>
            <Link href="/methodology">Methodology</Link>
          </nav>
          <span className="user">
            <UserMenu user={me.user} required={me.required} />
          </span>
        </header>
        <main id="main">
          {readsOpen && <SetHealthNotice />}
          {children}
        </main>
      </body>
    </html>
  );
}
