import type { NextRequest } from "next/server";
import { db } from "@/lib/server/db";
import { answerScreen, screenApiBody } from "@/lib/server/screen-request";

export const dynamic = "force-dynamic";

/**
 * GET /api/screen?set=&asOf=&q=&tier=&flag=&minDiscount=&minContracted=&preset=&sort= — the same parameters as
 * the screener page. Returns the scored rows (with explanations) on the view date, in the view's filter and
 * order, each with what a person entered (`userEntered`); with a search (q), what it matched (`matched`), as the table's hint does.
 * /api/screen.csv and /api/screen.xlsx take the same parameters (lib/server/screen-request.ts).
 */
export function GET(req: NextRequest) {
  return answerScreen(db, req, "GET /api/screen", (view, screen) => Response.json(screenApiBody(view, screen)));
}
