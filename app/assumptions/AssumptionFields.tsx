"use client";
// One row per assumption: label (with "edited"), the input, its message or unusual-value warning, and the
// default's source. Numbers are text inputs read by the one parser (lib/number-input.ts), so "90,000"
// and "$90k" are typed as a person writes them.
import {
  ASSUMPTION_META,
  DEFAULT_ASSUMPTIONS,
  type AssumptionKey,
  type BooleanAssumptionKey,
  type CountriesAssumptionKey,
  type NumericAssumptionKey,
} from "@/lib/scoring/assumptions";
import { formatAssumption, sameValue } from "@/lib/view/assumption-diff";
import { fieldId } from "./set-form";

interface InputAria {
  id: string;
  name: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string;
}
interface RowProps {
  changed: boolean;
  error?: string;
  warning?: string;
}

function Source({ k, id, value }: { k: AssumptionKey; id: string; value: unknown }) {
  const m = ASSUMPTION_META[k];
  const def = DEFAULT_ASSUMPTIONS[k];
  const differs = !sameValue(value, def);
  return (
    <p id={id} className="a-source small muted">
      {differs && (
        <span className="a-default">
          Default {formatAssumption(def)}
          {typeof def === "number" ? ` ${m.unit}` : ""}.{" "}
        </span>
      )}
      <span>Source: {m.source}</span>
    </p>
  );
}

function AssumptionRow(props: RowProps & { k: AssumptionKey; value: unknown; unit: string; children: (aria: InputAria) => React.ReactNode }) {
  const { k, error, warning } = props;
  const id = fieldId(k);
  const note = error ? `${id}-error` : warning ? `${id}-warning` : "";
  const aria: InputAria = { id, name: k, "aria-invalid": error ? true : undefined, "aria-describedby": `${note ? `${note} ` : ""}${id}-src` };
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
      {error && (
        <p id={`${id}-error`} className="field-error a-error">
          {error}
        </p>
      )}
      {!error && warning && (
        <p id={`${id}-warning`} className="field-warning a-error">
          {warning}
        </p>
      )}
      <Source k={k} id={`${id}-src`} value={props.value} />
    </div>
  );
}

export function NumberField(props: RowProps & { k: NumericAssumptionKey; text: string; value: unknown; onChange: (t: string) => void }) {
  return (
    <AssumptionRow {...props} unit={ASSUMPTION_META[props.k].unit}>
      {(aria) => (
        <input
          {...aria}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          className="a-number"
          value={props.text}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </AssumptionRow>
  );
}

/** A list of country codes typed as text ("US, CA, NO"), checked code by code. */
export function CountriesField(props: RowProps & { k: CountriesAssumptionKey; text: string; value: unknown; onChange: (t: string) => void }) {
  return (
    <AssumptionRow {...props} unit={ASSUMPTION_META[props.k].unit}>
      {(aria) => <textarea {...aria} rows={2} value={props.text} onChange={(e) => props.onChange(e.target.value)} />}
    </AssumptionRow>
  );
}

export function BoolField(props: RowProps & { k: BooleanAssumptionKey; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <AssumptionRow {...props} value={props.checked} unit={props.checked ? "yes" : "no"}>
      {(aria) => <input {...aria} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />}
    </AssumptionRow>
  );
}
