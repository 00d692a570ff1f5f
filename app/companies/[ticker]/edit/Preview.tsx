"use client";
// What the edits do, before saving: the same scoring library the server uses, run in the browser over
// every company so the rank moves too.
import { useMemo } from "react";
import { cqsScore, perWatt, pct, usdCompact } from "@/lib/format";
import { explainRow, screen, type Assumptions, type ScoringCompany } from "@/lib/scoring";

export function Preview({
  ticker,
  all,
  edited,
  assumptions,
  viewDate,
  dirty,
}: {
  ticker: string;
  all: ScoringCompany[];
  edited: ScoringCompany | null;
  assumptions: Assumptions;
  viewDate: string;
  dirty: boolean;
}) {
  const before = useMemo(() => screen(all, assumptions, { viewDate }).find((r) => r.ticker === ticker), [all, assumptions, viewDate, ticker]);
  const after = useMemo(
    () =>
      edited
        ? screen(
            all.map((c) => (c.ticker === ticker ? edited : c)),
            assumptions,
            { viewDate },
          ).find((r) => r.ticker === ticker)
        : undefined,
    [all, edited, assumptions, viewDate, ticker],
  );
  if (!before) return null;
  const rows: [string, string, string][] = [
    ["Rank", String(before.rank), after ? String(after.rank) : "—"],
    ["Tier", `T${before.tier}`, after ? `T${after.tier}` : "—"],
    ["Discount to build cost", pct(before.discountBase), after ? pct(after.discountBase) : "—"],
    ["EV per effective IT W", perWatt(before.evPerWEffectiveIt), after ? perWatt(after.evPerWEffectiveIt) : "—"],
    ["Enterprise value", usdCompact(before.evUsedUsd), after ? usdCompact(after.evUsedUsd) : "—"],
    ["Effective IT MW", before.itMwEffective.toFixed(1), after ? after.itMwEffective.toFixed(1) : "—"],
    ["CQS", cqsScore(before.cqs), after ? cqsScore(after.cqs) : "—"],
    ["Financing gap / mkt cap", pct(before.gapToMarketCap), after ? pct(after.gapToMarketCap) : "—"],
  ];
  return (
    <aside className="preview" aria-labelledby="preview-title" aria-live="polite">
      <h2 id="preview-title">Preview {dirty ? "(unsaved edits)" : ""}</h2>
      <p className="small muted" data-testid="preview-date">
        On {viewDate}: figures dated after it do not count yet.
      </p>
      {!edited ? (
        <p className="field-error">Preview paused: fix the highlighted fields.</p>
      ) : (
        <>
          <table className="grid small" data-testid="preview">
            <thead>
              <tr>
                <th />
                <th className="num">Saved</th>
                <th className="num">With edits</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([label, a, b]) => (
                <tr key={label} className={a !== b ? "changed" : ""} data-metric={label}>
                  <td>{label}</td>
                  <td className="num">{a}</td>
                  <td className="num">{b}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {after && (
            <p className="small why-preview">
              <span className={`tier tier-${after.tier}`}>T{after.tier}</span> {explainRow(after).why.replace(/^Tier \d: /, "")}
            </p>
          )}
        </>
      )}
    </aside>
  );
}
