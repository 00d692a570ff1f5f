"use client";
import { useMemo, useState } from "react";
import { FACTS, factMeta } from "@/lib/domain/facts";
import { EDITABLE_FACTS, marketFiguresSchema, type MarketFiguresInput } from "@/lib/domain/forms";
import { saveMarketFiguresAction } from "./actions";
import { ConflictPanel } from "./Conflict";
import { Field, FormStatus, issuesToErrors, toDraft, toTyped, type Draft, type FieldSpec } from "./form-kit";
import { factSpecs, rangeSpecs } from "./specs";
import { useSave } from "./use-save";

const BASIS: FieldSpec = { name: "basis", label: "Basis", kind: "select", options: [["basic", "basic"], ["diluted", "diluted"]] };
const specsFor = (key: string) => {
  const m = factMeta(key)!;
  return [...factSpecs(`${m.form === "range" ? "Midpoint" : m.label} (${m.unit})`), ...(m.form === "shares" ? [BASIS] : []), ...(m.form === "range" ? rangeSpecs : [])];
};
/** The form's groups: what the model reads, then what is shown beside it. */
const GROUPS = [
  { title: "Price and balance sheet", keys: ["sharePriceUsd", "sharesOutstanding", "totalDebtUsd", "cashUsd", "preferredEquityUsd", "committedFinancingUsd", "btcHeld", "btcValueUsdReported"] },
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

export function MarketForm({ initial, onDraft }: { initial: MarketFiguresInput; onDraft: (facts: MarketFiguresInput["facts"] | undefined) => void }) {
  const [draft, setDraftState] = useState<Draft>(() => draftOf(initial));
  const [version, setVersion] = useState(initial.version);
  const save = useSave(saveMarketFiguresAction, (d) => setVersion(d.version));
  const typed = useMemo(() => typedOf(draft, initial.ticker, version), [draft, initial.ticker, version]);
  const check = useMemo(() => marketFiguresSchema.safeParse(typed), [typed]);
  const clientErrors = check.success ? {} : issuesToErrors(check.error.issues);
  const errors = { ...save.serverErrors, ...clientErrors };
  const [touched, setTouched] = useState(false);

  const setDraft = (d: Draft) => {
    setDraftState(d);
    setTouched(true);
    save.setServerErrors({});
    const next = marketFiguresSchema.safeParse(typedOf(d, initial.ticker, version));
    onDraft(next.success ? (next.data as MarketFiguresInput).facts : undefined);
  };

  return (
    <form
      className="edit-form"
      aria-labelledby="market-title"
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (!check.success) return save.setStatus({ tone: "bad", text: "Please fix the highlighted fields. Nothing was saved." });
        save.submit(typed, "Market figures saved");
      }}
    >
      <h2 id="market-title">Market figures</h2>
      <p className="small muted">Each figure keeps its source URL and as-of date. Untick “reported” to remove a figure (it then shows as missing).</p>
      {GROUPS.map((g) => (
        <details key={g.title} className="fact-section" open={g.keys.some((k) => initial.facts[k as keyof typeof initial.facts] != null) || undefined}>
          <summary>{g.title}</summary>
          {g.keys.map((k) => {
            const present = draft[`${k}.present`] === "true";
            const m = factMeta(k)!;
            return (
              <fieldset key={k} className="fact-group">
                <legend>{m.label}</legend>
                <Field spec={{ name: "present", label: "reported", kind: "checkbox" }} path={`${k}.present`} value={draft[`${k}.present`]}
                  onChange={(v) => setDraft({ ...draft, [`${k}.present`]: v })} />
                {present && (
                  <div className="edit-grid">
                    {specsFor(k).map((f) => (
                      <Field key={f.name} spec={f} path={`${k}.${f.name}`} value={draft[`${k}.${f.name}`] ?? ""}
                        errors={touched ? errors[`facts.${k}.${f.name}`] : save.serverErrors[`facts.${k}.${f.name}`]}
                        onChange={(v) => setDraft({ ...draft, [`${k}.${f.name}`]: v })} />
                    ))}
                  </div>
                )}
              </fieldset>
            );
          })}
        </details>
      ))}
      {save.conflict && (
        <ConflictPanel message={save.conflict.message} current={save.conflict.current} yours={save.conflict.submitted}
          onReapply={() => {
            const cur = save.conflict!.current as MarketFiguresInput;
            setVersion(cur.version);
            save.submit({ ...typed, version: cur.version }, "Your figures were re-applied");
          }}
          onDiscard={() => {
            const cur = save.conflict!.current as MarketFiguresInput;
            setVersion(cur.version);
            setDraft(draftOf(cur));
            save.setConflict(null);
            save.setStatus({ tone: "good", text: "Loaded the saved values" });
          }} />
      )}
      <div className="actions">
        <button type="submit" disabled={save.pending}>{save.pending ? "Saving…" : "Save market figures"}</button>
        <FormStatus status={save.status} />
      </div>
    </form>
  );
}
