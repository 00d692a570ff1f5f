// The screener view as URL parameters: one whitelist for the page, the client and GET /api/screen.
// Unknown names, repeated names and bad values are rejected with field-level messages.
import { FLAGS, type Flag, type Tier } from "../scoring/types";
import { COLUMN_IDS, DEFAULT_VISIBLE, type ColumnId } from "./columns";
import { PRESET_IDS, type PresetId } from "./presets";

export type SortDir = "asc" | "desc";
export interface View {
  set?: string;
  /** the view date (YYYY-MM-DD); undefined = the latest date the data supports */
  asOf?: string;
  q: string;
  sort: { id: ColumnId; dir: SortDir };
  tiers: Tier[];
  flags: Flag[];
  minDiscountPct?: number;
  minContractedMw?: number;
  /** a one-click screen from lib/view/presets.ts, on top of the other filters */
  preset?: PresetId;
  cols: ColumnId[];
  chartX: "contracted" | "tier";
}

export const DEFAULT_SORT = { id: "discountBase", dir: "desc" } as const satisfies View["sort"];
/** Every key present (optional ones as undefined), so spreading it over a view resets everything. */
export const DEFAULT_VIEW: View = {
  set: undefined, asOf: undefined, q: "", sort: DEFAULT_SORT, tiers: [], flags: [], minDiscountPct: undefined, minContractedMw: undefined,
  preset: undefined, cols: DEFAULT_VISIBLE, chartX: "contracted",
};

// The parser is written out rather than built with zod: it runs in the browser on every URL change, and
// zod would be the largest part of the screener's JavaScript (docs/decisions/0008). Its messages are the
// ones the zod schema gave, word for word; params.test.ts checks it against that schema.

/** Parameter names in the order their errors are reported. These names, and only these, are accepted. */
export const VIEW_PARAM_NAMES = ["set", "asOf", "q", "sort", "tier", "flag", "minDiscount", "minContracted", "preset", "cols", "x"] as const;
type ParamName = (typeof VIEW_PARAM_NAMES)[number];

const tooBig = (max: number) => `Too big: expected string to have <=${max} characters`;
/** zod's message for a value outside an enum, word for word. */
const notOneOf = (options: readonly string[]) => `Invalid option: expected one of ${options.map((o) => JSON.stringify(o)).join("|")}`;
const SORT_PATTERN = new RegExp(`^(${COLUMN_IDS.join("|")})\\.(asc|desc)$`);

/** Comma-separated names from `allowed`, without blanks or repeats. */
function list<T extends string>(s: string, allowed: readonly T[], what: string, errors: string[]): T[] | undefined {
  if (s.length > 500) { errors.push(tooBig(500)); return undefined; }
  const items = s.split(",").map((x) => x.trim()).filter(Boolean);
  const bad = items.filter((x) => !(allowed as readonly string[]).includes(x));
  if (bad.length) errors.push(`Unknown ${what}: ${bad.join(", ")}`);
  return [...new Set(items)] as T[];
}

function finite(s: string, min: number, max: number, errors: string[]): number | undefined {
  if (s.length > 20) { errors.push(tooBig(20)); return undefined; }
  const n = Number(s);
  if (s.trim() === "" || !Number.isFinite(n)) errors.push("Must be a number");
  else if (n < min || n > max) errors.push(`Must be between ${min} and ${max}`);
  return n;
}

const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Why `v` is not a view date (a real YYYY-MM-DD), or null. Pages other than the screener use it too. */
export function asOfProblem(v: string): string | null {
  if (!DAY_PATTERN.test(v)) return "Use YYYY-MM-DD";
  const [y, m, d] = v.split("-").map(Number);
  return d > new Date(Date.UTC(y, m, 0)).getUTCDate() ? "No such day in that month" : null;
}

interface Parsed {
  set?: string; asOf?: string; q?: string; sort?: string; tier?: ("1" | "2" | "3")[]; flag?: Flag[]; minDiscount?: number; minContracted?: number;
  preset?: PresetId; cols?: ColumnId[]; x?: "contracted" | "tier";
}

function parseParam(name: ParamName, v: string, out: Parsed, errors: string[]) {
  switch (name) {
    case "set": {
      const t = v.trim();
      if (t.length < 1) errors.push("Too small: expected string to have >=1 characters");
      if (t.length > 60) errors.push(tooBig(60));
      out.set = t;
      break;
    }
    case "asOf": {
      const problem = asOfProblem(v);
      if (problem) errors.push(problem);
      out.asOf = v;
      break;
    }
    case "q":
      if (v.length > 100) errors.push(tooBig(100));
      out.q = v;
      break;
    case "sort":
      if (!SORT_PATTERN.test(v)) errors.push("Use <column>.asc or <column>.desc with a known column");
      out.sort = v;
      break;
    case "tier": out.tier = list(v, ["1", "2", "3"] as const, "tier", errors); break;
    case "flag": out.flag = list(v, FLAGS, "flag", errors); break;
    case "minDiscount": out.minDiscount = finite(v, -10_000, 100, errors); break;
    case "minContracted": out.minContracted = finite(v, 0, 1_000_000, errors); break;
    case "preset":
      if (!(PRESET_IDS as readonly string[]).includes(v)) errors.push(notOneOf(PRESET_IDS));
      else out.preset = v as PresetId;
      break;
    case "cols": out.cols = list(v, COLUMN_IDS, "column", errors); break;
    case "x":
      if (v !== "contracted" && v !== "tier") errors.push(notOneOf(["contracted", "tier"]));
      else out.x = v;
      break;
  }
}

export type ParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

function toRecord(input: ParamsInput): { record: Record<string, string>; repeated: string[] } {
  // Null-prototype objects: parameter names such as "__proto__" or "valueOf" are plain keys here.
  const record: Record<string, string> = Object.create(null);
  const repeated: string[] = [];
  const entries = input instanceof URLSearchParams ? [...input.entries()] : Object.entries(input).flatMap(([k, v]) =>
    v === undefined ? [] : Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]]);
  for (const [k, v] of entries) {
    if (k in record) repeated.push(k);
    record[k] = v;
  }
  return { record, repeated };
}

export type ParseViewResult =
  | { ok: true; view: View }
  | { ok: false; fieldErrors: Record<string, string[]>; formErrors: string[] };

export function parseView(input: ParamsInput): ParseViewResult {
  const { record, repeated } = toRecord(input);
  const fieldErrors: Record<string, string[]> = Object.create(null);
  for (const k of repeated) (fieldErrors[k] ??= []).push("Given more than once");
  const p: Parsed = {};
  let failed = repeated.length > 0;
  for (const name of VIEW_PARAM_NAMES) {
    if (!(name in record)) continue;
    const errors: string[] = [];
    parseParam(name, record[name], p, errors);
    if (errors.length) {
      (fieldErrors[name] ??= []).push(...errors);
      failed = true;
    }
  }
  for (const k of Object.keys(record)) {
    if ((VIEW_PARAM_NAMES as readonly string[]).includes(k)) continue;
    (fieldErrors[k] ??= []).push("Unknown parameter");
    failed = true;
  }
  if (failed) return { ok: false, fieldErrors: { ...fieldErrors }, formErrors: [] };
  const [sortId, sortDir] = (p.sort ?? `${DEFAULT_SORT.id}.${DEFAULT_SORT.dir}`).split(".") as [ColumnId, SortDir];
  return {
    ok: true,
    view: {
      set: p.set,
      asOf: p.asOf,
      q: p.q ?? "",
      sort: { id: sortId, dir: sortDir },
      tiers: (p.tier ?? []).map(Number).sort() as Tier[],
      flags: p.flag ?? [],
      minDiscountPct: p.minDiscount,
      minContractedMw: p.minContracted,
      preset: p.preset,
      cols: p.cols && p.cols.length ? p.cols : DEFAULT_VISIBLE,
      chartX: p.x ?? "contracted",
    },
  };
}

/** The view as URL parameters, leaving out defaults so shared links stay short. */
export function serializeView(view: View): URLSearchParams {
  const out = new URLSearchParams();
  if (view.set) out.set("set", view.set);
  if (view.asOf) out.set("asOf", view.asOf);
  if (view.q) out.set("q", view.q);
  if (view.sort.id !== DEFAULT_SORT.id || view.sort.dir !== DEFAULT_SORT.dir) out.set("sort", `${view.sort.id}.${view.sort.dir}`);
  if (view.tiers.length) out.set("tier", view.tiers.join(","));
  if (view.flags.length) out.set("flag", view.flags.join(","));
  if (view.minDiscountPct !== undefined) out.set("minDiscount", String(view.minDiscountPct));
  if (view.minContractedMw !== undefined) out.set("minContracted", String(view.minContractedMw));
  if (view.preset) out.set("preset", view.preset);
  // the order counts: the table shows the columns in the order of `cols` (lib/view/column-order.ts)
  const sameCols = view.cols.length === DEFAULT_VISIBLE.length && view.cols.every((c, i) => c === DEFAULT_VISIBLE[i]);
  if (!sameCols) out.set("cols", view.cols.join(","));
  if (view.chartX !== "contracted") out.set("x", view.chartX);
  return out;
}

/** "?set=…&asOf=…" of the view's server-side choices (or ""), for links that keep them. */
export function viewQuery(view: Pick<View, "set" | "asOf">): string {
  const q = new URLSearchParams();
  if (view.set) q.set("set", view.set);
  if (view.asOf) q.set("asOf", view.asOf);
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** A company's page in the same set and on the same view date as the screener it is opened from. */
export const companyHref = (ticker: string, view: Pick<View, "set" | "asOf">) => `/companies/${ticker}${viewQuery(view)}`;
