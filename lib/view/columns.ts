// The screener's columns: id (also the URL and CSV name), header, unit, default visibility and, for the
// columns one can filter on, the filter. The table, the column picker, the sort whitelist, CSV export, the
// URL parser, the toolbar, the predicates and the facet counts all read this list.
import { FLAG_INFO } from "../scoring/flags";
import { FLAGS } from "../scoring/types";
import type { ScreenerRow } from "./rows";

export type ColumnKind =
  "text" | "usd" | "usdPrice" | "perW" | "pct" | "mw" | "years" | "score" | "int" | "date" | "tier" | "flags" | "usdPerKwMonth";

export interface ColumnDef {
  id: keyof ScreenerRow;
  header: string;
  kind: ColumnKind;
  defaultVisible: boolean;
  /** always shown (the picker does not offer it) */
  required?: boolean;
  description: string;
  /** the column's name inside a sentence ("sorted by …") when the header does not read as one */
  inSentence?: string;
  filter?: AtLeastFilter | OptionsFilter;
}

/**
 * A minimum on the column's value (`?minDiscount=20`). `min`/`max` are what the URL parser and the toolbar
 * accept; a row whose value is missing fails any minimum.
 */
export interface AtLeastFilter {
  variant: "atLeast";
  /** the URL parameter */
  param: string;
  /** the View field it fills */
  key: string;
  /** the toolbar's label, with the unit after it */
  label: string;
  unit: string;
  min: number;
  max: number;
  /** a value to show in messages ("e.g. 20") */
  example: number;
  /** the row's value in the filter's unit */
  value: (row: ScreenerRow) => number | null;
}

/** A choice of the column's values (`?tier=1,2`): rows with any of them (`anyOf`) or with all of them (`allOf`). */
export interface OptionsFilter<O extends string | number = string | number> {
  variant: "anyOf" | "allOf";
  param: string;
  key: string;
  /** the toolbar's legend */
  label: string;
  /** what one option is called in messages: "tier", "flag" */
  noun: string;
  options: readonly O[];
  optionLabel: (option: O) => string;
  /** the chip's tooltip */
  optionTitle?: (option: O) => string;
  /** the row's value(s) among the options */
  values: (row: ScreenerRow) => O | readonly O[];
}

/** Declared `as const`, so the filters' View fields are types (FilterFields). */
const DECLARED = [
  {
    id: "rank",
    header: "#",
    kind: "int",
    defaultVisible: true,
    required: true,
    description: "Rank by discount to build cost at base; negative-EV companies ranked apart, missing discount last",
  },
  { id: "ticker", header: "Ticker", kind: "text", defaultVisible: true, required: true, description: "Exchange ticker" },
  { id: "name", header: "Name", kind: "text", defaultVisible: true, description: "Company name" },
  {
    id: "tier",
    header: "Tier",
    kind: "tier",
    defaultVisible: true,
    description: "Tier 1–3 (methodology §7); hover or focus for why",
    filter: {
      variant: "anyOf",
      param: "tier",
      key: "tiers",
      label: "Tier",
      noun: "tier",
      options: [1, 2, 3],
      optionLabel: (t) => `Tier ${t}`,
      values: (r) => r.tier,
    },
  },
  { id: "priceUsd", header: "Price", kind: "usdPrice", defaultVisible: true, description: "Share price used (USD)" },
  {
    id: "impliedPriceBaseUsd",
    header: "Price at build cost",
    kind: "usdPrice",
    defaultVisible: true,
    description: "Implied share price if effective IT watts were worth the base build cost",
  },
  { id: "marketCapUsd", header: "Mkt cap", kind: "usd", defaultVisible: true, description: "Price × shares outstanding" },
  {
    id: "evUsd",
    header: "EV",
    kind: "usd",
    defaultVisible: true,
    description:
      "Enterprise value from the pro-forma balance sheet (ex-bitcoin when the set subtracts it); the published EV where ours needs a missing input",
  },
  {
    id: "evPublishedUsd",
    header: "Published EV",
    kind: "usd",
    defaultVisible: false,
    description: "EV as published by a third party, at its own price and date (reconciliation, §10.8)",
  },
  {
    id: "evPerWEffectiveIt",
    header: "EV/W eff. IT",
    kind: "perW",
    defaultVisible: true,
    description: "EV per watt of effective (probability-weighted) IT capacity",
  },
  { id: "evPerWTotalGross", header: "EV/W gross", kind: "perW", defaultVisible: false, description: "EV per watt of total gross (utility) power" },
  {
    id: "evPerWEnergizedGross",
    header: "EV/W energized",
    kind: "perW",
    defaultVisible: false,
    description: "EV per watt of energized gross power (operating sites)",
  },
  { id: "evPerWContractedIt", header: "EV/W contracted", kind: "perW", defaultVisible: false, description: "EV per watt of contracted IT capacity" },
  { id: "evPerEhUsd", header: "EV/EH", kind: "usd", defaultVisible: false, description: "EV per EH/s of hashrate (mining comps, §10.12)" },
  {
    id: "tcvPerContractedMwUsd",
    header: "TCV / MW",
    kind: "usd",
    defaultVisible: false,
    description: "Total contract value per contracted IT MW (§10.12)",
  },
  {
    id: "usdPerKwMonth",
    header: "$/kW-mo",
    kind: "usdPerKwMonth",
    defaultVisible: false,
    description: "Annual contract value per contracted IT kW, per month (§10.12)",
  },
  {
    id: "discountBase",
    header: "Discount to build cost",
    kind: "pct",
    defaultVisible: true,
    description: "1 − (EV/W effective) ÷ base build cost; low–high range below",
    // A discount can be far below −100% (EV/W several times the build cost) but never above 100%.
    filter: {
      variant: "atLeast",
      param: "minDiscount",
      key: "minDiscountPct",
      label: "Min discount",
      unit: "%",
      min: -10_000,
      max: 100,
      example: 20,
      value: (r) => (r.discountBase == null ? null : r.discountBase * 100),
    },
  },
  { id: "itMwEffective", header: "Eff. IT MW", kind: "mw", defaultVisible: false, description: "Effective IT MW: S1–S6 blocks × stage weights" },
  {
    id: "contractedItMw",
    header: "Contracted IT",
    kind: "mw",
    defaultVisible: true,
    description: "IT MW under AI/HPC contract",
    filter: {
      variant: "atLeast",
      param: "minContracted",
      key: "minContractedMw",
      label: "Min contracted IT",
      unit: "MW",
      min: 0,
      max: 1_000_000,
      example: 200,
      value: (r) => r.contractedItMw,
    },
  },
  { id: "deliveredItMw", header: "Delivered IT", kind: "mw", defaultVisible: true, description: "Contracted IT MW in service" },
  { id: "energizedGrossMw", header: "Energized gross", kind: "mw", defaultVisible: true, description: "Gross MW at operating sites" },
  { id: "totalGrossMw", header: "Total gross", kind: "mw", defaultVisible: true, description: "Gross MW at all listed sites" },
  { id: "contractedShare", header: "Contracted share", kind: "pct", defaultVisible: false, description: "Contracted IT MW ÷ all IT MW" },
  { id: "mainCounterparty", header: "Main counterparty", kind: "text", defaultVisible: true, description: "Counterparty of the largest contract" },
  { id: "weightedTenorYears", header: "Tenor", kind: "years", defaultVisible: true, description: "Contract tenor weighted by annual value" },
  { id: "cqs", header: "CQS", kind: "score", defaultVisible: true, description: "Contract quality score 0–100, weighted by annual value" },
  {
    id: "gapToMarketCap",
    header: "Gap / mkt cap",
    kind: "pct",
    defaultVisible: true,
    description: "Financing gap ÷ market cap (capex at the company's conversion capex)",
  },
  {
    id: "igShareOfTcv",
    header: "IG share",
    kind: "pct",
    defaultVisible: false,
    description: "Share of contract value with an investment-grade tenant or backstop (§10.11)",
  },
  {
    id: "flags",
    header: "Flags",
    kind: "flags",
    defaultVisible: true,
    description: FLAGS.join(", "),
    // Flags narrow the list: a row must carry every flag chosen.
    filter: {
      variant: "allOf",
      param: "flag",
      key: "flags",
      label: "Flags (all of)",
      noun: "flag",
      options: FLAGS,
      optionLabel: String,
      optionTitle: (f) => `${FLAG_INFO[f as keyof typeof FLAG_INFO].means} (${FLAG_INFO[f as keyof typeof FLAG_INFO].rule})`,
      values: (r) => r.flags,
    },
  },
  { id: "priceAsOf", header: "Price as of", kind: "date", defaultVisible: true, description: "Date of the share price", inSentence: "price date" },
] as const satisfies readonly ColumnDef[];

export const COLUMNS: readonly ColumnDef[] = DECLARED;
export type ColumnId = ColumnDef["id"];
export const COLUMN_IDS = COLUMNS.map((c) => c.id) as ColumnId[];
export const DEFAULT_VISIBLE = COLUMNS.filter((c) => c.defaultVisible).map((c) => c.id);
export const columnDef = (id: string): ColumnDef | undefined => COLUMNS.find((c) => c.id === id);
/** The direction a click on the header sorts first: A to Z for text and dates, rank 1 and Tier 1 first, largest first for the rest. */
export const sortsAscendingFirst = (def: ColumnDef) => def.kind === "text" || def.kind === "date" || def.id === "rank" || def.id === "tier";

/** A header as it reads inside a sentence: "Price at build cost" → "price at build cost"; "EV", "CQS", "IG share" stay. */
const inSentence = (def: ColumnDef) =>
  def.inSentence ?? (/^[A-Z][a-z]/.test(def.header) ? def.header[0].toLowerCase() + def.header.slice(1) : def.header);

/** The table's title for its order: the default is the ranking; any other sort says what it is by, and which end comes first. */
export function sortTitle(sort: { id: ColumnId; dir: "asc" | "desc" }): string {
  const def = columnDef(sort.id);
  const asc = sort.dir === "asc";
  // rank 1 is the largest discount: rank ascending is the ranking itself
  if ((sort.id === "discountBase" && !asc) || (sort.id === "rank" && asc)) return "Ranked by discount to build cost";
  if (sort.id === "rank") return "Ranked by discount to build cost, last first";
  if (!def) return "Ranked by discount to build cost";
  const end =
    def.id === "tier"
      ? asc
        ? "Tier 1 first"
        : "Tier 3 first"
      : def.kind === "text" || def.kind === "flags"
        ? asc
          ? "A to Z"
          : "Z to A"
        : def.kind === "date"
          ? asc
            ? "oldest first"
            : "newest first"
          : asc
            ? "lowest first"
            : "highest first";
  return `Sorted by ${inSentence(def)}, ${end}`;
}

type DeclaredFilter = (typeof DECLARED)[number] extends infer C ? (C extends { filter: infer F } ? F : never) : never;

/**
 * The view's filter fields, one per declared filter: a minimum is a number or undefined (no minimum), a
 * choice the options chosen ([]: all rows). The View type (params.ts) is built from this.
 */
export type FilterFields = {
  -readonly [F in DeclaredFilter as F["key"]]: F extends { variant: "atLeast" }
    ? number | undefined
    : F extends { options: readonly (infer O)[] }
      ? O[]
      : never;
};
export type FilterKey = keyof FilterFields;
/** The View fields of the choice filters (tiers, flags). */
export type ChoiceKey = { [K in FilterKey]: FilterFields[K] extends readonly unknown[] ? K : never }[FilterKey];

/** A declared filter, with its View field. */
export type ColumnFilter = (AtLeastFilter & { key: FilterKey }) | (OptionsFilter & { key: FilterKey });

/**
 * The declared filters: the choices first, then the minimums, each in column order. It is also the
 * order of their URL parameters (tier, flag, minDiscount, minContracted), which keeps the canonical query
 * of the views saved before filters were declared here.
 */
export const COLUMN_FILTERS: readonly ColumnFilter[] = (() => {
  const declared = COLUMNS.flatMap((c) => (c.filter ? [c.filter as ColumnFilter] : []));
  return [...declared.filter((f) => f.variant !== "atLeast"), ...declared.filter((f) => f.variant === "atLeast")];
})();

/** No filter set: every minimum undefined, every choice empty. */
export function noFilters(): FilterFields {
  return Object.fromEntries(COLUMN_FILTERS.map((f) => [f.key, f.variant === "atLeast" ? undefined : []])) as unknown as FilterFields;
}
