"use client";
// A company's own assumption values, over the active set's. Numbers are typed as text and read by the
// shared schema (the one parser, the assumption's bounds); an unusual value is confirmed before saving.
import { useRef, useState } from "react";
import { ConfirmUnusual, useConfirmUnusual } from "@/app/components/ConfirmUnusual";
import { ConflictPanel } from "@/app/components/ConflictPanel";
import { FormStatus } from "@/app/components/FormStatus";
import { useWrite } from "@/app/components/use-write";
import { overridesFormSchema } from "@/lib/domain/forms";
import { unusualValues } from "@/lib/number-schema";
import { ASSUMPTION_KEYS, ASSUMPTION_META, type AssumptionKey, type AssumptionOverrides, type Assumptions } from "@/lib/scoring/assumptions";
import { formatAssumption, parseCountries } from "@/lib/view/assumption-diff";
import { conflictRows, formatFieldValue, mergeMine } from "@/lib/view/conflict";
import { saveOverridesAction } from "./actions";
import { issuesToErrors } from "./form-kit";

type Row = { key: AssumptionKey; value: string };
const text = (v: unknown) => (Array.isArray(v) ? v.join(", ") : String(v));
const toRows = (o: AssumptionOverrides): Row[] => Object.entries(o).map(([key, v]) => ({ key: key as AssumptionKey, value: text(v) }));
/** What the user typed, as the schema takes it: yes/no, a country list, or a number's text (read by the schema). */
const typedValue = (key: AssumptionKey, v: string) => {
  const kind = ASSUMPTION_META[key].kind;
  if (kind === "boolean") return v === "true";
  if (kind === "countries") return parseCountries(v);
  return v.trim();
};
const toOverrides = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.key, typedValue(r.key, r.value)]));
const labelOf = (path: string) => ASSUMPTION_META[path.replace(/^overrides\./, "") as AssumptionKey]?.label ?? path;
const format = (path: string, v: unknown) =>
  Array.isArray(v) || typeof v === "boolean" ? formatAssumption(v) : formatFieldValue(overridesFormSchema, path, v);

export function OverridesForm({
  ticker,
  version: v0,
  initial,
  active,
  onDraft,
  onSaved,
}: {
  ticker: string;
  version: number;
  initial: AssumptionOverrides;
  active: Assumptions;
  onDraft: (o: AssumptionOverrides | undefined) => void;
  /** the overrides are saved: the page's preview no longer has unsaved edits of them */
  onSaved: () => void;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [rows, setRowsState] = useState<Row[]>(() => toRows(initial));
  const [version, setVersion] = useState(v0);
  const [loaded, setLoaded] = useState<AssumptionOverrides>(initial);
  const save = useWrite(saveOverridesAction, { form: formRef });
  const unusual = useConfirmUnusual();
  const payload = (r: Row[], ver = version) => ({ ticker, version: ver, overrides: toOverrides(r) });
  const check = overridesFormSchema.safeParse(payload(rows));
  const errors = { ...(check.success ? {} : issuesToErrors(check.error.issues)), ...save.fieldErrors };
  const odd = check.success ? unusualValues(overridesFormSchema, check.data, { overrides: loaded }) : [];
  const setRows = (r: Row[]) => {
    setRowsState(r);
    save.setFieldErrors({});
    unusual.cancel();
    const next = overridesFormSchema.safeParse(payload(r));
    onDraft(next.success ? (next.data.overrides as AssumptionOverrides) : undefined);
  };
  const submit = (overrides: AssumptionOverrides, ver: number, okText: string) =>
    save.submit(
      { ticker, version: ver, overrides },
      {
        okText,
        onOk: (d) => {
          setVersion(d.version);
          setLoaded(overrides);
          setRowsState(toRows(overrides));
          onSaved();
        },
      },
    );
  const unused = ASSUMPTION_KEYS.filter((k) => !rows.some((r) => r.key === k));
  const theirs = save.conflict?.current as { version: number; overrides: AssumptionOverrides } | undefined;
  const mine = check.success ? (check.data.overrides as AssumptionOverrides) : null;

  return (
    <form
      ref={formRef}
      className="edit-form"
      aria-labelledby="overrides-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!check.success) return save.refuse("Please fix the highlighted values. Nothing was saved.");
        const overrides = check.data.overrides as AssumptionOverrides;
        unusual.check(odd, () => submit(overrides, version, "Overrides saved"));
      }}
    >
      <h2 id="overrides-title">Company assumption overrides</h2>
      <p className="small muted">These replace the active set&apos;s values for this company only (e.g. its own build cost or IT/gross factor).</p>
      {rows.length === 0 && <p className="muted">No overrides: the company uses the active set.</p>}
      {rows.map((r, i) => {
        const m = ASSUMPTION_META[r.key];
        const err = errors[`overrides.${r.key}`];
        const warning = odd.find((u) => u.path === `overrides.${r.key}`)?.message;
        const describedBy = err ? `ov-${r.key}-err` : warning ? `ov-${r.key}-warn` : undefined;
        return (
          <div key={r.key} className="override-row">
            <label htmlFor={`ov-${r.key}`}>
              {m.label}{" "}
              <span className="muted small">
                ({m.unit}; set value {formatAssumption(active[r.key])})
              </span>
            </label>
            {m.kind === "boolean" ? (
              <select
                id={`ov-${r.key}`}
                name={`ov-${r.key}`}
                value={r.value}
                onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))}
              >
                <option value="true">yes</option>
                <option value="false">no</option>
              </select>
            ) : (
              <input
                id={`ov-${r.key}`}
                name={`ov-${r.key}`}
                inputMode={m.kind === "number" ? "decimal" : undefined}
                value={r.value}
                aria-invalid={!!err}
                aria-describedby={describedBy}
                onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))}
              />
            )}
            <button
              type="button"
              className="secondary"
              onClick={() => setRows(rows.filter((_, j) => j !== i))}
              aria-label={`Remove override ${m.label}`}
            >
              Remove
            </button>
            {err && (
              <span id={`ov-${r.key}-err`} className="field-error" role="alert">
                {err.join("; ")}
              </span>
            )}
            {!err && warning && (
              <span id={`ov-${r.key}-warn`} className="field-warning">
                {warning}
              </span>
            )}
          </div>
        );
      })}
      <div className="actions">
        <label>
          <span className="sr-only">Add an override</span>
          <select
            value=""
            onChange={(e) =>
              e.target.value && setRows([...rows, { key: e.target.value as AssumptionKey, value: text(active[e.target.value as AssumptionKey]) }])
            }
          >
            <option value="">Add an override…</option>
            {unused.map((k) => (
              <option key={k} value={k}>
                {ASSUMPTION_META[k].label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={save.pending}>
          {save.pending ? "Saving…" : "Save overrides"}
        </button>
        <FormStatus status={save.status} />
      </div>
      {check.success ? null : errors["overrides"] && <p className="field-error">{errors["overrides"].join("; ")}</p>}
      {unusual.asking && (
        <ConfirmUnusual
          items={unusual.asking}
          labelOf={labelOf}
          nameOf={(p) => `ov-${p.replace(/^overrides\./, "")}`}
          onConfirm={unusual.confirm}
          onCancel={unusual.cancel}
          pending={save.pending}
        />
      )}
      {save.conflict && theirs && (
        <ConflictPanel
          title="Not saved: this company changed since you opened it"
          message={save.conflict.message}
          rows={conflictRows(
            { overrides: theirs.overrides },
            { overrides: loaded },
            { overrides: mine ?? (save.conflict.submitted as { overrides: unknown }).overrides },
          )}
          labelOf={labelOf}
          format={format}
          pending={save.pending}
          onReapply={mine ? () => submit(mergeMine(theirs.overrides, loaded, mine), theirs.version, "Your overrides were re-applied") : undefined}
          onDiscard={() => {
            setVersion(theirs.version);
            setLoaded(theirs.overrides);
            setRows(toRows(theirs.overrides));
            save.setConflict(null);
          }}
        />
      )}
    </form>
  );
}
