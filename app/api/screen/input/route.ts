import type { NextRequest } from "next/server";
import { db } from "@/lib/server/db";
import { badRequest, serverError } from "@/lib/server/http";
import { loadScreenInput } from "@/lib/server/screen";
import { ViewDateError } from "@/lib/server/timeline";
import { fieldErrorsOf, parseView } from "@/lib/view/params";

export const dynamic = "force-dynamic";

/**
 * GET /api/screen/input?asOf= — every company's scoring input on the view date, with the data revision it
 * was read at: what the screener re-scores in the page when the assumption set changes (decision 0021).
 * Access is proxy.ts's, as for every /api/ path; unchanged data is answered from the page cache.
 */
export async function GET(req: NextRequest) {
  const parsed = parseView(new URL(req.url).searchParams);
  if (!parsed.ok) return badRequest(fieldErrorsOf(parsed.problems));
  try {
    return Response.json(await loadScreenInput(db, parsed.view.asOf));
  } catch (e) {
    if (e instanceof ViewDateError) return badRequest({ asOf: [e.message] });
    return serverError("GET /api/screen/input", e);
  }
}
