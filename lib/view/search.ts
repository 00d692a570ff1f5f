// The screener's search: which of a row's names a query matches, and in which field. The table, its
// "matched:" hint and GET /api/screen all read searchMatch(), so a row is found, and explained, one way.
// The names a row does not show (former names, a party's other names) come with the row, worked out on
// the server by lib/view/search-names.ts, so the aliases and their sources stay out of the browser's code.
import type { CompanyAliasKind } from "../domain/aliases";
import type { ScreenerRow } from "./rows";

export type SearchField = "ticker" | "name" | CompanyAliasKind | "counterparty" | "guarantor" | "endUser" | "tenant";

export interface SearchMatch {
  field: SearchField;
  /** the text as the data has it: "Google (Alphabet)", "Keel Infrastructure", "OpenAI (CoreWeave)" */
  value: string;
  /** the alias the query matched when the text does not contain it: "AWS" for Amazon Web Services */
  alias?: string;
}

export const SEARCH_FIELD_LABEL: Record<SearchField, string> = {
  ticker: "ticker",
  name: "name",
  formerName: "former name",
  newName: "new name",
  formerTicker: "former ticker",
  newTicker: "new ticker",
  counterparty: "counterparty",
  guarantor: "guarantor",
  endUser: "end user",
  tenant: "tenant",
};

/** A name a row does not show (lib/view/search-names.ts); `searchedAs` when the text searched is neither the alias nor the value. */
export interface OtherName extends SearchMatch {
  searchedAs?: string;
}

/** One searchable text of a row, lower-cased, and the match it reports. */
interface Entry {
  text: string;
  match: SearchMatch;
}

const entry = ({ searchedAs, ...match }: OtherName): Entry => ({ text: (searchedAs ?? match.alias ?? match.value).toLowerCase(), match });
const COMPANY_FIELDS: ReadonlySet<SearchField> = new Set(["formerName", "newName", "formerTicker", "newTicker"]);

/**
 * A row's searchable texts in the order a match is reported: the company's own names first (those it
 * shows, then its other names), then its contract parties as written, then the parties' other names and
 * who stands behind them.
 */
function entriesOf(row: ScreenerRow): Entry[] {
  return [
    entry({ field: "ticker", value: row.ticker }),
    entry({ field: "name", value: row.name }),
    ...row.otherNames.filter((n) => COMPANY_FIELDS.has(n.field)).map(entry),
    ...row.counterparties.map((value) => entry({ field: "counterparty", value })),
    ...row.guarantors.map((value) => entry({ field: "guarantor", value })),
    ...row.otherNames.filter((n) => !COMPANY_FIELDS.has(n.field)).map(entry),
  ];
}

/** Rows are never changed once made, so each row's entries are built once. */
const entriesByRow = new WeakMap<ScreenerRow, Entry[]>();
function entries(row: ScreenerRow): Entry[] {
  let e = entriesByRow.get(row);
  if (!e) entriesByRow.set(row, (e = entriesOf(row)));
  return e;
}

/** What the query matches on this row (the first field, in the order above); null if nothing does. A blank query matches on nothing. */
export function searchMatch(row: ScreenerRow, q: string): SearchMatch | null {
  const needle = q.trim().toLowerCase();
  if (!needle) return null;
  for (const e of entries(row)) if (e.text.includes(needle)) return e.match;
  return null;
}

export function matchesSearch(row: ScreenerRow, q: string): boolean {
  return !q.trim() || searchMatch(row, q) !== null;
}

/** "guarantor Google (Alphabet)", "counterparty Amazon Web Services (as AWS)". */
export const describeMatch = (m: SearchMatch) => `${SEARCH_FIELD_LABEL[m.field]} ${m.value}${m.alias ? ` (as ${m.alias})` : ""}`;

/** The row's hint, when the query found it by something the row does not show (not its ticker or name). */
export function matchHint(row: ScreenerRow, q: string): string | undefined {
  const m = searchMatch(row, q);
  return m && m.field !== "ticker" && m.field !== "name" ? `matched: ${describeMatch(m)}` : undefined;
}
