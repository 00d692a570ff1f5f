import type { NextRequest } from "next/server";
import { z } from "zod";
import { toCsv } from "@/lib/domain/update-text";
import { UPDATE_FORMAT } from "@/lib/domain/updates";
import { db } from "@/lib/server/db";
import { badRequest, notFound, serverError } from "@/lib/server/http";
import { exportUpdates } from "@/lib/server/updates";

export const dynamic = "force-dynamic";

const paramsSchema = z.strictObject({
  ticker: z
    .string()
    .regex(/^[A-Za-z0-9.]{1,10}$/, { error: "1–10 letters, digits or dots" })
    .optional(),
  format: z.enum(["json", "csv"]).optional(),
});

/**
 * GET /api/updates?ticker=IREN&format=csv — every dated point of the figures an update file can carry, in
 * the update-file format (or the same rows as CSV): what `npm run data:update` and the Update data page read.
 */
export async function GET(req: NextRequest) {
  const parsed = paramsSchema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = { ...(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>) };
    for (const i of parsed.error.issues) if (i.code === "unrecognized_keys") for (const k of i.keys) fieldErrors[k] = ["Unknown parameter"];
    return badRequest(fieldErrors);
  }
  const ticker = parsed.data.ticker?.toUpperCase();
  try {
    if (ticker && !(await db.company.findUnique({ where: { ticker }, select: { id: true } }))) return notFound(`Company ${ticker}`);
    const rows = await exportUpdates(db, ticker);
    const base = `watt-figures${ticker ? `-${ticker}` : ""}`;
    if (parsed.data.format === "csv")
      return new Response(toCsv(rows), {
        headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${base}.csv"` },
      });
    return Response.json(
      { format: UPDATE_FORMAT, description: `Every dated figure of ${ticker ?? "every company"}, exported from Watt Screener`, updates: rows },
      { headers: { "content-disposition": `attachment; filename="${base}.json"` } },
    );
  } catch (e) {
    return serverError("GET /api/updates", e);
  }
}
