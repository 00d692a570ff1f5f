"use client";
// Add or edit one site or contract, validated with the shared schema as the user types; remove it.
import { useMemo, useState } from "react";
import { contractFormSchema, siteFormSchema } from "@/lib/domain/forms";
import type { ContractInput, SiteInput } from "@/lib/domain/schemas";
import { deleteContractAction, deleteSiteAction, saveContractAction, saveSiteAction } from "./actions";
import { ConflictPanel } from "./Conflict";
import { Field, Fields, FormStatus, issuesToErrors, toDraft, toTyped, type Draft, type FieldSpec } from "./form-kit";
import { contractSpecs, factSpecs, siteSpecs } from "./specs";
import { useSave } from "./use-save";

type Kind = "site" | "contract";
type Input = SiteInput | ContractInput;

const MW_FACTS = [["grossMw", "Gross MW"], ["itMw", "Critical IT MW"]] as const;

function draftOf(kind: Kind, v: Input | null, specs: FieldSpec[]): Draft {
  const d = toDraft(specs, v as Record<string, unknown> | null);
  if (!v && kind === "contract") Object.assign(d, { structure: "colocation", itMwBasis: "critical_it", status: "signed" });
  if (!v && kind === "site") Object.assign(d, { stage: "pipeline", use: "hpc" });
  if (kind === "site")
    for (const [k] of MW_FACTS) {
      const f = (v as SiteInput | null)?.[k];
      d[`${k}.present`] = f ? "true" : "false";
      Object.assign(d, toDraft(factSpecs("MW"), f as Record<string, unknown> | null, `${k}.`));
    }
  return d;
}

function typedOf(kind: Kind, d: Draft, specs: FieldSpec[]): Record<string, unknown> {
  const v = toTyped(specs, d);
  if (kind === "site") for (const [k] of MW_FACTS) v[k] = d[`${k}.present`] === "true" ? toTyped(factSpecs("MW"), d, `${k}.`) : null;
  return v;
}

export function RecordForm({ kind, ticker, id, version: initialVersion, initial, siteNames, onDraft, onDone }: {
  kind: Kind; ticker: string; id?: number; version?: number; initial: Input | null; siteNames: string[];
  onDraft: (v: Input | undefined) => void; onDone: () => void;
}) {
  const specs = useMemo(() => (kind === "site" ? siteSpecs : contractSpecs(siteNames)), [kind, siteNames]);
  const schema = kind === "site" ? siteFormSchema : contractFormSchema;
  const [draft, setDraftState] = useState<Draft>(() => draftOf(kind, initial, specs));
  const [version, setVersion] = useState(initialVersion);
  const [touched, setTouched] = useState(false);
  const save = useSave(kind === "site" ? saveSiteAction : saveContractAction, () => onDone());
  const remove = useSave(kind === "site" ? deleteSiteAction : deleteContractAction, () => onDone());
  const payload = (d: Draft, v = version) => ({ ticker, ...(id ? { id, version: v } : {}), [kind]: typedOf(kind, d, specs) });
  const check = schema.safeParse(payload(draft));
  const clientErrors = check.success ? {} : issuesToErrors(check.error.issues);
  const errors = touched ? { ...save.serverErrors, ...clientErrors } : save.serverErrors;

  const setDraft = (d: Draft) => {
    setDraftState(d);
    setTouched(true);
    save.setServerErrors({});
    const next = schema.safeParse(payload(d));
    onDraft(next.success ? ((next.data as Record<string, unknown>)[kind] as Input) : undefined);
  };
  const title = id ? `Edit ${kind} ${(initial as { name?: string; id?: string })?.[kind === "site" ? "name" : "id"] ?? ""}` : `New ${kind}`;

  return (
    <form className="edit-form record-form" aria-label={title} onSubmit={(e) => {
      e.preventDefault();
      setTouched(true);
      if (!check.success) return save.setStatus({ tone: "bad", text: "Please fix the highlighted fields. Nothing was saved." });
      save.submit(payload(draft), `${kind === "site" ? "Site" : "Contract"} saved`);
    }}>
      <h3>{title}</h3>
      <Fields specs={specs} draft={draft} setDraft={setDraft} errors={errors} errorPrefix={`${kind}.`} />
      {kind === "site" && MW_FACTS.map(([k, label]) => (
        <fieldset key={k} className="fact-group">
          <legend>{label}</legend>
          <Field spec={{ name: "present", label: "disclosed", kind: "checkbox" }} path={`${k}.present`} value={draft[`${k}.present`]}
            onChange={(v) => setDraft({ ...draft, [`${k}.present`]: v })} />
          {draft[`${k}.present`] === "true" && (
            <Fields specs={factSpecs(label)} draft={draft} setDraft={setDraft} errors={errors} prefix={`${k}.`} errorPrefix={`site.${k}.`} />
          )}
        </fieldset>
      ))}
      {(save.conflict || remove.conflict) && (() => {
        const c = (save.conflict ?? remove.conflict)!;
        const current = c.current as { version: number } & Record<string, Input>;
        return (
          <ConflictPanel message={c.message} current={current?.[kind]} yours={(c.submitted as Record<string, unknown>)[kind] ?? null}
            onReapply={() => { setVersion(current.version); save.submit(payload(draft, current.version), "Your version was re-applied"); }}
            onDiscard={() => { setVersion(current.version); setDraft(draftOf(kind, current[kind], specs)); save.setConflict(null); remove.setConflict(null); }} />
        );
      })()}
      <div className="actions">
        <button type="submit" disabled={save.pending}>{save.pending ? "Saving…" : id ? "Save changes" : `Add ${kind}`}</button>
        {id && (
          <button type="button" className="secondary danger" disabled={remove.pending}
            onClick={() => { if (window.confirm(`Remove this ${kind}? It can be restored from the history.`)) remove.submit({ ticker, id, version }, "Removed"); }}>
            Remove
          </button>
        )}
        <button type="button" className="secondary" onClick={() => { onDraft(initial ?? undefined); onDone(); }}>Cancel</button>
        <FormStatus status={save.status ?? remove.status} />
      </div>
    </form>
  );
}
