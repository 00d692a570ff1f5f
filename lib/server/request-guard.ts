// The rules every request meets before the app sees it, as pure functions (unit-tested directly). The
// front door (lib/server/front-door.ts) applies the ones that need the TCP socket — who the client is,
// which interface and port it came in on — and proxy.ts the ones that need the request body or cookies.
//
// Why a Host check: without a password the app trusts whoever can reach it, i.e. this machine. DNS
// rebinding lets any web page reach 127.0.0.1 under its own host name (evil.example → 127.0.0.1), and
// Next's server-action origin check compares Origin with that same Host, so it passes. Answering only to
// loopback names closes it. With a password, sessions protect writes and WATT_ALLOWED_HOSTS can narrow
// the names further.

/**
 * Request header the front door sets (and strips from what clients send):
 * `client=<addr>;local=loopback|other;key=<this process's key>`. The key tells a stamp from a forgery
 * on a request the front door never saw (the first one after start, before instrumentation ran).
 */
export const PEER_HEADER = "x-watt-peer";
/** Server-action bodies (next.config.js serverActions.bodySizeLimit says the same). */
export const ACTION_BODY_LIMIT = 256 * 1024;
/** Methods the app answers; TRACE/TRACK/CONNECT and anything else get 405 (Next threw a 500 on TRACE). */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface Refusal {
  status: 400 | 403 | 405 | 413 | 421 | 503;
  message: string;
}

export interface GuardContext {
  passwordSet: boolean;
  allowedHosts: string[];
  trustedProxies: number;
}

export function isLoopbackAddress(addr: string | undefined | null): boolean {
  if (!addr) return false;
  const a = addr.replace(/^::ffff:/i, "");
  return a === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

/**
 * The client's address: the TCP peer, unless `trustedProxies` reverse proxies are configured — then the
 * address the outermost of them saw, i.e. the entry that many places from the right of X-Forwarded-For
 * (each proxy appends the peer it saw; entries further left are whatever the client claimed).
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trustedProxies: number): string {
  const peer = socketAddress?.replace(/^::ffff:/i, "") || "unknown";
  if (trustedProxies <= 0 || !forwardedFor) return peer;
  const hops = forwardedFor
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return hops.length >= trustedProxies ? hops[hops.length - trustedProxies] : peer;
}

export const LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]"];

/** Host names (with port) the server answers to; `null` = any (password set, no WATT_ALLOWED_HOSTS). */
export function answeredHosts(port: number, ctx: Pick<GuardContext, "passwordSet" | "allowedHosts">): string[] | null {
  if (ctx.passwordSet && ctx.allowedHosts.length === 0) return null;
  const loopback = LOOPBACK_NAMES.flatMap((n) => (port === 80 ? [n, `${n}:80`] : [`${n}:${port}`]));
  return ctx.passwordSet ? [...loopback, ...ctx.allowedHosts] : loopback;
}

export function hostAllowed(host: string | undefined, port: number, ctx: Pick<GuardContext, "passwordSet" | "allowedHosts">): boolean {
  const names = answeredHosts(port, ctx);
  if (names === null) return true;
  return !!host && names.includes(host.trim().toLowerCase());
}

/** decodeURIComponent of the path part must not throw (a malformed %-sequence gave a 500). */
function pathDecodes(url: string): boolean {
  const path = url.split("?")[0];
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

export interface FrontDoorRequest {
  method: string;
  url: string;
  host: string | undefined;
  localPort: number;
  localAddress: string | undefined;
  contentLength: string | undefined;
  isServerAction: boolean;
}

/** The socket-level checks, in order; null when the request may go on to the app. */
export function frontDoorRefusal(r: FrontDoorRequest, ctx: GuardContext): Refusal | null {
  if (!(ALLOWED_METHODS as readonly string[]).includes(r.method)) return { status: 405, message: `Method ${r.method.slice(0, 20)} is not allowed.` };
  if (!r.url.startsWith("/") || !pathDecodes(r.url)) return { status: 400, message: "Malformed address (bad percent-encoding)." };
  if (!hostAllowed(r.host, r.localPort, ctx)) {
    const names = answeredHosts(r.localPort, ctx)!;
    return {
      status: 421,
      message: `This server does not answer to that host name. Use ${names.slice(0, 3).join(", ")}${names.length > 3 ? ", …" : ""}.`,
    };
  }
  if (!ctx.passwordSet && !SAFE_METHODS.has(r.method) && !isLoopbackAddress(r.localAddress))
    return {
      status: 403,
      message: "No password is configured (WATT_PASSWORD_HASH), so this server accepts changes only from this machine (127.0.0.1).",
    };
  if (r.isServerAction && Number(r.contentLength ?? 0) > ACTION_BODY_LIMIT)
    return { status: 413, message: `Request body over ${ACTION_BODY_LIMIT} bytes.` };
  return null;
}

/** The host part of an Origin header ("https://watt.example.com:8443" → "watt.example.com:8443"), or null. */
function originHost(origin: string): string | null {
  try {
    const u = new URL(origin);
    return u.protocol === "http:" || u.protocol === "https:" ? u.host.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * A write's Origin must be this server (its Host) or an allowed host. Server actions must send one —
 * Next lets an action without Origin through with a warning; browsers always send it on POST.
 */
export function originRefusal(origin: string | null, host: string | null, opts: { required: boolean; allowedHosts: string[] }): Refusal | null {
  if (origin === null) return opts.required ? { status: 403, message: "Missing Origin header." } : null;
  const from = originHost(origin);
  const self = host?.trim().toLowerCase();
  if (from && (from === self || opts.allowedHosts.includes(from))) return null;
  return { status: 403, message: "Cross-origin write refused." };
}

/** Strings React's reply encoding produces for plain JSON arguments (everything else names another part). */
const SIMPLE_TOKENS = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D.|n-?\d{1,400}$)/;
const MAX_DEPTH = 64;

/**
 * A server-action body must be what this app's client sends: text/plain JSON of the argument list, with
 * only self-contained "$" tokens. Bodies Next's decoder cannot read (a bare "$", a reference to a part
 * that was never sent, form data, invalid JSON) made it throw a 500 with a stack trace in the log.
 */
export function actionBodyRefusal(contentType: string | null, body: string): Refusal | null {
  if (Buffer.byteLength(body) > ACTION_BODY_LIMIT) return { status: 413, message: `Request body over ${ACTION_BODY_LIMIT} bytes.` };
  if (!contentType || !/^text\/plain\b/i.test(contentType)) return { status: 400, message: "Server actions take a text/plain JSON body." };
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch {
    return { status: 400, message: "Server-action body is not JSON." };
  }
  if (!Array.isArray(root)) return { status: 400, message: "Server-action body must be the list of arguments." };
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) return { status: 400, message: `Server-action body nested deeper than ${MAX_DEPTH} levels.` };
    if (typeof v === "string") {
      if (v.startsWith("$") && !SIMPLE_TOKENS.test(v) && !resolvesInRoot(root, v))
        return { status: 400, message: "Server-action body holds a value this app never sends." };
    } else if (v && typeof v === "object") {
      for (const x of Object.values(v)) stack.push([x, depth + 1]);
    }
  }
  return null;
}

/** "$0:0:values" — React's reference to an object sent earlier in the same body; it must exist. */
function resolvesInRoot(root: unknown, token: string): boolean {
  const m = /^\$0((?::[^:]+)*)$/.exec(token);
  if (!m) return false;
  let at: unknown = root;
  for (const key of m[1].split(":").slice(1)) {
    if (!at || typeof at !== "object" || !Object.prototype.hasOwnProperty.call(at, key)) return false;
    at = (at as Record<string, unknown>)[key];
  }
  return !!at && typeof at === "object";
}

const frontDoorState = globalThis as unknown as { __wattFrontDoor?: { since: number; key: string } };
/** Set by installFrontDoor(); without it PEER_HEADER could come from the client, so proxy.ts refuses to serve. */
export const frontDoorInstalled = () => !!frontDoorState.__wattFrontDoor;
export const markFrontDoorInstalled = () => {
  frontDoorState.__wattFrontDoor ??= { since: Date.now(), key: crypto.randomUUID() };
};

/** The PEER_HEADER value for a connection (only the front door calls this, and tests). */
export function stampPeer(client: string, loopback: boolean): string {
  return `client=${client};local=${loopback ? "loopback" : "other"};key=${frontDoorState.__wattFrontDoor?.key ?? ""}`;
}

/** What the front door recorded about the connection; null when missing, malformed or not its stamp. */
export function readPeer(header: string | null | undefined): { client: string; loopback: boolean } | null {
  const key = frontDoorState.__wattFrontDoor?.key;
  const m = /^client=([^;]{1,100});local=(loopback|other);key=([\w-]{1,64})$/.exec(header ?? "");
  return m && key && m[3] === key ? { client: m[1], loopback: m[2] === "loopback" } : null;
}
