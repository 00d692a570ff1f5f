// Pure helpers of the assumption-set pages: form text ↔ values, field errors keyed like the server's,
// which values differ between two sets, and how each company's rank, discount and tier move between
// two screens (the editor's live preview and the compare page).
import type { z } from "zod";
import { zodFieldErrors, type FieldErrors } from "../domain/field-errors";
import { readNumber } from "../number-input";
import {
  ASSUMPTION_KEYS,
  ASSUMPTION_META,
  BOOLEAN_ASSUMPTION_KEYS,
  COUNTRIES_ASSUMPTION_KEYS,
  NUMERIC_ASSUMPTION_KEYS,
  withDefaults as storedWithDefaults,
  type AssumptionGroup,
  type AssumptionKey,
  type Assumptions,
  type BooleanAssumptionKey,
  type CountriesAssumptionKey,
  type NumericAssumptionKey,
} from "../scoring/assumptions";
import { explainRow } from "../scoring/screen";
import type { Reasons, ScreenRow, Tier } from "../scoring/types";

export const GROUP_LABELS: Record<AssumptionGroup, string> = {
  market: "Market and enterprise value",
  buildCost: "Build cost (the value benchmark)",
  power: "Power conversion and AI-ready sites",
  funnel: "Stage weights (effective IT MW)",
  contract: "Contract quality (CQS)",
  financing: "Financing (capex to fund)",
  dataQuality: "Data dates and freshness",
  tiers: "Tier thresholds",
};

/** The keys of each group, in methodology order. */
export function assumptionGroups(): { group: AssumptionGroup; label: string; keys: AssumptionKey[] }[] {
  return (Object.keys(GROUP_LABELS) as AssumptionGroup[]).map((group) => ({
    group,
    label: GROUP_LABELS[group],
    keys: ASSUMPTION_KEYS.filter((k) => ASSUMPTION_META[k].group === group),
  }));
}

const near = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));

/** Equal values; numbers within rounding noise (0.1 + 0.2 is 0.3 here); lists item by item. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return near(a, b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
  return Object.is(a, b);
}

function sameNullable(a: number | null, b: number | null): boolean {
  if (a == null || b == null) return a == null && b == null;
  return near(a, b);
}

/** Keys whose value differs between two sets, in methodology order. */
export function diffKeys(a: Record<string, unknown>, b: Record<string, unknown>): AssumptionKey[] {
  return ASSUMPTION_KEYS.filter((k) => !sameValue(a[k], b[k]));
}

/** "84,000", "0.75", "yes", "US, CA"; what was typed when it is not a number. */
export function formatAssumption(value: unknown): string {
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "(none)";
  if (typeof value === "number") return Number.isFinite(value) ? value.toLocaleString("en-US", { maximumFractionDigits: 6 }) : "—";
  if (value === "" || value == null) return "(empty)";
  return String(value);
}

// ——— form state ———

/** What the user typed: numbers and country lists as text, yes/no values as booleans. */
export type AssumptionText = Record<NumericAssumptionKey | CountriesAssumptionKey, string>;

export interface AssumptionForm {
  name: string;
  text: AssumptionText;
  flags: Record<BooleanAssumptionKey, boolean>;
}

export function toForm(name: string, values: Assumptions): AssumptionForm {
  const text = Object.fromEntries([
    ...NUMERIC_ASSUMPTION_KEYS.map((k) => [k, String(values[k])]),
    ...COUNTRIES_ASSUMPTION_KEYS.map((k) => [k, values[k].join(", ")]),
  ]) as AssumptionText;
  const flags = Object.fromEntries(BOOLEAN_ASSUMPTION_KEYS.map((k) => [k, values[k]])) as AssumptionForm["flags"];
  return { name, text, flags };
}

/** "us, ca no" → ["US", "CA", "NO"]: commas or spaces between codes. */
export const parseCountries = (t: string) =>
  t
    .split(/[\s,;]+/)
    .map((x) => x.trim().toUpperCase())
    .filter(Boolean);

/**
 * The values object the schema is given. A number is read by the one parser (lib/number-input.ts); text
 * it cannot read stays text — a blank is not 0, "2,5" is not 25 — so the schema gives the parser's message.
 */
export function fromForm(form: AssumptionForm): Record<AssumptionKey, unknown> {
  const out: Record<string, unknown> = { ...form.flags };
  for (const k of NUMERIC_ASSUMPTION_KEYS) {
    const t = form.text[k] ?? "";
    const r = readNumber(t);
    out[k] = r.ok ? r.value : t;
  }
  for (const k of COUNTRIES_ASSUMPTION_KEYS) out[k] = parseCountries(form.text[k] ?? "");
  return out as Record<AssumptionKey, unknown>;
}

/** A stored set's values, with any key it lacks taken from the defaults (as the server loads them). */
export const withDefaults = (values: unknown): Assumptions => storedWithDefaults(values ?? {}) as Assumptions;

export type { FieldErrors };

/** Issues keyed by dotted path ("values.weightS1", "name"), the way the server's write results are. */
export const toFieldErrors = (error: z.ZodError): FieldErrors => zodFieldErrors(error.issues);

/** Both sources of field errors together, each message once. */
export function mergeFieldErrors(...sources: Record<string, string[]>[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const s of sources) for (const [k, msgs] of Object.entries(s)) for (const m of msgs) if (!(out[k] ??= []).includes(m)) out[k].push(m);
  return out;
}

// ——— comparing two screens ———

export interface Standing {
  rank: number;
  rankGroup: ScreenRow["rankGroup"];
  tier: Tier;
  why: string;
  discountBase: number | null;
  evUsedUsd: number | null;
  evPerWEffectiveIt: number | null;
  reasons: Reasons;
}

export interface ComparedRow {
  ticker: string;
  name: string;
  a: Standing;
  b: Standing;
  /** b − a: negative means the company moved up under b. */
  rankDelta: number;
  /** b − a in fractions (0.05 = 5 percentage points); null when either discount is missing. */
  discountDelta: number | null;
  changed: { rank: boolean; tier: boolean; discount: boolean; ev: boolean; evPerW: boolean; why: boolean };
  /** rank, tier, discount, EV or EV/W moved (a changed explanation alone does not count). */
  anyChange: boolean;
}

const standing = (r: ScreenRow): Standing => ({
  rank: r.rank,
  rankGroup: r.rankGroup,
  tier: r.tier,
  why: explainRow(r).why,
  discountBase: r.discountBase,
  evUsedUsd: r.evUsedUsd,
  evPerWEffectiveIt: r.evPerWEffectiveIt,
  reasons: r.reasons,
});

/** Every company of either screen, ordered by its rank under b (then under a). */
export function compareScreens(a: readonly ScreenRow[], b: readonly ScreenRow[]): ComparedRow[] {
  const byA = new Map(a.map((r) => [r.ticker, r]));
  const byB = new Map(b.map((r) => [r.ticker, r]));
  const tickers = [...new Set([...b.map((r) => r.ticker), ...a.map((r) => r.ticker)])];
  const rows: ComparedRow[] = [];
  for (const t of tickers) {
    const ra = byA.get(t);
    const rb = byB.get(t);
    if (!ra || !rb) continue; // the same companies are scored under both sets
    const sa = standing(ra);
    const sb = standing(rb);
    const changed = {
      rank: sa.rank !== sb.rank,
      tier: sa.tier !== sb.tier,
      discount: !sameNullable(sa.discountBase, sb.discountBase),
      ev: !sameNullable(sa.evUsedUsd, sb.evUsedUsd),
      evPerW: !sameNullable(sa.evPerWEffectiveIt, sb.evPerWEffectiveIt),
      why: sa.why !== sb.why,
    };
    rows.push({
      ticker: t,
      name: rb.name,
      a: sa,
      b: sb,
      rankDelta: sb.rank - sa.rank,
      discountDelta: sa.discountBase != null && sb.discountBase != null ? sb.discountBase - sa.discountBase : null,
      changed,
      anyChange: changed.rank || changed.tier || changed.discount || changed.ev || changed.evPerW,
    });
  }
  return rows.sort((x, y) => x.b.rank - y.b.rank || x.a.rank - y.a.rank);
}

export interface ChangeSummary {
  total: number;
  rank: number;
  tier: number;
  discount: number;
  any: number;
}

export function summarizeChanges(rows: readonly ComparedRow[]): ChangeSummary {
  const count = (f: (r: ComparedRow) => boolean) => rows.filter(f).length;
  return {
    total: rows.length,
    rank: count((r) => r.changed.rank),
    tier: count((r) => r.changed.tier),
    discount: count((r) => r.changed.discount),
    any: count((r) => r.anyChange),
  };
}

/** "↑ 2" (moved up two places), "↓ 1", "=". */
export function rankMove(delta: number): { text: string; label: string } {
  if (delta === 0) return { text: "=", label: "same rank" };
  const n = Math.abs(delta);
  const places = `${n} place${n === 1 ? "" : "s"}`;
  return delta < 0 ? { text: `↑ ${n}`, label: `up ${places}` } : { text: `↓ ${n}`, label: `down ${places}` };
}

/** "+3.2 pp", "−0.5 pp", "—". */
export function ppDelta(delta: number | null): string {
  if (delta == null) return "—";
  const pp = delta * 100;
  if (Math.abs(pp) < 0.05) return "0.0 pp";
  return `${pp > 0 ? "+" : "−"}${Math.abs(pp).toFixed(1)} pp`;
}
