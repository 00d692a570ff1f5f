"use client";
import { SavedViews, type SavedViewItem } from "./SavedViews";
import { useEffect, useState } from "react";
import { FLAG_INFO } from "@/lib/scoring/flags";
import { FLAGS, type Flag, type Tier } from "@/lib/scoring/types";
import type { FacetCounts } from "@/lib/view/filter";
import { DEFAULT_VIEW, type View } from "@/lib/view/params";
import { PRESETS, type PresetId } from "@/lib/view/presets";

type SetView = (patch: Partial<View>, mode?: "push" | "replace") => void;

const toggle = <T,>(list: readonly T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

export function Toolbar(props: {
  view: View;
  setView: SetView;
  counts: FacetCounts;
  setName: string;
  setNames: string[];
  onChooseSet: (name: string) => void;
  viewDate: string;
  dates: { snapshot: string; latest: string; today: string };
  onChooseDate: (date: string) => void;
  pending: boolean;
  savedViews: SavedViewItem[];
}) {
  const { view, setView, counts } = props;
  return (
    <form className="toolbar" role="search" aria-label="Screen the miners" onSubmit={(e) => e.preventDefault()}>
      <div className="toolbar-row">
        <SearchBox value={view.q} onChange={(q) => setView({ q }, "replace")} />
        <label className="field">
          <span>Assumptions</span>
          <select value={props.setName} onChange={(e) => props.onChooseSet(e.target.value)} aria-describedby="set-status">
            {props.setNames.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
          <span id="set-status" className="pending" aria-live="polite">{props.pending ? "Re-scoring…" : ""}</span>
        </label>
        <ViewDateField viewDate={props.viewDate} dates={props.dates} onChoose={props.onChooseDate} />
        <NumberFilter
          label="Min discount"
          unit="%"
          value={view.minDiscountPct}
          onChange={(v) => setView({ minDiscountPct: v }, "replace")}
          name="minDiscount"
        />
        <NumberFilter
          label="Min contracted IT"
          unit="MW"
          value={view.minContractedMw}
          onChange={(v) => setView({ minContractedMw: v }, "replace")}
          name="minContracted"
          min={0}
        />
        <button type="button" className="secondary" onClick={() => setView({ ...DEFAULT_VIEW, set: view.set, asOf: view.asOf })}>
          Reset view
        </button>
      </div>
      <div className="toolbar-row">
        <PresetButtons current={view.preset} counts={counts.presets} onChoose={(preset) => setView({ preset })} />
        <SavedViews views={props.savedViews} view={view} />
      </div>
      <div className="toolbar-row">
        <fieldset className="chips">
          <legend>Tier</legend>
          {([1, 2, 3] as Tier[]).map((t) => (
            <label key={t} className={`chip ${view.tiers.includes(t) ? "on" : ""}`}>
              <input type="checkbox" checked={view.tiers.includes(t)} onChange={() => setView({ tiers: toggle(view.tiers, t).sort() })} />
              Tier {t} <span className="count">{counts.tiers[t]}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="chips">
          <legend>Flags (all of)</legend>
          {FLAGS.map((f: Flag) => (
            <label key={f} className={`chip ${view.flags.includes(f) ? "on" : ""}`} title={`${FLAG_INFO[f].means} (${FLAG_INFO[f].rule})`}>
              <input type="checkbox" checked={view.flags.includes(f)} onChange={() => setView({ flags: toggle(view.flags, f) })} />
              {f} <span className="count">{counts.flags[f] ?? 0}</span>
            </label>
          ))}
        </fieldset>
      </div>
    </form>
  );
}

/**
 * One preset at a time: pressing another replaces it, pressing the pressed one clears it. Toggle buttons
 * (aria-pressed), so Enter and Space work and a screen reader says which is on; each shows how many
 * companies it would leave with the other filters.
 */
function PresetButtons({ current, counts, onChoose }: { current: PresetId | undefined; counts: Record<PresetId, number>; onChoose: (p: PresetId | undefined) => void }) {
  return (
    <div className="chips presets" role="group" aria-labelledby="presets-label">
      <span id="presets-label" className="chips-label">Presets</span>
      {PRESETS.map((p) => {
        const on = current === p.id;
        return (
          <button key={p.id} type="button" className="chip preset" aria-pressed={on} title={p.description} onClick={() => onChoose(on ? undefined : p.id)}>
            {p.label} <span className="count">{counts[p.id]}</span>
          </button>
        );
      })}
    </div>
  );
}

/** Typing updates the URL in place (replace), so history is not flooded; back/forward still restores. */
function SearchBox({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <label className="field grow">
      <span>Search</span>
      <input
        type="search"
        name="q"
        placeholder="Ticker, name, counterparty, guarantor (AWS, Google…)"
        value={text}
        maxLength={100}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value);
        }}
      />
    </label>
  );
}

function NumberFilter(props: { label: string; unit: string; value: number | undefined; onChange: (v: number | undefined) => void; name: string; min?: number }) {
  const [text, setText] = useState(props.value === undefined ? "" : String(props.value));
  useEffect(() => setText(props.value === undefined ? "" : String(props.value)), [props.value]);
  const n = Number(text);
  const invalid = text.trim() !== "" && (!Number.isFinite(n) || (props.min !== undefined && n < props.min));
  const errorId = `${props.name}-error`;
  return (
    <label className="field narrow">
      <span>{props.label} ({props.unit})</span>
      <input
        type="number"
        inputMode="decimal"
        name={props.name}
        value={text}
        min={props.min}
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : undefined}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          const v = Number(t);
          if (t.trim() === "") props.onChange(undefined);
          else if (Number.isFinite(v) && (props.min === undefined || v >= props.min)) props.onChange(v);
        }}
      />
      {invalid && <span id={errorId} className="field-error">Enter a number{props.min !== undefined ? ` ≥ ${props.min}` : ""}</span>}
    </label>
  );
}

/**
 * The view date: any day from the snapshot to today. A date is sent once it is complete and in range
 * (typing into a date field passes through partial values); "Latest" goes back to the default.
 */
function ViewDateField({ viewDate, dates, onChoose }: { viewDate: string; dates: { snapshot: string; latest: string; today: string }; onChoose: (d: string) => void }) {
  const [draft, setDraft] = useState(viewDate);
  useEffect(() => setDraft(viewDate), [viewDate]);
  const valid = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && d >= dates.snapshot && d <= dates.today;
  return (
    <label className="field">
      <span>View date</span>
      <span className="date-field">
        <input
          type="date" name="asOf" value={draft} min={dates.snapshot} max={dates.today} aria-describedby="date-hint"
          onChange={(e) => { setDraft(e.target.value); if (valid(e.target.value) && e.target.value !== viewDate) onChoose(e.target.value); }}
        />
        {viewDate !== dates.latest && <button type="button" className="secondary small" onClick={() => onChoose(dates.latest)}>Latest</button>}
      </span>
      <span id="date-hint" className="hint">{dates.snapshot} to {dates.today}; latest data {dates.latest}</span>
    </label>
  );
}
