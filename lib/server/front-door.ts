// The front door: runs on every HTTP request before Next.js, with the TCP socket in hand, for what only
// the socket can tell — the client's real address (for the sign-in throttle), the interface and port the
// request came in on (Host check, loopback-only writes without a password) — and for requests Next
// itself answers with a 500 and a stack trace (TRACE, a malformed %-sequence, an oversized action body).
//
// Installed from instrumentation.ts, so it also guards a plain `next start` or `next dev`, not only
// `npm start`. Node publishes every incoming request on the "http.server.request.start" diagnostics
// channel just before the server's "request" event; on the first one from a server we wrap that server's
// request listeners, so this and every later request passes through `guard` first. Next runs
// instrumentation lazily, while handling the very first request — that one the front door never sees,
// so it carries no stamp and proxy.ts answers it 503 (a client retries; health checks do).
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { readEnv } from "../env";
import { readsArePrivate } from "./auth-core";
import { acceptsGzip, gzipUncompressedBodies } from "./compress";
import { captureResponse, PageCache, pageCacheKey, sendCached } from "./page-cache";
import {
  clientAddress,
  frontDoorInstalled,
  frontDoorRefusal,
  isLoopbackAddress,
  markFrontDoorInstalled,
  PEER_HEADER,
  stampPeer,
  type GuardContext,
} from "./request-guard";

/** Headers only a configured reverse proxy may set; from anyone else they are dropped. */
const FORWARDED = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

function context(): GuardContext {
  const env = readEnv();
  return { passwordSet: !!env.WATT_PASSWORD_HASH, allowedHosts: env.WATT_ALLOWED_HOSTS, trustedProxies: env.WATT_TRUSTED_PROXIES };
}

function first(h: string | string[] | undefined): string | undefined {
  return Array.isArray(h) ? h[0] : h;
}

/** true: hand the request to Next. false: it was answered here. */
export function guard(req: IncomingMessage, res: ServerResponse, ctx: GuardContext = context()): boolean {
  const socket = req.socket;
  const client = clientAddress(socket.remoteAddress, first(req.headers["x-forwarded-for"]), ctx.trustedProxies);
  if (ctx.trustedProxies === 0) for (const h of FORWARDED) delete req.headers[h];
  req.headers[PEER_HEADER] = stampPeer(client, isLoopbackAddress(socket.localAddress));

  const host = (ctx.trustedProxies > 0 && first(req.headers["x-forwarded-host"])?.split(",")[0].trim()) || req.headers.host;
  const refusal = frontDoorRefusal(
    {
      method: req.method ?? "",
      url: req.url ?? "",
      host,
      localPort: socket.localPort ?? 0,
      localAddress: socket.localAddress,
      contentLength: first(req.headers["content-length"]),
      isServerAction: req.method === "POST" && req.headers["next-action"] !== undefined,
    },
    ctx,
  );
  if (!refusal) return true;
  // One line, no stack: these are hostile or broken requests, not faults of the app.
  console.warn(
    `[front-door] ${refusal.status} ${String(req.method).slice(0, 10)} ${String(req.url).slice(0, 200)} from ${client}: ${refusal.message}`,
  );
  res.writeHead(refusal.status, {
    "content-type": "text/plain; charset=utf-8",
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
    ...(refusal.status === 405 ? { allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" } : {}),
    // An unread body (413, or any refused upload) must not be parsed as the next request on this socket.
    connection: "close",
  });
  res.end(`${refusal.message}\n`);
  return false;
}

function wrap(server: Server) {
  const listeners = server.listeners("request") as Listener[];
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    let pass: boolean;
    try {
      pass = guard(req, res);
    } catch (e) {
      // e.g. an invalid environment: fail closed with the reason in the log, nothing to the client.
      console.error(`[front-door] request refused: ${e instanceof Error ? e.message : e}`);
      res.writeHead(503, { "content-type": "text/plain; charset=utf-8", connection: "close" }).end("Server misconfigured; see its log.\n");
      return;
    }
    if (!pass) return;
    if (acceptsGzip(req)) gzipUncompressedBodies(res);
    const next = () => {
      for (const l of listeners) l.call(server, req, res);
    };
    const key = pageCacheOn() ? pageCacheKey(req, new Date().toISOString().slice(0, 10)) : null;
    if (!key) return next();
    void answerFromCache(req, res, key, next);
  });
  warnAboutBind(server);
}

const pageCache = new PageCache();
let cacheOn: boolean | undefined;
/** Off with private reads (the cache would skip proxy.ts's sign-in check), in `next dev`, and with WATT_PAGE_CACHE=0. */
function pageCacheOn(): boolean {
  if (cacheOn === undefined) {
    const env = readEnv();
    cacheOn = env.WATT_PAGE_CACHE && !readsArePrivate(env) && process.env.NODE_ENV === "production";
  }
  return cacheOn;
}

/** A cached response for this revision, or Next renders it and the response is kept (page-cache.ts). */
async function answerFromCache(req: IncomingMessage, res: ServerResponse, key: string, next: () => void) {
  let revision: number;
  try {
    const [{ db }, { readRevision }] = await Promise.all([import("./db"), import("./revision")]);
    revision = await readRevision(db);
  } catch (e) {
    console.error(`[page-cache] revision unreadable, serving uncached: ${e instanceof Error ? e.message.split("\n")[0] : e}`);
    return next();
  }
  const hit = pageCache.get(revision, key);
  if (hit) return sendCached(req, res, hit);
  captureResponse(res, (page) => pageCache.set(revision, key, page), pageCache.maxEntryBytes);
  next();
}

function warnAboutBind(server: Server) {
  const addr = server.address();
  if (!addr || typeof addr === "string" || isLoopbackAddress(addr.address)) return;
  let passwordSet = false;
  try {
    passwordSet = !!readEnv().WATT_PASSWORD_HASH;
  } catch {
    /* reported per request */
  }
  if (!passwordSet)
    console.warn(
      `[front-door] listening on ${addr.address}:${addr.port} without WATT_PASSWORD_HASH: only requests over loopback may change data, and only for the host names 127.0.0.1, localhost, [::1]. Use \`npm start\` (binds 127.0.0.1) or set a password.`,
    );
}

export function installFrontDoor() {
  if (frontDoorInstalled()) return;
  const wrapped = new WeakSet<Server>();
  subscribe("http.server.request.start", (message) => {
    const { server } = message as { server: Server };
    if (!server || wrapped.has(server)) return;
    wrapped.add(server);
    wrap(server);
  });
  markFrontDoorInstalled();
}
