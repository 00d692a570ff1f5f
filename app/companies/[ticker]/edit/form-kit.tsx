"use client";
// A small kit for the edit forms: fields described once (lib/view/form-drafts.ts), shown with their
// messages — an error (aria-invalid) or a warning that the value is unusual (lib/number-input.ts).
import { useId } from "react";
import { zodFieldErrors } from "@/lib/domain/field-errors";
import { allocationRows, type AllocationRow, type Draft, type Errors, type FieldSpec } from "@/lib/view/form-drafts";

export type { Draft, Errors, FieldKind, FieldSpec } from "@/lib/view/form-drafts";
export { toDraft, toTyped } from "@/lib/view/form-drafts";

export function Field({
  spec,
  path,
  value,
  onChange,
  errors,
  warning,
}: {
  spec: FieldSpec;
  path: string;
  value: string;
  onChange: (v: string) => void;
  errors?: string[];
  warning?: string;
}) {
  const id = useId();
  const errId = `${id}-err`;
  const warnId = `${id}-warn`;
  const invalid = !!errors?.length;
  const describedBy = [invalid ? errId : null, !invalid && warning ? warnId : null].filter(Boolean).join(" ") || undefined;
  const common = { id, name: path, "aria-invalid": invalid, "aria-describedby": describedBy };
  let input: React.ReactNode;
  switch (spec.kind) {
    case "select":
      input = (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          {spec.optional && <option value="">—</option>}
          {spec.options!.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
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
      input = (
        <input
          {...common}
          type="text"
          inputMode={spec.kind === "text" ? undefined : "decimal"}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
  return (
    <div className={`edit-field ${spec.wide ? "wide" : ""} ${spec.kind === "checkbox" ? "check" : ""}`}>
      <label htmlFor={id}>{spec.label}</label>
      {input}
      {spec.hint && <span className="hint">{spec.hint}</span>}
      {invalid && (
        <span id={errId} className="field-error" role="alert">
          {errors!.join("; ")}
        </span>
      )}
      {!invalid && warning && (
        <span id={warnId} className="field-warning">
          {warning}
        </span>
      )}
    </div>
  );
}

/** A field's unusual-value warning; a list field's rows' ("row 1: …"). */
function warningOf(spec: FieldSpec, warnings: Record<string, string>, key: string): string | undefined {
  if (spec.kind !== "allocations") return warnings[key];
  const rows = Object.entries(warnings)
    .filter(([k]) => k.startsWith(`${key}.`))
    .map(([k, m]) => `row ${Number(k.split(".").at(-2)) + 1}: ${m}`);
  return rows.length ? rows.join("; ") : undefined;
}

/** A field's messages; a list field also shows its rows' ("siteAllocations.1.site: …"). */
function fieldErrors(spec: FieldSpec, errors: Errors, key: string): string[] | undefined {
  if (spec.kind !== "allocations") return errors[key];
  const out = Object.entries(errors).flatMap(([k, msgs]) =>
    k === key ? msgs : k.startsWith(`${key}.`) ? msgs.map((m) => `row ${Number(k.split(".")[k.split(".").length - 2]) + 1}: ${m}`) : [],
  );
  return out.length ? out : undefined;
}

export function Fields({
  specs,
  draft,
  setDraft,
  errors,
  warnings = {},
  prefix = "",
  errorPrefix = "",
}: {
  specs: readonly FieldSpec[];
  draft: Draft;
  setDraft: (d: Draft) => void;
  errors: Errors;
  warnings?: Record<string, string>;
  prefix?: string;
  errorPrefix?: string;
}) {
  return (
    <div className="edit-grid">
      {specs.map((f) => (
        <Field
          key={f.name}
          spec={f}
          path={prefix + f.name}
          value={draft[prefix + f.name] ?? ""}
          errors={fieldErrors(f, errors, errorPrefix + f.name)}
          warning={warningOf(f, warnings, errorPrefix + f.name)}
          onChange={(v) => setDraft({ ...draft, [prefix + f.name]: v })}
        />
      ))}
    </div>
  );
}

/** Rows of (site, MW) with add and remove; the rows travel as one JSON string in the draft. */
function AllocationsInput({
  id,
  spec,
  value,
  onChange,
  describedBy,
}: {
  id: string;
  spec: FieldSpec;
  value: string;
  onChange: (v: string) => void;
  describedBy?: string;
}) {
  const rows = allocationRows(value);
  const set = (next: AllocationRow[]) => onChange(JSON.stringify(next));
  return (
    <div className="allocations" id={id} role="group" aria-label={spec.label} aria-describedby={describedBy}>
      {rows.length === 0 && <p className="small muted">None: the contract sits on the one site above, or on no named site.</p>}
      {rows.map((r, i) => (
        <div className="allocation-row" key={i}>
          <select
            aria-label={`Allocation ${i + 1} site`}
            value={r.site}
            onChange={(e) => set(rows.map((x, j) => (j === i ? { ...x, site: e.target.value } : x)))}
          >
            <option value="">— site —</option>
            {spec.options!.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
          <input
            aria-label={`Allocation ${i + 1} MW`}
            type="text"
            inputMode="decimal"
            value={r.itMw}
            placeholder="MW"
            onChange={(e) => set(rows.map((x, j) => (j === i ? { ...x, itMw: e.target.value } : x)))}
          />
          <button type="button" className="secondary" aria-label={`Remove allocation ${i + 1}`} onClick={() => set(rows.filter((_, j) => j !== i))}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => set([...rows, { site: "", itMw: "" }])}>
        Add site allocation
      </button>
    </div>
  );
}

/** zod issues → dotted-path messages (the same shape the server returns). */
export const issuesToErrors = (issues: Parameters<typeof zodFieldErrors>[0]): Errors => zodFieldErrors(issues).fieldErrors;

/** Labels of a form's fields by the paths its schema reports ("site.grossMw.value" → "Gross MW — value"). */
export function labelsOf(groups: readonly { prefix: string; specs: readonly FieldSpec[]; group?: string }[]) {
  const labels = new Map<string, string>();
  for (const g of groups) for (const f of g.specs) labels.set(g.prefix + f.name, g.group ? `${g.group} — ${f.label}` : f.label);
  return (path: string) => labels.get(path) ?? labels.get(path.replace(/\.\d+\.[^.]+$/, "")) ?? path;
}
