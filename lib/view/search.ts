// The screener's search: which of a row's names a query matches, and in which field. The table, its
// "matched:" hint and GET /api/screen all read searchMatch(), so a row is found, and explained, one way.
import { COMPANY_ALIASES, NAMED_PARTIES, PARTY_ALIASES, type CompanyAliasKind } from "../domain/aliases";
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

/** One searchable text of a row, lower-cased, and the match it reports. */
interface Entry {
  text: string;
  match: SearchMatch;
}

const words = (s: string) => new RegExp(`\\b${s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i");
const partyNames = PARTY_ALIASES.map((p) => ({ names: p.names, patterns: p.names.map(words) }));

/** The other names of a party whose text mentions one of an alias entry's names as a word. */
function aliasesOf(text: string): string[] {
  const out: string[] = [];
  for (const p of partyNames)
    if (p.patterns.some((re) => re.test(text))) out.push(...p.names.filter((n) => !text.toLowerCase().includes(n.toLowerCase())));
  return out;
}

const entry = (field: SearchField, value: string, alias?: string): Entry => ({
  text: (alias ?? value).toLowerCase(),
  match: alias ? { field, value, alias } : { field, value },
});

/**
 * A row's searchable texts in the order a match is reported: the company's own names first, then its
 * contract parties as written, then the parties' aliases, then who stands behind them.
 */
function entriesOf(row: ScreenerRow): Entry[] {
  const parties = [
    ...row.counterparties.map((value) => ({ field: "counterparty" as const, value })),
    ...row.guarantors.map((value) => ({ field: "guarantor" as const, value })),
  ];
  return [
    entry("ticker", row.ticker),
    entry("name", row.name),
    ...(COMPANY_ALIASES[row.ticker] ?? []).map((a) => entry(a.kind, a.value)),
    ...parties.map((p) => entry(p.field, p.value)),
    ...parties.flatMap((p) => aliasesOf(p.value).map((alias) => entry(p.field, p.value, alias))),
    ...NAMED_PARTIES.filter((n) => n.ticker === row.ticker && row.counterparties.includes(n.counterparty)).map((n) => ({
      text: n.name.toLowerCase(),
      match: { field: n.role, value: `${n.name} (${n.counterparty})` },
    })),
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
