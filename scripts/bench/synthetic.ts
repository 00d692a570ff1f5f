// Synthetic companies for the benchmark, shaped like the real dataset: each one starts from a real
// company (its facts with source URLs and notes, its gaps and events) and draws its own sites and
// contracts from the real ones, with the figures scaled and some of them missing. Seeded, so every run
// scores and stores the same 10,000 companies. The result passes the domain schema (parseDataset).
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseDataset } from "../../lib/domain/dataset";
import type { CompanyInput, ContractInput, DatasetInput, FactInput, SiteInput } from "../../lib/domain/schemas";

/** The bench runs from the project root (npm run bench). */
export const DATASET_FILE = path.resolve("prisma/miners-2025-11.json");

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
    /** log-uniform factor in [1/k, k] */
    scale: (k: number) => Math.exp((next() * 2 - 1) * Math.log(k)),
  };
}
type Rng = ReturnType<typeof rng>;

export function readRealDataset(file = DATASET_FILE): DatasetInput {
  return parseDataset(JSON.parse(readFileSync(file, "utf8")));
}

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const WORDS = ["Northern", "Prairie", "Summit", "Granite", "Harbor", "Lone Star", "Arctic", "Delta", "Pioneer", "Cascade", "Atlas", "Sierra"];
const KINDS = ["Digital", "Power", "Compute", "Energy", "Data", "Hash"];

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function fact(r: Rng, f: FactInput | null, k: number, pMissing: number, digits = 0): FactInput | null {
  if (f == null || r.chance(pMissing)) return null;
  return { ...f, value: Math.max(0, round(f.value * r.scale(k), digits)) };
}

function site(r: Rng, s: SiteInput, name: string): SiteInput {
  const gross = s.grossMw && !r.chance(0.1) ? { ...s.grossMw, value: round(s.grossMw.value * r.scale(3), 1) } : null;
  const it = s.itMw && !r.chance(0.2) ? { ...s.itMw, value: round(s.itMw.value * r.scale(3), 1) } : null;
  return { ...s, name, grossMw: gross, itMw: it, itMwScope: it ? s.itMwScope : null };
}

function contract(r: Rng, k: ContractInput, code: string, siteName: string | null): ContractInput {
  const itMw = k.itMw == null || r.chance(0.1) ? null : round(k.itMw * r.scale(3), 1);
  const deliveredItMw = k.deliveredItMw == null || itMw == null ? null : Math.min(itMw, round(k.deliveredItMw * r.scale(2), 1));
  const money = (v: number | null | undefined, p = 0.1) => (v == null || r.chance(p) ? null : round(v * r.scale(3), 0));
  const companyFundedCapexUsd = money(k.companyFundedCapexUsd, 0.3);
  return {
    ...k,
    id: code,
    site: siteName,
    // allocations name the template company's sites; the synthetic company has its own
    siteAllocations: null,
    companyFundedCapexUsd,
    companyFundedCapexMw: companyFundedCapexUsd == null || k.companyFundedCapexMw == null || itMw == null ? null : Math.min(itMw, k.companyFundedCapexMw),
    itMw,
    deliveredItMw,
    tenorYears: k.tenorYears == null || r.chance(0.1) ? null : r.pick([3, 5, 7, 10, 12, 15, 20]),
    totalValueUsd: money(k.totalValueUsd),
    backstopUsd: money(k.backstopUsd, 0.3),
    companyGpuCapexUsd: money(k.companyGpuCapexUsd),
    prepaymentUsd: money(k.prepaymentUsd, 0.3),
  };
}

/**
 * `count` companies with unique tickers (3–5 capitals) and contract codes. Roughly 45% have contracts
 * (8 of the 18 real ones do), 0–10 sites each, and a few more balance-sheet facts missing than in the template.
 */
export function syntheticCompanies(count: number, seed = 20251121, real = readRealDataset()): CompanyInput[] {
  const r = rng(seed);
  const templates = real.companies;
  const allSites = templates.flatMap((c) => c.sites);
  const allContracts = templates.flatMap((c) => c.contracts);
  const tickers = new Set(templates.map((c) => c.ticker));
  const out: CompanyInput[] = [];
  for (let i = 0; i < count; i++) {
    let ticker: string;
    do ticker = Array.from({ length: r.int(3, 5) }, () => r.pick([...LETTERS])).join("");
    while (tickers.has(ticker));
    tickers.add(ticker);
    const t = r.pick(templates);
    const sites = Array.from({ length: r.chance(0.05) ? 0 : r.int(1, 10) }, (_, j) => site(r, r.pick(allSites), `${r.pick(WORDS)} ${j + 1}`));
    const nContracts = r.chance(0.45) ? r.int(1, 4) : 0;
    const contracts = Array.from({ length: nContracts }, (_, j) =>
      contract(r, r.pick(allContracts), `${ticker}-${j + 1}`, sites.length && r.chance(0.8) ? r.pick(sites).name : null));
    out.push({
      ...t,
      ticker,
      name: `${r.pick(WORDS)} ${r.pick(KINDS)} ${i + 1}`,
      sharePrice: t.sharePrice && !r.chance(0.05) ? { ...t.sharePrice, value: Math.max(0.01, round(t.sharePrice.value * r.scale(4), 2)) } : null,
      sharesOutstanding: t.sharesOutstanding && !r.chance(0.05) ? { ...t.sharesOutstanding, value: Math.max(1, round(t.sharesOutstanding.value * r.scale(3), 0)) } : null,
      totalDebt: fact(r, t.totalDebt, 3, 0.03),
      cash: fact(r, t.cash, 3, 0.03),
      preferredEquity: fact(r, t.preferredEquity, 3, 0.2),
      committedFinancing: fact(r, t.committedFinancing, 3, 0.2),
      btcHeld: fact(r, t.btcHeld, 3, 0.2),
      sites,
      contracts,
      // events keep their text and sources; contracts carried by events would need unique codes, so drop them
      events: t.events.slice(0, r.int(0, t.events.length)).map(({ contract: _c, ...e }) => e),
    });
  }
  return out;
}

/** A dataset file's worth of synthetic companies, validated with the domain schema. */
export function syntheticDataset(count: number, seed?: number): DatasetInput {
  const real = readRealDataset();
  return parseDataset({ ...real, notes: `Synthetic benchmark dataset: ${count} companies drawn from ${real.snapshot}.`, companies: syntheticCompanies(count, seed, real) });
}
