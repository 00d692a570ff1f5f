// The screener view as URL parameters: one whitelist for the page, the client and GET /api/screen.
// Each parameter is read on its own. A bad one (unknown, repeated, or a value it does not take) is left
// out of the view with a problem that says what was wrong and what to write instead; every other
// parameter is kept. The page shows the problems and applies the rest; the API refuses the request with
// them (an API must be strict), so both read the same words.
import {
  COLUMN_FILTERS,
  COLUMN_IDS,
  columnDef,
  DEFAULT_VISIBLE,
  noFilters,
  sortsAscendingFirst,
  type AtLeastFilter,
  type ColumnId,
  type FilterFields,
  type OptionsFilter,
} from "./columns";
import { PRESET_IDS, type PresetId } from "./presets";

export type SortDir = "asc" | "desc";
/** The view: its own fields, and one field per filter the columns declare (tiers, flags, minDiscountPct, minContractedMw). */
export interface View extends FilterFields {
  set?: string;
  /** the view date (YYYY-MM-DD); undefined = the latest date the data supports */
  asOf?: string;
  q: string;
  sort: { id: ColumnId; dir: SortDir };
  /** a one-click screen from lib/view/presets.ts, on top of the other filters */
  preset?: PresetId;
  cols: ColumnId[];
  chartX: "contracted" | "tier";
}

export const DEFAULT_SORT = { id: "discountBase", dir: "desc" } as const satisfies View["sort"];
/** Every key present (optional ones as undefined), so spreading it over a view resets everything. */
export const DEFAULT_VIEW: View = {
  set: undefined,
  asOf: undefined,
  q: "",
  sort: DEFAULT_SORT,
  ...noFilters(),
  preset: undefined,
  cols: DEFAULT_VISIBLE,
  chartX: "contracted",
};

// The parser is written out rather than built with zod: it runs in the browser on every URL change, and
// zod would be the largest part of the screener's JavaScript (docs/decisions/0008). params.test.ts holds
// its examples: inputs, the view they give and the problems they report.

/** Parameter names in the order they are read, reported and written. These names, and only these, are accepted. */
export const VIEW_PARAM_NAMES: readonly string[] = ["set", "asOf", "q", "sort", ...COLUMN_FILTERS.map((f) => f.param), "preset", "cols", "x"];

/** One parameter the view could not use, and why. */
export interface ViewProblem {
  /** the parameter's name as given */
  param: string;
  /** its value(s) as given (several when it was repeated) */
  values: string[];
  /** what is wrong and what to write instead: the API's field error */
  message: string;
  /** the items left out of a list whose other items are kept; absent when the whole parameter is left out */
  ignored?: string[];
}

export interface ParsedView {
  /** true when every parameter was used */
  ok: boolean;
  /** the view with every parameter that could be used */
  view: View;
  problems: ViewProblem[];
}

const count = (n: number) => n.toLocaleString("en-US");
/** "a, b or c" */
const orList = (items: readonly (string | number)[]) =>
  items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
const tooLong = (what: string, max: number, v: string) => `${what} has at most ${max} characters (this one has ${v.length})`;

const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Why `v` is not a view date (a real YYYY-MM-DD), or null. Pages other than the screener use it too. */
export function asOfProblem(v: string): string | null {
  if (!DAY_PATTERN.test(v)) return "Use YYYY-MM-DD";
  const [y, m, d] = v.split("-").map(Number);
  return d > new Date(Date.UTC(y, m, 0)).getUTCDate() ? "No such day in that month" : null;
}

/** A plain decimal, as a person or serializeView writes it (String() of a number needs up to 26 characters): no hex, no "Infinity". */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

const amount = (f: AtLeastFilter, n: number) => `${count(n)}${f.unit === "%" ? "%" : ` ${f.unit}`}`;

/**
 * The value of a minimum filter typed as `text` (the URL's or the toolbar's): the number, or why it cannot
 * be used. The toolbar shows the same words under its field.
 */
export function readMinimum(f: AtLeastFilter, text: string): { value: number } | { problem: string } {
  const t = text.trim();
  const n = t.length <= 32 && DECIMAL.test(t) ? Number(t) : NaN;
  if (!Number.isFinite(n)) return { problem: `Not a number; use one from ${amount(f, f.min)} to ${amount(f, f.max)}, e.g. ${amount(f, f.example)}` };
  if (n < f.min) return { problem: `Must be ${amount(f, f.min)} or more` };
  if (n > f.max) return { problem: `Must be ${amount(f, f.max)} or less` };
  return { value: n === 0 ? 0 : n }; // -0 is 0: the URL writes it as "0"
}

/** The options of a choice filter named in `text` ("1,2"), in the declared order, and the items that are none. */
function readChoice(f: OptionsFilter, text: string): { chosen: (string | number)[]; unknown: string[] } {
  const items = text
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
  const unknown = [...new Set(items.filter((x) => !f.options.some((o) => String(o) === x)))];
  return { chosen: f.options.filter((o) => items.includes(String(o))), unknown };
}

/** `column.asc` / `column.desc` with a column of the table; otherwise what was probably meant. */
function readSort(v: string): { sort: View["sort"] } | { problem: string } {
  const dot = v.lastIndexOf(".");
  const id = v.slice(0, dot),
    dir = v.slice(dot + 1);
  const known = (COLUMN_IDS as readonly string[]).includes(id);
  if (dot > 0 && known && (dir === "asc" || dir === "desc")) return { sort: { id: id as ColumnId, dir } };
  // "evPerWEffectiveIt:asc", "ticker", "Ticker.ASC": a known column with the wrong separator, case or no direction
  const column = COLUMN_IDS.filter((c) => v.toLowerCase().startsWith(c.toLowerCase())).sort((a, b) => b.length - a.length)[0];
  if (column) {
    const given = /(asc|desc)$/i.exec(v.slice(column.length))?.[1].toLowerCase();
    // without a direction, the one a click on the header starts with
    return { problem: `Use column.asc or column.desc, e.g. ${column}.${given ?? (sortsAscendingFirst(columnDef(column)!) ? "asc" : "desc")}` };
  }
  if (dot > 0 && (dir === "asc" || dir === "desc"))
    return { problem: `No column “${id.slice(0, 40)}”; use column.asc or column.desc with a column of the table, e.g. discountBase.desc` };
  return { problem: "Use column.asc or column.desc, e.g. discountBase.desc" };
}

const setFilter = (view: View, key: keyof FilterFields, value: number | readonly (string | number)[]) => {
  (view as unknown as Record<string, unknown>)[key] = value;
};

type Read = { apply: (view: View) => void; problem?: undefined } | { problem: string; ignored?: string[]; apply?: (view: View) => void };

/** Reads one parameter given once: what it sets on the view, or its problem (a list may do both). */
function readParam(name: string, v: string): Read {
  switch (name) {
    case "set": {
      const t = v.trim();
      if (t.length === 0) return { problem: "Name an assumption set, or leave set out for the default one" };
      if (t.length > 60) return { problem: tooLong("An assumption set's name", 60, t) };
      return {
        apply: (view) => {
          view.set = t;
        },
      };
    }
    case "asOf": {
      const problem = asOfProblem(v);
      if (problem === "Use YYYY-MM-DD") return { problem: "Use a day as YYYY-MM-DD, e.g. 2026-03-31" };
      return problem
        ? { problem }
        : {
            apply: (view) => {
              view.asOf = v;
            },
          };
    }
    case "q":
      return v.length > 100
        ? { problem: tooLong("A search", 100, v) }
        : {
            apply: (view) => {
              view.q = v;
            },
          };
    case "sort": {
      const r = readSort(v);
      return "problem" in r
        ? { problem: r.problem }
        : {
            apply: (view) => {
              view.sort = r.sort;
            },
          };
    }
    case "preset":
      if (!(PRESET_IDS as readonly string[]).includes(v)) return { problem: `No such preset; use ${orList(PRESET_IDS)}` };
      return {
        apply: (view) => {
          view.preset = v as PresetId;
        },
      };
    case "cols": {
      if (v.length > 1000) return { problem: tooLong("A column list", 1000, v) };
      const items = v
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean);
      const unknown = [...new Set(items.filter((x) => !(COLUMN_IDS as readonly string[]).includes(x)))];
      // in the order given, once each: the table shows the columns in this order (the picker moves them)
      const cols = [...new Set(items)].filter((x): x is ColumnId => (COLUMN_IDS as readonly string[]).includes(x));
      // No column left: the default columns, as for an empty list.
      const apply = (view: View) => {
        view.cols = cols.length ? cols : DEFAULT_VISIBLE;
      };
      if (!unknown.length) return { apply };
      return {
        problem: `Unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((x) => x.slice(0, 40)).join(", ")}; the columns are ${COLUMN_IDS.join(", ")}`,
        ignored: unknown,
        apply,
      };
    }
    case "x":
      return v === "contracted" || v === "tier"
        ? {
            apply: (view) => {
              view.chartX = v;
            },
          }
        : { problem: "Use contracted or tier" };
  }
  const f = COLUMN_FILTERS.find((x) => x.param === name)!;
  if (f.variant === "atLeast") {
    const r = readMinimum(f, v);
    return "problem" in r
      ? { problem: r.problem }
      : {
          apply: (view) => {
            setFilter(view, f.key, r.value);
          },
        };
  }
  if (v.length > 500) return { problem: tooLong(`A ${f.noun} list`, 500, v) };
  const { chosen, unknown } = readChoice(f, v);
  const apply = (view: View) => {
    setFilter(view, f.key, chosen);
  };
  if (!unknown.length) return { apply };
  const noun = unknown.length > 1 ? `${f.noun}s` : f.noun;
  return { problem: `Unknown ${noun} ${unknown.map((x) => x.slice(0, 40)).join(", ")}; use ${orList(f.options)}`, ignored: unknown, apply };
}

export type ParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** Each name's values in the order given. Null-prototype: names such as "__proto__" or "valueOf" are plain keys here. */
function valuesByName(input: ParamsInput): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const entries =
    input instanceof URLSearchParams
      ? [...input.entries()]
      : Object.entries(input).flatMap(([k, v]) =>
          v === undefined ? [] : Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]],
        );
  for (const [k, v] of entries) {
    const list = out.get(k);
    if (list) list.push(v);
    else out.set(k, [v]);
  }
  return out;
}

function unknownParam(name: string): string {
  const like = VIEW_PARAM_NAMES.find((n) => n.toLowerCase() === name.toLowerCase());
  return like ? `Not a screener parameter; did you mean ${like}?` : `Not a screener parameter; they are ${orList(VIEW_PARAM_NAMES)}`;
}

export function parseView(input: ParamsInput): ParsedView {
  const given = valuesByName(input);
  const view: View = { ...DEFAULT_VIEW };
  const problems: ViewProblem[] = [];
  for (const name of VIEW_PARAM_NAMES) {
    const values = given.get(name);
    if (!values) continue;
    if (values.length > 1) {
      problems.push({ param: name, values, message: `Given ${values.length} times; give it once` });
      continue;
    }
    const r = readParam(name, values[0]);
    r.apply?.(view);
    if (r.problem) problems.push({ param: name, values, message: r.problem, ...(r.ignored ? { ignored: r.ignored } : {}) });
  }
  for (const [name, values] of given) {
    if (!VIEW_PARAM_NAMES.includes(name)) problems.push({ param: name, values, message: unknownParam(name) });
  }
  return { ok: problems.length === 0, view, problems };
}

/** The problems as the API's field errors: messages by parameter name. */
export function fieldErrorsOf(problems: readonly ViewProblem[]): Record<string, string[]> {
  const out: Record<string, string[]> = Object.create(null); // a parameter may be called "__proto__"
  for (const p of problems) (out[p.param] ??= []).push(p.message);
  return { ...out };
}

/** The view as URL parameters, leaving out defaults so shared links stay short. */
export function serializeView(view: View): URLSearchParams {
  const out = new URLSearchParams();
  if (view.set) out.set("set", view.set);
  if (view.asOf) out.set("asOf", view.asOf);
  if (view.q) out.set("q", view.q);
  if (view.sort.id !== DEFAULT_SORT.id || view.sort.dir !== DEFAULT_SORT.dir) out.set("sort", `${view.sort.id}.${view.sort.dir}`);
  for (const f of COLUMN_FILTERS) {
    const v = view[f.key];
    if (Array.isArray(v) ? v.length > 0 : v !== undefined) out.set(f.param, Array.isArray(v) ? v.join(",") : String(v));
  }
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
