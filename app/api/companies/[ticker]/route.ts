import type { NextRequest } from "next/server";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { badRequest, notFound, serverError } from "@/lib/server/http";
import { loadCompanyScore, UnknownAssumptionSet } from "@/lib/server/screen";
import { ViewDateError } from "@/lib/server/timeline";
import { pointsAt } from "@/lib/domain/history";
import { asOfProblem } from "@/lib/view/params";

export const dynamic = "force-dynamic";

const paramsSchema = z.strictObject({
  set: z.string().trim().min(1).max(60).optional(),
  asOf: z
    .string()
    .refine((v) => asOfProblem(v) == null, { error: "Use YYYY-MM-DD (a day that exists)" })
    .optional(),
});

/**
 * GET /api/companies/IREN?set=Base&asOf=2026-06-30 — the company on the view date: the figures in force
 * with their provenance, what a person entered that is in force then (`userEntered`: figures and
 * overrides, with who and when), its sites and contracts as they stand then, every dated point of its
 * figures (`history`), and its full scored explanation.
 */
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
    const r = await loadCompanyScore(db, ticker.toUpperCase(), parsed.data.set, parsed.data.asOf);
    if (!r) return notFound(`Company ${ticker.toUpperCase()}`);
    const { company, score, set, record, history } = r;
    const inForce = pointsAt(history.points, r.viewDate, r.dates.snapshot);
    return Response.json({
      ticker: company.ticker,
      name: company.name,
      exchange: company.exchange,
      country: company.country,
      gaps: company.gaps,
      viewDate: r.viewDate,
      latestDataDate: r.dates.latest,
      facts: [...inForce.values()].map(({ key, value: v, origin }) => ({
        key,
        value: v.value,
        asOf: v.asOf,
        sourceUrl: v.source,
        note: v.note ?? null,
        basis: v.basis ?? null,
        low: v.low ?? null,
        high: v.high ?? null,
        origin,
      })),
      userEntered: r.userEntered,
      history: company.facts.map(({ key, value, asOf, sourceUrl, note, basis, low, high, origin, recordedAt, recordedBy }) => ({
        key,
        value,
        asOf,
        sourceUrl,
        note,
        basis,
        low,
        high,
        origin,
        recordedAt,
        recordedBy,
      })),
      sites: record.sites,
      siteChanges: company.siteChanges.map(({ id, companyId: _c, ...c }) => ({ id, ...c })),
      contracts: record.contracts,
      events: company.events.map(({ id, companyId: _c, ...e }) => ({ id, ...e })),
      balanceSheetEvents: company.balanceSheetEvents.map(({ id, companyId: _c, ...e }) => ({ id, ...e })),
      assumptionSet: set.name,
      score,
    });
  } catch (e) {
    if (e instanceof UnknownAssumptionSet) return badRequest({ set: [e.message] });
    if (e instanceof ViewDateError) return badRequest({ asOf: [e.message] });
    return serverError(`GET /api/companies/${ticker}`, e);
  }
}
