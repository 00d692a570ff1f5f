// One request path for the screen: GET /api/screen, /api/screen.csv and /api/screen.xlsx read the view
// from the URL with the screener's own parser (lib/view/params.ts) and answer a bad parameter, an unknown
// set or an impossible view date with 400 and field errors. The page applies the parameters it can and
// reports the rest; an API answers a request it cannot follow in full with the same messages and no data. Access (private reads: sign-in, no shared
// caching) is proxy.ts's, for every /api/ path alike.
import "server-only";
import { badRequest, serverError } from "./http";
import type { Db } from "./db-client";
import { loadScreen, UnknownAssumptionSet } from "./screen";
import { exportFileName, screenCsv, toScreenExport, type LoadedScreen } from "./screen-export";
import { screenXlsx } from "./screen-xlsx";
import { ViewDateError } from "./timeline";
import { explainRow } from "../scoring/screen";
import { applyView } from "../view/filter";
import { fieldErrorsOf, parseView, type View } from "../view/params";
import { searchMatch } from "../view/search";

export async function answerScreen(
  db: Db,
  req: Request,
  where: string,
  answer: (view: View, screen: LoadedScreen) => Response | Promise<Response>,
  params: URLSearchParams = new URL(req.url).searchParams,
): Promise<Response> {
  const parsed = parseView(params);
  if (!parsed.ok) return badRequest(fieldErrorsOf(parsed.problems));
  try {
    return await answer(parsed.view, await loadScreen(db, parsed.view.set, parsed.view.asOf));
  } catch (e) {
    if (e instanceof UnknownAssumptionSet) return badRequest({ set: [e.message] });
    if (e instanceof ViewDateError) return badRequest({ asOf: [e.message] });
    return serverError(where, e);
  }
}

/**
 * The body of GET /api/screen: the scored rows (with explanations) in the view's filter and order, each
 * with what a person entered that is in force on the view date (`userEntered`, as the table's marker)
 * and, with a search, what it matched (`matched: { field, value, alias? }`, as the table's hint).
 */
export function screenApiBody(view: View, { set, meta, viewDate, scored, rows, dates }: LoadedScreen, page: Page = { offset: 0, limit: null }) {
  const byTicker = new Map(scored.map((s) => [s.ticker, s]));
  const inView = applyView(rows, view);
  // Only the page's rows are explained: at 10,000 companies that is most of the answer's cost.
  const selected = inView.slice(page.offset, page.limit == null ? undefined : page.offset + page.limit);
  return {
    snapshot: meta?.snapshot ?? null,
    viewDate,
    latestDataDate: dates.latest,
    assumptionSet: set.name,
    assumptions: set.values,
    view,
    /** rows in the view (its filters), all rows, and this answer's slice of the view's rows */
    count: inView.length,
    total: rows.length,
    offset: page.offset,
    limit: page.limit,
    rows: selected.map((r) => ({
      ...explainRow(byTicker.get(r.ticker)!),
      userEntered: r.userEntered,
      ...(view.q.trim() ? { matched: searchMatch(r, view.q) } : {}),
    })),
  };
}

/** A slice of the view's rows: `offset` rows skipped, at most `limit` given (null: all of them). */
export interface Page {
  offset: number;
  limit: number | null;
}
export const MAX_PAGE = 10_000;

/**
 * Reads `offset` and `limit` off the parameters and returns the rest for the view's parser. Each must be
 * a whole number written in digits: offset ≥ 0, limit 1–10,000.
 */
export function readPage(params: URLSearchParams): { page: Page; rest: URLSearchParams } | { fieldErrors: Record<string, string[]> } {
  const rest = new URLSearchParams(params);
  const fieldErrors: Record<string, string[]> = {};
  const read = (name: "offset" | "limit", min: number, max: number): number | null => {
    const values = params.getAll(name);
    rest.delete(name);
    if (values.length === 0) return null;
    if (values.length > 1) fieldErrors[name] = [`Given ${values.length} times; give it once`];
    else if (!/^\d{1,9}$/.test(values[0]) || Number(values[0]) < min || Number(values[0]) > max)
      fieldErrors[name] = [`Must be a whole number from ${min} to ${max.toLocaleString("en-US")}, e.g. ${name}=${name === "limit" ? 100 : 0}`];
    else return Number(values[0]);
    return null;
  };
  const offset = read("offset", 0, 999_999_999);
  const limit = read("limit", 1, MAX_PAGE);
  if (Object.keys(fieldErrors).length) return { fieldErrors };
  return { page: { offset: offset ?? 0, limit }, rest };
}

const CONTENT_TYPE = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** The view as a download: CSV (the visible columns) or XLSX (every column, inputs, contracts, metadata). */
export function screenExportResponse(db: Db, req: Request, format: "csv" | "xlsx", now: () => Date = () => new Date()): Promise<Response> {
  return answerScreen(db, req, `GET /api/screen.${format}`, async (view, screen) => {
    const x = toScreenExport(view, screen, now());
    const body = format === "csv" ? screenCsv(x) : await screenXlsx(x);
    return new Response(body, {
      headers: { "content-type": CONTENT_TYPE[format], "content-disposition": `attachment; filename="${exportFileName(x, format)}"` },
    });
  });
}
