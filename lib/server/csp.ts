// The Content-Security-Policy of every page: scripts run only with this response's nonce (and what they
// load, 'strict-dynamic'). proxy.ts sets it on pages Next renders; the page cache (page-cache.ts) gives a
// cached page a fresh nonce per response in the same way, so no two responses share one.

/** 128 random bits, base64: a new one for every response. */
export const freshNonce = () => Buffer.from(crypto.randomUUID()).toString("base64");

export function contentSecurityPolicy(nonce: string | null): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    nonce ? `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}` : "script-src 'none'",
    // React and the chart set style attributes; styles cannot run code, scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
