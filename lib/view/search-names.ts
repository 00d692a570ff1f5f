// The names the search knows a row by that the row does not show: the company's former and later names
// and tickers, the other names of its contract parties ("AWS" for Amazon Web Services) and who stands
// behind a party (a named end user or tenant). Worked out on the server with the row (lib/view/rows.ts);
// lib/view/search.ts matches them in the browser without the alias table.
import { COMPANY_ALIASES, NAMED_PARTIES, PARTY_ALIASES } from "../domain/aliases";
import type { OtherName } from "./search";

const words = (s: string) => new RegExp(`\\b${s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i");
const partyNames = PARTY_ALIASES.map((p) => ({ names: p.names, patterns: p.names.map(words) }));

/** The other names of a party whose text mentions one of an alias entry's names as a word. */
function aliasesOf(text: string): string[] {
  const out: string[] = [];
  for (const p of partyNames)
    if (p.patterns.some((re) => re.test(text))) out.push(...p.names.filter((n) => !text.toLowerCase().includes(n.toLowerCase())));
  return out;
}

/** In the order a match is reported: company names, then parties' aliases, then who stands behind them. */
export function otherNamesOf(row: { ticker: string; counterparties: readonly string[]; guarantors: readonly string[] }): OtherName[] {
  const parties = [
    ...row.counterparties.map((value) => ({ field: "counterparty" as const, value })),
    ...row.guarantors.map((value) => ({ field: "guarantor" as const, value })),
  ];
  return [
    ...(COMPANY_ALIASES[row.ticker] ?? []).map((a) => ({ field: a.kind, value: a.value })),
    ...parties.flatMap((p) => aliasesOf(p.value).map((alias) => ({ field: p.field, value: p.value, alias }))),
    ...NAMED_PARTIES.filter((n) => n.ticker === row.ticker && row.counterparties.includes(n.counterparty)).map((n) => ({
      field: n.role,
      value: `${n.name} (${n.counterparty})`,
      searchedAs: n.name,
    })),
  ];
}
