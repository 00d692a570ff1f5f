import { revalidatePath } from "next/cache";
import { requireWriter } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { readJson, serverError, writeResponse } from "@/lib/server/http";
import { marketFiguresOf, saveMarketFigures } from "@/lib/server/mutations/company";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ ticker: string }> };

/** GET: the company's market figures with provenance and the version to send back with a change. */
export async function GET(_req: Request, ctx: Ctx) {
  const { ticker } = await ctx.params;
  try {
    const v = await marketFiguresOf(db, ticker.toUpperCase().slice(0, 10));
    return v ? Response.json(v) : Response.json({ error: "Company not found" }, { status: 404 });
  } catch (e) {
    return serverError("GET figures", e);
  }
}

/**
 * PUT: { version, facts } — the same schema and write path as the edit form. 400 with field errors,
 * 409 with the current values on a stale version, 401 without a session when a password is set.
 */
export async function PUT(req: Request, ctx: Ctx) {
  const writer = await requireWriter();
  if (!writer.ok) return Response.json({ error: "Sign in required" }, { status: 401 });
  const { ticker } = await ctx.params;
  const body = await readJson(req);
  if (!body.ok) return body.response;
  const input =
    body.value && typeof body.value === "object" && !Array.isArray(body.value) ? { ...body.value, ticker: ticker.toUpperCase() } : body.value;
  const r = await saveMarketFigures(db, input, writer.user);
  if (r.ok) revalidatePath("/", "layout");
  return writeResponse("PUT figures", r);
}
