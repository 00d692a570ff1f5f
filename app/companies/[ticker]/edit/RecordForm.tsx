"use client";
// Add or edit one site, contract or balance-sheet event, validated with the shared schema as the user
// types; remove it.
import { useMemo, useState } from "react";
import { balanceSheetEventFormSchema, contractFormSchema, siteChangeFormSchema, siteFormSchema } from "@/lib/domain/forms";
import type { BalanceSheetEventInput, ContractInput, SiteChangeInput, SiteInput } from "@/lib/domain/schemas";
import type { WriteResult } from "@/lib/server/mutations/result";
import {
  deleteBalanceSheetEventAction, deleteContractAction, deleteSiteAction, deleteSiteChangeAction, saveBalanceSheetEventAction, saveContractAction,
  saveSiteAction, saveSiteChangeAction,
} from "./actions";
import { ConflictPanel } from "./Conflict";
import { Field, Fields, FormStatus, issuesToErrors, toDraft, toTyped, type Draft, type FieldSpec } from "./form-kit";
import { balanceSheetEventSpecs, contractSpecs, factSpecs, siteChangeSpecs, siteSpecs } from "./specs";
import { useSave } from "./use-save";

export type RecordKind = "site" | "contract" | "event" | "change";
export type RecordInput = SiteInput | ContractInput | BalanceSheetEventInput | SiteChangeInput;

interface KindConfig {
  noun: string;
  specs: (siteNames: string[]) => FieldSpec[];
  schema: { safeParse(v: unknown): { success: true; data: unknown } | { success: false; error: { issues: Parameters<typeof issuesToErrors>[0] } } };
  save: (input: unknown) => Promise<WriteResult<unknown>>;
  remove: (input: unknown) => Promise<WriteResult<unknown>>;
  defaults: Draft;
  label: (v: RecordInput | null) => string;
}

const KINDS: Record<RecordKind, KindConfig> = {
  site: {
    noun: "site", specs: () => siteSpecs, schema: siteFormSchema, save: saveSiteAction, remove: deleteSiteAction,
    defaults: { stage: "pipeline", use: "hpc", companyShare: "1" }, label: (v) => (v as SiteInput | null)?.name ?? "",
  },
  contract: {
    noun: "contract", specs: contractSpecs, schema: contractFormSchema, save: saveContractAction, remove: deleteContractAction,
    defaults: { structure: "colocation", itMwBasis: "critical_it", status: "signed", companyShare: "1" }, label: (v) => (v as ContractInput | null)?.id ?? "",
  },
  event: {
    noun: "balance-sheet event", specs: () => balanceSheetEventSpecs, schema: balanceSheetEventFormSchema, save: saveBalanceSheetEventAction,
    remove: deleteBalanceSheetEventAction, defaults: { kind: "debt_issue" },
    label: (v) => (v ? `${(v as BalanceSheetEventInput).date} ${(v as BalanceSheetEventInput).kind.replace(/_/g, " ")}` : ""),
  },
  change: {
    noun: "site change", specs: siteChangeSpecs, schema: siteChangeFormSchema, save: saveSiteChangeAction, remove: deleteSiteChangeAction,
    defaults: {}, label: (v) => (v ? `${(v as SiteChangeInput).site} from ${(v as SiteChangeInput).date}` : ""),
  },
};

const MW_FACTS = [["grossMw", "Gross MW"], ["itMw", "Critical IT MW"]] as const;

function draftOf(kind: RecordKind, v: RecordInput | null, specs: FieldSpec[]): Draft {
  const d = toDraft(specs, v as Record<string, unknown> | null);
  if (!v) Object.assign(d, KINDS[kind].defaults);
  if (kind === "site")
    for (const [k] of MW_FACTS) {
      const f = (v as SiteInput | null)?.[k];
      d[`${k}.present`] = f ? "true" : "false";
      Object.assign(d, toDraft(factSpecs("MW"), f as Record<string, unknown> | null, `${k}.`));
    }
  return d;
}

function typedOf(kind: RecordKind, d: Draft, specs: FieldSpec[]): Record<string, unknown> {
  const v = toTyped(specs, d);
  if (kind === "site") for (const [k] of MW_FACTS) v[k] = d[`${k}.present`] === "true" ? toTyped(factSpecs("MW"), d, `${k}.`) : null;
  return v;
}

export function RecordForm({ kind, ticker, id, version: initialVersion, initial, siteNames, onDraft, onDone }: {
  kind: RecordKind; ticker: string; id?: number; version?: number; initial: RecordInput | null; siteNames: string[];
  onDraft: (v: RecordInput | undefined) => void; onDone: () => void;
}) {
  const cfg = KINDS[kind];
  const specs = useMemo(() => cfg.specs(siteNames), [cfg, siteNames]);
  const [draft, setDraftState] = useState<Draft>(() => draftOf(kind, initial, specs));
  const [version, setVersion] = useState(initialVersion);
  const [touched, setTouched] = useState(false);
  const save = useSave(cfg.save, () => onDone());
  const remove = useSave(cfg.remove, () => onDone());
  const payload = (d: Draft, v = version) => ({ ticker, ...(id ? { id, version: v } : {}), [kind]: typedOf(kind, d, specs) });
  const check = cfg.schema.safeParse(payload(draft));
  const clientErrors = check.success ? {} : issuesToErrors(check.error.issues);
  const errors = touched ? { ...save.serverErrors, ...clientErrors } : save.serverErrors;

  const setDraft = (d: Draft) => {
    setDraftState(d);
    setTouched(true);
    save.setServerErrors({});
    const next = cfg.schema.safeParse(payload(d));
    onDraft(next.success ? ((next.data as Record<string, unknown>)[kind] as RecordInput) : undefined);
  };
  const title = id ? `Edit ${cfg.noun} ${cfg.label(initial)}` : `New ${cfg.noun}`;
  const Noun = cfg.noun[0].toUpperCase() + cfg.noun.slice(1);

  return (
    <form className="edit-form record-form" aria-label={title} onSubmit={(e) => {
      e.preventDefault();
      setTouched(true);
      if (!check.success) return save.setStatus({ tone: "bad", text: "Please fix the highlighted fields. Nothing was saved." });
      save.submit(payload(draft), `${Noun} saved`);
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
        const current = c.current as { version: number } & Record<string, RecordInput>;
        return (
          <ConflictPanel message={c.message} current={current?.[kind]} yours={(c.submitted as Record<string, unknown>)[kind] ?? null}
            onReapply={() => { setVersion(current.version); save.submit(payload(draft, current.version), "Your version was re-applied"); }}
            onDiscard={() => { setVersion(current.version); setDraft(draftOf(kind, current[kind], specs)); save.setConflict(null); remove.setConflict(null); }} />
        );
      })()}
      <div className="actions">
        <button type="submit" disabled={save.pending}>{save.pending ? "Saving…" : id ? "Save changes" : `Add ${cfg.noun}`}</button>
        {id && (
          <button type="button" className="secondary danger" disabled={remove.pending}
            onClick={() => { if (window.confirm(`Remove this ${cfg.noun}? It can be restored from the history.`)) remove.submit({ ticker, id, version }, "Removed"); }}>
            Remove
          </button>
        )}
        <button type="button" className="secondary" onClick={() => { onDraft(initial ?? undefined); onDone(); }}>Cancel</button>
        <FormStatus status={save.status ?? remove.status} />
      </div>
    </form>
  );
}
