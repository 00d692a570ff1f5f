import type { NextRequest } from "next/server";
import { db } from "@/lib/server/db";
import { answerScreen } from "@/lib/server/screen-request";
import { applyView } from "@/lib/view/filter";
import { searchMatch } from "@/lib/view/search";

export const dynamic = "force-dynamic";

/**
 * GET /api/screen?set=&asOf=&q=&tier=&flag=&minDiscount=&minContracted=&preset=&sort= — the same parameters as
 * the screener page. Returns the scored rows (with explanations) on the view date, in the view's filter and
 * order; with a search (q), each row says what it matched (`matched: { field, value, alias? }`), as the table's hint does.
 * /api/screen.csv and /api/screen.xlsx take the same parameters (lib/server/screen-request.ts).
 */
export function GET(req: NextRequest) {
  return answerScreen(db, req, "GET /api/screen", (view, { set, meta, viewDate, scored, rows, dates }) => {
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
  });
}
