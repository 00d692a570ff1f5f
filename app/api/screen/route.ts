import type { NextRequest } from "next/server";
import { db } from "@/lib/server/db";
import { badRequest } from "@/lib/server/http";
import { answerScreen, readPage, screenApiBody } from "@/lib/server/screen-request";

export const dynamic = "force-dynamic";

/**
 * GET /api/screen?set=&asOf=&q=&tier=&flag=&minDiscount=&minContracted=&preset=&sort=&offset=&limit= — the
 * same parameters as the screener page, plus an optional page of the rows (offset from 0, limit 1–10,000;
 * all rows without a limit). Returns the scored rows (with explanations) on the view date, in the view's
 * filter and order, each with what a person entered (`userEntered`); with a search (q), what it matched
 * (`matched`), as the table's hint does. `count` is the rows in the view, whatever the page. The front
 * door gzips it when asked (lib/server/compress.ts). /api/screen.csv and /api/screen.xlsx take the view's parameters (lib/server/screen-request.ts).
 */
export function GET(req: NextRequest) {
  const paged = readPage(new URL(req.url).searchParams);
  if ("fieldErrors" in paged) return badRequest(paged.fieldErrors);
  return answerScreen(db, req, "GET /api/screen", (view, screen) => Response.json(screenApiBody(view, screen, paged.page)), paged.rest);
}
