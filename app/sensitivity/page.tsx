import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/server/db";
import { UnknownAssumptionSet } from "@/lib/server/screen";
import { loadSensitivityInputs } from "@/lib/server/sensitivity";
import { ViewDateError } from "@/lib/server/timeline";
import { parseSensitivity, type SensitivityView } from "@/lib/view/sensitivity-params";
import { SensitivityExplorer } from "./SensitivityExplorer";
import "./sensitivity.css";

export const metadata: Metadata = { title: "Sensitivity" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Search params as the parser reads them (a repeated name stays repeated, so it is reported). */
function toParams(sp: Record<string, string | string[] | undefined>) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) for (const x of Array.isArray(v) ? v : v == null ? [] : [v]) p.append(k, x);
  return p;
}

export default async function SensitivityPage({ searchParams }: Props) {
  const { view: asked, fieldErrors } = parseSensitivity(toParams(await searchParams));
  const notices = Object.entries(fieldErrors).map(
    ([name, messages]) => `${name === "(form)" ? "" : `${name}: `}${messages!.join("; ")} — ${name === "(form)" ? "ignored" : "using the default"}`,
  );
  let view: SensitivityView = asked;
  let inputs;
  try {
    inputs = await loadSensitivityInputs(db, view.set, view.asOf);
  } catch (e) {
    if (!(e instanceof UnknownAssumptionSet || e instanceof ViewDateError)) throw e;
    notices.push(
      `${e instanceof ViewDateError ? "asOf" : "set"}: ${e.message} — using the ${e instanceof ViewDateError ? "latest date" : "default set"}`,
    );
    view = e instanceof ViewDateError ? { ...view, asOf: undefined } : { ...view, set: undefined };
    inputs = await loadSensitivityInputs(db, view.set, view.asOf).catch(() => loadSensitivityInputs(db));
    view = { ...view, set: view.set && inputs.set.name === view.set ? view.set : undefined };
  }
  const { set, sets, viewDate, dates, companies } = inputs;

  return (
    <>
      <div className="page-head">
        <h1>Sensitivity</h1>
        <p className="muted">
          How the ranking moves with one assumption, or two: every company&apos;s discount to build cost (or rank) across a range of any numeric
          assumption, a company&apos;s tornado of the main assumptions, and a two-way table. Everything is re-scored in your browser by the same model
          as the screener (<Link href="/methodology">how it is computed</Link>); the address bar keeps the view, so a link reproduces it.
        </p>
      </div>
      <form className="toolbar-row compare-form" method="get" action="/sensitivity" aria-label="Assumption set and view date">
        <label className="field">
          <span>Assumptions</span>
          <select name="set" defaultValue={set.name}>
            {sets.map((s) => (
              <option key={s.id} value={s.name}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>View date</span>
          <input type="date" name="asOf" defaultValue={view.asOf ?? viewDate} min={dates.snapshot} max={dates.today} />
        </label>
        <button type="submit">Show</button>
        <span className="small muted">
          Viewed on {viewDate}; data from {dates.snapshot}, latest {dates.latest}.
        </span>
      </form>
      {notices.length > 0 && (
        <div className="notice warn" role="status">
          {notices.map((n) => (
            <div key={n}>{n}</div>
          ))}
        </div>
      )}
      <SensitivityExplorer
        key={`${set.name}|${viewDate}`}
        companies={companies}
        assumptions={set.values}
        viewDate={viewDate}
        initial={view}
        base={{ set: view.set, asOf: view.asOf }}
      />
    </>
  );
}
