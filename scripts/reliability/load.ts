// `npm run reliability:load -- [--seconds 60] [--readers 8] [--writers 4]`
// Concurrent readers and writers against a production server on loopback, bounded in time. Reports
// failed requests (must be 0), version conflicts, SQLITE_BUSY in the server log (must be none),
// PRAGMA integrity_check (must be ok) and whether every acknowledged write is in the database.
// WATT_TEST_ENGINE=postgres: the same on a PostgreSQL database (harness.ts; amcheck instead of the PRAGMA).
import { parseArgs } from "node:util";
import {
  ensureBuild,
  freshDatabase,
  onPostgres,
  percentile,
  startServer,
  stopServer,
  tickersWithPrice,
  verify,
  writerLoop,
  type WriterStats,
} from "./harness";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    readers: { type: "string", default: "8" },
    writers: { type: "string", default: "4" },
    port: { type: "string", default: "3600" },
  },
});
const seconds = Math.min(600, Number(values.seconds));
const readers = Math.min(64, Number(values.readers));
const writers = Math.min(32, Number(values.writers));

async function main() {
  ensureBuild();
  const dbFile = freshDatabase();
  const server = await startServer(dbFile, Number(values.port));
  const tickers = await tickersWithPrice(dbFile);
  const end = Date.now() + seconds * 1000;
  const until = () => Date.now() >= end;
  const reads = { ok: 0, failed: [] as string[], ms: [] as number[] };
  const paths = [
    "/",
    "/api/screen",
    "/api/screen?tier=1,2&sort=ticker.asc",
    ...tickers.slice(0, 6).flatMap((t) => [`/companies/${t}`, `/api/companies/${t}`]),
  ];

  const readerLoop = async (id: number) => {
    let n = id;
    while (!until()) {
      const p = paths[n++ % paths.length];
      const t0 = performance.now();
      try {
        const res = await fetch(server.base + p);
        await res.arrayBuffer();
        if (res.ok) {
          reads.ok++;
          reads.ms.push(performance.now() - t0);
        } else reads.failed.push(`${p}: ${res.status}`);
      } catch (e) {
        reads.failed.push(`${p}: ${(e as Error).message}`);
      }
    }
  };
  const stats: WriterStats = { acked: [], conflicts: 0, failures: [], attempts: 0 };
  console.log(`load: ${readers} readers + ${writers} writers for ${seconds}s on ${server.base}`);
  await Promise.all([
    ...Array.from({ length: readers }, (_, i) => readerLoop(i)),
    ...Array.from({ length: writers }, (_, i) => writerLoop(server.base, i, tickers, until, stats)),
  ]);
  await stopServer(server);
  const busy = server.log.join("").match(/SQLITE_BUSY|database is locked/g)?.length ?? 0;
  const { integrity, missing } = await verify(dbFile, stats.acked);
  const summary = {
    seconds,
    readers,
    writers,
    reads: {
      ok: reads.ok,
      failed: reads.failed.length,
      perSecond: Math.round(reads.ok / seconds),
      p50Ms: Math.round(percentile(reads.ms, 50)),
      p99Ms: Math.round(percentile(reads.ms, 99)),
    },
    writes: { attempts: stats.attempts, acknowledged: stats.acked.length, conflicts: stats.conflicts, failed: stats.failures.length },
    sqliteBusyInLog: busy,
    integrity,
    acknowledgedMissing: missing.length,
    engine: onPostgres ? "postgresql" : "sqlite",
  };
  console.log(JSON.stringify(summary, null, 2));
  for (const f of [...reads.failed, ...stats.failures].slice(0, 10)) console.log("  failure:", f);
  const ok = reads.failed.length === 0 && stats.failures.length === 0 && busy === 0 && integrity === "ok" && missing.length === 0;
  console.log(ok ? "load: PASS" : "load: FAIL");
  process.exit(ok ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
