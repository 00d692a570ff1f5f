// `npm run bench`: scoring throughput, HTTP load, 10,000-company scale, browser interaction times and
// JavaScript size, each against a baseline measured in the same run. Writes bench/results/latest.json
// (and a dated copy) and prints a table. See docs/performance.md.
//
//   npm run bench                      # everything (~6 min on 2 cores); builds .next-bench if missing
//   npm run bench -- --build           # rebuild .next-bench first
//   npm run bench -- --quick           # fewer rounds and shorter runs (a smoke test, ~3 min)
//   npm run bench -- --only=scoring,http,scale,size,browser,sensitivity,updates
//
// Everything runs on 127.0.0.1: two `next start` servers (ports 3400 and 3401, or BENCH_PORT and +1) on
// temporary SQLite files under /tmp/watt-bench (BENCH_DB_DIR), stopped by PID at the end.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { companyRecord } from "../../lib/domain/dataset";
import { toScoringCompany } from "../../lib/domain/to-scoring";
import type { CompanyInput } from "../../lib/domain/schemas";

const companyToScoring = (c: CompanyInput) => toScoringCompany(companyRecord(c));
import { browserBench, clientScoringBench, launch, sensitivityBench, type BrowserResult } from "./browser";
import { DIST_DIR, load, request, startServer, type LoadResult, type Server } from "./http";
import { ALT_SET_NAME, ALT_SET_VALUES, makeDb } from "./make-db";
import { pageSize } from "./size";
import { median, round } from "./stats";
import { syntheticCompanies } from "./synthetic";
import { updatesBench } from "./updates";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const QUICK = flag("quick");
const ONLY = new Set((option("only") ?? "scoring,http,scale,size,browser,sensitivity,updates").split(","));
const UPDATE_ROWS = Number(option("update-rows") ?? (QUICK ? 20_000 : 100_000));
const PORT = Number(process.env.BENCH_PORT ?? 3400);
const DB_DIR = process.env.BENCH_DB_DIR ?? "/tmp/watt-bench";
const SYNTHETIC = Number(option("companies") ?? 10_000);
const OUT_DIR = path.resolve("bench/results");
const HTTP_SECONDS = Number(option("seconds") ?? (QUICK ? 3 : 5));
const HTTP_ROUNDS = Number(option("rounds") ?? (QUICK ? 1 : 3));
const CONNECTIONS = [10, 50];

const log = (...m: unknown[]) => console.error("bench:", ...m);

// ---------------------------------------------------------------------------------------------- build

/** `next build` into .next-bench. The build rewrites tsconfig.json and next-env.d.ts for its dist dir; both are put back. */
function build() {
  const saved = ["tsconfig.json", "next-env.d.ts"].filter(existsSync).map((f) => [f, readFileSync(f)] as const);
  log(`building into ${DIST_DIR} …`);
  try {
    const r = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
      env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    if (r.status !== 0) throw new Error(`next build failed (exit ${r.status})`);
  } finally {
    for (const [f, content] of saved) if (!readFileSync(f).equals(content)) writeFileSync(f, content);
  }
}

// -------------------------------------------------------------------------------------------- scoring

/**
 * Bundles `entry` with esbuild (installed with tsx and vite) into bench/results/.build, minified as the
 * app's own build would be. Returns the file, or null when esbuild cannot be loaded.
 */
function bundleFor(entry: string, format: "cjs" | "iife", platform: "node" | "browser"): string | null {
  const outfile = path.join(OUT_DIR, ".build", `${path.basename(entry, ".ts")}.${format === "cjs" ? "cjs" : "js"}`);
  mkdirSync(path.dirname(outfile), { recursive: true });
  try {
    // loaded only when a bundle is built (esbuild comes with tsx; the other parts never need it)
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require("esbuild") as typeof import("esbuild");
    esbuild.buildSync({ entryPoints: [entry], bundle: true, platform, format, outfile, logLevel: "warning", minify: true });
    return outfile;
  } catch (e) {
    log(`esbuild unavailable (${(e as Error).message})`);
    return null;
  }
}

/** Runs scripts/bench/scoring.ts as an esbuild bundle in a fresh node process (what production runs: no tsx wrappers). */
async function scoringBench() {
  const bundle = bundleFor("scripts/bench/scoring.ts", "cjs", "node");
  const entry = bundle ? [bundle] : [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/bench/scoring.ts"];
  if (!bundle) log("running the scoring bench under tsx instead");
  const child = spawn(process.execPath, [...entry, ...(QUICK ? ["--quick"] : []), `--synthetic=${SYNTHETIC}`], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (b) => (out += b));
  const code = await new Promise<number | null>((r) => child.on("exit", r));
  if (code !== 0) throw new Error(`scoring bench exited ${code}`);
  return JSON.parse(out);
}

// ----------------------------------------------------------------------------------------------- http

const ROUTES = (ticker: string) => ({
  static: "/icon.svg",
  screener: "/",
  company: `/companies/${ticker}`,
  api: "/api/screen",
});
type RouteName = keyof ReturnType<typeof ROUTES>;

async function httpBench(server: Server, ticker: string) {
  const routes = ROUTES(ticker);
  const base = `http://127.0.0.1:${server.port}`;
  for (const [name, p] of Object.entries(routes)) {
    const r = await request(base + p, { gzip: true, decode: true });
    if (r.status !== 200) throw new Error(`${name} ${p} answered ${r.status}`);
  }
  const out: Record<string, Record<RouteName, { requestsPerSecond: number; p50Ms: number; p99Ms: number; errors: number; meanBytes: number; ratio: { throughput: number; p50: number; p99: number }; runs: LoadResult[] }>> = {};
  for (const c of CONNECTIONS) {
    const runs: Record<string, LoadResult[]> = {};
    for (let round_ = 0; round_ < HTTP_ROUNDS; round_++) {
      for (const [name, p] of Object.entries(routes)) {
        log(`http ${c} connections, round ${round_ + 1}/${HTTP_ROUNDS}: ${p}`);
        (runs[name] ??= []).push(await load(base + p, c, { seconds: HTTP_SECONDS, warmupSeconds: QUICK ? 0.5 : 1 }));
      }
    }
    const byRound = (name: string, k: "requestsPerSecond" | "p50Ms" | "p99Ms") => runs[name].map((r) => r[k]);
    const ratioMedian = (name: string, k: "requestsPerSecond" | "p50Ms" | "p99Ms") =>
      round(median(runs[name].map((r, i) => r[k] / runs.static[i][k])), 2);
    out[`c${c}`] = Object.fromEntries(Object.keys(routes).map((name) => [name, {
      requestsPerSecond: round(median(byRound(name, "requestsPerSecond")), 1),
      p50Ms: round(median(byRound(name, "p50Ms")), 2),
      p99Ms: round(median(byRound(name, "p99Ms")), 2),
      errors: runs[name].reduce((a, r) => a + r.errors, 0),
      meanBytes: runs[name][0].meanBytes,
      ratio: { throughput: ratioMedian(name, "requestsPerSecond"), p50: ratioMedian(name, "p50Ms"), p99: ratioMedian(name, "p99Ms") },
      runs: runs[name],
    }])) as (typeof out)[string];
  }
  return { routes, rounds: HTTP_ROUNDS, seconds: HTTP_SECONDS, connections: CONNECTIONS, results: out };
}

// ---------------------------------------------------------------------------------------------- scale

/** Server time (one request at a time, time to last byte) and response size of each route. */
async function serverTimes(server: Server, ticker: string, repeats: number) {
  const base = `http://127.0.0.1:${server.port}`;
  const out: Record<string, { ttfbMs: number; totalMs: number; gzipBytes: number; bytes: number; status: number }> = {};
  for (const [name, p] of Object.entries(ROUTES(ticker))) {
    await request(base + p, { gzip: true, timeoutMs: 300_000 }); // warm
    const rs = [];
    for (let i = 0; i < repeats; i++) rs.push(await request(base + p, { gzip: true, decode: true, timeoutMs: 300_000 }));
    out[name] = {
      ttfbMs: round(median(rs.map((r) => r.ttfbMs)), 1),
      totalMs: round(median(rs.map((r) => r.ms)), 1),
      gzipBytes: rs[0].bytes,
      bytes: rs[0].decodedBytes,
      status: rs[0].status,
    };
  }
  return out;
}

// ------------------------------------------------------------------------------------------- results

function machine() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model ?? "unknown",
    memoryGb: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    next: JSON.parse(readFileSync("node_modules/next/package.json", "utf8")).version,
    os: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg().map((x) => round(x, 2)),
  };
}

const kb = (b: number) => `${round(b / 1024, 1)} KB`;
const pad = (s: unknown, n: number) => String(s).padEnd(n);

function table(r: Record<string, any>) {
  const lines: string[] = [];
  const row = (...cells: unknown[]) => lines.push(cells.map((c, i) => pad(c, [46, 24, 25, 28][i] ?? 16)).join(""));
  lines.push(`Watt Screener benchmark — ${r.startedAt}, ${r.machine.cores} cores, Node ${r.machine.node}, load ${r.machine.loadAverage.join("/")}`);
  if (r.scoring) {
    row("scoring (company-scores/s)", "real", `synthetic ${r.scoring.synthetic.companies}`, "ratio to read loop (real/syn)");
    for (const k of ["screen", "sweep100"] as const)
      row(`  ${k === "screen" ? "screen()" : "sweep() 100 points"}`, r.scoring.real[k].perSecond.toLocaleString("en-US"), r.scoring.synthetic[k].perSecond.toLocaleString("en-US"),
        `${r.scoring.real[k].ratioToBaseline} / ${r.scoring.synthetic[k].ratioToBaseline}`);
    row("  baseline: inputs read/s", r.scoring.real.baselineReadsPerSecond.toLocaleString("en-US"), r.scoring.synthetic.baselineReadsPerSecond.toLocaleString("en-US"), "");
  }
  if (r.http) {
    for (const [c, routes] of Object.entries(r.http.results) as [string, Record<string, any>][]) {
      row(`http ${c.slice(1)} connections (real data)`, "req/s (× static)", "p50 ms (× static)", "p99 ms (× static)");
      for (const [name, x] of Object.entries(routes))
        row(`  ${name} ${r.http.routes[name]}`, `${x.requestsPerSecond} (${x.ratio.throughput})`, `${x.p50Ms} (${x.ratio.p50})`, `${x.p99Ms} (${x.ratio.p99})${x.errors ? ` ${x.errors} errors` : ""}`);
    }
  }
  if (r.scale) {
    row(`scale: one request at a time`, "real: ms, gzip", `${r.scale.companies}: ms, gzip`, "10k: decoded bytes");
    for (const name of Object.keys(r.scale.real))
      row(`  ${name}`, `${r.scale.real[name].totalMs} ms, ${kb(r.scale.real[name].gzipBytes)}`, `${r.scale.synthetic[name].totalMs} ms, ${kb(r.scale.synthetic[name].gzipBytes)}`, kb(r.scale.synthetic[name].bytes));
  }
  if (r.size) {
    row("JavaScript in the HTML", "files", "gzip", "without nomodule polyfills");
    for (const [name, s] of Object.entries(r.size) as [string, any][])
      row(`  ${name}`, s.scripts, `${kb(s.gzipBytes)} (raw ${kb(s.rawBytes)})`, `${s.modernScripts} files, ${kb(s.modernGzipBytes)} gzip`);
  }
  if (r.browser) {
    row("browser (chromium): updated table, median ms", "real", `synthetic`, "");
    const b = r.browser as Record<string, BrowserResult>;
    row("  page load to hydrated table", b.real.loadMs, b.synthetic.loadMs, `rows in DOM ${b.real.renderedRows} / ${b.synthetic.renderedRows}`);
    for (const k of ["sort", "search", "setChange"] as const) row(`  ${k}`, `${b.real[k].updatedMedianMs} (max ${b.real[k].updatedMaxMs})`, `${b.synthetic[k].updatedMedianMs} (max ${b.synthetic[k].updatedMaxMs})`, "");
    row("  JS fetched by the page (transfer)", kb(b.real.jsTransferBytes), kb(b.synthetic.jsTransferBytes), `${b.real.jsRequests} / ${b.synthetic.jsRequests} files`);
    const cs = r.browser.clientScoring;
    if (cs) row(`  re-scoring ${cs.companies} in the page (ms)`, "", `${cs.medianMs}`, `input JSON ${kb(cs.inputJsonBytes)}`);
  }
  if (r.sensitivity) {
    const x = r.sensitivity;
    row("sensitivity: range change → redrawn chart and tables, ms", `${x.companies} companies × ${x.points} points`, `${x.change.updatedMedianMs} (max ${x.change.updatedMaxMs})`, x.ratioToSort ? `${x.ratioToSort}× a screener sort (${x.baselineSortMs} ms)` : "");
  }
  if (r.updates) {
    const u = r.updates;
    row("bulk update: dry run / apply / re-apply, ms", `${u.baseline.rows} rows`, `${u.large.rows} rows`, "per-row ratio large ÷ baseline");
    row("  dry run (parse, check, classify, impact)", u.baseline.planMs, u.large.planMs, `${u.ratioPerRow.plan}×`);
    row("  apply (one transaction, audited)", u.baseline.applyMs, u.large.applyMs, `${u.ratioPerRow.apply}×`);
    row("  apply again (nothing changes)", u.baseline.reapplyMs, u.large.reapplyMs, "");
  }
  if (r.goals) {
    lines.push("goals:");
    for (const g of r.goals) lines.push(`  ${g.met ? "met   " : "MISSED"} ${g.goal}: ${g.actual}`);
  }
  return lines.join("\n");
}

function goals(r: Record<string, any>) {
  const out: { goal: string; met: boolean; actual: string }[] = [];
  if (r.http) {
    const x = r.http.results.c10.screener;
    out.push({ goal: "screener p99 within 2× the static route's at 10 connections", met: x.ratio.p99 <= 2, actual: `${x.p99Ms} ms = ${x.ratio.p99}× static` });
  }
  if (r.scoring) {
    for (const k of ["real", "synthetic"] as const) {
      const s = r.scoring[k].screen.perSecond;
      out.push({ goal: `screen() ≥ 1,000,000 company-scores/s (${k}, ${r.scoring[k].companies} companies)`, met: s >= 1e6, actual: `${s.toLocaleString("en-US")}/s` });
    }
  }
  if (r.browser) {
    for (const k of ["sort", "search", "setChange"] as const) {
      const ms = r.browser.synthetic[k].updatedMedianMs;
      out.push({ goal: `${k} at ${r.browser.synthetic.companies} companies updates the table within 100 ms`, met: ms <= 100, actual: `median ${ms} ms, max ${r.browser.synthetic[k].updatedMaxMs} ms` });
    }
  }
  if (r.sensitivity)
    out.push({ goal: "a 100-point sweep over today's companies redraws within 100 ms of the input", met: r.sensitivity.change.updatedMedianMs <= 100, actual: `median ${r.sensitivity.change.updatedMedianMs} ms, max ${r.sensitivity.change.updatedMaxMs} ms` });
  if (r.updates) {
    const u = r.updates.large;
    out.push({ goal: `a ${u.rows.toLocaleString("en-US")}-row update checks and applies within 60 s`, met: u.planMs + u.applyMs <= 60_000, actual: `${round((u.planMs + u.applyMs) / 1000, 1)} s` });
    out.push({ goal: "bulk update cost per row grows no more than 2× from 1,000 rows to the large file", met: r.updates.ratioPerRow.apply <= 2 && r.updates.ratioPerRow.plan <= 2, actual: `plan ${r.updates.ratioPerRow.plan}×, apply ${r.updates.ratioPerRow.apply}×` });
  }
  if (r.size) {
    const s = r.size.screener;
    out.push({ goal: "screener JavaScript ≤ 200 KB gzipped (every script tag)", met: s.gzipBytes <= 200 * 1024, actual: `${kb(s.gzipBytes)}; ${kb(s.modernGzipBytes)} without the nomodule polyfills` });
  }
  return out;
}

// ----------------------------------------------------------------------------------------------- main

async function main() {
  const startedAt = new Date().toISOString();
  const result: Record<string, any> = { startedAt, machine: machine(), options: { quick: QUICK, only: [...ONLY], httpSeconds: HTTP_SECONDS, httpRounds: HTTP_ROUNDS, synthetic: SYNTHETIC } };
  const servers: Server[] = [];
  let browser: Awaited<ReturnType<typeof launch>> | null = null;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    await Promise.all(servers.map((s) => s.stop()));
  };
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => void cleanup().then(() => process.exit(130)));
  // No server outlives the run, whatever fails.
  for (const ev of ["uncaughtException", "unhandledRejection"] as const)
    process.once(ev, (e) => { console.error(e); void cleanup().then(() => process.exit(1)); });
  try {
    if (ONLY.has("scoring")) {
      log("scoring …");
      result.scoring = await scoringBench();
    }
    if (ONLY.has("updates")) {
      log(`updates (${UPDATE_ROWS.toLocaleString("en-US")} rows vs 1,000) …`);
      result.updates = await updatesBench(UPDATE_ROWS);
    }
    const needServers = ["http", "scale", "size", "browser", "sensitivity"].some((k) => ONLY.has(k));
    if (needServers) {
      if (flag("build") || !existsSync(path.join(DIST_DIR, "BUILD_ID"))) build();
      const realDb = path.join(DB_DIR, "real.db");
      const bigDb = path.join(DB_DIR, `synthetic-${SYNTHETIC}.db`);
      log(`databases in ${DB_DIR} …`);
      makeDb(realDb, "real");
      makeDb(bigDb, SYNTHETIC);
      const realTicker = "IREN";
      const bigTicker = syntheticCompanies(1)[0].ticker; // the generator is seeded: the first company is always the same
      servers.push(await startServer(PORT, `file:${realDb}`));
      servers.push(await startServer(PORT + 1, `file:${bigDb}`));
      const [real, big] = servers;
      result.servers = { real: { port: real.port, pid: real.pid, db: realDb }, synthetic: { port: big.port, pid: big.pid, db: bigDb, companies: SYNTHETIC } };

      if (ONLY.has("size")) {
        log("size …");
        const html = async (p: string) => (await request(`http://127.0.0.1:${real.port}${p}`, { keepBody: true })).body!.toString("utf8");
        const screener = pageSize(await html("/"));
        const company = pageSize(await html(`/companies/${realTicker}`));
        result.size = { screener, company };
      }
      if (ONLY.has("scale")) {
        log("scale …");
        const repeats = QUICK ? 2 : 5;
        result.scale = { companies: SYNTHETIC, repeats, real: await serverTimes(real, realTicker, repeats), synthetic: await serverTimes(big, bigTicker, repeats) };
      }
      if (ONLY.has("http")) {
        log("http …");
        result.http = await httpBench(real, realTicker);
      }
      if (ONLY.has("browser")) {
        log("browser …");
        browser = await launch();
        const rounds = QUICK ? 1 : 3;
        // each keystroke must change the table: "c" matches all 18 names ("Inc.", "Corp."), "h" 11, "ha" 3
        const realSearch = option("search-real") ?? "ha";
        const bigSearch = option("search-synthetic") ?? "ha";
        result.browser = {
          method: "event.timeStamp of the click/keydown/input → MutationObserver sees the new table → end of the next frame (rAF + MessageChannel)",
          real: await browserBench(browser, `http://127.0.0.1:${real.port}`, { altSet: ALT_SET_NAME, baseSet: "Base", searchKeys: realSearch, rounds }),
          synthetic: await browserBench(browser, `http://127.0.0.1:${big.port}`, { altSet: ALT_SET_NAME, baseSet: "Base", searchKeys: bigSearch, rounds }),
        };
        log("browser: scoring in the page …");
        const bundle = bundleFor("scripts/bench/client-scoring.ts", "iife", "browser");
        if (bundle) {
          const companies = syntheticCompanies(SYNTHETIC).map(companyToScoring);
          result.browser.clientScoring = await clientScoringBench(browser, readFileSync(bundle, "utf8"), companies, ALT_SET_VALUES, QUICK ? 3 : 5);
        }
      }
      if (ONLY.has("sensitivity")) {
        log("sensitivity …");
        browser ??= await launch();
        const sens = await sensitivityBench(browser, `http://127.0.0.1:${real.port}`, QUICK ? 1 : 3);
        // the baseline: a sort of the screener's table in the same run (a redraw without scoring), when measured
        const sortMs = result.browser?.real?.sort?.updatedMedianMs ?? null;
        result.sensitivity = { ...sens, baselineSortMs: sortMs, ratioToSort: sortMs ? round(sens.change.updatedMedianMs / sortMs, 2) : null };
      }
    }
  } finally {
    await cleanup();
  }
  result.finishedAt = new Date().toISOString();
  result.machine.loadAverageAtEnd = os.loadavg().map((x) => round(x, 2));
  result.goals = goals(result);
  mkdirSync(OUT_DIR, { recursive: true });
  const text = JSON.stringify(result, null, 2);
  writeFileSync(path.join(OUT_DIR, "latest.json"), text);
  writeFileSync(path.join(OUT_DIR, `bench-${startedAt.replace(/[:.]/g, "-")}.json`), text);
  console.log(table(result));
  log(`results: ${path.relative(process.cwd(), path.join(OUT_DIR, "latest.json"))}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack ?? e.message : e);
  process.exit(1);
});
