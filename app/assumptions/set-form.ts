// The set editor's fields in display order, and how they are named in messages and element ids.
import { ASSUMPTION_META, type AssumptionKey } from "@/lib/scoring/assumptions";
import { assumptionGroups, type FieldErrors } from "@/lib/view/assumption-diff";

export const GROUPS = assumptionGroups();
/** Field paths in display order (the preview names the first invalid one). */
export const FIELD_ORDER = ["name", ...GROUPS.flatMap((g) => g.keys.map((k) => `values.${k}`))];
export const fieldId = (path: string) => `f-${path.replace(/^values\./, "")}`;

export function labelOf(path: string) {
  const k = path.replace(/^values\./, "").replace(/\.\d+$/, "") as AssumptionKey;
  return path === "name" ? "Name" : (ASSUMPTION_META[k]?.label ?? path);
}

/** The first problem of a values-only parse (paths without the "values." prefix), in display order. */
export function firstInvalid(e: FieldErrors): string {
  const first = FIELD_ORDER.find((p) => e.fieldErrors[p.replace(/^values\./, "")]?.length);
  if (first) return `${labelOf(first)}: ${e.fieldErrors[first.replace(/^values\./, "")][0]}`;
  return e.formErrors[0] ?? "some values are not valid";
}

/** A field's first message; a list's, or the first of its items' ("XX: Not an ISO 3166 country code"). */
export function messageAt(errors: Record<string, string[]>, path: string, values: Record<string, unknown>): string | undefined {
  if (errors[path]?.[0]) return errors[path][0];
  const item = Object.entries(errors).find(([k]) => k.startsWith(`${path}.`));
  if (!item) return undefined;
  const list = values[path.replace(/^values\./, "")];
  const code = Array.isArray(list) ? list[Number(item[0].slice(path.length + 1))] : undefined;
  return code ? `${code}: ${item[1][0]}` : item[1][0];
}
