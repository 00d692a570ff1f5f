// HTTP side of the benchmark: start a production server on a bench database (a child process whose PID
// is next-server itself), and a small bounded load generator — N keep-alive connections to 127.0.0.1,
// each sending its next request when the last response has been read, for a fixed time or count.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { percentile, round, sleep } from "./stats";

export const DIST_DIR = ".next-bench";

export interface Server { port: number; pid: number; child: ChildProcess; log: string[]; stop(): Promise<void> }

/** `next start` on 127.0.0.1:port with its own database, no password; resolves once /api/health answers. */
export async function startServer(port: number, databaseUrl: string): Promise<Server> {
  if (await listening(port)) throw new Error(`port ${port} is already in use on 127.0.0.1 (a server left from an earlier run?)`);
  const log: string[] = [];
  // node runs next's bin directly (no shell, no npx), so the child's PID is the server's own.
  const child = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: DIST_DIR, DATABASE_URL: databaseUrl, WATT_PASSWORD_HASH: "", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (b: Buffer) => { log.push(b.toString()); if (log.length > 200) log.shift(); };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exited = false;
  child.on("exit", () => { exited = true; });
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    child.kill("SIGTERM");
    for (let i = 0; i < 50 && !exited; i++) await sleep(100);
    if (!exited) child.kill("SIGKILL");
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`server on port ${port} exited:\n${log.join("")}`);
    try {
      const r = await request(`http://127.0.0.1:${port}/api/health`, { timeoutMs: 2000 });
      if (r.status === 200) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error(`server on port ${port} did not answer within 60 s:\n${log.join("")}`); }
    await sleep(250);
  }
  if (exited) throw new Error(`server on port ${port} exited:\n${log.join("")}`);
  return { port, pid: child.pid!, child, log, stop };
}

/** Whether something accepts connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => { socket.destroy(); resolve(true); });
    socket.once("error", () => resolve(false));
  });
}

export interface Response { status: number; ms: number; ttfbMs: number; bytes: number; decodedBytes: number; body?: Buffer; headers: http.IncomingHttpHeaders }

/**
 * One GET. `gzip` asks for compression as a browser would; `decode` also unzips the body to count its
 * decoded size (left off under load, where it would take CPU from the server).
 */
export function request(url: string, opts: { agent?: http.Agent; gzip?: boolean; decode?: boolean; keepBody?: boolean; timeoutMs?: number } = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(url, { agent: opts.agent ?? false, headers: opts.gzip ? { "accept-encoding": "gzip" } : {} }, (res) => {
      const ttfbMs = performance.now() - t0;
      const chunks: Buffer[] = [];
      let bytes = 0;
      res.on("data", (c: Buffer) => { bytes += c.length; if (opts.keepBody || opts.decode) chunks.push(c); });
      res.on("end", () => {
        const ms = performance.now() - t0;
        let body = chunks.length ? Buffer.concat(chunks) : undefined;
        if (body && res.headers["content-encoding"] === "gzip") body = gunzipSync(body);
        else if (!body && res.headers["content-encoding"] === "gzip") return resolve({ status: res.statusCode ?? 0, ms, ttfbMs, bytes, decodedBytes: NaN, headers: res.headers });
        resolve({ status: res.statusCode ?? 0, ms, ttfbMs, bytes, decodedBytes: body?.length ?? bytes, body: opts.keepBody ? body : undefined, headers: res.headers });
      });
      res.on("error", reject);
    });
    req.setTimeout(opts.timeoutMs ?? 60_000, () => req.destroy(new Error(`timeout: ${url}`)));
    req.on("error", reject);
  });
}

export interface LoadResult {
  url: string;
  connections: number;
  requests: number;
  errors: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  meanBytes: number;
}

/**
 * `connections` keep-alive connections send GETs back to back for `seconds` (after `warmupSeconds`), never
 * more than `maxRequests` in all. Latency is request start to the last byte of the response.
 */
export async function load(url: string, connections: number, opts: { seconds: number; warmupSeconds?: number; maxRequests?: number; gzip?: boolean }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const maxRequests = opts.maxRequests ?? 50_000;
  const run = async (seconds: number, record: boolean) => {
    const latencies: number[] = [];
    let errors = 0, bytes = 0, sent = 0;
    const t0 = performance.now();
    const end = t0 + seconds * 1000;
    const worker = async () => {
      while (performance.now() < end && sent < maxRequests) {
        sent++;
        try {
          const r = await request(url, { agent, gzip: opts.gzip ?? true, timeoutMs: 30_000 });
          if (r.status !== 200) errors++;
          if (record) { latencies.push(r.ms); bytes += r.bytes; }
        } catch {
          errors++;
        }
      }
    };
    await Promise.all(Array.from({ length: connections }, worker));
    return { latencies, errors, bytes, elapsed: (performance.now() - t0) / 1000 };
  };
  try {
    if (opts.warmupSeconds) await run(opts.warmupSeconds, false);
    const { latencies, errors, bytes, elapsed } = await run(opts.seconds, true);
    return {
      url,
      connections,
      requests: latencies.length,
      errors,
      seconds: round(elapsed, 2),
      requestsPerSecond: round(latencies.length / elapsed, 1),
      p50Ms: round(percentile(latencies, 50), 2),
      p99Ms: round(percentile(latencies, 99), 2),
      meanBytes: Math.round(bytes / Math.max(1, latencies.length)),
    };
  } finally {
    agent.destroy();
  }
}
