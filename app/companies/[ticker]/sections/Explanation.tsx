// What the model did to this company's numbers: every v2 rule that moved a figure, with the source of
// the input it used; the data-quality flags of the view date; the data's own warnings and gaps.
import { FLAG_INFO } from "@/lib/scoring/flags";
import { RULE_INFO, type V2RuleRef } from "@/lib/scoring/rule-info";
import { STALE_LABEL } from "@/lib/scoring/balance-sheet";
import type { CompanyScore } from "@/lib/scoring/types";

export function ModelAdjustments({ s }: { s: CompanyScore }) {
  if (s.adjustments.length === 0) return null;
  return (
    <section aria-labelledby="adjust-title">
      <h2 id="adjust-title">What the model did here</h2>
      <ol className="adjustments">
        {s.adjustments.map((x, i) => (
          <li key={i}>
            <span className="tag" title={x.rule in RULE_INFO ? RULE_INFO[x.rule as V2RuleRef].name : undefined}>
              {x.rule}
            </span>{" "}
            {x.text}
            {x.sourceUrls.map((u, j) => (
              <span key={u}>
                {" "}
                <a href={u} target="_blank" rel="noopener noreferrer nofollow" className="small">
                  {x.sourceUrls.length > 1 ? `source ${j + 1}` : "source"}
                </a>
              </span>
            ))}
          </li>
        ))}
      </ol>
      <p className="small muted">
        Numbers refer to methodology §10 (see the Methodology page). Each line names the rule, what it changed and the source of the input it used.
      </p>
    </section>
  );
}

export function DataQuality({ s, gaps }: { s: CompanyScore; gaps: string[] }) {
  const quality = s.flags.filter((f) => f === "stale-data" || f === "mixed-dates" || f === "published-ev" || f === "no-ig-tenant");
  if (s.warnings.length === 0 && gaps.length === 0 && quality.length === 0) return null;
  return (
    <section aria-labelledby="gaps-title">
      <h2 id="gaps-title">Data quality, warnings and gaps</h2>
      <ul>
        {quality.map((f) => (
          <li key={f}>
            <span className={`flag flag-${f}`}>{f}</span> {FLAG_INFO[f].means} ({FLAG_INFO[f].rule})
            {f === "stale-data" && (
              <>
                :{" "}
                {s.staleFigures
                  .map(
                    (x) => `${STALE_LABEL[x.key]} as of ${x.asOf} is ${x.approximate ? "at least " : ""}${x.ageDays} days old (limit ${x.maxDays})`,
                  )
                  .join("; ")}{" "}
                on {s.viewDate}
              </>
            )}
            {f === "mixed-dates" && s.mixedDates && (
              <>
                : cash and debt are {s.mixedDates.gapDays} days apart; {s.mixedDates.older === "cashUsd" ? "cash" : "debt"} is the older figure
              </>
            )}
          </li>
        ))}
        {s.warnings.map((w) => (
          <li key={`w-${w}`}>{w}</li>
        ))}
        {gaps.map((g) => (
          <li key={`g-${g}`} className="muted">
            Gap in the sources: {g}
          </li>
        ))}
      </ul>
    </section>
  );
}
