// A save refused because someone else saved first: what differs between theirs and mine, and what
// "re-apply mine" saves. Merged per field: only what the user changed relative to what they loaded is
// re-applied; every other field keeps what is stored now, so their edits to other fields survive.
import type { z } from "zod";
import { formatNumberIn } from "../number-input";
import { numberRuleAt } from "../number-schema";

type Leaves = Map<string, unknown>;

const isRecord = (v: unknown): v is Record<string, unknown> => v != null && typeof v === "object" && !Array.isArray(v);
/** null, undefined and "" are one thing to a form: nothing entered. */
const empty = (v: unknown) => v == null || v === "";

function sameField(a: unknown, b: unknown): boolean {
  if (empty(a) || empty(b)) return empty(a) && empty(b);
  if (Array.isArray(a) || Array.isArray(b) || isRecord(a) || isRecord(b)) return JSON.stringify(a) === JSON.stringify(b);
  return Object.is(a, b);
}

/**
 * Theirs where the user left a field as loaded, mine where they changed it; nested records field by
 * field (a figure's value and its source are two fields), lists as one field.
 */
export function mergeMine<T>(theirs: unknown, loaded: unknown, mine: T): T {
  if (isRecord(theirs) && isRecord(loaded) && isRecord(mine)) {
    const out: Record<string, unknown> = {};
    for (const k of new Set([...Object.keys(theirs), ...Object.keys(mine)])) out[k] = mergeMine(theirs[k], loaded[k], mine[k]);
    return out as T;
  }
  return (sameField(mine, loaded) ? theirs : mine) as T;
}

function leaves(v: unknown, prefix = "", out: Leaves = new Map()): Leaves {
  if (isRecord(v)) for (const [k, x] of Object.entries(v)) leaves(x, prefix ? `${prefix}.${k}` : k, out);
  else out.set(prefix, v);
  return out;
}

export interface ConflictRow {
  /** dotted path, as field errors are keyed ("facts.sharePriceUsd.value") */
  path: string;
  theirs: unknown;
  mine: unknown;
  /** the user changed this field (so re-applying saves theirs over it) */
  mineChanged: boolean;
  /** what "re-apply mine" saves here */
  saved: unknown;
}

/** The fields where what is stored now and what the user has differ, in the order of their record. */
export function conflictRows(theirs: unknown, loaded: unknown, mine: unknown, ignore: (path: string) => boolean = () => false): ConflictRow[] {
  const [t, l, m, merged] = [leaves(theirs), leaves(loaded), leaves(mine), leaves(mergeMine(theirs, loaded, mine))];
  const rows: ConflictRow[] = [];
  for (const path of new Set([...t.keys(), ...m.keys()])) {
    if (ignore(path) || sameField(t.get(path), m.get(path))) continue;
    rows.push({ path, theirs: t.get(path), mine: m.get(path), mineChanged: !sameField(m.get(path), l.get(path)), saved: merged.get(path) });
  }
  return rows;
}

/** A field's value as the conflict panel and the confirmation show it: numbers in their unit, "—" for none. */
export function formatFieldValue(schema: z.ZodType, path: string, v: unknown): string {
  if (empty(v)) return "—";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "number") {
    const rule = numberRuleAt(
      schema,
      path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
    );
    return rule ? formatNumberIn(v, rule.unit) : v.toLocaleString("en-US", { maximumFractionDigits: 6 });
  }
  if (Array.isArray(v)) return v.length ? v.map((x) => (isRecord(x) ? Object.values(x).join(" ") : String(x))).join(", ") : "—";
  return String(v);
}
