"use client";
// The sensitivity page's controls, chart and tables. Every company is re-scored in the browser from the
// scoring inputs the server sent (a 100-point sweep of 18 companies is 1,800 scores, a few milliseconds),
// so a change updates the page without a round trip; the URL follows, so a view can be shared.
import { useEffect, useMemo, useState } from "react";
import { explainReason, pct } from "@/lib/format";
import { scoreCompany } from "@/lib/scoring/score";
import {
  ASSUMPTION_META,
  NUMERIC_ASSUMPTION_KEYS,
  type Assumptions,
  type AssumptionGroup,
  type NumericAssumptionKey,
} from "@/lib/scoring/assumptions";
import { sweep } from "@/lib/scoring/screen";
import type { ScoringCompany } from "@/lib/scoring/types";
import {
  defaultRange,
  defaultStep,
  defaultTableStep,
  MAIN_ASSUMPTIONS,
  metricOf,
  rangeValues,
  tornado,
  twoWay,
  type Metric,
} from "@/lib/view/sensitivity";
import { labelOf, parseSensitivity, sensitivityQuery, type FieldErrors, type SensitivityView } from "@/lib/view/sensitivity-params";
import { ScrollX } from "../components/ScrollX";
import { Tornado, TornadoTable } from "../components/Tornado";
import { SweepChart } from "./SweepChart";

type Draft = Record<"key" | "from" | "to" | "step" | "tableStep" | "metric" | "ticker" | "key2" | "from2" | "to2" | "step2", string>;

/** The fields as typed; a step left empty follows the range (its automatic value is the placeholder). */
const draftOf = (v: SensitivityView): Draft => {
  const auto = (step: number, def: number) => (step === def ? "" : String(step));
  return {
    key: v.key,
    from: String(v.range.from),
    to: String(v.range.to),
    step: auto(v.range.step, defaultStep(v.range, v.key)),
    tableStep: auto(v.tableStep, defaultTableStep(v.range, v.key)),
    metric: v.metric,
    ticker: v.ticker ?? "",
    key2: v.key2,
    from2: String(v.range2.from),
    to2: String(v.range2.to),
    step2: auto(v.range2.step, defaultTableStep(v.range2, v.key2)),
  };
};

const GROUP_LABEL: Record<AssumptionGroup, string> = {
  market: "Market",
  buildCost: "Build cost",
  power: "Power",
  funnel: "Funnel weights",
  contract: "Contract quality",
  financing: "Financing",
  dataQuality: "Data quality",
  tiers: "Tier thresholds",
};

export function formatAssumptionValue(key: NumericAssumptionKey, v: number): string {
  const unit = ASSUMPTION_META[key].unit;
  if (unit === "USD")
    return v >= 1e9
      ? `$${+(v / 1e9).toPrecision(4)}B`
      : v >= 1e6
        ? `$${+(v / 1e6).toPrecision(4)}M`
        : v >= 1e4
          ? `$${+(v / 1e3).toPrecision(4)}k`
          : `$${v}`;
  if (unit === "$/W") return `$${v}/W`;
  return String(v);
}

const cell = (v: number | null, metric: Metric) => (v == null ? "—" : metric === "rank" ? `#${v}` : pct(v, 1));
const tone = (v: number | null, metric: Metric) => (v == null || metric === "rank" ? "" : v >= 0 ? "pos" : "neg");

function AssumptionSelect({ id, value, onChange, exclude }: { id: string; value: string; onChange: (k: string) => void; exclude?: string }) {
  const groups = new Map<AssumptionGroup, NumericAssumptionKey[]>();
  for (const k of NUMERIC_ASSUMPTION_KEYS) {
    if (k === exclude) continue;
    const g = ASSUMPTION_META[k].group;
    groups.set(g, [...(groups.get(g) ?? []), k]);
  }
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      {[...groups].map(([g, keys]) => (
        <optgroup key={g} label={GROUP_LABEL[g]}>
          {keys.map((k) => (
            <option key={k} value={k}>
              {ASSUMPTION_META[k].label}
              {MAIN_ASSUMPTIONS.includes(k) ? "" : " (no default range)"}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

function NumberField({
  name,
  label,
  draft,
  errors,
  onChange,
  hint,
  auto,
}: {
  name: keyof Draft;
  label: string;
  draft: Draft;
  errors: FieldErrors;
  onChange: (name: keyof Draft, v: string) => void;
  hint?: string;
  /** the value used while the field is empty */
  auto?: number;
}) {
  const error = errors[name]?.[0];
  const id = `sens-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="decimal"
        value={draft[name]}
        onChange={(e) => onChange(name, e.target.value)}
        placeholder={auto != null ? `auto: ${auto}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        size={9}
      />
      {error ? (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      ) : hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}

export function SensitivityExplorer({
  companies,
  assumptions,
  viewDate,
  initial,
  base,
}: {
  companies: ScoringCompany[];
  assumptions: Assumptions;
  viewDate: string;
  initial: SensitivityView;
  /** the set and view date parameters, which reload the page (the inputs come from the server) */
  base: { set?: string; asOf?: string };
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const parsed = useMemo(() => {
    const p = new URLSearchParams();
    if (base.set) p.set("set", base.set);
    if (base.asOf) p.set("asOf", base.asOf);
    for (const [k, v] of Object.entries(draft)) if (v !== "") p.set(k, v);
    return parseSensitivity(p);
  }, [draft, base.set, base.asOf]);
  // While a field is being typed (e.g. "1" on the way to "16") the page keeps showing the last valid view
  // (kept as state, updated while rendering when a new valid view appears: `parsed` changes only with the draft).
  const [lastGood, setLastGood] = useState(initial);
  const valid = Object.keys(parsed.fieldErrors).length === 0;
  if (valid && parsed.view !== lastGood) setLastGood(parsed.view);
  const view = valid ? parsed.view : lastGood;
  useEffect(() => {
    if (valid) window.history.replaceState(window.history.state, "", `/sensitivity${sensitivityQuery(parsed.view)}`);
  }, [valid, parsed.view]);

  const change = (name: keyof Draft, v: string) =>
    setDraft((d) => {
      if (name === "key" || name === "key2") {
        // a new assumption starts on its own default range
        const r = defaultRange(v as NumericAssumptionKey);
        const suffix = name === "key2" ? "2" : "";
        const next = { ...d, [name]: v, [`from${suffix}`]: String(r.from), [`to${suffix}`]: String(r.to), [`step${suffix}`]: "" };
        if (name === "key") next.tableStep = "";
        return next;
      }
      return { ...d, [name]: v };
    });

  const ctx = useMemo(() => ({ viewDate }), [viewDate]);
  const xs = useMemo(() => rangeValues(view.range), [view.range]);
  const tableXs = useMemo(() => rangeValues({ ...view.range, step: view.tableStep }), [view.range, view.tableStep]);
  const ys = useMemo(() => rangeValues(view.range2), [view.range2]);
  const names = useMemo(() => new Map(companies.map((c) => [c.ticker, c.name])), [companies]);
  // why a discount is "—": the model's reason at the set's values (a missing input does not depend on the sweep)
  const whyMissing = useMemo(
    () => new Map(companies.map((c) => [c.ticker, explainReason(scoreCompany(c, assumptions, ctx).reasons.discountBase)])),
    [companies, assumptions, ctx],
  );
  // rows in the order of the set's own value: rank at that value
  const atSet = useMemo(() => sweep(companies, assumptions, ctx, view.key, [assumptions[view.key]]), [companies, assumptions, ctx, view.key]);
  const rankOf = useMemo(() => new Map(atSet.map((s) => [s.ticker, s.points[0]])), [atSet]);
  const tickerOrder = useMemo(
    () =>
      atSet
        .slice()
        .sort((a, b) => a.points[0].rank - b.points[0].rank)
        .map((s) => s.ticker),
    [atSet],
  );
  const chartSeries = useMemo(
    () =>
      sweep(companies, assumptions, ctx, view.key, xs).map((s) => ({
        ticker: s.ticker,
        tier: rankOf.get(s.ticker)!.tier,
        values: s.points.map((p) => metricOf(p, view.metric)),
      })),
    [companies, assumptions, ctx, view.key, view.metric, xs, rankOf],
  );
  const table = useMemo(
    () => new Map(sweep(companies, assumptions, ctx, view.key, tableXs).map((s) => [s.ticker, s.points.map((p) => metricOf(p, view.metric))])),
    [companies, assumptions, ctx, view.key, view.metric, tableXs],
  );
  const ticker = view.ticker && names.has(view.ticker) ? view.ticker : tickerOrder[0];
  const grid = useMemo(
    () => twoWay(companies, ticker, assumptions, ctx, view.key, tableXs, view.key2, ys, view.metric),
    [companies, ticker, assumptions, ctx, view.key, tableXs, view.key2, ys, view.metric],
  );
  const tor = useMemo(() => tornado(companies, ticker, assumptions, ctx), [companies, ticker, assumptions, ctx]);
  const fx = (v: number) => formatAssumptionValue(view.key, v);
  const fy = (v: number) => formatAssumptionValue(view.key2, v);
  const metricName = view.metric === "rank" ? "rank" : "discount to build cost (base)";
  const setValue = assumptions[view.key];

  return (
    <>
      <section aria-labelledby="sweep-h" className="sens-block">
        <h2 id="sweep-h">One assumption, every company</h2>
        <div className="toolbar-row sens-controls">
          <label className="field" htmlFor="sens-key">
            <span>Assumption</span>
            <AssumptionSelect id="sens-key" value={draft.key} onChange={(v) => change("key", v)} />
          </label>
          <NumberField name="from" label="From" draft={draft} errors={parsed.fieldErrors} onChange={change} />
          <NumberField name="to" label="To" draft={draft} errors={parsed.fieldErrors} onChange={change} />
          <NumberField
            name="step"
            label="Chart step"
            draft={draft}
            errors={parsed.fieldErrors}
            onChange={change}
            hint={`${xs.length} points`}
            auto={view.range.step}
          />
          <NumberField
            name="tableStep"
            label="Table step"
            draft={draft}
            errors={parsed.fieldErrors}
            onChange={change}
            hint={`${tableXs.length} columns`}
            auto={view.tableStep}
          />
          <fieldset className="chips" aria-label="Show">
            <legend>Show</legend>
            {(["discount", "rank"] as const).map((m) => (
              <label key={m} className={`chip${draft.metric === m ? " on" : ""}`}>
                <input type="radio" name="metric" value={m} checked={draft.metric === m} onChange={() => change("metric", m)} />
                {m === "discount" ? "Discount" : "Rank"}
              </label>
            ))}
          </fieldset>
        </div>
        {parsed.fieldErrors["(form)"] && (
          <p className="notice" role="status">
            {parsed.fieldErrors["(form)"].join("; ")}
          </p>
        )}
        <p className="small muted">
          {labelOf(view.key)} ({ASSUMPTION_META[view.key].unit}) from {fx(view.range.from)} to {fx(view.range.to)}; the set&apos;s value is{" "}
          {fx(setValue)}. Every other assumption stays at the set&apos;s value, and a company&apos;s own override of this one still applies.{" "}
          {ASSUMPTION_META[view.key].source}.
        </p>
        <SweepChart
          xs={xs}
          series={chartSeries}
          metric={view.metric}
          setValue={setValue}
          selected={ticker}
          label={labelOf(view.key)}
          formatX={fx}
          onSelect={(t) => change("ticker", t)}
        />
        <ScrollX label={`The ${metricName} of every company at each value of ${labelOf(view.key)}`}>
          <table className="grid sens-table" data-testid="sweep-table">
            <caption className="small muted">{`The ${metricName} at each value (columns: ${labelOf(view.key)}); rows in the order of the set's value. Click a row for its tornado and two-way table.`}</caption>
            <thead>
              <tr>
                <th scope="col">Company</th>
                {tableXs.map((v) => (
                  <th key={v} scope="col" className={`num${v === setValue ? " at-set" : ""}`} data-value={v}>
                    {fx(v)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {tickerOrder.map((t) => (
                <tr key={t} data-ticker={t} className={t === ticker ? "selected" : undefined}>
                  <th scope="row">
                    <button type="button" className="linklike" onClick={() => change("ticker", t)} aria-pressed={t === ticker} title={names.get(t)}>
                      {t}
                    </button>
                  </th>
                  {table.get(t)!.map((v, i) => (
                    <td
                      key={i}
                      className={`num ${tone(v, view.metric)}${tableXs[i] === setValue ? " at-set" : ""}`}
                      data-value={v ?? ""}
                      title={v == null ? whyMissing.get(t) : undefined}
                    >
                      {cell(v, view.metric)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
      </section>

      <section aria-labelledby="tornado-h" className="sens-block">
        <h2 id="tornado-h">{ticker}: which assumption moves it most</h2>
        <label className="field" htmlFor="sens-ticker">
          <span>Company</span>
          <select id="sens-ticker" value={ticker} onChange={(e) => change("ticker", e.target.value)}>
            {tickerOrder.map((t) => (
              <option key={t} value={t}>
                {t} — {names.get(t)}
              </option>
            ))}
          </select>
        </label>
        <Tornado base={tor.base} bars={tor.bars} />
        <details>
          <summary>The numbers</summary>
          <ScrollX label="Tornado numbers">
            <TornadoTable bars={tor.bars} />
          </ScrollX>
        </details>
      </section>

      <section aria-labelledby="twoway-h" className="sens-block">
        <h2 id="twoway-h">{ticker}: two assumptions at once</h2>
        <div className="toolbar-row sens-controls">
          <label className="field" htmlFor="sens-key2">
            <span>Rows</span>
            <AssumptionSelect id="sens-key2" value={draft.key2} onChange={(v) => change("key2", v)} exclude={view.key} />
          </label>
          <NumberField name="from2" label="Rows from" draft={draft} errors={parsed.fieldErrors} onChange={change} />
          <NumberField name="to2" label="Rows to" draft={draft} errors={parsed.fieldErrors} onChange={change} />
          <NumberField
            name="step2"
            label="Rows step"
            draft={draft}
            errors={parsed.fieldErrors}
            onChange={change}
            hint={`${ys.length} rows`}
            auto={view.range2.step}
          />
        </div>
        {parsed.fieldErrors.key2 && (
          <p className="field-error" role="alert">
            {parsed.fieldErrors.key2[0]}
          </p>
        )}
        <ScrollX label={`${ticker}'s ${metricName} for ${labelOf(view.key2)} by ${labelOf(view.key)}`}>
          <table className="grid sens-table two-way" data-testid="two-way-table">
            <caption className="small muted">{`${ticker}'s ${metricName}: rows ${labelOf(view.key2)}, columns ${labelOf(view.key)}.`}</caption>
            <thead>
              <tr>
                <th scope="col">
                  {labelOf(view.key2)} ╲ {labelOf(view.key)}
                </th>
                {tableXs.map((v) => (
                  <th key={v} scope="col" className="num">
                    {fx(v)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ys.map((y, r) => (
                <tr key={y} data-value={y}>
                  <th scope="row" className="num">
                    {fy(y)}
                    {y === assumptions[view.key2] ? " (set)" : ""}
                  </th>
                  {grid[r].map((v, i) => (
                    <td key={i} className={`num ${tone(v, view.metric)}`} data-value={v ?? ""} title={v == null ? whyMissing.get(ticker) : undefined}>
                      {cell(v, view.metric)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
      </section>
    </>
  );
}
