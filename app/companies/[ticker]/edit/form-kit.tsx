"use client";
// A small kit for the edit forms: fields are described once (name, label, kind), held as the strings
// the user typed (so nothing is lost on an error), converted to typed values for the shared zod schema,
// and shown with their field-level messages.
import { useId } from "react";
import { zodFieldErrors } from "@/lib/domain/field-errors";

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
export type Errors = Record<string, string[]>;

/** One row of an allocations field as typed: a site name and its MW, both kept as text. */
interface AllocationRow { site: string; itMw: string }
const allocationRows = (raw: string | undefined): AllocationRow[] => {
  try {
    const rows = JSON.parse(raw || "[]");
    return Array.isArray(rows) ? rows : [];
  } catch {
    return [];
  }
};
const toNumber = (s: string) => (s === "" ? Number.NaN : Number(s.replace(/,/g, "")));

/** Typed value of one field, for the zod schema. Bad numbers stay NaN so zod reports them. */
export function typed(spec: FieldSpec, raw: string | undefined): unknown {
  const s = (raw ?? "").trim();
  switch (spec.kind) {
    case "allocations": {
      const rows = allocationRows(raw).filter((r) => r.site.trim() !== "" || r.itMw.trim() !== "");
      return rows.length ? rows.map((r) => ({ site: r.site.trim(), itMw: toNumber(r.itMw.trim()) })) : null;
    }
    case "number": return s === "" ? Number.NaN : Number(s.replace(/,/g, ""));
    case "optionalNumber": return s === "" ? null : Number(s.replace(/,/g, ""));
    case "checkbox": return raw === "true";
    case "urls": return s.split(/\s+/).filter(Boolean);
    default: return s === "" && spec.optional ? null : s;
  }
}

export function untyped(spec: FieldSpec, v: unknown): string {
  if (v == null) return "";
  if (spec.kind === "allocations") return JSON.stringify((v as { site: string; itMw: number }[]).map((x) => ({ site: x.site, itMw: String(x.itMw) })));
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

export function Field({ spec, path, value, onChange, errors }: { spec: FieldSpec; path: string; value: string; onChange: (v: string) => void; errors?: string[] }) {
  const id = useId();
  const errId = `${id}-err`;
  const invalid = !!errors?.length;
  const common = { id, name: path, "aria-invalid": invalid, "aria-describedby": invalid ? errId : undefined };
  let input: React.ReactNode;
  switch (spec.kind) {
    case "select":
      input = (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          {spec.optional && <option value="">—</option>}
          {spec.options!.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
      );
      break;
    case "textarea":
    case "urls":
      input = <textarea {...common} rows={spec.kind === "urls" ? 3 : 2} value={value} onChange={(e) => onChange(e.target.value)} />;
      break;
    case "checkbox":
      input = <input {...common} type="checkbox" checked={value === "true"} onChange={(e) => onChange(e.target.checked ? "true" : "false")} />;
      break;
    case "allocations":
      input = <AllocationsInput id={id} spec={spec} value={value} onChange={onChange} describedBy={common["aria-describedby"]} />;
      break;
    default:
      input = <input {...common} type="text" inputMode={spec.kind === "text" ? undefined : "decimal"} value={value} onChange={(e) => onChange(e.target.value)} />;
  }
  return (
    <div className={`edit-field ${spec.wide ? "wide" : ""} ${spec.kind === "checkbox" ? "check" : ""}`}>
      <label htmlFor={id}>{spec.label}</label>
      {input}
      {spec.hint && <span className="hint">{spec.hint}</span>}
      {invalid && <span id={errId} className="field-error" role="alert">{errors!.join("; ")}</span>}
    </div>
  );
}

/** A field's messages; a list field also shows its rows' ("siteAllocations.1.site: …"). */
function fieldErrors(spec: FieldSpec, errors: Errors, key: string): string[] | undefined {
  if (spec.kind !== "allocations") return errors[key];
  const out = Object.entries(errors).flatMap(([k, msgs]) =>
    k === key ? msgs : k.startsWith(`${key}.`) ? msgs.map((m) => `row ${Number(k.split(".")[k.split(".").length - 2]) + 1}: ${m}`) : []);
  return out.length ? out : undefined;
}

export function Fields({ specs, draft, setDraft, errors, prefix = "", errorPrefix = "" }: {
  specs: readonly FieldSpec[]; draft: Draft; setDraft: (d: Draft) => void; errors: Errors; prefix?: string; errorPrefix?: string;
}) {
  return (
    <div className="edit-grid">
      {specs.map((f) => (
        <Field key={f.name} spec={f} path={prefix + f.name} value={draft[prefix + f.name] ?? ""} errors={fieldErrors(f, errors, errorPrefix + f.name)}
          onChange={(v) => setDraft({ ...draft, [prefix + f.name]: v })} />
      ))}
    </div>
  );
}

/** Rows of (site, MW) with add and remove; the rows travel as one JSON string in the draft. */
function AllocationsInput({ id, spec, value, onChange, describedBy }: { id: string; spec: FieldSpec; value: string; onChange: (v: string) => void; describedBy?: string }) {
  const rows = allocationRows(value);
  const set = (next: AllocationRow[]) => onChange(JSON.stringify(next));
  return (
    <div className="allocations" id={id} role="group" aria-label={spec.label} aria-describedby={describedBy}>
      {rows.length === 0 && <p className="small muted">None: the contract sits on the one site above, or on no named site.</p>}
      {rows.map((r, i) => (
        <div className="allocation-row" key={i}>
          <select aria-label={`Allocation ${i + 1} site`} value={r.site} onChange={(e) => set(rows.map((x, j) => (j === i ? { ...x, site: e.target.value } : x)))}>
            <option value="">— site —</option>
            {spec.options!.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
          <input aria-label={`Allocation ${i + 1} MW`} type="text" inputMode="decimal" value={r.itMw} placeholder="MW"
            onChange={(e) => set(rows.map((x, j) => (j === i ? { ...x, itMw: e.target.value } : x)))} />
          <button type="button" className="secondary" aria-label={`Remove allocation ${i + 1}`} onClick={() => set(rows.filter((_, j) => j !== i))}>Remove</button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => set([...rows, { site: "", itMw: "" }])}>Add site allocation</button>
    </div>
  );
}

/** zod issues → dotted-path messages (the same shape the server returns). */
export const issuesToErrors = (issues: Parameters<typeof zodFieldErrors>[0]): Errors => zodFieldErrors(issues).fieldErrors;

export function FormStatus({ status }: { status: Status }) {
  if (!status) return null;
  return <p className={`form-status ${status.tone}`} role={status.tone === "bad" ? "alert" : "status"}>{status.text}</p>;
}
export type Status = { tone: "good" | "bad" | "busy"; text: string } | null;
