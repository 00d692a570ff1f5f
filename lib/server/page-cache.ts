// Rendered responses kept per URL and data revision, served by the front door without Next rendering
// them again. A page depends only on the data (whose revision every change bumps: DataRevision and its
// triggers), on the URL (view, set, as-of date) and on today's date (the default view date and figure
// ages). So the key is (UTC date, host, URL) and the whole cache is dropped the moment a request sees a
// new revision: an entry can never be served after the data it was rendered from changed, whichever
// process changed it.
//
// Only requests that carry no session are answered from it (a signed-in page shows its user), never with
// private reads (the cache would skip proxy.ts's sign-in check), and never Next's own navigation requests
// (RSC payloads, prefetches) or a server action. Each cached page gets a fresh CSP nonce per response: the
// nonce it was rendered with is replaced, attribute and header alike (csp.ts), so no two responses share one.
// A miss is sent as Next sends it (gzipped by Next when the client takes it); what is kept is the identity
// body, deflated once between its nonces (gzip-splice.ts), so a hit costs a CRC, not a compression.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { gunzipSync } from "node:zlib";
import { contentSecurityPolicy, freshNonce } from "./csp";
import { gzipWith, plainWith, spliceable, type Spliceable } from "./gzip-splice";

export interface CachedResponse {
  status: number;
  headers: OutgoingHttpHeaders;
  /** the identity body, split at the nonce */
  body: Spliceable;
  /** the nonce the page was rendered with, replaced on every response; null for JSON and CSV */
  nonce: string | null;
}

/** A response to keep: its identity body, deflated between the nonces. */
export function cachedResponse(status: number, headers: OutgoingHttpHeaders, body: Buffer, nonce: string | null): CachedResponse {
  return { status, headers, body: spliceable(body, nonce), nonce };
}

const SESSION_COOKIE = /(^|;\s*)(__Host-)?watt_session=/;
/** Headers Next sends with its client-side navigations and prefetches (answered with RSC, not HTML). */
const NEXT_REQUEST_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "next-url"];
/** Headers that belong to one response, not to the page. */
const PER_RESPONSE = new Set([
  "date",
  "content-length",
  "content-encoding",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-security-policy",
  "x-watt-cache",
]);
const CACHED_TYPES = /^(text\/html|application\/json|text\/csv)/;

/** The cache key of a request the cache may answer, or null. */
export function pageCacheKey(req: Pick<IncomingMessage, "method" | "url" | "headers">, today: string): string | null {
  if (req.method !== "GET") return null;
  const url = req.url ?? "";
  if (url.startsWith("/_next/") || /[?&]_rsc=/.test(url)) return null;
  if (NEXT_REQUEST_HEADERS.some((h) => req.headers[h] !== undefined)) return null;
  if (SESSION_COOKIE.test(String(req.headers.cookie ?? ""))) return null;
  return `${today} ${req.headers.host ?? ""} ${url}`;
}

/** A bounded map for one revision at a time, least recently used out first. */
export class PageCache {
  private revision: number | null = null;
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;
  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  /** The largest body kept: a quarter of the bound, so one page never empties the cache. */
  get maxEntryBytes() {
    return this.maxBytes / 4;
  }

  get(revision: number, key: string): CachedResponse | undefined {
    if (revision !== this.revision) {
      this.entries.clear();
      this.bytes = 0;
      this.revision = revision;
      return undefined;
    }
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  /** Kept only while `revision` is still the newest one seen: a page rendered before a change is dropped. */
  set(revision: number, key: string, page: CachedResponse): void {
    if (revision !== this.revision || page.body.bytes > this.maxEntryBytes) return;
    const old = this.entries.get(key);
    if (old) this.bytes -= old.body.bytes;
    this.entries.set(key, page);
    this.bytes += page.body.bytes;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.body.bytes;
    }
  }

  get size() {
    return this.entries.size;
  }
}

/**
 * Records what Next writes to `res` and hands a cacheable response to `keep` after it ends: status 200, a
 * page, JSON or CSV, no cookie set, identity or gzip (decoded here, after the response has gone out).
 */
export function captureResponse(res: ServerResponse, keep: (page: CachedResponse) => void, maxBytes = Infinity): void {
  const chunks: Buffer[] = [];
  // Past the bound nothing is kept, so nothing more is copied or decoded (a page of 10,000 companies is 20 MB).
  let captured = 0;
  const add = (chunk: unknown, encoding?: unknown) => {
    if (captured > maxBytes) return;
    const b =
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk)
          : null;
    if (!b) return;
    captured += b.length;
    chunks.push(b);
  };
  const write = res.write.bind(res) as (...a: unknown[]) => boolean;
  const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
  res.setHeader("x-watt-cache", "miss");
  // The encoding of the bytes that pass here, read when the first ones do: Next's own gzip (pages) sets it
  // before writing; the front door's (compress.ts, route handlers) compresses later, below this.
  let seen: string | undefined;
  const encodingSeen = () => (seen ??= String(res.getHeader("content-encoding") ?? "identity"));
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    encodingSeen();
    add(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as ServerResponse["write"];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    const encoding = encodingSeen();
    if (typeof chunk !== "function") add(chunk, rest[0]);
    const out = end(chunk, ...rest);
    const type = String(res.getHeader("content-type") ?? "");
    if (res.statusCode === 200 && CACHED_TYPES.test(type) && !res.hasHeader("set-cookie") && /^(identity|gzip)$/.test(encoding)) {
      const headers: OutgoingHttpHeaders = {};
      for (const [k, v] of Object.entries(res.getHeaders())) if (!PER_RESPONSE.has(k) && v !== undefined) headers[k] = v;
      const nonce = /'nonce-([^']+)'/.exec(String(res.getHeader("content-security-policy") ?? ""))?.[1] ?? null;
      if (captured > maxBytes) return out;
      setImmediate(() => {
        try {
          const raw = Buffer.concat(chunks);
          const body = encoding === "gzip" ? gunzipSync(raw, Number.isFinite(maxBytes) ? { maxOutputLength: maxBytes + 1 } : {}) : raw;
          if (body.length <= maxBytes) keep(cachedResponse(200, headers, body, nonce));
        } catch (e) {
          // too large once decoded: not kept, as a large plain body is not
          if ((e as { code?: string }).code !== "ERR_BUFFER_TOO_LARGE")
            console.error(`[page-cache] response not kept: ${e instanceof Error ? e.message : e}`);
        }
      });
    }
    return out;
  }) as ServerResponse["end"];
}

/** Answers from the cache: a fresh nonce for a page, gzip when the client takes it. */
export function sendCached(req: IncomingMessage, res: ServerResponse, page: CachedResponse): void {
  const headers: OutgoingHttpHeaders = { ...page.headers, "x-watt-cache": "hit" };
  const nonce = page.nonce ? freshNonce() : "";
  if (page.nonce) headers["content-security-policy"] = contentSecurityPolicy(nonce);
  const vary = String(headers.vary ?? "");
  if (!/accept-encoding/i.test(vary)) headers.vary = vary ? `${vary}, Accept-Encoding` : "Accept-Encoding";
  let body: Buffer;
  if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
    body = gzipWith(page.body, nonce);
    headers["content-encoding"] = "gzip";
  } else body = plainWith(page.body, nonce);
  headers["content-length"] = body.length;
  res.writeHead(page.status, headers);
  res.end(body);
}
