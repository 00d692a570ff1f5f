import type { NextRequest } from "next/server";
import { db } from "@/lib/server/db";
import { badRequest, serverError } from "@/lib/server/http";
import { loadScreen, UnknownAssumptionSet } from "@/lib/server/screen";
import { ViewDateError } from "@/lib/server/timeline";
import { applyView } from "@/lib/view/filter";
import { parseView } from "@/lib/view/params";
import { searchMatch } from "@/lib/view/search";

export const dynamic = "force-dynamic";

/**
 * GET /api/screen?set=&asOf=&q=&tier=&flag=&minDiscount=&minContracted=&preset=&sort= — the same parameters as
 * the screener page. Returns the scored rows (with explanations) on the view date, in the view's filter and
 * order; with a search (q), each row says what it matched (`matched: { field, value, alias? }`), as the table's hint does.
 */
export async function GET(req: NextRequest) {
  const parsed = parseView(req.nextUrl.searchParams);
  if (!parsed.ok) return badRequest(parsed.fieldErrors, parsed.formErrors);
  const { view } = parsed;
  try {
    const { set, meta, viewDate, scored, rows, dates } = await loadScreen(db, view.set, view.asOf);
    const byTicker = new Map(scored.map((s) => [s.ticker, s]));
    const selected = applyView(rows, view);
    return Response.json({
      snapshot: meta?.snapshot ?? null,
      viewDate,
      latestDataDate: dates.latest,
      assumptionSet: set.name,
      assumptions: set.values,
      view,
      count: selected.length,
      total: rows.length,
      rows: selected.map((r) => (view.q.trim() ? { ...byTicker.get(r.ticker), matched: searchMatch(r, view.q) } : byTicker.get(r.ticker))),
    });
  } catch (e) {
    if (e instanceof UnknownAssumptionSet) return badRequest({ set: [e.message] });
    if (e instanceof ViewDateError) return badRequest({ asOf: [e.message] });
    return serverError("GET /api/screen", e);
  }
}
