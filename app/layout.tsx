import type { Metadata, Viewport } from "next";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Watt Screener", template: "%s · Watt Screener" },
  description: "Bitcoin miners turning grid power into AI data centers, valued per watt against build cost.",
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  width: "device-width",
  initialScale: 1,
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">Skip to content</a>
        <header className="site-header">
          <Link href="/" className="brand">Watt Screener</Link>
          <nav aria-label="Main">
            <Link href="/">Screener</Link>
            <Link href="/methodology">Methodology</Link>
          </nav>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
