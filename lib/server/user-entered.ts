// The user-entered marker on a view date, for every company of a screen or for one company page. What
// counts is decided in lib/domain/user-entered.ts; this adds what only the audit log knows — who last
// saved a company's assumption overrides, and when — in two queries per screen, whatever the number of
// companies.
import { userEnteredAt, type EnteredBy, type UserEntered } from "../domain/user-entered";
import type { Db } from "./db-client";
import type { Timeline } from "./timeline";

/** Who last saved each company's overrides (its latest audit entry of the field), by ticker. */
export async function overrideAuthors(db: Db, ticker?: string): Promise<Map<string, EnteredBy>> {
  const companies = await db.company.findMany({ where: ticker ? { ticker } : {}, select: { id: true, ticker: true } });
  const tickerOf = new Map(companies.map((c) => [c.id, c.ticker]));
  const entries = await db.auditEntry.findMany({
    where: { entity: "Company", field: "assumptionOverrides", ...(ticker ? { companyId: { in: [...tickerOf.keys()] } } : {}) },
    orderBy: { id: "desc" },
    select: { companyId: true, user: true, at: true },
  });
  const out = new Map<string, EnteredBy>();
  for (const e of entries) {
    const t = e.companyId != null ? tickerOf.get(e.companyId) : undefined;
    if (t && !out.has(t)) out.set(t, { by: e.user, at: e.at.toISOString() }); // newest first: the first one wins
  }
  return out;
}

/** Each company's user-entered figures and overrides in force on the view date, by ticker. */
export function userEnteredByTicker(
  t: Pick<Timeline, "histories" | "snapshot">,
  viewDate: string,
  authors: Map<string, EnteredBy>,
): Map<string, UserEntered[]> {
  return new Map(t.histories.map((h) => [h.ticker, userEnteredAt(h, viewDate, t.snapshot, authors.get(h.ticker))]));
}
