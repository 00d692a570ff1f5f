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
    ticker: c.ticker, name: c.name,
    figures: Object.fromEntries(companyFacts(c).map(({ key, fact }) => [key, fact])),
    sites: c.sites, contracts: c.contracts, balanceSheetEvents: c.balanceSheetEvents,
  };
}
