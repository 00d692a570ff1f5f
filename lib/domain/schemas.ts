// The one zod module for the domain. The seed parses the dataset file with `datasetSchema`; forms,
// server actions, the API and import reuse the same pieces, so a value accepted anywhere is accepted
// everywhere. Field names follow the dataset file; the database adds units to them (lib/domain/facts.ts).
import { z } from "zod";
import {
  CONTRACT_STATUSES, CONTRACT_STRUCTURES, COUNTERPARTY_KINDS, EVENT_KINDS, LEASE_TYPES, MW_BASES,
  POWER_STRATEGIES, SHARE_BASES, SITE_STAGES, SITE_USES,
} from "./enums";
import { assumptionsSchema } from "../scoring/assumptions";

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a real month and day. */
export const partialDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
  error: "Use YYYY, YYYY-MM or YYYY-MM-DD",
});
/** As-of dates of figures: at least a month. */
export const asOfDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, {
  error: "Use YYYY-MM or YYYY-MM-DD",
});
/**
 * Text that can be stored. A lone UTF-16 surrogate ("\uD800" in JSON) is valid in a JS string but not
 * in UTF-8, so the database layer throws on it; every string that reaches the database starts here.
 */
const LONE_SURROGATE = "Contains an invalid character (a lone UTF-16 surrogate)";
export const wellFormedString = z.string().refine(isWellFormedText, { error: LONE_SURROGATE });
export const httpUrl = z.url({ protocol: /^https?$/, error: "Must be an http(s) URL" }).max(2000).refine(isWellFormedText, { error: LONE_SURROGATE });
const text = (max = 2000) => wellFormedString.trim().max(max);
const nonNeg = z.number({ error: "Must be a number" }).min(0, { error: "Must be ≥ 0" });
const share01 = z.number({ error: "Must be a number" }).min(0).max(1, { error: "Must be between 0 and 1" });

/** A sourced figure: the value, when it was true, where it comes from. */
export const factSchema = z.strictObject({
  value: nonNeg,
  asOf: asOfDate,
  source: httpUrl,
  note: text().nullish(),
});
export const sharesFactSchema = factSchema.extend({
  value: z.number().positive({ error: "Must be > 0" }),
  basis: z.enum(SHARE_BASES),
});
export const priceFactSchema = factSchema.extend({ value: z.number().positive({ error: "Must be > 0" }) });
export type FactInput = z.infer<typeof factSchema>;

export const siteSchema = z.strictObject({
  name: text(200).min(1, { error: "Required" }),
  location: text(300).nullish(),
  grossMw: factSchema.nullable(),
  itMw: factSchema.nullable(),
  stage: z.enum(SITE_STAGES),
  use: z.enum(SITE_USES),
  expectedEnergization: text(300).nullish(),
  ownership: text(500).nullish(),
  source: httpUrl.nullish(),
  note: text().nullish(),
});
export type SiteInput = z.infer<typeof siteSchema>;

export const contractSchema = z
  .strictObject({
    id: text(80).min(1, { error: "Required" }).regex(/^[A-Za-z0-9._-]+$/, { error: "Letters, digits, . _ - only" }),
    counterparty: text(200).min(1, { error: "Required" }),
    counterpartyKind: z.enum(COUNTERPARTY_KINDS).nullish(),
    counterpartyRating: text(20).nullish(),
    guarantor: text(200).nullish(),
    guarantorRating: text(20).nullish(),
    backstopUsd: nonNeg.nullish(),
    structure: z.enum(CONTRACT_STRUCTURES),
    leaseType: z.enum(LEASE_TYPES).nullish(),
    site: text(200).nullish(),
    itMw: z.number().positive({ error: "Must be > 0" }).nullish(),
    itMwBasis: z.enum(MW_BASES),
    tenorYears: z.number().positive({ error: "Must be > 0" }).max(99).nullish(),
    totalValueUsd: nonNeg.nullish(),
    extensionOptions: text().nullish(),
    signedDate: partialDate.nullish(),
    rentStart: text(200).nullish(),
    status: z.enum(CONTRACT_STATUSES),
    deliveredItMw: nonNeg.nullish(),
    companyGpuCapexUsd: nonNeg.nullish(),
    prepaymentUsd: nonNeg.nullish(),
    companyFundedCapexUsd: nonNeg.nullish(),
    tenantFundedCapexShare: share01.nullish(),
    sources: z.array(httpUrl).max(50),
    note: text(4000).nullish(),
  })
  .superRefine((c, ctx) => {
    if (c.deliveredItMw != null && c.itMw != null && c.deliveredItMw > c.itMw)
      ctx.addIssue({ code: "custom", path: ["deliveredItMw"], message: "Delivered MW exceeds contract MW" });
  });
export type ContractInput = z.infer<typeof contractSchema>;

export const eventSchema = z.strictObject({
  date: partialDate,
  kind: z.enum(EVENT_KINDS),
  summary: text(4000).min(1, { error: "Required" }),
  sources: z.array(httpUrl).max(50),
  contract: contractSchema.optional(),
});
export type EventInput = z.infer<typeof eventSchema>;

export const powerTotalsSchema = z.strictObject({
  securedMw: factSchema.nullable(),
  energizedMw: factSchema.nullable(),
  note: text().nullish(),
});

export const companySchema = z
  .strictObject({
    ticker: z.string().regex(/^[A-Z][A-Z0-9.]{0,9}$/, { error: "1–10 capitals, digits or dots" }),
    name: text(200).min(1, { error: "Required" }),
    exchange: text(100),
    country: z.string().regex(/^[A-Z]{2}$/, { error: "ISO-2 country code" }),
    sharePrice: priceFactSchema.nullable(),
    sharesOutstanding: sharesFactSchema.nullable(),
    totalDebt: factSchema.nullable(),
    cash: factSchema.nullable(),
    preferredEquity: factSchema.nullable(),
    committedFinancing: factSchema.nullable(),
    btcHeld: factSchema.nullable(),
    hashrateEh: factSchema.nullable(),
    marketCapPublished: factSchema.nullable(),
    enterpriseValuePublished: factSchema.nullable(),
    powerStrategy: z.enum(POWER_STRATEGIES).nullable(),
    powerTotals: powerTotalsSchema,
    sites: z.array(siteSchema),
    contracts: z.array(contractSchema),
    events: z.array(eventSchema),
    gaps: z.array(text(1000)),
  })
  .superRefine((c, ctx) => {
    const names = new Set<string>();
    c.sites.forEach((s, i) => {
      if (names.has(s.name)) ctx.addIssue({ code: "custom", path: ["sites", i, "name"], message: `Duplicate site name "${s.name}"` });
      names.add(s.name);
    });
    c.contracts.forEach((k, i) => {
      if (k.site != null && !names.has(k.site))
        ctx.addIssue({ code: "custom", path: ["contracts", i, "site"], message: `No site named "${k.site}"` });
    });
  });
export type CompanyInput = z.infer<typeof companySchema>;

export const datasetSchema = z
  .strictObject({
    snapshot: partialDate,
    currency: z.literal("USD"),
    notes: text(20000),
    companies: z.array(companySchema).min(1),
  })
  .superRefine((d, ctx) => {
    const tickers = new Set<string>();
    const codes = new Set<string>();
    d.companies.forEach((c, i) => {
      if (tickers.has(c.ticker)) ctx.addIssue({ code: "custom", path: ["companies", i, "ticker"], message: "Duplicate ticker" });
      tickers.add(c.ticker);
      const all = [...c.contracts, ...c.events.flatMap((e) => (e.contract ? [e.contract] : []))];
      all.forEach((k) => {
        if (codes.has(k.id)) ctx.addIssue({ code: "custom", path: ["companies", i, "contracts"], message: `Duplicate contract id ${k.id}` });
        codes.add(k.id);
      });
    });
  });
export type DatasetInput = z.infer<typeof datasetSchema>;

export const assumptionSetSchema = z.strictObject({
  name: text(60).min(1, { error: "Required" }),
  values: assumptionsSchema,
});

/**
 * Turn zod issues on a dataset into lines a person can act on: "CIFR: sharePrice.value — Must be > 0".
 * The company is named by its ticker (read from the raw input), not by its index.
 */
export function describeDatasetIssues(raw: unknown, error: z.ZodError): string[] {
  const companies = (raw as { companies?: { ticker?: unknown }[] })?.companies;
  return error.issues.map((issue) => {
    const [head, index, ...rest] = issue.path;
    if (head === "companies" && typeof index === "number") {
      const ticker = companies?.[index]?.ticker;
      const who = typeof ticker === "string" ? ticker : `company #${index + 1}`;
      return `${who}: ${formatPath(rest) || "(record)"} — ${issue.message}`;
    }
    return `${formatPath(issue.path) || "(file)"} — ${issue.message}`;
  });
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), "");
}

/** String.prototype.isWellFormed (ES2024), written out for older browsers and the ES2023 lib. */
export function isWellFormedText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c > 0xdbff) return false; // a low surrogate with no high one before it
    const next = s.charCodeAt(i + 1);
    if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
    i++;
  }
  return true;
}
