import { db } from "@/lib/server/db";
import { serverError } from "@/lib/server/http";
import { readRevision } from "@/lib/server/revision";

export const dynamic = "force-dynamic";

/**
 * GET /api/revision — the data revision, which every write bumps (decision 0020). A screener that re-scored
 * a set in the page asks it afterwards: if the data changed since the page was rendered, it has the server
 * render the view (decision 0021).
 */
export async function GET() {
  try {
    return Response.json({ revision: await readRevision(db) });
  } catch (e) {
    return serverError("GET /api/revision", e);
  }
}
