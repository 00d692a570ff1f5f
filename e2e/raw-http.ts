// Raw HTTP for e2e tests that must send what fetch() will not: any Host header, any method, a body
// without Content-Length. Also reads a server's log (playwright.config.ts sends it to a file).
import { readFileSync } from "node:fs";
import { request } from "node:http";

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export function rawRequest(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean; path?: string } = {},
): Promise<RawResponse> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const headers = { ...opts.headers };
    if (opts.body !== undefined && !opts.chunked) headers["content-length"] = String(Buffer.byteLength(opts.body));
    const req = request(
      { host: u.hostname, port: u.port, method: opts.method ?? "GET", path: opts.path ?? u.pathname + u.search, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    if (opts.body !== undefined) {
      if (opts.chunked) for (let i = 0; i < opts.body.length; i += 16_384) req.write(opts.body.slice(i, i + 16_384));
      else req.write(opts.body);
    }
    req.end();
  });
}

/** The server's log since `offset` characters (see playwright.config.ts). */
export const serverLog = (baseURL: string, offset = 0) =>
  readFileSync(`test-results-servers/server-${new URL(baseURL).port}.log`, "utf8").slice(offset);

/** Lines that look like a JavaScript stack frame. */
export const STACK_FRAME = /^\s+at \S/m;
