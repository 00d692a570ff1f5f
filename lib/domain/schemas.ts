// The one zod module for the domain. The seed parses the dataset file with `datasetSchema`; forms,
// server actions, the API and import reuse the same pieces, so a value accepted anywhere is accepted
// everywhere. Field names follow the dataset file; the database adds units to them (lib/domain/facts.ts).
import { z } from "zod";
import {
  BALANCE_SHEET_EVENT_KINDS,
  CONTRACT_STATUSES,
  CONTRACT_STRUCTURES,
  COUNTERPARTY_KINDS,
  EVENT_KINDS,
  IT_MW_SCOPES,
  LEASE_TYPES,
  MW_BASES,
  NOTE_MAX_CHARS,
  POWER_STRATEGIES,
  SHARE_BASES,
  SITE_STAGES,
  SITE_USES,
} from "./enums";
import { isCountryCode } from "../countries";
import type { NumberRule } from "../number-input";
import { numberSchema } from "../number-schema";
import { assumptionsSchema } from "../scoring/assumptions";
import { FACT_KEYS, FACTS, type FactKey } from "./facts";
import { BTC_CHANGE, FRACTION, MW_AMOUNT, MW_POSITIVE, OWNERSHIP_SHARE, SHARE_CHANGE, TENOR_YEARS, USD_AMOUNT, USD_CHANGE } from "./number-rules";

/** A day that exists in its month (2025-02-30 and 2025-06-31 do not; Date.parse would roll them over). */
const dayExists = (d: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return true; // the format check speaks for other shapes
  const [y, m, day] = d.split("-").map(Number);
  return day <= new Date(Date.UTC(y, m, 0)).getUTCDate();
};
const NO_SUCH_DAY = "No such day in that month";
/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a real month and day. */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
    error: "Use YYYY, YYYY-MM or YYYY-MM-DD",
  })
  .refine(dayExists, { error: NO_SUCH_DAY });
/** As-of dates of figures: at least a month. */
export const asOfDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, {
    error: "Use YYYY-MM or YYYY-MM-DD",
  })
  .refine(dayExists, { error: NO_SUCH_DAY });
/**
 * Text that can be stored. A lone UTF-16 surrogate ("\uD800" in JSON) is valid in a JS string but not
 * in UTF-8, so the database layer throws on it; every string that reaches the database starts here.
 */
const LONE_SURROGATE = "Contains an invalid character (a lone UTF-16 surrogate)";
export const wellFormedString = z.string().refine(isWellFormedText, { error: LONE_SURROGATE });
export const httpUrl = z
  .url({ protocol: /^https?$/, error: "Must be an http(s) URL" })
  .max(2000)
  .refine(isWellFormedText, { error: LONE_SURROGATE });
const text = (max = 2000) => wellFormedString.trim().max(max);
// Every number goes through numberSchema: the forms' parser for typed text, the declared bounds for all
// (lib/domain/number-rules.ts), one wording for the messages.
/** An ownership share (§10.6): more than nothing, at most all of it. */
const ownershipShare = numberSchema(OWNERSHIP_SHARE);
const countryCode = z.string().refine(isCountryCode, { error: "Not an ISO 3166 country code (two capitals, e.g. US, NO, PY)" });

/** A sourced figure: the value (inside its kind's bounds), when it was true, where it comes from. */
const sourcedFigure = (rule: NumberRule) =>
  z.strictObject({
    value: numberSchema(rule),
    asOf: asOfDate,
    source: httpUrl,
    note: text().nullish(),
  });
const mwFigure = sourcedFigure(MW_AMOUNT);
const shareBasis = z.enum(SHARE_BASES);
/** Company-stated capex per IT MW: the midpoint as the value, with the range where one is given. */
const rangeFigure = (rule: NumberRule) =>
  sourcedFigure(rule)
    .extend({ low: numberSchema(rule).nullish(), high: numberSchema(rule).nullish() })
    .superRefine((f, ctx) => {
      if (f.low != null && f.low > f.value) ctx.addIssue({ code: "custom", path: ["low"], message: "Low must be ≤ the value" });
      if (f.high != null && f.high < f.value) ctx.addIssue({ code: "custom", path: ["high"], message: "High must be ≥ the value" });
    });

/** The schema of one company figure, from its declaration (lib/domain/facts.ts): its shape and its bounds. */
function figureSchemaOf(f: (typeof FACTS)[number]): z.ZodType<FigureInput> {
  if (f.form === "shares") return sourcedFigure(f.rule).extend({ basis: shareBasis });
  if (f.form === "range") return rangeFigure(f.rule);
  return sourcedFigure(f.rule);
}
const FIGURE_SCHEMAS = Object.fromEntries(FACTS.map((f) => [f.key, figureSchemaOf(f)])) as Record<FactKey, z.ZodType<FigureInput>>;
export const figureSchema = (key: FactKey) => FIGURE_SCHEMAS[key];
const datasetFigure = (key: FactKey) => FIGURE_SCHEMAS[key].nullable();

export type FactInput = z.infer<typeof mwFigure>;
/** Any company figure: shares carry their basis, capex guidance its range. */
export type FigureInput = FactInput & { basis?: (typeof SHARE_BASES)[number]; low?: number | null; high?: number | null };
export type RangeFactInput = z.infer<ReturnType<typeof rangeFigure>>;

export const siteSchema = z
  .strictObject({
    name: text(200).min(1, { error: "Required" }),
    location: text(300).nullish(),
    /** ISO-2; null = not known (scored as outside the AI-ready markets, methodology §10.4) */
    country: countryCode.nullish(),
    grossMw: mwFigure.nullable(),
    itMw: mwFigure.nullable(),
    /** what the IT figure covers: the whole site (default) or a first phase (§10.3) */
    itMwScope: z.enum(IT_MW_SCOPES).nullish(),
    /** the company's share of the site (§10.6) */
    companyShare: ownershipShare.default(1),
    stage: z.enum(SITE_STAGES),
    use: z.enum(SITE_USES),
    expectedEnergization: text(300).nullish(),
    ownership: text(500).nullish(),
    source: httpUrl.nullish(),
    note: text().nullish(),
  })
  .superRefine((s, ctx) => {
    if (s.itMwScope != null && s.itMw == null)
      ctx.addIssue({ code: "custom", path: ["itMwScope"], message: "Says what the IT figure covers, so it needs an IT MW figure" });
  });
export type SiteInput = z.infer<typeof siteSchema>;

export const contractSchema = z
  .strictObject({
    id: text(80)
      .min(1, { error: "Required" })
      .regex(/^[A-Za-z0-9._-]+$/, { error: "Letters, digits, . _ - only" }),
    counterparty: text(200).min(1, { error: "Required" }),
    counterpartyKind: z.enum(COUNTERPARTY_KINDS).nullish(),
    counterpartyRating: text(20).nullish(),
    guarantor: text(200).nullish(),
    guarantorRating: text(20).nullish(),
    backstopUsd: numberSchema(USD_AMOUNT).nullish(),
    structure: z.enum(CONTRACT_STRUCTURES),
    leaseType: z.enum(LEASE_TYPES).nullish(),
    site: text(200).nullish(),
    itMw: numberSchema(MW_POSITIVE).nullish(),
    itMwBasis: z.enum(MW_BASES),
    tenorYears: numberSchema(TENOR_YEARS).nullish(),
    totalValueUsd: numberSchema(USD_AMOUNT).nullish(),
    extensionOptions: text().nullish(),
    signedDate: partialDate.nullish(),
    rentStart: text(200).nullish(),
    status: z.enum(CONTRACT_STATUSES),
    deliveredItMw: numberSchema(MW_AMOUNT).nullish(),
    companyGpuCapexUsd: numberSchema(USD_AMOUNT).nullish(),
    prepaymentUsd: numberSchema(USD_AMOUNT).nullish(),
    companyFundedCapexUsd: numberSchema(USD_AMOUNT).nullish(),
    /** the MW the stated company capex covers, when it covers only part of the contract (§10.5) */
    companyFundedCapexMw: numberSchema(MW_POSITIVE).nullish(),
    tenantFundedCapexShare: numberSchema(FRACTION).nullish(),
    /** the company's sites this contract occupies and the MW on each (§10.2) */
    siteAllocations: z
      .array(z.strictObject({ site: text(200).min(1, { error: "Required" }), itMw: numberSchema(MW_POSITIVE) }))
      .min(1, { error: "Add at least one site, or leave allocations empty" })
      .max(50)
      .nullish(),
    /** the company's share of the contract (§10.6) */
    companyShare: ownershipShare.default(1),
    sources: z.array(httpUrl).max(50),
    note: text(4000).nullish(),
  })
  .superRefine((c, ctx) => {
    if (c.deliveredItMw != null && c.itMw != null && c.deliveredItMw > c.itMw)
      ctx.addIssue({ code: "custom", path: ["deliveredItMw"], message: "Delivered MW exceeds contract MW" });
    if (c.companyFundedCapexMw != null && c.companyFundedCapexUsd == null)
      ctx.addIssue({
        code: "custom",
        path: ["companyFundedCapexMw"],
        message: "Says which MW the stated company capex covers, so it needs that capex",
      });
    if (c.companyFundedCapexMw != null && c.itMw != null && c.companyFundedCapexMw > c.itMw)
      ctx.addIssue({ code: "custom", path: ["companyFundedCapexMw"], message: "Covers more MW than the contract has" });
    if (!c.siteAllocations?.length) return;
    if (c.site) ctx.addIssue({ code: "custom", path: ["siteAllocations"], message: "Give either one site or site allocations, not both" });
    const seen = new Set<string>();
    c.siteAllocations.forEach((x, i) => {
      if (seen.has(x.site)) ctx.addIssue({ code: "custom", path: ["siteAllocations", i, "site"], message: `"${x.site}" is listed twice` });
      seen.add(x.site);
    });
    const total = c.siteAllocations.reduce((t, x) => t + x.itMw, 0);
    if (c.itMw != null && total > c.itMw + 1e-9)
      ctx.addIssue({
        code: "custom",
        path: ["siteAllocations"],
        message: `Allocations add up to ${total} MW, more than the contract's ${c.itMw} MW`,
      });
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

const DELTAS = ["cashDeltaUsd", "debtDeltaUsd", "preferredDeltaUsd", "committedDeltaUsd", "sharesDelta", "btcDelta"] as const;

/** A dated transaction after a balance-sheet date (methodology §10.1): what it moved, by how much. */
export const balanceSheetEventSchema = z
  .strictObject({
    date: asOfDate,
    kind: z.enum(BALANCE_SHEET_EVENT_KINDS),
    description: text(2000).min(1, { error: "Required" }),
    cashDeltaUsd: numberSchema(USD_CHANGE).nullable(),
    debtDeltaUsd: numberSchema(USD_CHANGE).nullable(),
    preferredDeltaUsd: numberSchema(USD_CHANGE).nullable(),
    committedDeltaUsd: numberSchema(USD_CHANGE).nullable(),
    sharesDelta: numberSchema(SHARE_CHANGE).nullable(),
    btcDelta: numberSchema(BTC_CHANGE).nullable(),
    sources: z.array(httpUrl).min(1, { error: "Give at least one source URL" }).max(50),
    note: text().nullish(),
  })
  .superRefine((e, ctx) => {
    if (DELTAS.every((k) => e[k] == null || e[k] === 0))
      ctx.addIssue({
        code: "custom",
        path: ["cashDeltaUsd"],
        message: "An event needs at least one change: cash, debt, preferred, committed financing, shares or bitcoin",
      });
  });
export type BalanceSheetEventInput = z.infer<typeof balanceSheetEventSchema>;

/**
 * A dated change to a site (issue: data over time): from `date` on, the site's stage, gross MW or IT MW is
 * the one given here (IREN's Sweetwater 1 energized on 2026-05-01). Null leaves that field as it was.
 */
export const siteChangeSchema = z
  .strictObject({
    site: text(200).min(1, { error: "Required" }),
    date: asOfDate,
    stage: z.enum(SITE_STAGES).nullish(),
    grossMw: numberSchema(MW_AMOUNT).nullish(),
    itMw: numberSchema(MW_AMOUNT).nullish(),
    source: httpUrl,
    note: text().nullish(),
  })
  .superRefine((c, ctx) => {
    if (c.stage == null && c.grossMw == null && c.itMw == null)
      ctx.addIssue({ code: "custom", path: ["stage"], message: "A site change needs a new stage, gross MW or IT MW" });
  });
export type SiteChangeInput = z.infer<typeof siteChangeSchema>;

/** An analyst's note: on the company (figure null) or on one of its figures. */
export const noteSchema = z.strictObject({
  figure: z.enum(FACT_KEYS as [FactKey, ...FactKey[]], { error: "Not a figure of this model" }).nullish(),
  body: wellFormedString
    .trim()
    .min(1, { error: "Write the note" })
    .max(NOTE_MAX_CHARS, { error: `At most ${NOTE_MAX_CHARS.toLocaleString("en-US")} characters (split it into several notes)` }),
});
export type NoteInput = z.infer<typeof noteSchema>;

export const powerTotalsSchema = z.strictObject({
  securedMw: datasetFigure("securedPowerMw"),
  energizedMw: datasetFigure("energizedPowerMw"),
  note: text().nullish(),
});

export const companySchema = z
  .strictObject({
    ticker: z.string().regex(/^[A-Z][A-Z0-9.]{0,9}$/, { error: "1–10 capitals, digits or dots" }),
    name: text(200).min(1, { error: "Required" }),
    exchange: text(100),
    country: countryCode,
    sharePrice: datasetFigure("sharePriceUsd"),
    sharesOutstanding: datasetFigure("sharesOutstanding"),
    totalDebt: datasetFigure("totalDebtUsd"),
    cash: datasetFigure("cashUsd"),
    preferredEquity: datasetFigure("preferredEquityUsd"),
    committedFinancing: datasetFigure("committedFinancingUsd"),
    btcHeld: datasetFigure("btcHeld"),
    btcValueUsdReported: datasetFigure("btcValueUsdReported"),
    capexGuidanceUsdPerMw: datasetFigure("capexGuidanceUsdPerMw"),
    hashrateEh: datasetFigure("hashrateEhs"),
    marketCapPublished: datasetFigure("marketCapPublishedUsd"),
    enterpriseValuePublished: datasetFigure("enterpriseValuePublishedUsd"),
    powerStrategy: z.enum(POWER_STRATEGIES).nullable(),
    powerTotals: powerTotalsSchema,
    sites: z.array(siteSchema),
    contracts: z.array(contractSchema),
    events: z.array(eventSchema),
    balanceSheetEvents: z.array(balanceSheetEventSchema),
    gaps: z.array(text(1000)),
  })
  .superRefine((c, ctx) => {
    const names = new Set<string>();
    c.sites.forEach((s, i) => {
      if (names.has(s.name)) ctx.addIssue({ code: "custom", path: ["sites", i, "name"], message: `Duplicate site name "${s.name}"` });
      names.add(s.name);
    });
    const checkSites = (k: ContractInput, path: (string | number)[]) => {
      for (const issue of contractSiteIssues(k, names)) ctx.addIssue({ code: "custom", path: [...path, ...issue.path], message: issue.message });
    };
    c.contracts.forEach((k, i) => checkSites(k, ["contracts", i]));
    c.events.forEach((e, i) => e.contract && checkSites(e.contract, ["events", i, "contract"]));
  });

/** The sites a contract names that the company does not have (its single site, or an allocation's). */
export function contractSiteIssues(k: ContractInput, siteNames: ReadonlySet<string>): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  if (k.site != null && k.site !== "" && !siteNames.has(k.site)) out.push({ path: ["site"], message: `No site named "${k.site}"` });
  k.siteAllocations?.forEach((x, i) => {
    if (!siteNames.has(x.site)) out.push({ path: ["siteAllocations", i, "site"], message: `No site named "${x.site}" at this company` });
  });
  return out;
}
export type CompanyInput = z.infer<typeof companySchema>;

export const datasetSchema = z
  .strictObject({
    version: z.literal(2, { error: "Dataset version must be 2 (dataset v2: see ../shared/data/README.md)" }),
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
