// Shared pieces of the load and crash checks: a seeded database copy, a production server started as a
// child process (its PID is next-server's own, so kill -9 hits the server), and the writers that record
// every acknowledged write. The database is a SQLite file, or with WATT_TEST_ENGINE=postgres (and
// WATT_TEST_POSTGRES_URL naming a server) a fresh PostgreSQL database on that server: every function takes
// the DATABASE_URL.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { Client } from "pg";

export const distDir = process.env.NEXT_DIST_DIR || ".next";

export function ensureBuild() {
  if (existsSync(path.join(distDir, "BUILD_ID"))) return;
  console.log(`no production build in ${distDir}: building…`);
  const r = spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit" });
  if (r.status !== 0) throw new Error("next build failed");
}

export const onPostgres = process.env.WATT_TEST_ENGINE === "postgres";

/** A fresh, migrated and seeded database: a SQLite file in a temporary folder, or a PostgreSQL database. */
export function freshDatabase(name = "watt_reliability"): string {
  let url: string;
  if (onPostgres) {
    const u = new URL(process.env.WATT_TEST_POSTGRES_URL ?? "postgresql://watt@127.0.0.1:55432/postgres");
    u.pathname = `/${name}`;
    url = u.toString();
  } else url = `file:${path.join(mkdtempSync(path.join(tmpdir(), "watt-rel-")), "app.db")}`;
  const r = spawnSync("node_modules/.bin/tsx", ["scripts/db-prepare.ts", "--reset"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`db-prepare failed: ${r.stderr}`);
  return url;
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  if (!onPostgres) {
    const db = new Database(url.replace(/^file:/, ""), { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  }
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}

/**
 * SQLite: PRAGMA integrity_check. PostgreSQL: amcheck's bt_index_check with heapallindexed on every
 * index of the app's tables (each index agrees with its table, every row is in each index).
 */
async function integrityCheck(url: string): Promise<string> {
  if (!onPostgres) return (await query<{ integrity_check: string }>(url, "PRAGMA integrity_check"))[0].integrity_check;
  await query(url, "CREATE EXTENSION IF NOT EXISTS amcheck");
  const rows = await query<{ index: string }>(
    url,
    `SELECT c.relname AS index FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_am am ON am.oid = c.relam WHERE n.nspname = 'public' AND am.amname = 'btree'`,
  );
  for (const r of rows) await query(url, `SELECT bt_index_check('public."${r.index}"'::regclass, true)`);
  return rows.length ? "ok" : "no indexes";
}

export interface Server {
  child: ChildProcess;
  port: number;
  log: string[];
  base: string;
}

export async function startServer(dbUrl: string, port: number): Promise<Server> {
  const log: string[] = [];
  const env = { ...process.env, DATABASE_URL: dbUrl, NEXT_TELEMETRY_DISABLED: "1", WATT_PASSWORD_HASH: "" };
  const child = spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(port)], { env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => log.push(String(d)));
  child.stderr!.on("data", (d) => log.push(String(d)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { child, port, log, base };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`server did not start:\n${log.join("")}`);
}

export function stopServer(s: Server, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  return new Promise((resolve) => {
    if (s.child.exitCode !== null || s.child.signalCode !== null) return resolve();
    s.child.once("exit", () => resolve());
    s.child.kill(signal);
  });
}

export interface Ack {
  ticker: string;
  marker: string;
  value: number;
}
export interface WriterStats {
  acked: Ack[];
  conflicts: number;
  failures: string[];
  attempts: number;
}

/**
 * One writer: read a company's figures (with version), change the price slightly, PUT it back with a
 * unique marker in the note. 200 = acknowledged; 409 = a version conflict (counted, expected).
 */
export async function writerLoop(base: string, id: number, tickers: string[], until: () => boolean, stats: WriterStats) {
  let n = 0;
  while (!until()) {
    // a few hot companies, so concurrent writers really contend for the same versions
    const ticker = tickers[Math.floor(Math.random() * Math.min(4, tickers.length))];
    const marker = `rel-${id}-${n++}-${Date.now()}`;
    stats.attempts++;
    try {
      const cur = await fetch(`${base}/api/companies/${ticker}/figures`);
      if (!cur.ok) {
        stats.failures.push(`GET figures ${ticker}: ${cur.status}`);
        continue;
      }
      const form = (await cur.json()) as { version: number; facts: Record<string, { value: number; note?: string | null } | null> };
      const price = form.facts.sharePriceUsd!;
      const value = Math.round(price.value * (0.9 + Math.random() * 0.2) * 100) / 100 || 0.01;
      const body = { version: form.version, facts: { ...form.facts, sharePriceUsd: { ...price, value, note: marker } } };
      const res = await fetch(`${base}/api/companies/${ticker}/figures`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (res.status === 200) stats.acked.push({ ticker, marker, value });
      else if (res.status === 409) stats.conflicts++;
      else stats.failures.push(`PUT ${ticker}: ${res.status} ${(await res.text()).slice(0, 120)}`);
    } catch (e) {
      if (!until()) stats.failures.push(`writer ${id}: ${(e as Error).message}`);
    }
  }
}

export async function tickersWithPrice(dbUrl: string): Promise<string[]> {
  const rows = await query<{ ticker: string }>(
    dbUrl,
    `SELECT DISTINCT c.ticker FROM "Company" c JOIN "Fact" f ON f."companyId" = c.id AND f.key = 'sharePriceUsd' ORDER BY c.ticker`,
  );
  return rows.map((r) => r.ticker);
}

/** The integrity check's result and which acknowledged writes are missing from the audit log. */
export async function verify(dbUrl: string, acked: Ack[]) {
  const integrity = await integrityCheck(dbUrl);
  const rows = await query<{ after: string | { note?: string } }>(dbUrl, `SELECT "after" FROM "AuditEntry" WHERE field = 'sharePriceUsd'`);
  const markers = new Set(rows.map((r) => (typeof r.after === "string" ? (JSON.parse(r.after) as { note?: string }) : r.after).note));
  return { integrity, missing: acked.filter((a) => !markers.has(a.marker)) };
}

export const percentile = (xs: number[], p: number) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
