// The edit forms' drafts: each field described once (name, label, kind), held as the text the user typed
// (so nothing is lost on an error) and handed to the shared zod schema as the schema takes it. Numbers
// stay text: the schema reads them with the one parser (lib/number-input.ts), so "2,5" is refused with
// its message instead of being read here as 25, and the server, given the same text, says the same.

export type FieldKind = "text" | "number" | "optionalNumber" | "select" | "textarea" | "urls" | "checkbox" | "allocations";
export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  options?: readonly (readonly [string, string])[];
  hint?: string;
  /** empty string → null (optional text / select) */
  optional?: boolean;
  wide?: boolean;
}

export type Draft = Record<string, string>;
/** Field messages keyed by dotted path ("facts.sharePriceUsd.value"), as the server returns them. */
export type Errors = Record<string, string[]>;

/** One row of an allocations field as typed: a site name and its MW, both kept as text. */
export interface AllocationRow {
  site: string;
  itMw: string;
}
export const allocationRows = (raw: string | undefined): AllocationRow[] => {
  try {
    const rows = JSON.parse(raw || "[]");
    return Array.isArray(rows) ? rows : [];
  } catch {
    return [];
  }
};

/** Value of one field for the zod schema: a number field's text as typed (trimmed), null when optional and blank. */
export function typed(spec: FieldSpec, raw: string | undefined): unknown {
  const s = (raw ?? "").trim();
  switch (spec.kind) {
    case "allocations": {
      const rows = allocationRows(raw).filter((r) => r.site.trim() !== "" || r.itMw.trim() !== "");
      return rows.length ? rows.map((r) => ({ site: r.site.trim(), itMw: r.itMw.trim() })) : null;
    }
    case "number":
      return s;
    case "optionalNumber":
      return s === "" ? null : s;
    case "checkbox":
      return raw === "true";
    case "urls":
      return s.split(/\s+/).filter(Boolean);
    default:
      return s === "" && spec.optional ? null : s;
  }
}

export function untyped(spec: FieldSpec, v: unknown): string {
  if (v == null) return "";
  if (spec.kind === "allocations")
    return JSON.stringify((v as { site: string; itMw: number }[]).map((x) => ({ site: x.site, itMw: String(x.itMw) })));
  if (spec.kind === "urls") return (v as string[]).join("\n");
  if (spec.kind === "checkbox") return v ? "true" : "false";
  return String(v);
}

export function toTyped(specs: readonly FieldSpec[], draft: Draft, prefix = ""): Record<string, unknown> {
  return Object.fromEntries(specs.map((f) => [f.name, typed(f, draft[prefix + f.name])]));
}

export function toDraft(specs: readonly FieldSpec[], value: Record<string, unknown> | null | undefined, prefix = ""): Draft {
  return Object.fromEntries(specs.map((f) => [prefix + f.name, untyped(f, value?.[f.name])]));
}
