import type { NextRequest } from "next/server";
import { db } from "@/lib/server/db";
import { screenExportResponse } from "@/lib/server/screen-request";

export const dynamic = "force-dynamic";

/** GET /api/screen.xlsx?… — the view as a workbook (Screen, Inputs, Contracts, Metadata); GET /api/screen's parameters. */
export function GET(req: NextRequest) {
  return screenExportResponse(db, req, "xlsx");
}
