"use client";
// A small kit for the edit forms: fields are described once (name, label, kind), held as the strings
// the user typed (so nothing is lost on an error), converted to typed values for the shared zod schema,
// and shown with their field-level messages.
import { useId } from "react";
import { zodFieldErrors } from "@/lib/domain/field-errors";

export type FieldKind = "text" | "number" | "optionalNumber" | "select" | "textarea" | "urls" | "checkbox";
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

/** Typed value of one field, for the zod schema. Bad numbers stay NaN so zod reports them. */
export function typed(spec: FieldSpec, raw: string | undefined): unknown {
  const s = (raw ?? "").trim();
  switch (spec.kind) {
    case "number": return s === "" ? Number.NaN : Number(s.replace(/,/g, ""));
    case "optionalNumber": return s === "" ? null : Number(s.replace(/,/g, ""));
    case "checkbox": return raw === "true";
    case "urls": return s.split(/\s+/).filter(Boolean);
    default: return s === "" && spec.optional ? null : s;
  }
}

export function untyped(spec: FieldSpec, v: unknown): string {
  if (v == null) return "";
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

export function Fields({ specs, draft, setDraft, errors, prefix = "", errorPrefix = "" }: {
  specs: readonly FieldSpec[]; draft: Draft; setDraft: (d: Draft) => void; errors: Errors; prefix?: string; errorPrefix?: string;
}) {
  return (
    <div className="edit-grid">
      {specs.map((f) => (
        <Field key={f.name} spec={f} path={prefix + f.name} value={draft[prefix + f.name] ?? ""} errors={errors[errorPrefix + f.name]}
          onChange={(v) => setDraft({ ...draft, [prefix + f.name]: v })} />
      ))}
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
