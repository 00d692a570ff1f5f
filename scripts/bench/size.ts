// JavaScript a page sends: the <script src> files its HTML names, read from the build directory and
// gzipped (zlib's default level, as the server's compression sends them). Chunks loaded later (the
// lazy chart) are not in the HTML; the browser part counts everything the page actually fetched.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { DIST_DIR } from "./http";

export interface PageSize {
  /** every <script src>, and their sizes */
  scripts: number; rawBytes: number; gzipBytes: number;
  /** the same without `nomodule` scripts (Next's legacy polyfills, which current browsers never fetch) */
  modernScripts: number; modernRawBytes: number; modernGzipBytes: number;
  files: { src: string; raw: number; gzip: number; nomodule: boolean }[];
  htmlBytes: number; htmlGzipBytes: number;
}

export function scriptSrcs(html: string): { src: string; nomodule: boolean }[] {
  const out = new Map<string, boolean>();
  for (const m of html.matchAll(/<script\b([^>]*)>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(m[1])?.[1];
    if (src) out.set(src.replace(/&amp;/g, "&"), /\bnomodule\b/i.test(m[1]));
  }
  return [...out].map(([src, nomodule]) => ({ src, nomodule }));
}

export function pageSize(html: string): PageSize {
  const files = scriptSrcs(html).map(({ src, nomodule }) => {
    const rel = decodeURIComponent(new URL(src, "http://x").pathname).replace(/^\/_next\//, "");
    const file = path.join(DIST_DIR, rel);
    if (!existsSync(file)) throw new Error(`script ${src} not found at ${file}`);
    const buf = readFileSync(file);
    return { src, raw: buf.length, gzip: gzipSync(buf).length, nomodule };
  });
  const modern = files.filter((f) => !f.nomodule);
  return {
    scripts: files.length,
    rawBytes: files.reduce((a, f) => a + f.raw, 0),
    gzipBytes: files.reduce((a, f) => a + f.gzip, 0),
    modernScripts: modern.length,
    modernRawBytes: modern.reduce((a, f) => a + f.raw, 0),
    modernGzipBytes: modern.reduce((a, f) => a + f.gzip, 0),
    files,
    htmlBytes: Buffer.byteLength(html),
    htmlGzipBytes: gzipSync(html).length,
  };
}
