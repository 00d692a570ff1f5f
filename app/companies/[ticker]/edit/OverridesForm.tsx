"use client";
import { useState } from "react";
import { overridesFormSchema } from "@/lib/domain/forms";
import { ASSUMPTION_KEYS, ASSUMPTION_META, type AssumptionKey, type AssumptionOverrides, type Assumptions } from "@/lib/scoring/assumptions";
import { formatAssumption, parseCountries } from "@/lib/view/assumption-diff";
import { saveOverridesAction } from "./actions";
import { ConflictPanel } from "./Conflict";
import { FormStatus, issuesToErrors } from "./form-kit";
import { useSave } from "./use-save";

type Row = { key: AssumptionKey; value: string };
const text = (v: unknown) => (Array.isArray(v) ? v.join(", ") : String(v));
const toRows = (o: AssumptionOverrides): Row[] => Object.entries(o).map(([key, v]) => ({ key: key as AssumptionKey, value: text(v) }));
/** What the user typed, as the schema takes it: yes/no, a country list, or a number (blank stays invalid). */
const typedValue = (key: AssumptionKey, v: string) => {
  const kind = ASSUMPTION_META[key].kind;
  if (kind === "boolean") return v === "true";
  if (kind === "countries") return parseCountries(v);
  return v.trim() === "" ? Number.NaN : Number(v);
};
const toOverrides = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.key, typedValue(r.key, r.value)]));

export function OverridesForm({ ticker, version: v0, initial, active, onDraft }: {
  ticker: string; version: number; initial: AssumptionOverrides; active: Assumptions; onDraft: (o: AssumptionOverrides | undefined) => void;
}) {
  const [rows, setRowsState] = useState<Row[]>(() => toRows(initial));
  const [version, setVersion] = useState(v0);
  const save = useSave(saveOverridesAction, (d) => setVersion(d.version));
  const payload = (r: Row[], ver = version) => ({ ticker, version: ver, overrides: toOverrides(r) });
  const check = overridesFormSchema.safeParse(payload(rows));
  const errors = { ...(check.success ? {} : issuesToErrors(check.error.issues)), ...save.serverErrors };
  const setRows = (r: Row[]) => {
    setRowsState(r);
    save.setServerErrors({});
    const next = overridesFormSchema.safeParse(payload(r));
    onDraft(next.success ? (next.data.overrides as AssumptionOverrides) : undefined);
  };
  const unused = ASSUMPTION_KEYS.filter((k) => !rows.some((r) => r.key === k));

  return (
    <form className="edit-form" aria-labelledby="overrides-title" onSubmit={(e) => {
      e.preventDefault();
      if (!check.success) return save.setStatus({ tone: "bad", text: "Please fix the highlighted values. Nothing was saved." });
      save.submit(payload(rows), "Overrides saved");
    }}>
      <h2 id="overrides-title">Company assumption overrides</h2>
      <p className="small muted">These replace the active set&apos;s values for this company only (e.g. its own build cost or IT/gross factor).</p>
      {rows.length === 0 && <p className="muted">No overrides: the company uses the active set.</p>}
      {rows.map((r, i) => {
        const m = ASSUMPTION_META[r.key];
        const err = errors[`overrides.${r.key}`];
        return (
          <div key={r.key} className="override-row">
            <label htmlFor={`ov-${r.key}`}>{m.label} <span className="muted small">({m.unit}; set value {formatAssumption(active[r.key])})</span></label>
            {m.kind === "boolean" ? (
              <select id={`ov-${r.key}`} value={r.value} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))}>
                <option value="true">yes</option><option value="false">no</option>
              </select>
            ) : (
              <input id={`ov-${r.key}`} inputMode="decimal" value={r.value} aria-invalid={!!err} aria-describedby={err ? `ov-${r.key}-err` : undefined}
                onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))} />
            )}
            <button type="button" className="secondary" onClick={() => setRows(rows.filter((_, j) => j !== i))} aria-label={`Remove override ${m.label}`}>Remove</button>
            {err && <span id={`ov-${r.key}-err`} className="field-error" role="alert">{err.join("; ")}</span>}
          </div>
        );
      })}
      <div className="actions">
        <label>
          <span className="sr-only">Add an override</span>
          <select value="" onChange={(e) => e.target.value && setRows([...rows, { key: e.target.value as AssumptionKey, value: text(active[e.target.value as AssumptionKey]) }])}>
            <option value="">Add an override…</option>
            {unused.map((k) => <option key={k} value={k}>{ASSUMPTION_META[k].label}</option>)}
          </select>
        </label>
        <button type="submit" disabled={save.pending}>{save.pending ? "Saving…" : "Save overrides"}</button>
        <FormStatus status={save.status} />
      </div>
      {check.success ? null : errors["overrides"] && <p className="field-error">{errors["overrides"].join("; ")}</p>}
      {save.conflict && (
        <ConflictPanel message={save.conflict.message} current={(save.conflict.current as { overrides: object }).overrides} yours={(save.conflict.submitted as { overrides: object }).overrides}
          onReapply={() => { const cur = save.conflict!.current as { version: number }; setVersion(cur.version); save.submit(payload(rows, cur.version), "Your overrides were re-applied"); }}
          onDiscard={() => { const cur = save.conflict!.current as { version: number; overrides: AssumptionOverrides }; setVersion(cur.version); setRows(toRows(cur.overrides)); save.setConflict(null); }} />
      )}
    </form>
  );
}
