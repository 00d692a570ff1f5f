// Parse a dataset file (the shape of prisma/miners-2025-11.json) with the domain schema and say, per
// problem, which ticker and which field is wrong; turn its companies into the records the app stores.
import { FACTS, type FactKey } from "./facts";
import { datasetSchema, describeDatasetIssues, type CompanyInput, type DatasetInput } from "./schemas";
import type { CompanyRecord, FactValue } from "./to-scoring";

export class DatasetError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Dataset rejected (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n  ${problems.join("\n  ")}`);
    this.name = "DatasetError";
  }
}

export function parseDataset(raw: unknown): DatasetInput {
  const parsed = datasetSchema.safeParse(raw);
  if (!parsed.success) throw new DatasetError(describeDatasetIssues(raw, parsed.error));
  return parsed.data;
}

/** The company's sourced figures keyed by database key, leaving out the ones that are null. */
export function companyFacts(c: CompanyInput): { key: FactKey; fact: FactValue }[] {
  const out: { key: FactKey; fact: FactValue }[] = [];
  for (const { key, json } of FACTS) {
    if (json == null) continue; // update files only
    const fact = json.startsWith("powerTotals.")
      ? c.powerTotals[json.slice("powerTotals.".length) as "securedMw" | "energizedMw"]
      : (c[json as keyof CompanyInput] as FactValue | null);
    if (fact) out.push({ key, fact });
  }
  return out;
}

/** A dataset company as the record the app stores and scores. */
export function companyRecord(c: CompanyInput): CompanyRecord {
  return {
    ticker: c.ticker,
    name: c.name,
    figures: Object.fromEntries(companyFacts(c).map(({ key, fact }) => [key, fact])),
    sites: c.sites,
    contracts: c.contracts,
    balanceSheetEvents: c.balanceSheetEvents,
  };
}

/**
 * A dataset file of format v1 (no `version`) in the v2 shape, every v2 field at the value that leaves v1's
 * reading unchanged: no balance-sheet events, no guidance, no reported bitcoin value, whole-site IT figures,
 * countries unknown, full ownership, no allocations. Used to score the archived v1 snapshot.
 */
export function datasetV1AsV2(raw: unknown): unknown {
  const d = raw as { version?: unknown; companies?: Record<string, unknown>[] };
  if (!d || typeof d !== "object" || d.version !== undefined || !Array.isArray(d.companies)) return raw;
  const contract = (k: Record<string, unknown>) => ({ siteAllocations: null, companyFundedCapexMw: null, companyShare: 1, ...k });
  return {
    ...d,
    version: 2,
    companies: d.companies.map((c) => ({
      balanceSheetEvents: [],
      capexGuidanceUsdPerMw: null,
      btcValueUsdReported: null,
      ...c,
      sites: (c.sites as Record<string, unknown>[]).map((s) => ({ country: null, itMwScope: null, companyShare: 1, ...s })),
      contracts: (c.contracts as Record<string, unknown>[]).map(contract),
      events: (c.events as Record<string, unknown>[]).map((e) =>
        e.contract ? { ...e, contract: contract(e.contract as Record<string, unknown>) } : e,
      ),
    })),
  };
}

/** Each dataset site's country by ticker and site name, for databases that predate the field. */
export function siteCountryIndex(d: DatasetInput): Map<string, string> {
  const index = new Map<string, string>();
  for (const c of d.companies) for (const s of c.sites) if (s.country) index.set(siteKey(c.ticker, s.name), s.country);
  return index;
}
export const siteKey = (ticker: string, site: string) => `${ticker}\u0000${site}`;
