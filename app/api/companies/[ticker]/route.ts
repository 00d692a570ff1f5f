import type { NextRequest } from "next/server";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { badRequest, notFound, serverError } from "@/lib/server/http";
import { loadCompanyScore, UnknownAssumptionSet } from "@/lib/server/screen";

export const dynamic = "force-dynamic";

const paramsSchema = z.strictObject({ set: z.string().trim().min(1).max(60).optional() });

/** GET /api/companies/IREN?set=Base — the company's inputs with provenance and its full scored explanation. */
export async function GET(req: NextRequest, ctx: { params: Promise<{ ticker: string }> }) {
  const { ticker } = await ctx.params;
  const parsed = paramsSchema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    const fieldErrors: Record<string, string[]> = { ...(flat.fieldErrors as Record<string, string[]>) };
    for (const i of parsed.error.issues) if (i.code === "unrecognized_keys") for (const k of i.keys) fieldErrors[k] = ["Unknown parameter"];
    return badRequest(fieldErrors);
  }
  if (!/^[A-Za-z0-9.]{1,10}$/.test(ticker)) return notFound(`Company ${ticker.slice(0, 20)}`);
  try {
    const r = await loadCompanyScore(db, ticker.toUpperCase(), parsed.data.set);
    if (!r) return notFound(`Company ${ticker.toUpperCase()}`);
    const { company, score, set } = r;
    return Response.json({
      ticker: company.ticker,
      name: company.name,
      exchange: company.exchange,
      country: company.country,
      gaps: company.gaps,
      viewDate: r.viewDate,
      facts: company.facts.map(({ key, value, asOf, sourceUrl, note, basis, low, high, origin }) => ({ key, value, asOf, sourceUrl, note, basis, low, high, origin })),
      sites: company.sites.map(({ id: _id, companyId: _c, ...s }) => s),
      contracts: company.contracts.map(({ id: _id, companyId: _c, ...k }) => k),
      events: company.events.map(({ id, companyId: _c, ...e }) => ({ id, ...e })),
      balanceSheetEvents: company.balanceSheetEvents.map(({ id, companyId: _c, ...e }) => ({ id, ...e })),
      assumptionSet: set.name,
      score,
    });
  } catch (e) {
    if (e instanceof UnknownAssumptionSet) return badRequest({ set: [e.message] });
    return serverError(`GET /api/companies/${ticker}`, e);
  }
}
