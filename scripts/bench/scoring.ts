// Scoring throughput: company-scores per second of screen() and of a 100-point sweep(), over the real
// companies and over 10,000 synthetic ones, each against a baseline loop that only reads the same inputs
// (measured in the same round, so the ratio holds on a busy machine). Prints one JSON object on stdout.
// run.ts runs this as an esbuild bundle in its own node process (no tsx wrappers, a fresh heap).
import { companyRecord } from "../../lib/domain/dataset";
import { toScoringCompany } from "../../lib/domain/to-scoring";
import type { CompanyInput } from "../../lib/domain/schemas";

const companyToScoring = (c: CompanyInput) => toScoringCompany(companyRecord(c));
import { DEFAULT_ASSUMPTIONS } from "../../lib/scoring/assumptions";
import { screen, sweep } from "../../lib/scoring/screen";
import type { ScoringCompany } from "../../lib/scoring/types";
import { median, round } from "./stats";
import { readRealDataset, syntheticDataset } from "./synthetic";

const VIEW = { viewDate: "2025-11-21" };
const SWEEP_VALUES = Array.from({ length: 100 }, (_, i) => round(6 + i * 0.12, 2)); // build cost $6–17.88/W

let sink = 0; // keeps results alive so nothing is optimized away

/** The baseline: read every input the scoring reads, once per company, and do nothing with it. */
function readInputs(companies: readonly ScoringCompany[]): number {
  let acc = 0;
  for (const c of companies) {
    acc += c.ticker.length + (c.sharePriceUsd?.value ?? 0) + (c.sharesOutstanding?.value ?? 0) + (c.totalDebtUsd?.value ?? 0) +
      (c.cashUsd?.value ?? 0) + (c.preferredEquityUsd?.value ?? 0) + (c.committedFinancingUsd?.value ?? 0) + (c.btcHeld?.value ?? 0);
    for (const s of c.sites) acc += (s.grossMw ?? 0) + (s.itMw ?? 0) + s.stage.length + s.name.length;
    for (const k of c.contracts)
      acc += (k.itMw ?? 0) + (k.deliveredItMw ?? 0) + (k.tenorYears ?? 0) + (k.totalValueUsd ?? 0) + (k.backstopUsd ?? 0) +
        (k.companyGpuCapexUsd ?? 0) + (k.prepaymentUsd ?? 0) + (k.companyFundedCapexUsd ?? 0) + (k.tenantFundedCapexShare ?? 0) +
        k.structure.length + k.status.length + (k.counterpartyRating?.length ?? 0) + (k.siteName?.length ?? 0);
  }
  return acc;
}

/** Items per second of `fn` (which handles `items` per call), called until `minMs` has passed. */
function rate(fn: () => unknown, items: number, minMs: number): number {
  let calls = 0;
  const t0 = performance.now();
  let t = t0;
  do {
    const r = fn();
    sink += Array.isArray(r) ? r.length : typeof r === "number" ? r : 0;
    calls++;
    t = performance.now();
  } while (t - t0 < minMs);
  return (calls * items) / ((t - t0) / 1000);
}

interface Figure { perSecond: number; ratioToBaseline: number; samples: number[] }

function measure(companies: ScoringCompany[], rounds: number, minMs: number, sweepRounds: number, sweepMinMs: number) {
  const n = companies.length;
  const base: number[] = [], scr: number[] = [], swp: number[] = [], rScr: number[] = [], rSwp: number[] = [];
  // warm-up: compile the hot paths before anything is timed
  rate(() => readInputs(companies), n, 200);
  rate(() => screen(companies, DEFAULT_ASSUMPTIONS, VIEW), n, 300);
  sweep(companies.slice(0, 200), DEFAULT_ASSUMPTIONS, VIEW, "buildCostBaseUsdPerW", SWEEP_VALUES);
  for (let i = 0; i < Math.max(rounds, sweepRounds); i++) {
    const b = rate(() => readInputs(companies), n, Math.min(minMs, 300));
    base.push(b);
    if (i < rounds) {
      const s = rate(() => screen(companies, DEFAULT_ASSUMPTIONS, VIEW), n, minMs);
      scr.push(s);
      rScr.push(s / b);
    }
    if (i < sweepRounds) {
      const w = rate(() => sweep(companies, DEFAULT_ASSUMPTIONS, VIEW, "buildCostBaseUsdPerW", SWEEP_VALUES), n * SWEEP_VALUES.length, sweepMinMs);
      swp.push(w);
      rSwp.push(w / b);
    }
  }
  const fig = (xs: number[], rs: number[]): Figure => ({ perSecond: Math.round(median(xs)), ratioToBaseline: round(median(rs), 5), samples: xs.map((x) => Math.round(x)) });
  return {
    companies: n,
    sites: companies.reduce((a, c) => a + c.sites.length, 0),
    contracts: companies.reduce((a, c) => a + c.contracts.length, 0),
    baselineReadsPerSecond: Math.round(median(base)),
    screen: fig(scr, rScr),
    sweep100: fig(swp, rSwp),
  };
}

export function runScoringBench(opts: { quick?: boolean; synthetic?: number } = {}) {
  const quick = !!opts.quick;
  const count = opts.synthetic ?? 10_000;
  const real = readRealDataset().companies.map(companyToScoring);
  const synthetic = syntheticDataset(count).companies.map(companyToScoring);
  return {
    sweep: { key: "buildCostBaseUsdPerW", points: SWEEP_VALUES.length, from: SWEEP_VALUES[0], to: SWEEP_VALUES.at(-1) },
    real: measure(real, quick ? 3 : 7, quick ? 300 : 600, quick ? 3 : 5, quick ? 300 : 600),
    synthetic: measure(synthetic, quick ? 3 : 5, quick ? 300 : 1000, quick ? 1 : 3, 0),
    sink: sink % 7,
  };
}

if (require.main === module) {
  const quick = process.argv.includes("--quick");
  const n = process.argv.find((a) => a.startsWith("--synthetic="));
  process.stdout.write(JSON.stringify(runScoringBench({ quick, synthetic: n ? Number(n.split("=")[1]) : undefined })) + "\n");
}
