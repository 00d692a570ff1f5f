// The tier rules with their numbers, and every assumption the company was scored with.
import { ASSUMPTION_KEYS, ASSUMPTION_META } from "@/lib/scoring/assumptions";
import type { CompanyScore } from "@/lib/scoring/types";
import { formatAssumption } from "@/lib/view/assumption-diff";
import { ScrollX } from "../../../components/ScrollX";
import type { UserEntered } from "@/lib/domain/user-entered";
import { EnteredMark } from "./UserEntered";

export function TierRules({ score: s }: { score: CompanyScore }) {
  return (
    <section aria-labelledby="rules-title">
      <h2 id="rules-title">Tier rules</h2>
      <ScrollX label="Tier rules">
        <table className="grid">
          <thead>
            <tr>
              <th>Rule</th>
              <th>Test</th>
              <th>Result</th>
              <th>Numbers</th>
            </tr>
          </thead>
          <tbody>
            {s.rules.map((r) => (
              <tr key={r.id}>
                <td>{r.id}</td>
                <td>{r.label}</td>
                <td className={r.pass ? "pass" : "fail"}>{r.pass ? "pass" : "fail"}</td>
                <td>{r.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
      <p className="small muted">Tier 1 needs all five. Tier 2: any rule fails but the company has material contracts. Tier 3: everything else.</p>
    </section>
  );
}

export function AssumptionsUsed({ score: s, entered }: { score: CompanyScore; entered: readonly UserEntered[] }) {
  return (
    <section aria-labelledby="assumptions-title">
      <h2 id="assumptions-title">Assumptions used</h2>
      <details>
        <summary>
          {ASSUMPTION_KEYS.length} values{s.overriddenKeys.length ? `, ${s.overriddenKeys.length} overridden for this company` : ""}
        </summary>
        <ScrollX label="Assumptions used">
          <table className="grid">
            <thead>
              <tr>
                <th>Assumption</th>
                <th className="num">Value</th>
                <th>Unit</th>
                <th>Source of the default</th>
              </tr>
            </thead>
            <tbody>
              {ASSUMPTION_KEYS.map((k) => {
                const m = ASSUMPTION_META[k];
                const v = s.assumptions[k];
                return (
                  <tr key={k} className={s.overriddenKeys.includes(k) ? "overridden" : ""}>
                    <td>
                      {m.label}
                      {s.overriddenKeys.includes(k) && <span className="tag">company override</span>}
                      <EnteredMark entered={entered} k={k} />
                    </td>
                    <td className="num">{formatAssumption(v)}</td>
                    <td>{m.unit}</td>
                    <td className="small">{m.source}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollX>
      </details>
    </section>
  );
}
