// Bulk updates at size: a 100,000-row update file checked (dry run) and applied in one transaction on a
// real SQLite file, against a 1,000-row file measured the same way in the same run (the baseline). The
// ratio of time per row says whether the cost grows linearly; the absolute times are the stated figures.
import { performance } from "node:perf_hooks";
import { seedSnapshot } from "../../prisma/seed";
import { UPDATE_FIELDS, UPDATE_FORMAT } from "../../lib/domain/updates";
import { planUpdate, applyUpdate } from "../../lib/server/updates";
import { createTempDb } from "../../test/temp-db";
import { round } from "./stats";

const TICKERS = ["APLD", "BITF", "BTBT", "BTDR", "CANG", "CIFR", "CLSK", "CORZ", "GLXY", "GREE", "HIVE", "HUT", "IREN", "MARA", "RIOT", "SLNH", "WULF", "WYFI"];
const FIELDS = [...UPDATE_FIELDS.keys()].filter((f) => f !== "sharesOutstanding");

/** `n` distinct rows (ticker × field × day from 2026-07-01), deterministic. */
export function syntheticUpdate(n: number): string {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const ticker = TICKERS[i % TICKERS.length];
    const field = FIELDS[Math.floor(i / TICKERS.length) % FIELDS.length];
    const day = new Date(Date.UTC(2026, 6, 1) + Math.floor(i / (TICKERS.length * FIELDS.length)) * 86_400_000).toISOString().slice(0, 10);
    rows.push({ ticker, field, value: field === "sharePrice" ? 1 + (i % 50) : 1000 + i, asOf: day, source: "https://example.com/bench", note: `row ${i}` });
  }
  return JSON.stringify({ format: UPDATE_FORMAT, description: `${n} synthetic rows`, updates: rows }, null, 1);
}

async function once(n: number) {
  const t = await createTempDb();
  try {
    await seedSnapshot(t.db);
    const text = syntheticUpdate(n);
    const p0 = performance.now();
    const plan = await planUpdate(t.db, text);
    const planMs = performance.now() - p0;
    const a0 = performance.now();
    const applied = await applyUpdate(t.db, text, { name: "bench", user: "bench" });
    const applyMs = performance.now() - a0;
    if (!applied.ok || plan.counts.new !== n) throw new Error(`bench update of ${n} rows did not apply as new points`);
    const r0 = performance.now();
    const again = await applyUpdate(t.db, text, { name: "bench", user: "bench" });
    const reapplyMs = performance.now() - r0;
    if (!again.ok || again.data.batchId !== null) throw new Error("re-applying the bench update changed something");
    return { rows: n, bytes: text.length, planMs: round(planMs, 0), applyMs: round(applyMs, 0), reapplyMs: round(reapplyMs, 0) };
  } finally {
    await t.close();
  }
}

export async function updatesBench(big: number) {
  const baseline = await once(1000);
  const large = await once(big);
  const perRow = (r: typeof baseline, k: "planMs" | "applyMs") => r[k] / r.rows;
  return {
    baseline, large,
    ratioPerRow: { plan: round(perRow(large, "planMs") / perRow(baseline, "planMs"), 2), apply: round(perRow(large, "applyMs") / perRow(baseline, "applyMs"), 2) },
  };
}
