"use client";
// Editor of one named assumption set: every value of methodology §3, grouped, with unit and source
// (AssumptionFields.tsx); a live preview of what the edit does to every company, scored here in the
// browser by the library the server uses (Preview.tsx); save guarded by the set's version through the
// one write hook, with the one conflict panel and the unusual-value check; duplicate and delete
// (DuplicateOrDelete.tsx).
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { ConfirmUnusual, useConfirmUnusual } from "@/app/components/ConfirmUnusual";
import { ConflictPanel } from "@/app/components/ConflictPanel";
import { FormStatus } from "@/app/components/FormStatus";
import { useHydrated } from "@/app/components/use-hydrated";
import { useWrite } from "@/app/components/use-write";
import { assumptionSetCreateSchema } from "@/lib/domain/forms";
import { unusualValues } from "@/lib/number-schema";
import {
  ASSUMPTION_META,
  assumptionsSchema,
  type Assumptions,
  type BooleanAssumptionKey,
  type CountriesAssumptionKey,
  type NumericAssumptionKey,
} from "@/lib/scoring/assumptions";
import type { ScoringCompany } from "@/lib/scoring/types";
import {
  diffKeys,
  formatAssumption,
  fromForm,
  mergeFieldErrors,
  sameValue,
  toFieldErrors,
  toForm,
  withDefaults,
  type AssumptionForm,
} from "@/lib/view/assumption-diff";
import { conflictRows, formatFieldValue, mergeMine } from "@/lib/view/conflict";
import { updateSetAction } from "./actions";
import { BoolField, CountriesField, NumberField } from "./AssumptionFields";
import { DuplicateOrDelete, type EditableSet } from "./DuplicateOrDelete";
import { compareHref, editHref, screenHref } from "./links";
import { Preview } from "./Preview";
import { firstInvalid, GROUPS, labelOf, messageAt } from "./set-form";

export type { EditableSet };

/** A version of the set: what the form was opened from (or last saved), or what is stored now. */
interface Saved {
  version: number;
  name: string;
  values: Assumptions;
}
type Named = { name: string; values: Record<string, unknown> };

const format = (path: string, v: unknown) => (typeof v === "number" ? formatFieldValue(assumptionSetCreateSchema, path, v) : formatAssumption(v));

export function SetEditor(props: {
  set: EditableSet;
  companies: ScoringCompany[];
  viewDate: string;
  defaultName: string | null;
  renamedFrom?: string;
}) {
  const { set, companies, defaultName } = props;
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [base, setBase] = useState<Saved>({ version: set.version, name: set.name, values: set.values });
  const [form, setForm] = useState<AssumptionForm>(() => toForm(set.name, set.values));
  const save = useWrite(updateSetAction, { form: formRef, labelOf });
  const unusual = useConfirmUnusual();
  const [renamed, setRenamed] = useState(props.renamedFrom);
  const ready = useHydrated(); // data-ready: typing reaches React (used by e2e)

  const candidate = useMemo(() => fromForm(form), [form]);
  const changedKeys = useMemo(() => diffKeys(base.values, candidate), [base.values, candidate]);
  const dirty = form.name !== base.name || changedKeys.length > 0;

  // A newer version from the server (after a save elsewhere and a refresh) replaces an unedited form.
  const [seenVersion, setSeenVersion] = useState(set.version);
  if (set.version !== seenVersion) {
    setSeenVersion(set.version);
    if (set.version > base.version && !dirty) {
      setBase({ version: set.version, name: set.name, values: set.values });
      setForm(toForm(set.name, set.values));
    }
  }

  const parsed = useMemo(() => assumptionSetCreateSchema.safeParse({ name: form.name, values: candidate }), [form.name, candidate]);
  const client = parsed.success ? { fieldErrors: {} } : toFieldErrors(parsed.error);
  const errors = mergeFieldErrors(client.fieldErrors, save.fieldErrors);
  const odd = useMemo(() => (parsed.success ? unusualValues(assumptionSetCreateSchema, parsed.data, base) : []), [parsed, base]);
  const warningOf = (k: string) => odd.find((u) => u.path === `values.${k}`)?.message;

  // What is stored now, after a stale save: the preview and "Discard mine" compare against it.
  const theirs = useMemo<Saved | null>(() => {
    const c = save.conflict?.current as { version: number; name: string; values: unknown } | undefined;
    return c ? { version: c.version, name: c.name, values: withDefaults(c.values) } : null;
  }, [save.conflict]);
  const saved = theirs ?? base;

  const edit = (path: string, patch: (f: AssumptionForm) => AssumptionForm) => {
    setForm(patch);
    if (path in save.fieldErrors) save.setFieldErrors(Object.fromEntries(Object.entries(save.fieldErrors).filter(([k]) => k !== path)));
    save.setStatus(null);
    unusual.cancel();
    setRenamed(undefined);
  };

  function send(input: Named, version: number, reapplied = false) {
    const wasName = base.name;
    save.submit(
      { id: set.id, version, ...input },
      {
        onOk: (r) => {
          const values = input.values as Assumptions;
          setBase({ version: r.version, name: r.name, values });
          setForm((f) => (reapplied ? toForm(r.name, values) : f.name.trim() === r.name ? { ...f, name: r.name } : f));
          save.setStatus({
            tone: "good",
            text: `Saved “${r.name}” as version ${r.version}. The screener and the company pages now use these values.`,
          });
          if (r.name !== wasName) router.replace(`${editHref(r.name)}?${new URLSearchParams({ renamed: wasName })}`);
        },
      },
    );
  }

  function submit() {
    if (!parsed.success) return save.refuse("Nothing was saved: correct the marked fields.");
    const input = { name: parsed.data.name, values: parsed.data.values };
    unusual.check(odd, () => send(input, base.version));
  }

  function reapply() {
    if (!theirs || !parsed.success) return save.refuse("Nothing was saved: correct the marked fields.");
    // only what I changed since I opened the set goes over theirs (lib/view/conflict.ts)
    const merged = mergeMine<Named>(
      { name: theirs.name, values: theirs.values },
      { name: base.name, values: base.values },
      { name: parsed.data.name, values: parsed.data.values },
    );
    send(merged, theirs.version, true);
  }

  function discardMine() {
    const to = theirs ?? base;
    setBase(to);
    setForm(toForm(to.name, to.values));
    save.setFieldErrors({});
    save.setConflict(null);
    unusual.cancel();
    save.setStatus(
      theirs ? { tone: "good", text: `Loaded version ${to.version}, the one saved by someone else. Nothing of yours was saved.` } : null,
    );
  }

  // The preview needs valid values only (a bad name does not stop it).
  const valuesCheck = useMemo(() => assumptionsSchema.safeParse(candidate), [candidate]);
  const validValues = valuesCheck.success ? (valuesCheck.data as Assumptions) : null;
  const status = save.status ?? (renamed ? { tone: "good" as const, text: `Saved, and renamed from “${renamed}”. Version ${set.version}.` } : null);

  return (
    <div className="set-page" data-ready={ready || undefined}>
      <div className="page-head">
        <p className="small">
          <Link href="/assumptions">← All assumption sets</Link>
        </p>
        <h1>
          Assumption set “{base.name}”{set.isDefault && <span className="badge">default</span>}
        </h1>
        <p className="muted small set-links">
          Version {base.version} · <Link href={screenHref(base.name, set.isDefault)}>Screen with this set</Link>
          {defaultName && !set.isDefault && (
            <>
              {" "}
              · <Link href={compareHref(defaultName, base.name)}>Compare with {defaultName}</Link>
            </>
          )}
        </p>
      </div>

      {save.conflict && theirs && (
        <ConflictPanel
          title="Not saved: this set changed since you opened it"
          message={save.conflict.message}
          rows={conflictRows(
            { name: theirs.name, values: theirs.values },
            { name: base.name, values: base.values },
            { name: form.name.trim(), values: candidate },
          )}
          labelOf={labelOf}
          format={format}
          pending={save.pending}
          onReapply={reapply}
          onDiscard={discardMine}
          discardLabel="Discard mine"
        />
      )}

      <div className="set-editor">
        <div className="editor-main">
          <form
            ref={formRef}
            className="set-form"
            noValidate
            aria-label={`Values of ${base.name}`}
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <div className={`a-row name-row ${form.name !== base.name ? "is-changed" : ""}`}>
              <label htmlFor="f-name" className="a-label">
                Name
              </label>
              <div className="a-input">
                <input
                  id="f-name"
                  name="name"
                  value={form.name}
                  maxLength={60}
                  autoComplete="off"
                  aria-invalid={errors.name?.[0] ? true : undefined}
                  aria-describedby={errors.name?.[0] ? "f-name-error" : undefined}
                  onChange={(e) => {
                    const name = e.target.value;
                    edit("name", (f) => ({ ...f, name }));
                  }}
                />
              </div>
              {errors.name?.[0] && (
                <p id="f-name-error" className="field-error a-error">
                  {errors.name[0]}
                </p>
              )}
              <p className="a-source small muted">
                Letters, digits, spaces and . ( ) + - only. Links that name the old set stop working after a rename.
              </p>
            </div>

            {GROUPS.map((g) => (
              <fieldset key={g.group} className="a-group">
                <legend>{g.label}</legend>
                {g.keys.map((k) => {
                  const path = `values.${k}`;
                  const kind = ASSUMPTION_META[k].kind;
                  if (kind === "boolean") {
                    const b = k as BooleanAssumptionKey;
                    return (
                      <BoolField
                        key={k}
                        k={b}
                        checked={form.flags[b]}
                        changed={form.flags[b] !== base.values[b]}
                        error={messageAt(errors, path, candidate)}
                        onChange={(v) => edit(path, (f) => ({ ...f, flags: { ...f.flags, [b]: v } }))}
                      />
                    );
                  }
                  const t = k as NumericAssumptionKey | CountriesAssumptionKey;
                  const common = {
                    text: form.text[t],
                    value: candidate[k],
                    changed: !sameValue(candidate[k], base.values[k]),
                    error: messageAt(errors, path, candidate),
                    onChange: (v: string) => edit(path, (f) => ({ ...f, text: { ...f.text, [t]: v } })),
                  };
                  return kind === "countries" ? (
                    <CountriesField key={k} k={k as CountriesAssumptionKey} {...common} />
                  ) : (
                    <NumberField key={k} k={k as NumericAssumptionKey} {...common} warning={warningOf(k)} />
                  );
                })}
              </fieldset>
            ))}

            {unusual.asking && (
              <ConfirmUnusual
                items={unusual.asking}
                labelOf={labelOf}
                nameOf={(p) => p.replace(/^values\./, "")}
                onConfirm={unusual.confirm}
                onCancel={unusual.cancel}
                pending={save.pending}
              />
            )}
            <div className="editor-actions">
              <button type="submit" disabled={save.pending}>
                {save.pending ? "Saving…" : "Save"}
              </button>
              <button type="button" className="secondary" disabled={!dirty || save.pending} onClick={discardMine}>
                Undo changes
              </button>
              <span className="small muted" aria-live="polite">
                {dirty
                  ? `Unsaved: ${changedKeys.length} value${changedKeys.length === 1 ? "" : "s"}${form.name !== base.name ? " and the name" : ""}`
                  : "No unsaved changes"}
              </span>
              {dirty && (
                <a href="#preview-title" className="small only-narrow">
                  See what it does ↓
                </a>
              )}
              <div className="editor-notice">{status?.tone !== "busy" && <FormStatus status={status} />}</div>
            </div>
          </form>

          <DuplicateOrDelete set={set} name={base.name} version={base.version} values={validValues} />
        </div>

        <aside className="editor-preview" aria-label="Preview">
          <Preview
            companies={companies}
            viewDate={props.viewDate}
            saved={saved.values}
            savedVersion={saved.version}
            edited={validValues}
            invalid={valuesCheck.success ? null : firstInvalid(toFieldErrors(valuesCheck.error))}
          />
        </aside>
      </div>
    </div>
  );
}
