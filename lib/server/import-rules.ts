// The domain rules an imported (or restored) row must meet, beyond its column types: each row is mapped to
// the input its edit form or the dataset file uses — with the same mappers the app uses (rows.ts) — and
// parsed with that domain schema (lib/domain). So an import checks URLs (no javascript: or data:),
// tickers, figure rules (a price > 0, shares with a basis, …), site and contract rules exactly as a save
// does, and a field added to a domain schema and its mapper is checked here without touching this file.
// Before any of that, the whole file is walked once without recursion: nesting deeper than MAX_DEPTH
// (zod and JSON.stringify recurse and overflow the stack) and lone UTF-16 surrogates (the database
// cannot store them) are reported instead of crashing the import.
import type { z } from "zod";
import { factMeta } from "../domain/facts";
import { assumptionSetCreateSchema, marketFiguresSchema } from "../domain/forms";
import {
  balanceSheetEventSchema,
  companySchema,
  contractSchema,
  datasetSchema,
  eventSchema,
  isWellFormedText,
  powerTotalsSchema,
  noteSchema,
  siteSchema,
  siteChangeSchema,
} from "../domain/schemas";
import type { BalanceSheetEvent, Contract, Fact, Site, SiteChange } from "../generated/prisma/client";
import { balanceSheetEventToInput, contractToInput, factToInput, siteChangeToInput, siteToInput } from "./rows";
import { savedViewFormSchema, viewNameKey } from "../view/saved-views";

/** Deepest nesting an export has is ~8 (file → tables → table → row → audit JSON → record → values). */
export const MAX_DEPTH = 32;

const formatPath = (p: readonly PropertyKey[]) =>
  p.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), "");

/** Problems with the raw file as a whole, found without recursion (so a hostile file cannot overflow it). */
export function fileShapeProblems(raw: unknown, limit = 20): string[] {
  const problems: string[] = [];
  const stack: [unknown, PropertyKey[]][] = [[raw, []]];
  while (stack.length && problems.length < limit) {
    const [v, path] = stack.pop()!;
    if (typeof v === "string") {
      if (!isWellFormedText(v)) problems.push(`${formatPath(path) || "(file)"} — Contains an invalid character (a lone UTF-16 surrogate)`);
    } else if (v && typeof v === "object") {
      if (path.length >= MAX_DEPTH) {
        problems.push(`${formatPath(path)} — Nested deeper than ${MAX_DEPTH} levels`);
        continue;
      }
      for (const [k, x] of Object.entries(v)) {
        if (!isWellFormedText(k)) problems.push(`${formatPath(path)} — A key contains a lone UTF-16 surrogate`);
        stack.push([x, [...path, Array.isArray(v) ? Number(k) : k]]);
      }
    }
  }
  return problems;
}

type Row = Record<string, unknown>;
export type Report = (table: string, row: Row, index: number, field: string, message: string) => void;

const c = companySchema.shape;
const companyRules = {
  ticker: c.ticker,
  name: c.name,
  exchange: c.exchange,
  country: c.country,
  powerStrategy: c.powerStrategy,
  gaps: c.gaps,
  powerNote: powerTotalsSchema.shape.note,
};
const datasetRules = { snapshot: datasetSchema.shape.snapshot, currency: datasetSchema.shape.currency, notes: datasetSchema.shape.notes };

const formFacts = marketFiguresSchema.shape.facts.shape as Record<string, z.ZodType | undefined>;

/**
 * The schema of a figure's value: the edit form's (a price > 0, shares with a basis, …), else that of
 * the dataset field it is loaded from; null for a key that is not a figure.
 */
function factRule(key: string): z.ZodType | null {
  const form = formFacts[key];
  if (form) return form;
  const json = (factMeta as (k: string) => { json: string | null } | undefined)(key)?.json;
  if (!json) return null;
  const [head, tail] = json.split(".");
  return (
    ((tail ? powerTotalsSchema.shape[tail as keyof typeof powerTotalsSchema.shape] : c[head as keyof typeof c]) as z.ZodType | undefined) ?? null
  );
}

/** Parses `input` and reports each issue under its field (prefixed, or renamed back to the column). */
function check(
  report: Report,
  table: string,
  row: Row,
  index: number,
  schema: z.ZodType,
  input: unknown,
  prefix = "",
  column: Record<string, string> = {},
) {
  const r = schema.safeParse(input);
  if (r.success) return;
  for (const i of r.error.issues) {
    const [head, ...rest] = i.code === "unrecognized_keys" ? [...i.path, ...i.keys] : i.path;
    const field = formatPath(head === undefined ? [] : [column[String(head)] ?? head, ...rest]);
    report(table, row, index, [prefix, field].filter(Boolean).join(".") || "(row)", i.message);
  }
}

/** A figure's domain field → its Fact column. */
const FACT_COLUMN = { source: "sourceUrl" };

/** Columns that are one sourced figure: the value, its date and its source go together or not at all. */
function partialFigure(row: Row, stem: string): boolean {
  const parts = [row[stem], row[`${stem}AsOf`], row[`${stem}SourceUrl`]];
  return parts.some((p) => p != null) && parts.some((p) => p == null);
}

/** Reports every domain problem of rows that already passed their column schema (export.ts). */
export function checkDomainRules(tables: Record<string, { row: Row; index: number }[]>, report: Report) {
  for (const { row, index } of tables.Company ?? [])
    for (const [col, schema] of Object.entries(companyRules)) check(report, "Company", row, index, schema, row[col], col);
  for (const { row, index } of tables.DatasetMeta ?? [])
    for (const [col, schema] of Object.entries(datasetRules)) check(report, "DatasetMeta", row, index, schema, row[col], col);
  for (const { row, index } of tables.Fact ?? []) {
    const rule = factRule(String(row.key));
    if (!rule) report("Fact", row, index, "key", "Unknown figure (see lib/domain/facts.ts)");
    else check(report, "Fact", row, index, rule, factToInput(row as unknown as Fact), "", FACT_COLUMN);
  }
  const siteNames = new Map((tables.Site ?? []).map(({ row }) => [row.id, row.name as string]));
  for (const { row, index } of tables.Site ?? []) {
    for (const stem of ["grossMw", "itMw"])
      if (partialFigure(row, stem)) report("Site", row, index, stem, "A figure needs its value, as-of date and source together");
    check(report, "Site", row, index, siteSchema, siteToInput(row as unknown as Site));
  }
  for (const { row, index } of tables.Contract ?? [])
    check(
      report,
      "Contract",
      row,
      index,
      contractSchema,
      contractToInput(row as unknown as Contract, (id) => siteNames.get(id) ?? null),
    );
  for (const { row, index } of tables.SiteChange ?? [])
    check(
      report,
      "SiteChange",
      row,
      index,
      siteChangeSchema,
      siteChangeToInput(row as unknown as SiteChange, (id) => siteNames.get(id) ?? null),
      "",
      { source: "sourceUrl" },
    );
  for (const { row, index } of tables.Note ?? []) check(report, "Note", row, index, noteSchema, { figure: row.figure, body: row.body });
  for (const { row, index } of tables.SavedView ?? []) {
    check(report, "SavedView", row, index, savedViewFormSchema, { name: row.name, query: row.query });
    if (typeof row.name === "string" && row.nameKey !== viewNameKey(row.name))
      report("SavedView", row, index, "nameKey", "Must be the name in lower case");
  }
  for (const { row, index } of tables.BalanceSheetEvent ?? [])
    check(report, "BalanceSheetEvent", row, index, balanceSheetEventSchema, balanceSheetEventToInput(row as unknown as BalanceSheetEvent), "", {
      sources: "sourceUrls",
    });
  for (const { row, index } of tables.Event ?? [])
    // (its contractJson is already parsed with contractSchema by the column schema)
    check(report, "Event", row, index, eventSchema, { date: row.date, kind: row.kind, summary: row.summary, sources: row.sourceUrls }, "", {
      sources: "sourceUrls",
    });
  for (const { row, index } of tables.AssumptionSet ?? [])
    check(report, "AssumptionSet", row, index, assumptionSetCreateSchema.shape.name, row.name, "name");
}
