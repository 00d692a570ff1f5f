// The front door's gzip for route handlers' bodies, and what the page cache keeps of a response, on a
// real HTTP server and client over loopback.
import { afterEach, describe, expect, it } from "vitest";
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync, gzipSync } from "node:zlib";
import { acceptsGzip, gzipUncompressedBodies } from "./compress";
import { captureResponse, type CachedResponse } from "./page-cache";
import { plainWith } from "./gzip-splice";

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** Serves one handler behind the front door's two wrappers; returns what the client got and what was kept. */
async function serve(handler: (res: ServerResponse) => void, acceptEncoding?: string) {
  let kept: CachedResponse | undefined;
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (acceptsGzip(req)) gzipUncompressedBodies(res);
    captureResponse(res, (page) => (kept = page));
    handler(res);
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const got = await new Promise<{ headers: IncomingMessage["headers"]; body: Buffer }>((resolve, reject) => {
    const req = request({ port, host: "127.0.0.1", path: "/", headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
  await new Promise((r) => setTimeout(r, 20)); // the cache keeps a response after it has gone out
  return { ...got, kept };
}

const json = JSON.stringify({ rows: Array.from({ length: 300 }, (_, i) => ({ ticker: `T${i}`, why: "Tier 3: no contract" })) });
// as Next sends a route handler's Response: headers set, flushed before the first chunk, then the chunks
const asRouteHandler = (res: ServerResponse) => {
  res.setHeader("content-type", "application/json");
  res.flushHeaders();
  res.write(json.slice(0, 1000));
  res.end(json.slice(1000));
};

/** As Next's own compression middleware, wrapped outside: the first write sends the headers implicitly. */
const implicitHeaders = (res: ServerResponse) => {
  const inner = res.write.bind(res) as (...a: unknown[]) => boolean;
  res.write = ((...a: unknown[]) => {
    if (!res.headersSent) res.writeHead(res.statusCode);
    return inner(...a);
  }) as ServerResponse["write"];
};

describe("gzip for route handlers' bodies", () => {
  it("holds the headers that a wrapper outside writes early, and sends them with the compressed body", async () => {
    const r = await serve((res) => {
      implicitHeaders(res);
      asRouteHandler(res);
    }, "gzip");
    expect(r.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(r.body).toString()).toBe(json);
  });

  it("compresses JSON for a client that takes gzip, and the cache keeps the plain body", async () => {
    const r = await serve(asRouteHandler, "gzip, deflate, br");
    expect(r.headers["content-encoding"]).toBe("gzip");
    expect(r.headers.vary).toMatch(/Accept-Encoding/);
    expect(Number(r.headers["content-length"])).toBe(r.body.length);
    expect(r.body.length).toBeLessThan(json.length / 5);
    expect(gunzipSync(r.body).toString()).toBe(json);
    expect(plainWith(r.kept!.body, "").toString()).toBe(json);
  });

  it("sends it plain to a client that does not, and a small body plain to anyone", async () => {
    for (const enc of [undefined, "br", "identity"]) {
      const r = await serve(asRouteHandler, enc);
      expect(r.headers["content-encoding"]).toBeUndefined();
      expect(r.body.toString()).toBe(json);
    }
    const small = await serve((res) => {
      res.setHeader("content-type", "application/json");
      res.end('{"ok":true}');
    }, "gzip");
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.body.toString()).toBe('{"ok":true}');
  });

  it("leaves a body compressed upstream (Next's pages) alone, and the cache decodes it to keep it", async () => {
    const html = `<html>${"<p>row</p>".repeat(500)}</html>`;
    const r = await serve((res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("content-encoding", "gzip");
      res.end(gzipSync(html));
    }, "gzip");
    expect(gunzipSync(r.body).toString()).toBe(html); // compressed once, not twice
    expect(plainWith(r.kept!.body, "").toString()).toBe(html);
  });
});

describe("what the page cache keeps", () => {
  it("nothing past its bound, plain or gzipped, and the client still gets the whole body", async () => {
    let kept: CachedResponse | undefined;
    const big = "x".repeat(5000);
    for (const gz of [false, true]) {
      kept = undefined;
      server = createServer((_req, res) => {
        captureResponse(res, (page) => (kept = page), 4000);
        res.setHeader("content-type", "text/html");
        if (gz) res.setHeader("content-encoding", "gzip");
        res.end(gz ? gzipSync(big) : big);
      });
      await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
      const { port } = server.address() as AddressInfo;
      const body = await new Promise<Buffer>((resolve) =>
        request({ port, host: "127.0.0.1", path: "/" }, (res) => {
          const c: Buffer[] = [];
          res.on("data", (x: Buffer) => c.push(x));
          res.on("end", () => resolve(Buffer.concat(c)));
        }).end(),
      );
      await new Promise((r) => setTimeout(r, 20));
      expect((gz ? gunzipSync(body) : body).toString()).toBe(big);
      expect(kept).toBeUndefined();
      await new Promise<void>((done) => server!.close(() => done()));
      server = undefined;
    }
  });
});
