"use client";
// What an edit does before it is saved: every company scored in the browser under the saved values and
// under the values in the form, by the same scoring library the server uses.
import { useDeferredValue, useMemo, useState } from "react";
import type { Assumptions } from "@/lib/scoring/assumptions";
import { screen } from "@/lib/scoring/screen";
import type { ScoringCompany } from "@/lib/scoring/types";
import { perWatt, usdCompact } from "@/lib/format";
import { compareScreens, rankMove, summarizeChanges, type ComparedRow, type Standing } from "@/lib/view/assumption-diff";
import { Tip } from "../components/Tip";
import { Value } from "../components/Value";

export function Preview(props: {
  companies: ScoringCompany[];
  viewDate: string;
  saved: Assumptions;
  savedVersion: number;
  edited: Assumptions | null;
  invalid: string | null;
}) {
  const { companies } = props;
  const [onlyChanged, setOnlyChanged] = useState(false);
  // Typing stays responsive: the table catches up with the latest values when the browser is idle.
  const edited = useDeferredValue(props.edited);
  const view = useMemo(() => ({ viewDate: props.viewDate }), [props.viewDate]);
  const before = useMemo(() => screen(companies, props.saved, view), [companies, props.saved, view]);
  const after = useMemo(() => (edited ? screen(companies, edited, view) : null), [companies, edited, view]);
  const rows = useMemo(() => (after ? compareScreens(before, after) : null), [before, after]);
  const summary = rows ? summarizeChanges(rows) : null;
  const stale = props.edited !== edited;

  return (
    <section className="preview" aria-labelledby="preview-title" aria-busy={stale}>
      <h2 id="preview-title">What your changes do</h2>
      <p className="small muted">
        Each company scored in your browser under the saved values (version {props.savedVersion}) → the values in the form. Nothing is saved until you
        press Save.
      </p>
      {props.invalid || !rows || !summary ? (
        <p className="notice warn preview-summary" role="status">
          No preview while a value is invalid — {props.invalid ?? "some values are not valid"}.
        </p>
      ) : (
        <>
          <p className="preview-summary" role="status" aria-live="polite">
            {summary.any === 0
              ? "No company changes yet: edit a value to see its effect."
              : `${summary.any} of ${summary.total} companies change: ${summary.discount} in discount, ${summary.rank} in rank, ${summary.tier} in tier.`}
          </p>
          <label className="small only-changed">
            <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} /> Only companies that change
          </label>
          <PreviewTable rows={onlyChanged ? rows.filter((r) => r.anyChange) : rows} />
          {summary.tier > 0 && (
            <>
              <h3 className="small">Tier changes and their reasons</h3>
              <ul className="tier-changes small">
                {rows
                  .filter((r) => r.changed.tier)
                  .map((r) => (
                    <li key={r.ticker}>
                      <strong>{r.ticker}</strong> <span className={`tier tier-${r.a.tier}`}>T{r.a.tier}</span> →{" "}
                      <span className={`tier tier-${r.b.tier}`}>T{r.b.tier}</span>: {r.b.why.replace(/^Tier \d: /, "")}
                    </li>
                  ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

function PreviewTable({ rows }: { rows: ComparedRow[] }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Preview table, scrolls sideways">
      <table className="grid change-table preview-table">
        <caption className="sr-only">Each company under the saved values and under the values in the form</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Rank
            </th>
            <th scope="col">Company</th>
            <th scope="col" className="num">
              EV
            </th>
            <th scope="col" className="num">
              EV/W <span className="muted small">eff. IT</span>
            </th>
            <th scope="col" className="num">
              Discount <span className="muted small">base</span>
            </th>
            <th scope="col">Tier</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={6} className="empty">
                No company changes.
              </td>
            </tr>
          )}
          {rows.map((r) => (
            <tr key={r.ticker} data-ticker={r.ticker} className={r.changed.rank || r.changed.tier ? "moved" : undefined}>
              <Cell
                changed={r.changed.rank}
                a={r.a.rank}
                b={r.b.rank}
                extra={
                  r.changed.rank ? (
                    <span className="move" aria-label={rankMove(r.rankDelta).label}>
                      {rankMove(r.rankDelta).text}
                    </span>
                  ) : null
                }
              />
              <th scope="row">
                <span className="ticker">{r.ticker}</span>
              </th>
              <Cell
                changed={r.changed.ev}
                a={usdCompact(r.a.evUsedUsd)}
                b={<Value kind="usd" value={r.b.evUsedUsd} reason={r.b.reasons.evUsedUsd} />}
              />
              <Cell
                changed={r.changed.evPerW}
                a={perWatt(r.a.evPerWEffectiveIt)}
                b={<Value kind="perW" value={r.b.evPerWEffectiveIt} reason={r.b.reasons.evPerWEffectiveIt} />}
              />
              <Cell
                changed={r.changed.discount}
                a={<Value kind="pct" value={r.a.discountBase} reason={r.a.reasons.discountBase} />}
                b={<Value kind="pct" value={r.b.discountBase} reason={r.b.reasons.discountBase} />}
              />
              <td className={r.changed.tier ? "changed" : undefined}>
                {r.changed.tier && (
                  <>
                    <TierTag s={r.a} /> <span aria-hidden="true">→</span>
                    <span className="sr-only">, now</span>{" "}
                  </>
                )}
                <TierTag s={r.b} before={r.changed.why ? r.a : undefined} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "before → after" when the value moved, else just the value. */
function Cell({ changed, a, b, extra }: { changed: boolean; a: React.ReactNode; b: React.ReactNode; extra?: React.ReactNode }) {
  if (!changed) return <td className="num">{b}</td>;
  return (
    <td className="num changed">
      <span className="was">
        <span className="sr-only">was </span>
        {a}
      </span>{" "}
      <span aria-hidden="true">→</span>
      <span className="sr-only">, now</span> <strong>{b}</strong>
      {extra && <> {extra}</>}
    </td>
  );
}

/** The tier, with its reasons on hover and focus (and the reasons before the edit when they changed). */
function TierTag({ s, before }: { s: Standing; before?: Standing }) {
  const tip = before ? `Now: ${s.why} — Saved: ${before.why}` : s.why;
  return (
    <Tip tip={tip} className={`tier tier-${s.tier}`}>
      T{s.tier}
    </Tip>
  );
}
