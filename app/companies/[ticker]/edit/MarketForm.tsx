"use client";
// The company's figures, each the latest point with its source and as-of date. Numbers are typed as text
// and read by the shared schema (the one parser); an unusual value is confirmed before saving; a stale
// save shows the one conflict panel, merged per field.
import { useMemo, useRef, useState } from "react";
import { ConfirmUnusual, useConfirmUnusual } from "@/app/components/ConfirmUnusual";
import { ConflictPanel } from "@/app/components/ConflictPanel";
import { FormStatus } from "@/app/components/FormStatus";
import { useWrite } from "@/app/components/use-write";
import { FACTS, factMeta, type FactKey } from "@/lib/domain/facts";
import { EDITABLE_FACTS, marketFiguresSchema, type MarketFiguresInput } from "@/lib/domain/forms";
import { figureSchema } from "@/lib/domain/schemas";
import { unusualValues } from "@/lib/number-schema";
import { conflictRows, formatFieldValue, mergeMine } from "@/lib/view/conflict";
import { saveMarketFiguresAction } from "./actions";
import { Field, issuesToErrors, toDraft, toTyped, type Draft, type FieldSpec } from "./form-kit";
import { factSpecs, rangeSpecs } from "./specs";

const BASIS: FieldSpec = {
  name: "basis",
  label: "Basis",
  kind: "select",
  options: [
    ["basic", "basic"],
    ["diluted", "diluted"],
  ],
};
const specsFor = (key: string) => {
  const m = factMeta(key)!;
  return [
    ...factSpecs(`${m.form === "range" ? "Midpoint" : m.label} (${m.unit})`),
    ...(m.form === "shares" ? [BASIS] : []),
    ...(m.form === "range" ? rangeSpecs : []),
  ];
};
/** The form's groups: what the model reads, then what is shown beside it. */
const GROUPS = [
  {
    title: "Price and balance sheet",
    keys: [
      "sharePriceUsd",
      "sharesOutstanding",
      "totalDebtUsd",
      "cashUsd",
      "preferredEquityUsd",
      "committedFinancingUsd",
      "btcHeld",
      "btcValueUsdReported",
    ],
  },
  { title: "Build-out and comps", keys: ["capexGuidanceUsdPerMw", "hashrateEhs", "marketCapPublishedUsd", "enterpriseValuePublishedUsd"] },
  { title: "Company-stated totals (shown, not scored)", keys: FACTS.filter((f) => !f.scored).map((f) => f.key) },
] as const;

function draftOf(v: MarketFiguresInput): Draft {
  const d: Draft = {};
  for (const k of EDITABLE_FACTS) {
    const f = v.facts[k];
    d[`${k}.present`] = f ? "true" : "false";
    Object.assign(d, toDraft(specsFor(k), (f ?? (k === "sharesOutstanding" ? { basis: "basic" } : null)) as Record<string, unknown>, `${k}.`));
  }
  return d;
}

function typedOf(d: Draft, ticker: string, version: number) {
  const facts = Object.fromEntries(EDITABLE_FACTS.map((k) => [k, d[`${k}.present`] === "true" ? toTyped(specsFor(k), d, `${k}.`) : null]));
  return { ticker, version, facts };
}

/** "facts.cashUsd.value" → "Cash", "facts.cashUsd.asOf" → "Cash — As of". */
function labelOf(path: string): string {
  const [, key, field] = path.split(".");
  const m = factMeta(key);
  if (!m) return path;
  if (!field || field === "value") return m.form === "range" ? `${m.label} — midpoint` : m.label;
  return `${m.label} — ${specsFor(key).find((f) => f.name === field)?.label ?? field}`;
}
const format = (path: string, v: unknown) => formatFieldValue(marketFiguresSchema, path, v);

export function MarketForm({
  initial,
  onDraft,
  onSaved,
}: {
  initial: MarketFiguresInput;
  onDraft: (facts: MarketFiguresInput["facts"] | undefined) => void;
  /** the figures are saved: the page's preview no longer has unsaved edits of them */
  onSaved: () => void;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraftState] = useState<Draft>(() => draftOf(initial));
  const [version, setVersion] = useState(initial.version);
  // what the form was loaded with (or last saved): unusual values and the conflict merge compare against it
  const [loaded, setLoaded] = useState<MarketFiguresInput>(initial);
  const [touched, setTouched] = useState(false);
  const save = useWrite(saveMarketFiguresAction, { form: formRef });
  const unusual = useConfirmUnusual();
  const typed = useMemo(() => typedOf(draft, initial.ticker, version), [draft, initial.ticker, version]);
  const check = useMemo(() => marketFiguresSchema.safeParse(typed), [typed]);
  const clientErrors = check.success ? {} : issuesToErrors(check.error.issues);
  const errors = { ...save.fieldErrors, ...clientErrors };
  // Warnings figure by figure, so one invalid field does not hide another's unusual value.
  const odd = useMemo(() => {
    const facts = Object.fromEntries(
      Object.entries(typed.facts).flatMap(([k, v]) => {
        const r = v ? figureSchema(k as FactKey).safeParse(v) : null;
        return r?.success ? [[k, r.data]] : [];
      }),
    );
    return unusualValues(marketFiguresSchema, { facts }, loaded);
  }, [typed, loaded]);
  const warnings = Object.fromEntries(odd.map((u) => [u.path, u.message]));

  const setDraft = (d: Draft) => {
    setDraftState(d);
    setTouched(true);
    save.setFieldErrors({});
    unusual.cancel();
    const next = marketFiguresSchema.safeParse(typedOf(d, initial.ticker, version));
    onDraft(next.success ? (next.data as MarketFiguresInput).facts : undefined);
  };
  const submit = (input: MarketFiguresInput, okText: string) =>
    save.submit(input, {
      okText,
      onOk: (r) => {
        setVersion(r.version);
        setLoaded({ ...input, version: r.version });
        setDraftState(draftOf(input));
        onSaved();
      },
    });

  const conflict = save.conflict;
  const theirs = conflict?.current as MarketFiguresInput | undefined;
  const mine = check.success ? (check.data as MarketFiguresInput) : (conflict?.submitted as MarketFiguresInput | undefined);

  return (
    <form
      ref={formRef}
      className="edit-form"
      aria-labelledby="market-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (!check.success) return save.refuse();
        const data = check.data as MarketFiguresInput;
        unusual.check(unusualValues(marketFiguresSchema, data, loaded), () => submit(data, "Market figures saved"));
      }}
    >
      <h2 id="market-title">Market figures</h2>
      <p className="small muted">
        Each figure keeps its source URL and as-of date. Untick “reported” to remove a figure (it then shows as missing). Numbers may be typed as
        1,234,567, $1.66 or 4.8bn.
      </p>
      {GROUPS.map((g) => (
        <details
          key={g.title}
          className="fact-section"
          open={g.keys.some((k) => initial.facts[k as keyof typeof initial.facts] != null) || undefined}
        >
          <summary>{g.title}</summary>
          {g.keys.map((k) => {
            const present = draft[`${k}.present`] === "true";
            const m = factMeta(k)!;
            return (
              <fieldset key={k} className="fact-group">
                <legend>{m.label}</legend>
                <Field
                  spec={{ name: "present", label: "reported", kind: "checkbox" }}
                  path={`${k}.present`}
                  value={draft[`${k}.present`]}
                  onChange={(v) => setDraft({ ...draft, [`${k}.present`]: v })}
                />
                {present && (
                  <div className="edit-grid">
                    {specsFor(k).map((f) => (
                      <Field
                        key={f.name}
                        spec={f}
                        path={`${k}.${f.name}`}
                        value={draft[`${k}.${f.name}`] ?? ""}
                        errors={touched ? errors[`facts.${k}.${f.name}`] : save.fieldErrors[`facts.${k}.${f.name}`]}
                        warning={warnings[`facts.${k}.${f.name}`]}
                        onChange={(v) => setDraft({ ...draft, [`${k}.${f.name}`]: v })}
                      />
                    ))}
                  </div>
                )}
              </fieldset>
            );
          })}
        </details>
      ))}
      {conflict && theirs && mine && (
        <ConflictPanel
          title="Not saved: this company changed since you opened it"
          message={conflict.message}
          level={3}
          rows={conflictRows(theirs.facts, loaded.facts, mine.facts).map((r) => ({ ...r, path: `facts.${r.path}` }))}
          labelOf={labelOf}
          format={format}
          pending={save.pending}
          onReapply={() => submit(mergeMine(theirs, loaded, { ...mine, version: loaded.version }), "Your changes were re-applied")}
          onDiscard={() => {
            setVersion(theirs.version);
            setLoaded(theirs);
            setDraft(draftOf(theirs));
            save.setConflict(null);
            save.setStatus({ tone: "good", text: "Loaded the saved values" });
          }}
        />
      )}
      {unusual.asking && (
        <ConfirmUnusual
          items={unusual.asking}
          labelOf={labelOf}
          nameOf={(p) => p.replace(/^facts\./, "")}
          onConfirm={unusual.confirm}
          onCancel={unusual.cancel}
          pending={save.pending}
        />
      )}
      <div className="actions">
        <button type="submit" disabled={save.pending}>
          {save.pending ? "Saving…" : "Save market figures"}
        </button>
        <FormStatus status={save.status} />
      </div>
    </form>
  );
}
