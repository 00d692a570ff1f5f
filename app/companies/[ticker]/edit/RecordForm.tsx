"use client";
// Add or edit one site, contract, balance-sheet event or site change, validated with the shared schema
// as the user types (numbers read by the one parser); remove it. An unusual value is confirmed before
// saving; a stale save or removal shows the one conflict panel.
import { useMemo, useRef, useState } from "react";
import { ConfirmUnusual, useConfirmUnusual } from "@/app/components/ConfirmUnusual";
import { ConflictPanel } from "@/app/components/ConflictPanel";
import { FormStatus } from "@/app/components/FormStatus";
import { useWrite } from "@/app/components/use-write";
import { balanceSheetEventFormSchema, contractFormSchema, siteChangeFormSchema, siteFormSchema } from "@/lib/domain/forms";
import type { BalanceSheetEventInput, ContractInput, SiteChangeInput, SiteInput } from "@/lib/domain/schemas";
import { unusualValues } from "@/lib/number-schema";
import type { WriteResult } from "@/lib/server/mutations/result";
import { conflictRows, formatFieldValue, mergeMine } from "@/lib/view/conflict";
import type { z } from "zod";
import {
  deleteBalanceSheetEventAction,
  deleteContractAction,
  deleteSiteAction,
  deleteSiteChangeAction,
  saveBalanceSheetEventAction,
  saveContractAction,
  saveSiteAction,
  saveSiteChangeAction,
} from "./actions";
import { Field, Fields, issuesToErrors, labelsOf, toDraft, toTyped, type Draft, type FieldSpec } from "./form-kit";
import { balanceSheetEventSpecs, contractSpecs, factSpecs, siteChangeSpecs, siteSpecs } from "./specs";

export type RecordKind = "site" | "contract" | "event" | "change";
export type RecordInput = SiteInput | ContractInput | BalanceSheetEventInput | SiteChangeInput;

interface KindConfig {
  noun: string;
  specs: (siteNames: string[]) => FieldSpec[];
  schema: z.ZodType;
  save: (input: unknown) => Promise<WriteResult<unknown>>;
  remove: (input: unknown) => Promise<WriteResult<unknown>>;
  defaults: Draft;
  label: (v: RecordInput | null) => string;
}

const KINDS: Record<RecordKind, KindConfig> = {
  site: {
    noun: "site",
    specs: () => siteSpecs,
    schema: siteFormSchema,
    save: saveSiteAction,
    remove: deleteSiteAction,
    defaults: { stage: "pipeline", use: "hpc", companyShare: "1" },
    label: (v) => (v as SiteInput | null)?.name ?? "",
  },
  contract: {
    noun: "contract",
    specs: contractSpecs,
    schema: contractFormSchema,
    save: saveContractAction,
    remove: deleteContractAction,
    defaults: { structure: "colocation", itMwBasis: "critical_it", status: "signed", companyShare: "1" },
    label: (v) => (v as ContractInput | null)?.id ?? "",
  },
  event: {
    noun: "balance-sheet event",
    specs: () => balanceSheetEventSpecs,
    schema: balanceSheetEventFormSchema,
    save: saveBalanceSheetEventAction,
    remove: deleteBalanceSheetEventAction,
    defaults: { kind: "debt_issue" },
    label: (v) => (v ? `${(v as BalanceSheetEventInput).date} ${(v as BalanceSheetEventInput).kind.replace(/_/g, " ")}` : ""),
  },
  change: {
    noun: "site change",
    specs: siteChangeSpecs,
    schema: siteChangeFormSchema,
    save: saveSiteChangeAction,
    remove: deleteSiteChangeAction,
    defaults: {},
    label: (v) => (v ? `${(v as SiteChangeInput).site} from ${(v as SiteChangeInput).date}` : ""),
  },
};

const MW_FACTS = [
  ["grossMw", "Gross MW"],
  ["itMw", "Critical IT MW"],
] as const;

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

type Stored = { version: number } & Record<string, unknown>;

export function RecordForm({
  kind,
  ticker,
  id,
  version: initialVersion,
  initial,
  siteNames,
  onDraft,
  onDone,
}: {
  kind: RecordKind;
  ticker: string;
  id?: number;
  version?: number;
  initial: RecordInput | null;
  siteNames: string[];
  onDraft: (v: RecordInput | undefined) => void;
  onDone: () => void;
}) {
  const cfg = KINDS[kind];
  const specs = useMemo(() => cfg.specs(siteNames), [cfg, siteNames]);
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraftState] = useState<Draft>(() => draftOf(kind, initial, specs));
  const [version, setVersion] = useState(initialVersion);
  const [loaded, setLoaded] = useState<RecordInput | null>(initial);
  const [touched, setTouched] = useState(false);
  const save = useWrite(cfg.save, { form: formRef });
  const remove = useWrite(cfg.remove, { form: formRef });
  const unusual = useConfirmUnusual();
  const payload = (d: Draft, v = version) => ({ ticker, ...(id ? { id, version: v } : {}), [kind]: typedOf(kind, d, specs) });
  const check = cfg.schema.safeParse(payload(draft));
  const clientErrors = check.success ? {} : issuesToErrors(check.error.issues);
  const errors = touched ? { ...save.fieldErrors, ...clientErrors } : save.fieldErrors;
  const before = { [kind]: loaded };
  // A figure that is unusual but valid is warned about while typing, and confirmed on save.
  const odd = check.success ? unusualValues(cfg.schema, check.data, before) : [];
  const warnings = Object.fromEntries(odd.map((u) => [u.path, u.message]));

  const labelOf = labelsOf([
    { prefix: `${kind}.`, specs },
    ...(kind === "site" ? MW_FACTS.map(([k, label]) => ({ prefix: `site.${k}.`, specs: factSpecs(label), group: label })) : []),
  ]);
  const format = (path: string, v: unknown) => formatFieldValue(cfg.schema, path, v);

  const setDraft = (d: Draft) => {
    setDraftState(d);
    setTouched(true);
    save.setFieldErrors({});
    unusual.cancel();
    const next = cfg.schema.safeParse(payload(d));
    onDraft(next.success ? ((next.data as Record<string, unknown>)[kind] as RecordInput) : undefined);
  };
  const title = id ? `Edit ${cfg.noun} ${cfg.label(initial)}` : `New ${cfg.noun}`;
  const Noun = cfg.noun[0].toUpperCase() + cfg.noun.slice(1);

  const conflict = save.conflict ?? remove.conflict;
  const theirs = conflict ? (conflict.current as Stored | null) : null;
  const mine = check.success ? ((check.data as Record<string, unknown>)[kind] as RecordInput) : null;
  const discard = () => {
    if (!theirs) return;
    setVersion(theirs.version);
    setLoaded(theirs[kind] as RecordInput);
    setDraft(draftOf(kind, theirs[kind] as RecordInput, specs));
    save.setConflict(null);
    remove.setConflict(null);
  };

  return (
    <form
      ref={formRef}
      className="edit-form record-form"
      aria-label={title}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (!check.success) return save.refuse();
        unusual.check(odd, () => save.submit(check.data, { okText: `${Noun} saved`, onOk: () => onDone() }));
      }}
    >
      <h3>{title}</h3>
      <Fields specs={specs} draft={draft} setDraft={setDraft} errors={errors} warnings={warnings} errorPrefix={`${kind}.`} />
      {kind === "site" &&
        MW_FACTS.map(([k, label]) => (
          <fieldset key={k} className="fact-group">
            <legend>{label}</legend>
            <Field
              spec={{ name: "present", label: "disclosed", kind: "checkbox" }}
              path={`${k}.present`}
              value={draft[`${k}.present`]}
              onChange={(v) => setDraft({ ...draft, [`${k}.present`]: v })}
            />
            {draft[`${k}.present`] === "true" && (
              <Fields
                specs={factSpecs(label)}
                draft={draft}
                setDraft={setDraft}
                errors={errors}
                warnings={warnings}
                prefix={`${k}.`}
                errorPrefix={`site.${k}.`}
              />
            )}
          </fieldset>
        ))}
      {conflict && theirs && (
        <ConflictPanel
          title={`Not saved: this ${cfg.noun} changed since you opened it`}
          message={conflict.message}
          level={3}
          rows={conflictRows({ [kind]: theirs[kind] }, before, { [kind]: mine ?? (conflict.submitted as Record<string, unknown>)?.[kind] })}
          labelOf={labelOf}
          format={format}
          pending={save.pending || remove.pending}
          onReapply={
            save.conflict && mine
              ? () => {
                  const merged = mergeMine(theirs[kind], loaded, mine);
                  save.submit(
                    { ticker, id, version: theirs.version, [kind]: merged },
                    { okText: "Your changes were re-applied", onOk: () => onDone() },
                  );
                }
              : undefined
          }
          onDiscard={discard}
        />
      )}
      {unusual.asking && (
        <ConfirmUnusual
          items={unusual.asking}
          labelOf={labelOf}
          nameOf={(p) => p.slice(kind.length + 1)}
          onConfirm={unusual.confirm}
          onCancel={unusual.cancel}
          pending={save.pending}
        />
      )}
      <div className="actions">
        <button type="submit" disabled={save.pending}>
          {save.pending ? "Saving…" : id ? "Save changes" : `Add ${cfg.noun}`}
        </button>
        {id && (
          <button
            type="button"
            className="secondary danger"
            disabled={remove.pending}
            onClick={() => {
              if (window.confirm(`Remove this ${cfg.noun}? It can be restored from the history.`))
                remove.submit({ ticker, id, version }, { okText: "Removed", onOk: () => onDone() });
            }}
          >
            Remove
          </button>
        )}
        <button
          type="button"
          className="secondary"
          onClick={() => {
            onDraft(initial ?? undefined);
            onDone();
          }}
        >
          Cancel
        </button>
        <FormStatus status={save.status ?? remove.status} />
      </div>
    </form>
  );
}
