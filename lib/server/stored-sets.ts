// Stored assumption sets as the app reads them: the ones that validate, the ones that do not (listed on
// /assumptions so they can be fixed or deleted), and the set used when an address names none. A stored
// default that fails validation — left by a revert, an old import or a hand edit — no longer takes the
// screener and every company page down with it: they score with the methodology defaults and say so.
import { z } from "zod";
import { ASSUMPTION_META, assumptionsSchema, DEFAULT_ASSUMPTIONS, withDefaults, type AssumptionKey, type Assumptions } from "../scoring/assumptions";
import type { Db } from "./db-client";
import type { Tx } from "./mutations/result";

export interface AssumptionSetInfo {
  id: number;
  name: string;
  isDefault: boolean;
  version: number;
  values: Assumptions;
}

export interface InvalidAssumptionSet {
  id: number;
  name: string;
  isDefault: boolean;
  version: number;
  /** "Build cost — low: Low must be ≤ base" */
  problems: string[];
  /** What its editor starts from: the stored values of the right type, the defaults for the rest. */
  editable: Assumptions;
}

export interface StoredSets {
  sets: AssumptionSetInfo[];
  invalid: InvalidAssumptionSet[];
}

/** Used when no stored set can be: the values of methodology §3. */
export const METHODOLOGY_DEFAULTS: AssumptionSetInfo = {
  id: 0,
  name: "Methodology defaults",
  isDefault: true,
  version: 0,
  values: DEFAULT_ASSUMPTIONS,
};

/**
 * A stored set's values as its editor and the validator see them (withDefaults: keys added since it was
 * saved take their default, keys the model no longer has are dropped); a value that is not an object
 * reads as the defaults.
 */
export function storedSetValues(stored: unknown): Record<string, unknown> {
  return withDefaults(stored && typeof stored === "object" && !Array.isArray(stored) ? stored : {}) as Record<string, unknown>;
}

const labelOf = (key: PropertyKey | undefined) =>
  key !== undefined && key in ASSUMPTION_META ? ASSUMPTION_META[key as AssumptionKey].label : String(key ?? "values");

export const describeIssues = (issues: readonly z.core.$ZodIssue[]) => issues.map((i) => `${labelOf(i.path[0])}: ${i.message}`);

function editable(values: Record<string, unknown>): Assumptions {
  return Object.fromEntries(
    Object.entries(DEFAULT_ASSUMPTIONS).map(([k, d]) => [
      k,
      typeof values[k] === typeof d && (typeof d !== "number" || Number.isFinite(values[k])) ? values[k] : d,
    ]),
  ) as Assumptions;
}

/** All named sets, default first, split into the usable and the invalid. */
export async function loadStoredSets(db: Db | Tx): Promise<StoredSets> {
  const rows = await db.assumptionSet.findMany({ orderBy: [{ isDefault: "desc" }, { name: "asc" }] });
  const out: StoredSets = { sets: [], invalid: [] };
  for (const r of rows) {
    const values = storedSetValues(r.values);
    const parsed = assumptionsSchema.safeParse(values);
    const head = { id: r.id, name: r.name, isDefault: r.isDefault, version: r.version };
    if (parsed.success) out.sets.push({ ...head, values: parsed.data as Assumptions });
    else out.invalid.push({ ...head, problems: describeIssues(parsed.error.issues), editable: editable(values) });
  }
  return out;
}

/**
 * The set used when the address names none: the stored default; the methodology defaults when that one
 * is invalid (`brokenDefault` says which, for the warning); the first set when none is marked default.
 */
export function defaultSetOf(stored: StoredSets): { set: AssumptionSetInfo; brokenDefault: InvalidAssumptionSet | null } {
  const brokenDefault = stored.invalid.find((s) => s.isDefault) ?? null;
  if (brokenDefault) return { set: METHODOLOGY_DEFAULTS, brokenDefault };
  return { set: stored.sets.find((s) => s.isDefault) ?? stored.sets[0] ?? METHODOLOGY_DEFAULTS, brokenDefault: null };
}

/**
 * Company overrides are merged over the set in use, so they must make sense there, not only over the
 * methodology defaults (overridesFormSchema's check): e.g. a build cost base of 12 with a default set
 * whose high is 10.5. Returns the problems as issues under `overrides.<key>`, or null.
 */
export async function overridesClashWithSetInUse(db: Db | Tx, overrides: Record<string, unknown>): Promise<z.ZodError | null> {
  const { set } = defaultSetOf(await loadStoredSets(db));
  const merged = assumptionsSchema.safeParse({ ...set.values, ...overrides });
  if (merged.success) return null;
  return new z.ZodError(
    merged.error.issues.map((i) => ({
      ...i,
      path: ["overrides", ...i.path],
      message: `With “${set.name}”, the set in use: ${i.message}`,
    })),
  );
}
