// Gzip for what Next sends uncompressed: the bodies of route handlers (JSON, CSV). Next compresses pages
// itself but not a route handler's Response, and drops a content-encoding the handler sets (while keeping
// its gzipped bytes), so GET /api/screen went out as 52 MB at 10,000 companies. The front door installs
// this on every request that accepts gzip; it buffers such a body and sends it compressed at its end.
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";

const COMPRESSIBLE = /^(application\/json|text\/csv)/;
/** Below this, gzip's header and the time cost more than they save. */
const MIN_BYTES = 2048;

export const acceptsGzip = (req: IncomingMessage) => /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));

export function gzipUncompressedBodies(res: ServerResponse): void {
  const write = res.write.bind(res) as (...a: unknown[]) => boolean;
  const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
  let mode: "buffer" | "pass" | undefined;
  const chunks: Buffer[] = [];
  const decide = () =>
    (mode ??=
      !res.headersSent && !res.hasHeader("content-encoding") && COMPRESSIBLE.test(String(res.getHeader("content-type") ?? "")) ? "buffer" : "pass");
  const add = (chunk: unknown, encoding?: unknown) => {
    if (typeof chunk === "string") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  // A body kept for compression keeps its headers open until its end. Next flushes them just before its
  // first chunk (pipe-readable.js), and its compression middleware, wrapped around this, writes them
  // implicitly on the first write (writeHead): both wait for the decision, and in buffer mode the status
  // and headers are only recorded until the end sends them with the compressed body.
  const flushHeaders = res.flushHeaders.bind(res);
  const writeHead = res.writeHead.bind(res) as (...a: unknown[]) => ServerResponse;
  let sending = false;
  res.flushHeaders = () => {
    if (decide() === "pass") flushHeaders();
  };
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    if (sending || decide() === "pass") return writeHead(status, ...rest);
    res.statusCode = status;
    const headers = rest.find((x) => typeof x === "object" && x !== null);
    if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1]);
    else if (headers) for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v as string);
    return res;
  }) as ServerResponse["writeHead"];
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (decide() === "pass") return write(chunk, ...rest);
    add(chunk, rest[0]);
    const done = rest.find((x) => typeof x === "function") as ((e?: Error) => void) | undefined;
    if (done) process.nextTick(done);
    return true;
  }) as ServerResponse["write"];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (decide() === "pass") return end(chunk, ...rest);
    if (typeof chunk !== "function") add(chunk, rest[0]);
    const done = [chunk, ...rest].find((x) => typeof x === "function") as (() => void) | undefined;
    const body = Buffer.concat(chunks);
    sending = true;
    // compressed upstream meanwhile (a middleware that decided on its own): sent as it is
    if (res.hasHeader("content-encoding") || body.length < MIN_BYTES) {
      res.setHeader("content-length", body.length);
      return end(body, done);
    }
    const gz = gzipSync(body, { level: 1 });
    res.setHeader("content-encoding", "gzip");
    res.setHeader("content-length", gz.length);
    const vary = res.getHeader("vary");
    res.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    return end(gz, done);
  }) as ServerResponse["end"];
}
