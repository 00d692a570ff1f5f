import type { NextRequest } from "next/server";
import { db } from "@/lib/server/db";
import { badRequest, serverError } from "@/lib/server/http";
import { UnknownAssumptionSet } from "@/lib/server/screen";
import { loadSensitivityInputs } from "@/lib/server/sensitivity";
import { ViewDateError } from "@/lib/server/timeline";
import { rangeValues, sweepRange } from "@/lib/view/sensitivity";
import { labelOf, parseSensitivity } from "@/lib/view/sensitivity-params";
import { ASSUMPTION_META } from "@/lib/scoring/assumptions";

export const dynamic = "force-dynamic";

/**
 * GET /api/sweep?key=&from=&to=&step=&set=&asOf= — every company's discount, EV/W, tier and rank at each
 * value of one numeric assumption (the page's parameters; any bad one → 400 with its field errors).
 */
export async function GET(req: NextRequest) {
  const { view, fieldErrors } = parseSensitivity(req.nextUrl.searchParams);
  const { "(form)": formErrors = [], ...fields } = fieldErrors;
  if (formErrors.length || Object.keys(fields).length) return badRequest(fields as Record<string, string[]>, formErrors);
  try {
    const { set, viewDate, companies } = await loadSensitivityInputs(db, view.set, view.asOf);
    const series = sweepRange(companies, set.values, { viewDate }, view.key, view.range);
    return Response.json({
      viewDate,
      assumptionSet: set.name,
      key: view.key,
      label: labelOf(view.key),
      unit: ASSUMPTION_META[view.key].unit,
      setValue: set.values[view.key],
      range: view.range,
      values: rangeValues(view.range),
      series: series.map((s) => ({ ticker: s.ticker, name: companies.find((c) => c.ticker === s.ticker)?.name ?? s.ticker, points: s.points })),
    });
  } catch (e) {
    if (e instanceof UnknownAssumptionSet) return badRequest({ set: [e.message] });
    if (e instanceof ViewDateError) return badRequest({ asOf: [e.message] });
    return serverError("GET /api/sweep", e);
  }
}
