"use client";
// Editor of one named assumption set: every value of methodology §3, grouped, with unit and source; a
// live preview of what the edit does to every company (scored here in the browser by the same library
// the server uses); save guarded by the set's version, duplicate and delete.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState, useTransition } from "react";
import { assumptionSetCreateSchema } from "@/lib/domain/forms";
import {
  ASSUMPTION_META, assumptionsSchema, DEFAULT_ASSUMPTIONS,
  type AssumptionKey, type Assumptions, type BooleanAssumptionKey, type CountriesAssumptionKey, type NumericAssumptionKey,
} from "@/lib/scoring/assumptions";
import type { ScoringCompany } from "@/lib/scoring/types";
import {
  assumptionGroups, diffKeys, formatAssumption, fromForm, mergeFieldErrors, sameValue, toFieldErrors, toForm, withDefaults,
  type AssumptionForm, type FieldErrors,
} from "@/lib/view/assumption-diff";
import { createSetAction, deleteSetAction, updateSetAction } from "./actions";
import { compareHref, editHref, screenHref } from "./links";
import { Preview } from "./Preview";

export interface EditableSet { id: number; name: string; isDefault: boolean; version: number; values: Assumptions }

interface Saved { version: number; name: string; values: Assumptions }
interface Notice { tone: "ok" | "error"; text: string }

const NO_ERRORS: FieldErrors = { fieldErrors: {}, formErrors: [] };
const GROUPS = assumptionGroups();
/** Field paths in display order, to focus the first invalid one. */
const FIELD_ORDER = ["name", ...GROUPS.flatMap((g) => g.keys.map((k) => `values.${k}`))];
const fieldId = (path: string) => `f-${path.replace(/^values\./, "")}`;

function labelOf(path: string) {
  const k = path.replace(/^values\./, "") as AssumptionKey;
  return path === "name" ? "Name" : ASSUMPTION_META[k]?.label ?? path;
}

export function SetEditor(props: { set: EditableSet; companies: ScoringCompany[]; viewDate: string; defaultName: string | null; renamedFrom?: string }) {
  const { set, companies, defaultName } = props;
  const router = useRouter();
  const [base, setBase] = useState<Saved>({ version: set.version, name: set.name, values: set.values });
  const [form, setForm] = useState<AssumptionForm>(() => toForm(set.name, set.values));
  const [server, setServer] = useState<FieldErrors>(NO_ERRORS);
  const [notice, setNotice] = useState<Notice | null>(() =>
    props.renamedFrom ? { tone: "ok", text: `Saved, and renamed from “${props.renamedFrom}”. Version ${set.version}.` } : null);
  const [conflict, setConflict] = useState<{ message: string; current: Saved } | null>(null);
  const [pending, startTransition] = useTransition();
  const [ready, setReady] = useState(false); // data-ready: hydrated, so typing reaches React (used by e2e)
  useEffect(() => setReady(true), []);

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
  const client = parsed.success ? NO_ERRORS : toFieldErrors(parsed.error);
  const errors = mergeFieldErrors(client.fieldErrors, server.fieldErrors);
  const errorOf = (path: string) => errors[path]?.[0];
  /** A list's message, or the first of its items' ("XX: Not an ISO 3166 country code"). */
  const errorsOf = (path: string) => {
    if (errors[path]?.[0]) return errors[path][0];
    const item = Object.entries(errors).find(([k]) => k.startsWith(`${path}.`));
    if (!item) return undefined;
    const list = candidate[path.replace(/^values\./, "") as AssumptionKey];
    const code = Array.isArray(list) ? list[Number(item[0].slice(path.length + 1))] : undefined;
    return code ? `${code}: ${item[1][0]}` : item[1][0];
  };

  const clearServer = (path: string) =>
    setServer((s) => {
      if (!(path in s.fieldErrors) && s.formErrors.length === 0) return s;
      const fieldErrors = { ...s.fieldErrors };
      delete fieldErrors[path];
      return { fieldErrors, formErrors: [] };
    });
  const edit = (path: string, patch: (f: AssumptionForm) => AssumptionForm) => {
    setForm(patch);
    clearServer(path);
    setNotice(null);
  };

  function focusFirstError(errs: Record<string, string[]>) {
    const first = FIELD_ORDER.find((p) => errs[p]?.length);
    if (first) document.getElementById(fieldId(first))?.focus();
  }

  function save(version: number) {
    if (!parsed.success) {
      setNotice({ tone: "error", text: "Nothing was saved: correct the marked fields." });
      focusFirstError(errors);
      return;
    }
    const input = { id: set.id, version, name: parsed.data.name, values: parsed.data.values as Assumptions };
    const wasName = base.name;
    startTransition(async () => {
      const r = await updateSetAction(input);
      if (r.ok) {
        setBase({ version: r.data.version, name: r.data.name, values: input.values });
        setForm((f) => (f.name.trim() === r.data.name ? { ...f, name: r.data.name } : f));
        setServer(NO_ERRORS);
        setConflict(null);
        setNotice({ tone: "ok", text: `Saved “${r.data.name}” as version ${r.data.version}. The screener and the company pages now use these values.` });
        if (r.data.name !== wasName) router.replace(`${editHref(r.data.name)}?${new URLSearchParams({ renamed: wasName })}`);
        return;
      }
      switch (r.kind) {
        case "invalid":
          setServer({ fieldErrors: r.fieldErrors, formErrors: r.formErrors });
          setNotice({ tone: "error", text: "Nothing was saved: correct the marked fields." });
          focusFirstError(r.fieldErrors);
          break;
        case "conflict": {
          const c = r.current as { version: number; name: string; values: unknown };
          const current = { version: c.version, name: c.name, values: withDefaults(c.values) };
          // What is stored now is theirs: the preview and "Discard mine" compare against it.
          setBase(current);
          setConflict({ message: r.message, current });
          setNotice(null);
          break;
        }
        case "not-found":
          setNotice({ tone: "error", text: `${r.message}. Your values are still in the form: “Duplicate” below saves them as a new set.` });
          break;
        default:
          setNotice({ tone: "error", text: r.message });
      }
    });
  }

  function discardMine() {
    setForm(toForm(base.name, base.values));
    setServer(NO_ERRORS);
    setConflict(null);
    setNotice(conflict ? { tone: "ok", text: `Loaded version ${base.version}, the one saved by someone else. Nothing of yours was saved.` } : null);
  }

  // The preview needs valid values only (a bad name does not stop it).
  const valuesCheck = useMemo(() => assumptionsSchema.safeParse(candidate), [candidate]);
  const validValues = valuesCheck.success ? (valuesCheck.data as Assumptions) : null;

  return (
    <div className="set-page" data-ready={ready || undefined}>
      <div className="page-head">
        <p className="small"><Link href="/assumptions">← All assumption sets</Link></p>
        <h1>
          Assumption set “{base.name}”{set.isDefault && <span className="badge">default</span>}
        </h1>
        <p className="muted small set-links">
          Version {base.version} ·{" "}
          <Link href={screenHref(base.name, set.isDefault)}>Screen with this set</Link>
          {defaultName && !set.isDefault && <> · <Link href={compareHref(defaultName, base.name)}>Compare with {defaultName}</Link></>}
        </p>
      </div>

      {conflict && (
        <ConflictPanel
          message={conflict.message}
          current={conflict.current}
          mine={{ name: form.name, values: candidate }}
          pending={pending}
          onReapply={() => save(conflict.current.version)}
          onDiscard={discardMine}
        />
      )}

      <div className="set-editor">
        <div className="editor-main">
          <form
            className="set-form"
            noValidate
            aria-label={`Values of ${base.name}`}
            onSubmit={(e) => {
              e.preventDefault();
              save(base.version);
            }}
          >
            <div className={`a-row name-row ${form.name !== base.name ? "is-changed" : ""}`}>
              <label htmlFor="f-name" className="a-label">Name</label>
              <div className="a-input">
                <input
                  id="f-name"
                  name="name"
                  value={form.name}
                  maxLength={60}
                  autoComplete="off"
                  aria-invalid={errorOf("name") ? true : undefined}
                  aria-describedby={errorOf("name") ? "f-name-error" : undefined}
                  onChange={(e) => {
                    const name = e.target.value;
                    edit("name", (f) => ({ ...f, name }));
                  }}
                />
              </div>
              {errorOf("name") && <p id="f-name-error" className="field-error a-error">{errorOf("name")}</p>}
              <p className="a-source small muted">Letters, digits, spaces and . ( ) + - only. Links that name the old set stop working after a rename.</p>
            </div>

            {GROUPS.map((g) => (
              <fieldset key={g.group} className="a-group">
                <legend>{g.label}</legend>
                {g.keys.map((k) =>
                  ASSUMPTION_META[k].kind === "boolean" ? (
                    <BoolField
                      key={k}
                      k={k as BooleanAssumptionKey}
                      checked={form.flags[k as BooleanAssumptionKey]}
                      changed={form.flags[k as BooleanAssumptionKey] !== base.values[k]}
                      error={errorOf(`values.${k}`)}
                      onChange={(v) => edit(`values.${k}`, (f) => ({ ...f, flags: { ...f.flags, [k]: v } }))}
                    />
                  ) : ASSUMPTION_META[k].kind === "countries" ? (
                    <CountriesField
                      key={k}
                      k={k as CountriesAssumptionKey}
                      text={form.text[k as CountriesAssumptionKey]}
                      value={candidate[k]}
                      changed={!sameValue(candidate[k], base.values[k])}
                      error={errorsOf(`values.${k}`)}
                      onChange={(t) => edit(`values.${k}`, (f) => ({ ...f, text: { ...f.text, [k]: t } }))}
                    />
                  ) : (
                    <NumberField
                      key={k}
                      k={k as NumericAssumptionKey}
                      text={form.text[k as NumericAssumptionKey]}
                      value={candidate[k]}
                      changed={!sameValue(candidate[k], base.values[k])}
                      error={errorOf(`values.${k}`)}
                      onChange={(t) => edit(`values.${k}`, (f) => ({ ...f, text: { ...f.text, [k]: t } }))}
                    />
                  ),
                )}
              </fieldset>
            ))}

            <div className="editor-actions">
              <button type="submit" disabled={pending}>{pending ? "Saving…" : "Save"}</button>
              <button type="button" className="secondary" disabled={!dirty || pending} onClick={discardMine}>Undo changes</button>
              <span className="small muted" aria-live="polite">
                {dirty ? `Unsaved: ${changedKeys.length} value${changedKeys.length === 1 ? "" : "s"}${form.name !== base.name ? " and the name" : ""}` : "No unsaved changes"}
              </span>
              {dirty && <a href="#preview-title" className="small only-narrow">See what it does ↓</a>}
              {server.formErrors.length > 0 && <span className="field-error" role="alert">{server.formErrors.join("; ")}</span>}
              <div className="editor-notice" role="status" aria-live="polite">
                {notice && <span className={notice.tone === "ok" ? "saved" : "field-error"}>{notice.text}</span>}
              </div>
            </div>
          </form>

          <MoreActions
            set={set}
            base={base}
            values={validValues}
            pending={pending}
            startTransition={startTransition}
          />
        </div>

        <aside className="editor-preview" aria-label="Preview">
          <Preview
            companies={companies}
            viewDate={props.viewDate}
            saved={base.values}
            savedVersion={base.version}
            edited={validValues}
            invalid={valuesCheck.success ? null : firstInvalid(toFieldErrors(valuesCheck.error))}
          />
        </aside>
      </div>
    </div>
  );
}

/** The first problem of a values-only parse (paths without the "values." prefix), in display order. */
function firstInvalid(e: FieldErrors): string {
  const first = FIELD_ORDER.find((p) => e.fieldErrors[p.replace(/^values\./, "")]?.length);
  if (first) return `${labelOf(first)}: ${e.fieldErrors[first.replace(/^values\./, "")][0]}`;
  return e.formErrors[0] ?? "some values are not valid";
}

function Source({ k, id, value }: { k: AssumptionKey; id: string; value: unknown }) {
  const m = ASSUMPTION_META[k];
  const def = DEFAULT_ASSUMPTIONS[k];
  const differs = !sameValue(value, def);
  return (
    <p id={id} className="a-source small muted">
      {differs && <span className="a-default">Default {formatAssumption(def)}{typeof def === "number" ? ` ${m.unit}` : ""}. </span>}
      <span>Source: {m.source}</span>
    </p>
  );
}

/** One assumption's row: label (with "edited"), the input, its message and the source of the default. */
function AssumptionRow(props: { k: AssumptionKey; changed: boolean; error?: string; value: unknown; unit: string; children: (aria: InputAria) => React.ReactNode }) {
  const { k, error } = props;
  const id = fieldId(k);
  const aria: InputAria = { id, name: k, "aria-invalid": error ? true : undefined, "aria-describedby": `${error ? `${id}-error ` : ""}${id}-src` };
  return (
    <div className={`a-row ${props.changed ? "is-changed" : ""}`} data-key={k}>
      <label htmlFor={id} className="a-label">
        {ASSUMPTION_META[k].label}
        {props.changed && <span className="edited">edited</span>}
      </label>
      <div className="a-input">
        {props.children(aria)}
        <span className="a-unit">{props.unit}</span>
      </div>
      {error && <p id={`${id}-error`} className="field-error a-error">{error}</p>}
      <Source k={k} id={`${id}-src`} value={props.value} />
    </div>
  );
}
interface InputAria { id: string; name: string; "aria-invalid": true | undefined; "aria-describedby": string }

function NumberField(props: { k: NumericAssumptionKey; text: string; value: unknown; changed: boolean; error?: string; onChange: (t: string) => void }) {
  const m: { unit: string; min?: number; max?: number; step?: number } = ASSUMPTION_META[props.k];
  return (
    <AssumptionRow k={props.k} changed={props.changed} error={props.error} value={props.value} unit={m.unit}>
      {(aria) => (
        <input {...aria} type="number" inputMode="decimal" step={m.step ?? "any"} min={m.min} max={m.max} value={props.text}
          onChange={(e) => props.onChange(e.target.value)} />
      )}
    </AssumptionRow>
  );
}

/** A list of country codes typed as text ("US, CA, NO"), checked code by code. */
function CountriesField(props: { k: CountriesAssumptionKey; text: string; value: unknown; changed: boolean; error?: string; onChange: (t: string) => void }) {
  return (
    <AssumptionRow k={props.k} changed={props.changed} error={props.error} value={props.value} unit={ASSUMPTION_META[props.k].unit}>
      {(aria) => <textarea {...aria} rows={2} value={props.text} onChange={(e) => props.onChange(e.target.value)} />}
    </AssumptionRow>
  );
}

function BoolField(props: { k: BooleanAssumptionKey; checked: boolean; changed: boolean; error?: string; onChange: (v: boolean) => void }) {
  return (
    <AssumptionRow k={props.k} changed={props.changed} error={props.error} value={props.checked} unit={props.checked ? "yes" : "no"}>
      {(aria) => <input {...aria} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />}
    </AssumptionRow>
  );
}

function ConflictPanel(props: {
  message: string;
  current: Saved;
  mine: { name: string; values: Record<AssumptionKey, unknown> };
  pending: boolean;
  onReapply: () => void;
  onDiscard: () => void;
}) {
  const { current, mine } = props;
  const keys = diffKeys(current.values, mine.values);
  const nameDiffers = current.name !== mine.name.trim();
  return (
    <section className="notice error conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">Not saved: this set changed since you opened it</h2>
      <p>
        {props.message} Their version ({current.version}) is what is stored now; your edits are still in the form.
        {keys.length === 0 && !nameDiffers && " Your values are the same as theirs."}
      </p>
      {(keys.length > 0 || nameDiffers) && (
        <div className="scroll-x">
          <table className="grid conflict-table">
            <thead>
              <tr><th scope="col">Assumption</th><th scope="col" className="num">Theirs (saved, version {current.version})</th><th scope="col" className="num">Yours</th></tr>
            </thead>
            <tbody>
              {nameDiffers && (
                <tr data-key="name"><th scope="row">Name</th><td className="num">{current.name}</td><td className="num">{mine.name}</td></tr>
              )}
              {keys.map((k) => (
                <tr key={k} data-key={k}>
                  <th scope="row">{ASSUMPTION_META[k].label}</th>
                  <td className="num">{formatAssumption(current.values[k])}</td>
                  <td className="num">{formatAssumption(mine.values[k])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="conflict-actions">
        <button type="button" onClick={props.onReapply} disabled={props.pending}>Re-apply mine</button>
        <button type="button" className="secondary" onClick={props.onDiscard} disabled={props.pending}>Discard mine</button>
        <span className="small muted">“Re-apply mine” saves your values over theirs; “Discard mine” loads theirs into the form.</span>
      </div>
    </section>
  );
}

function MoreActions(props: {
  set: EditableSet;
  base: Saved;
  values: Assumptions | null;
  pending: boolean;
  startTransition: React.TransitionStartFunction;
}) {
  const { set, base, values } = props;
  const router = useRouter();
  const [dupName, setDupName] = useState(() => `${set.name} copy`.slice(0, 60));
  const [dupServer, setDupServer] = useState<string | null>(null);
  const [dupMessage, setDupMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [deleteMessage, setDeleteMessage] = useState<string | null>(null);

  const dupParsed = assumptionSetCreateSchema.safeParse({ name: dupName, values: values ?? {} });
  const dupNameError = dupServer ?? (dupParsed.success ? undefined : toFieldErrors(dupParsed.error).fieldErrors.name?.[0]);

  function duplicate(e: React.FormEvent) {
    e.preventDefault();
    setDupMessage(null);
    if (!values) {
      setDupMessage("Correct the values marked above first: a copy takes the values in the form.");
      return;
    }
    if (!dupParsed.success) {
      document.getElementById("dup-name")?.focus();
      return;
    }
    props.startTransition(async () => {
      const r = await createSetAction(dupParsed.data);
      if (r.ok) {
        router.push(editHref(r.data.name));
        return;
      }
      if (r.kind === "invalid") {
        setDupServer(r.fieldErrors.name?.[0] ?? null);
        const rest = [...r.formErrors, ...Object.entries(r.fieldErrors).filter(([k]) => k !== "name").map(([k, m]) => `${labelOf(k)}: ${m[0]}`)];
        if (rest.length) setDupMessage(`Nothing was created: ${rest.join("; ")}`);
      } else setDupMessage(r.message);
    });
  }

  function remove() {
    props.startTransition(async () => {
      const r = await deleteSetAction({ id: set.id, version: base.version });
      if (r.ok) {
        router.push(`/assumptions?${new URLSearchParams({ deleted: base.name })}`);
        return;
      }
      setConfirming(false);
      if (r.kind === "conflict") setDeleteMessage(`${r.message} Nothing was deleted. Reload the page to see the current version first.`);
      else if (r.kind === "invalid") setDeleteMessage(Object.values(r.fieldErrors).flat()[0] ?? r.formErrors[0] ?? "Could not delete the set.");
      else setDeleteMessage(r.message);
    });
  }

  return (
    <section className="more-actions" aria-labelledby="more-title">
      <h2 id="more-title">Duplicate or delete</h2>
      <form className="toolbar-row" onSubmit={duplicate} noValidate aria-label="Duplicate this set">
        <label className="field">
          <span>Name of the copy</span>
          <input
            id="dup-name"
            name="dupName"
            value={dupName}
            maxLength={60}
            autoComplete="off"
            aria-invalid={dupNameError ? true : undefined}
            aria-describedby={dupNameError ? "dup-name-error" : undefined}
            onChange={(e) => {
              setDupName(e.target.value);
              setDupServer(null);
              setDupMessage(null);
            }}
          />
          {dupNameError && <span id="dup-name-error" className="field-error">{dupNameError}</span>}
        </label>
        <button type="submit" className="secondary" disabled={props.pending}>Duplicate</button>
        <span className="small muted">The copy takes the values in the form, saved or not.</span>
      </form>
      {dupMessage && <p className="field-error" role="alert">{dupMessage}</p>}

      {set.isDefault ? (
        <p className="small muted">The default set cannot be deleted: the screener uses it when the address names no set.</p>
      ) : confirming ? (
        <div className="notice error confirm" role="alertdialog" aria-labelledby="confirm-title">
          <p id="confirm-title">Delete “{base.name}”? Links to the screener with this set will fall back to the default set. This cannot be undone here.</p>
          <button type="button" onClick={remove} disabled={props.pending} autoFocus>Delete “{base.name}”</button>{" "}
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>Cancel</button>
        </div>
      ) : (
        <p>
          <button type="button" className="secondary danger" onClick={() => { setDeleteMessage(null); setConfirming(true); }}>Delete set…</button>
        </p>
      )}
      {deleteMessage && <p className="field-error" role="alert">{deleteMessage}</p>}
    </section>
  );
}
