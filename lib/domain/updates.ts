// Fact-update files (`../shared/data/updates/*.json`, format "watt-screener.fact-updates/1"): later or
// corrected company figures, one row per (ticker, field, asOf). The seed applies the snapshot's corrections
// with them; every row is checked with the same fact rules as the dataset and the forms.
import { z } from "zod";
import { anyNumberSchema } from "../number-schema";
import { FACTS, type FactDef } from "./facts";
import { asOfDate, figureSchema, httpUrl } from "./schemas";
import type { CompanyRecord, FactValue } from "./to-scoring";

export const UPDATE_FORMAT = "watt-screener.fact-updates/1";

/** Fields an update row may carry: every company figure but the ones with extra structure. */
export const UPDATE_FIELDS = new Map<string, FactDef>(
  FACTS.filter((f) => f.form !== "range" && !f.json?.startsWith("powerTotals.")).map((f) => [f.json ?? f.key, f]),
);

const rowSchema = z.strictObject({
  ticker: z.string().min(1).max(10),
  field: z.string().refine((f) => UPDATE_FIELDS.has(f), { error: `Unknown field (use one of: ${[...UPDATE_FIELDS.keys()].join(", ")})` }),
  value: anyNumberSchema,
  asOf: asOfDate,
  source: httpUrl,
  note: z.string().trim().max(2000).nullish(),
  basis: z.enum(["basic", "diluted"]).optional(),
});
export type FactUpdate = z.infer<typeof rowSchema>;

/** The rules a row's value follows beyond its type: the figure's own schema and bounds (lib/domain/facts.ts). */
export function rowValueIssues(r: FactUpdate): { path: (string | number)[]; message: string }[] {
  const def = UPDATE_FIELDS.get(r.field);
  if (!def) return [];
  const checked = figureSchema(def.key).safeParse({
    value: r.value,
    asOf: r.asOf,
    source: r.source,
    note: r.note,
    ...(def.form === "shares" ? { basis: r.basis ?? "basic" } : {}),
  });
  const out = checked.success ? [] : checked.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message }));
  if (r.basis !== undefined && def.form !== "shares") out.push({ path: ["basis"], message: "basis is only for sharesOutstanding" });
  return out;
}

export const updateRowSchema = rowSchema;
export const rowKey = (r: Pick<FactUpdate, "ticker" | "field" | "asOf">) => `${r.ticker}|${r.field}|${r.asOf}`;

export const factUpdateFileSchema = z
  .strictObject({
    format: z.literal(UPDATE_FORMAT, { error: `Not a fact-update file (format must be "${UPDATE_FORMAT}")` }),
    description: z.string().max(2000),
    updates: z.array(rowSchema),
  })
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    doc.updates.forEach((r, i) => {
      for (const issue of rowValueIssues(r)) ctx.addIssue({ code: "custom", path: ["updates", i, ...issue.path], message: issue.message });
      const key = rowKey(r);
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["updates", i], message: `Duplicate row for ${r.ticker} ${r.field} at ${r.asOf}` });
      seen.add(key);
    });
  });
export type FactUpdateFile = z.infer<typeof factUpdateFileSchema>;

/** An update row as the figure it stores. */
export function updateToFact(r: FactUpdate): { key: FactDef["key"]; fact: FactValue } {
  const def = UPDATE_FIELDS.get(r.field)!;
  return {
    key: def.key,
    fact: { value: r.value, asOf: r.asOf, source: r.source, note: r.note ?? null, ...(def.form === "shares" ? { basis: r.basis ?? "basic" } : {}) },
  };
}

/**
 * Replaces each named figure of the records with the update row's (value, date, source, note): the
 * snapshot's corrections stand in for the dataset figure (methodology §10.13). Rows for a ticker the
 * records do not hold are returned as problems, and nothing is applied.
 */
export function applyCorrections(
  records: CompanyRecord[],
  file: FactUpdateFile,
): { problems: string[]; applied: { ticker: string; key: FactDef["key"] }[] } {
  const byTicker = new Map(records.map((r) => [r.ticker, r]));
  const problems = file.updates.flatMap((u, i) => (byTicker.has(u.ticker) ? [] : [`updates[${i}]: unknown ticker ${u.ticker}`]));
  if (problems.length) return { problems, applied: [] };
  // Oldest first, so where a file holds two dates of one figure the later one is what stands.
  const rows = [...file.updates].sort((x, y) => (x.asOf < y.asOf ? -1 : x.asOf > y.asOf ? 1 : 0));
  const applied = rows.map((u) => {
    const { key, fact } = updateToFact(u);
    byTicker.get(u.ticker)!.figures[key] = fact;
    return { ticker: u.ticker, key };
  });
  return { problems, applied };
}
