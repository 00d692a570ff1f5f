// The sensitivity view as URL parameters, shared by /sensitivity, GET /api/sweep and `npm run screen --
// --sweep`. Every parameter is checked on its own: a bad one is reported by name and replaced by its
// default, the valid ones are kept (the page shows the notices, the API answers 400 with them).
import { ASSUMPTION_META, type NumericAssumptionKey } from "../scoring/assumptions";
import { asOfProblem } from "./params";
import {
  defaultRange,
  defaultStep,
  defaultTableStep,
  isNumericAssumption,
  MAX_TABLE_POINTS,
  METRICS,
  rangeProblems,
  type Metric,
  type SweepRange,
} from "./sensitivity";

export interface SensitivityView {
  set?: string;
  asOf?: string;
  key: NumericAssumptionKey;
  range: SweepRange;
  /** the table's columns (and the two-way table's columns): from, from + tableStep, … to */
  tableStep: number;
  metric: Metric;
  /** the company of the two-way table (and the one highlighted); undefined = the first ranked */
  ticker?: string;
  key2: NumericAssumptionKey;
  range2: SweepRange;
}

export const SENSITIVITY_PARAM_NAMES = [
  "set",
  "asOf",
  "key",
  "from",
  "to",
  "step",
  "tableStep",
  "metric",
  "ticker",
  "key2",
  "from2",
  "to2",
  "step2",
] as const;
type Name = (typeof SENSITIVITY_PARAM_NAMES)[number];

export const DEFAULT_KEY: NumericAssumptionKey = "buildCostBaseUsdPerW";
export const DEFAULT_KEY2: NumericAssumptionKey = "weightS4";

export type FieldErrors = Partial<Record<Name | "(form)", string[]>>;

const number = (s: string): number | string => {
  const n = Number(s);
  return s.trim() === "" || s.length > 24 || !Number.isFinite(n) ? "Must be a number" : n;
};

/** Reads the parameters; each bad one is named in `fieldErrors` and its default used instead. */
export function parseSensitivity(sp: URLSearchParams): { view: SensitivityView; fieldErrors: FieldErrors } {
  const errors: FieldErrors = {};
  const fail = (name: Name | "(form)", message: string) => {
    (errors[name] ??= []).push(message);
  };
  const raw = new Map<Name, string>();
  for (const [k, v] of sp) {
    if (!(SENSITIVITY_PARAM_NAMES as readonly string[]).includes(k)) {
      fail("(form)", `Unknown parameter “${k.slice(0, 40)}”`);
      continue;
    }
    if (raw.has(k as Name)) {
      fail(k as Name, "Given more than once");
      continue;
    }
    raw.set(k as Name, v);
  }
  const text = (name: Name) => raw.get(name);

  const keyOf = (name: "key" | "key2", fallback: NumericAssumptionKey): NumericAssumptionKey => {
    const v = text(name);
    if (v == null) return fallback;
    if (isNumericAssumption(v)) return v;
    fail(name, `Not a numeric assumption: “${v.slice(0, 60)}”`);
    return fallback;
  };
  const key = keyOf("key", DEFAULT_KEY);
  let key2 = keyOf("key2", key === DEFAULT_KEY2 ? DEFAULT_KEY : DEFAULT_KEY2);
  if (key2 === key) {
    fail("key2", "The two-way table needs two different assumptions");
    key2 = key === DEFAULT_KEY2 ? DEFAULT_KEY : DEFAULT_KEY2;
  }

  /** A range for `k`; the table's (maxPoints) takes a table step by default, the chart's a fine one. */
  const rangeOf = (k: NumericAssumptionKey, names: { from: Name; to: Name; step: Name }, maxPoints?: number): SweepRange => {
    const d = defaultRange(k);
    const read = (name: Name, fallback: number) => {
      const v = text(name);
      if (v == null) return fallback;
      const n = number(v);
      if (typeof n === "string") {
        fail(name, n);
        return fallback;
      }
      return n;
    };
    const stepFor = (r: Pick<SweepRange, "from" | "to">) => (maxPoints ? defaultTableStep(r, k) : defaultStep(r, k));
    const from = read(names.from, d.from),
      to = read(names.to, d.to);
    const r = { from, to, step: read(names.step, stepFor({ from, to })) };
    const problems = rangeProblems(k, r, maxPoints);
    for (const [field, message] of Object.entries(problems)) fail(names[field as keyof typeof names], message);
    if (Object.keys(problems).length === 0) return r;
    // keep what is valid: a bad step alone keeps the typed ends
    if (!problems.from && !problems.to) return { from, to, step: stepFor({ from, to }) };
    return { from: d.from, to: d.to, step: stepFor(d) };
  };
  const range = rangeOf(key, { from: "from", to: "to", step: "step" });
  const range2 = rangeOf(key2, { from: "from2", to: "to2", step: "step2" }, MAX_TABLE_POINTS);

  let tableStep = defaultTableStep(range, key);
  const ts = text("tableStep");
  if (ts != null) {
    const n = number(ts);
    const problems = typeof n === "string" ? { step: n } : rangeProblems(key, { ...range, step: n }, MAX_TABLE_POINTS);
    if (problems.step) fail("tableStep", problems.step);
    else tableStep = n as number;
  }

  let metric: Metric = "discount";
  const m = text("metric");
  if (m != null) {
    if ((METRICS as readonly string[]).includes(m)) metric = m as Metric;
    else fail("metric", `Use ${METRICS.join(" or ")}`);
  }

  let asOf: string | undefined;
  const d = text("asOf");
  if (d != null) {
    const p = asOfProblem(d);
    if (p) fail("asOf", p);
    else asOf = d;
  }
  let set: string | undefined;
  const s = text("set");
  if (s != null) {
    if (s.trim() === "" || s.length > 60) fail("set", "A set name has 1 to 60 characters");
    else set = s.trim();
  }
  let ticker: string | undefined;
  const t = text("ticker");
  if (t != null) {
    if (/^[A-Z0-9.]{1,10}$/.test(t)) ticker = t;
    else fail("ticker", "A ticker has 1 to 10 capitals or digits");
  }
  return { view: { set, asOf, key, range, tableStep, metric, ticker, key2, range2 }, fieldErrors: errors };
}

/** The query string of a view, default values left out, so a link stays short and reproduces it. */
export function sensitivityQuery(v: SensitivityView): string {
  const p = new URLSearchParams();
  if (v.set) p.set("set", v.set);
  if (v.asOf) p.set("asOf", v.asOf);
  if (v.key !== DEFAULT_KEY) p.set("key", v.key);
  const d = defaultRange(v.key);
  if (v.range.from !== d.from) p.set("from", String(v.range.from));
  if (v.range.to !== d.to) p.set("to", String(v.range.to));
  if (v.range.step !== defaultStep(v.range, v.key)) p.set("step", String(v.range.step));
  if (v.tableStep !== defaultTableStep(v.range, v.key)) p.set("tableStep", String(v.tableStep));
  if (v.metric !== "discount") p.set("metric", v.metric);
  if (v.ticker) p.set("ticker", v.ticker);
  if (v.key2 !== (v.key === DEFAULT_KEY2 ? DEFAULT_KEY : DEFAULT_KEY2)) p.set("key2", v.key2);
  const d2 = defaultRange(v.key2);
  if (v.range2.from !== d2.from) p.set("from2", String(v.range2.from));
  if (v.range2.to !== d2.to) p.set("to2", String(v.range2.to));
  if (v.range2.step !== defaultTableStep(v.range2, v.key2)) p.set("step2", String(v.range2.step));
  const q = p.toString();
  return q ? `?${q}` : "";
}

/** `buildCostBaseUsdPerW=8:16:0.5` (the terminal's --sweep) → the page's parameters; null when not of that shape. */
export function sweepArgToParams(arg: string): URLSearchParams | null {
  const m = /^([A-Za-z0-9]+)=([^:]+):([^:]+)(?::([^:]+))?$/.exec(arg);
  if (!m) return null;
  const p = new URLSearchParams({ key: m[1], from: m[2], to: m[3] });
  if (m[4] != null) p.set("step", m[4]);
  return p;
}

export const labelOf = (k: NumericAssumptionKey) => ASSUMPTION_META[k].label;
