"use client";
import { SavedViews, type SavedViewItem } from "./SavedViews";
import { useState } from "react";
import { COLUMN_FILTERS, type AtLeastFilter, type ColumnFilter, type OptionsFilter } from "@/lib/view/columns";
import type { FacetCounts } from "@/lib/view/filter";
import { DEFAULT_VIEW, readMinimum, type View } from "@/lib/view/params";
import { PRESETS, type PresetId } from "@/lib/view/presets";

type SetView = (patch: Partial<View>, mode?: "push" | "replace") => void;

// The filter fields are the ones the columns declare (lib/view/columns.ts): a number field per minimum,
// a row of chips per choice.
const MINIMUMS = COLUMN_FILTERS.filter((f): f is AtLeastFilter & ColumnFilter => f.variant === "atLeast");
const CHOICES = COLUMN_FILTERS.filter((f): f is OptionsFilter & ColumnFilter => f.variant !== "atLeast");

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
  // Reset view also empties a number field that holds text it could not use (its value is already unset).
  const [resets, setResets] = useState(0);
  return (
    <form className="toolbar" role="search" aria-label="Screen the miners" onSubmit={(e) => e.preventDefault()}>
      <div className="toolbar-row">
        <SearchBox value={view.q} onChange={(q) => setView({ q }, "replace")} />
        <label className="field">
          <span>Assumptions</span>
          <select value={props.setName} onChange={(e) => props.onChooseSet(e.target.value)} aria-describedby="set-status">
            {props.setNames.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          <span id="set-status" className="pending" aria-live="polite">
            {props.pending ? "Re-scoring…" : ""}
          </span>
        </label>
        <ViewDateField viewDate={props.viewDate} dates={props.dates} onChoose={props.onChooseDate} />
        {MINIMUMS.map((f) => (
          <MinimumField
            key={`${f.param}-${resets}`}
            filter={f}
            value={view[f.key] as number | undefined}
            onChange={(v) => setView({ [f.key]: v }, "replace")}
          />
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setResets((n) => n + 1);
            setView({ ...DEFAULT_VIEW, set: view.set, asOf: view.asOf });
          }}
        >
          Reset view
        </button>
      </div>
      <div className="toolbar-row">
        <PresetButtons current={view.preset} counts={counts.presets} onChoose={(preset) => setView({ preset })} />
        <SavedViews views={props.savedViews} view={view} />
      </div>
      <div className="toolbar-row">
        {CHOICES.map((f) => (
          <ChoiceChips
            key={f.param}
            filter={f}
            chosen={view[f.key] as readonly (string | number)[]}
            counts={counts[f.key as keyof FacetCounts] as Record<string, number>}
            onChange={(chosen) => setView({ [f.key]: chosen })}
          />
        ))}
      </div>
    </form>
  );
}

/**
 * One preset at a time: pressing another replaces it, pressing the pressed one clears it. Toggle buttons
 * (aria-pressed), so Enter and Space work and a screen reader says which is on; each shows how many
 * companies it would leave with the other filters.
 */
function PresetButtons({
  current,
  counts,
  onChoose,
}: {
  current: PresetId | undefined;
  counts: Record<PresetId, number>;
  onChoose: (p: PresetId | undefined) => void;
}) {
  return (
    <div className="chips presets" role="group" aria-labelledby="presets-label">
      <span id="presets-label" className="chips-label">
        Presets
      </span>
      {PRESETS.map((p) => {
        const on = current === p.id;
        return (
          <button
            key={p.id}
            type="button"
            className="chip preset"
            aria-pressed={on}
            title={p.description}
            onClick={() => onChoose(on ? undefined : p.id)}
          >
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
  // A change from elsewhere (back/forward, a preset) shows in the box: adjusted while rendering, not in an effect.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
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

/** One chip per option, with how many companies it would show given the other filters. */
function ChoiceChips({
  filter: f,
  chosen,
  counts,
  onChange,
}: {
  filter: OptionsFilter;
  chosen: readonly (string | number)[];
  counts: Record<string, number>;
  onChange: (chosen: (string | number)[]) => void;
}) {
  return (
    <fieldset className="chips">
      <legend>{f.label}</legend>
      {f.options.map((o) => {
        const on = chosen.includes(o);
        return (
          <label key={o} className={`chip ${on ? "on" : ""}`} title={f.optionTitle?.(o)}>
            {/* kept in the declared order, as the URL writes it */}
            <input type="checkbox" checked={on} onChange={() => onChange(f.options.filter((x) => (x === o ? !on : chosen.includes(x))))} />
            {f.optionLabel(o)} <span className="count">{counts[String(o)] ?? 0}</span>
          </label>
        );
      })}
    </fieldset>
  );
}

/** The number a field's text stands for: undefined when empty or when it cannot be used. */
const minimumOf = (f: AtLeastFilter, text: string) => {
  if (text.trim() === "") return undefined;
  const r = readMinimum(f, text);
  return "value" in r ? r.value : undefined;
};

/**
 * A minimum typed in the toolbar, checked with the URL parser's own rule and words. A value it cannot use
 * clears the filter (the table is never filtered by a number the field no longer shows) and the field
 * says so under it. A plain text field: a number field hands over "" for "1e" or "--5", which would
 * clear the filter without a word.
 */
function MinimumField({
  filter: f,
  value,
  onChange,
}: {
  filter: AtLeastFilter;
  value: number | undefined;
  onChange: (v: number | undefined) => void;
}) {
  const [text, setText] = useState(value === undefined ? "" : String(value));
  // A change from elsewhere (back/forward, a saved view) shows in the field; the field's own changes already
  // do. Adjusted while rendering (React's pattern for state that follows a prop), not in an effect.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (minimumOf(f, text) !== value) setText(value === undefined ? "" : String(value));
  }
  const read = text.trim() === "" ? null : readMinimum(f, text);
  const problem = read && "problem" in read ? read.problem : null;
  const inputId = `${f.param}-field`,
    errorId = `${f.param}-error`;
  // The message sits outside the label, so the field's name stays its label and the message is its description.
  return (
    <div className="field narrow">
      <label htmlFor={inputId}>
        {f.label} ({f.unit})
      </label>
      <input
        id={inputId}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        name={f.param}
        value={text}
        aria-invalid={problem != null}
        aria-describedby={problem != null ? errorId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const next = minimumOf(f, e.target.value);
          if (next !== value) onChange(next);
        }}
      />
      {/* always there, so a screen reader hears the message when it appears */}
      <span id={errorId} className="field-error" aria-live="polite">
        {problem != null ? `${problem} — no minimum applied` : ""}
      </span>
    </div>
  );
}

/**
 * The view date: any day from the snapshot to today. A date is sent once it is complete and in range
 * (typing into a date field passes through partial values); "Latest" goes back to the default.
 */
function ViewDateField({
  viewDate,
  dates,
  onChoose,
}: {
  viewDate: string;
  dates: { snapshot: string; latest: string; today: string };
  onChoose: (d: string) => void;
}) {
  const [draft, setDraft] = useState(viewDate);
  const [shown, setShown] = useState(viewDate);
  if (viewDate !== shown) {
    setShown(viewDate);
    setDraft(viewDate);
  }
  const valid = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && d >= dates.snapshot && d <= dates.today;
  return (
    <label className="field">
      <span>View date</span>
      <span className="date-field">
        <input
          type="date"
          name="asOf"
          value={draft}
          min={dates.snapshot}
          max={dates.today}
          aria-describedby="date-hint"
          onChange={(e) => {
            setDraft(e.target.value);
            if (valid(e.target.value) && e.target.value !== viewDate) onChoose(e.target.value);
          }}
        />
        {viewDate !== dates.latest && (
          <button type="button" className="secondary small" onClick={() => onChoose(dates.latest)}>
            Latest
          </button>
        )}
      </span>
      <span id="date-hint" className="hint">
        {dates.snapshot} to {dates.today}; latest data {dates.latest}
      </span>
    </label>
  );
}
