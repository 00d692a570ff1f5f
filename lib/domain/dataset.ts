// Parse a dataset file (the shape of prisma/miners-2025-11.json) with the domain schema and say, per
// problem, which ticker and which field is wrong.
import { FACT_KEYS, type FactKey } from "./facts";
import { datasetSchema, describeDatasetIssues, type CompanyInput, type DatasetInput, type FactInput } from "./schemas";

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
export function companyFacts(c: CompanyInput): { key: FactKey; fact: FactInput & { basis?: string } }[] {
  const out: { key: FactKey; fact: FactInput & { basis?: string } }[] = [];
  for (const { key, json } of FACT_KEYS) {
    const fact = json.startsWith("powerTotals.")
      ? c.powerTotals[json.slice("powerTotals.".length) as "securedMw" | "energizedMw"]
      : (c[json as keyof CompanyInput] as (FactInput & { basis?: string }) | null);
    if (fact) out.push({ key, fact });
  }
  return out;
}
