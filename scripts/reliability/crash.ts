// `npm run reliability:crash -- [--rounds 5]`
// kill -9 the server while writers are in flight, restart it on the same database, and check that the
// database is intact and every write that was acknowledged before the kill is there.
// WATT_TEST_ENGINE=postgres: the app server is killed the same way; the PostgreSQL server keeps running.
import { parseArgs } from "node:util";
import { ensureBuild, freshDatabase, onPostgres, startServer, stopServer, tickersWithPrice, verify, writerLoop, type WriterStats } from "./harness";

const { values } = parseArgs({
  options: { rounds: { type: "string", default: "5" }, writers: { type: "string", default: "6" }, port: { type: "string", default: "3650" } },
});
const rounds = Math.min(50, Number(values.rounds));
const writers = Math.min(32, Number(values.writers));

async function main() {
  ensureBuild();
  const dbFile = freshDatabase();
  const tickers = await tickersWithPrice(dbFile);
  const all: WriterStats = { acked: [], conflicts: 0, failures: [], attempts: 0 };
  const results = [];
  for (let round = 1; round <= rounds; round++) {
    const server = await startServer(dbFile, Number(values.port));
    let killed = false;
    const stats: WriterStats = { acked: [], conflicts: 0, failures: [], attempts: 0 };
    const running = Array.from({ length: writers }, (_, i) => writerLoop(server.base, i + round * 100, tickers, () => killed, stats));
    await new Promise((r) => setTimeout(r, 1000 + Math.random() * 2000));
    killed = true;
    await stopServer(server, "SIGKILL"); // writes are in flight right now
    await Promise.allSettled(running);
    all.acked.push(...stats.acked);
    all.conflicts += stats.conflicts;
    all.attempts += stats.attempts;
    // restart on the same file: recovery replays the WAL
    const again = await startServer(dbFile, Number(values.port));
    await stopServer(again);
    const { integrity, missing } = await verify(dbFile, all.acked);
    results.push({
      round,
      acknowledged: stats.acked.length,
      errorsBeforeKill: stats.failures.length,
      integrity,
      acknowledgedMissing: missing.length,
    });
    console.log(`round ${round}: ${stats.acked.length} acknowledged, integrity ${integrity}, missing ${missing.length}`);
  }
  const ok = results.every((r) => r.integrity === "ok" && r.acknowledgedMissing === 0);
  console.log(
    JSON.stringify(
      { engine: onPostgres ? "postgresql" : "sqlite", rounds, writers, acknowledgedTotal: all.acked.length, conflicts: all.conflicts, results },
      null,
      2,
    ),
  );
  console.log(ok ? "crash: PASS" : "crash: FAIL");
  process.exit(ok ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
