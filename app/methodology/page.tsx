import type { Metadata } from "next";
import { ASSUMPTION_KEYS, ASSUMPTION_META, DEFAULT_ASSUMPTIONS } from "@/lib/scoring/assumptions";
import { formatAssumption, GROUP_LABELS } from "@/lib/view/assumption-diff";

export const metadata: Metadata = { title: "Methodology" };

export default function MethodologyPage() {
  return (
    <article className="prose">
      <h1>How the screener values a miner</h1>
      <ol>
        <li><strong>Effective IT MW.</strong> Every site&apos;s critical-IT megawatts (disclosed, else gross × IT/gross factor) are split into six blocks — contracted and delivered (S1), contracted on energized sites (S2), contracted needing new power (S3), uncontracted operating (S4), uncontracted building or approved (S5), pipeline (S6) — and weighted by how likely they are to earn AI rent.</li>
        <li><strong>Enterprise value</strong> = price × shares + debt + preferred − cash − bitcoin (at the set&apos;s BTC price). Missing price, shares, debt or cash leave EV empty, with the reason shown.</li>
        <li><strong>EV per watt</strong> on effective IT, contracted IT, energized gross and total gross watts. <strong>Discount to build cost</strong> = 1 − (EV per effective IT watt ÷ build cost), at low, base and high build cost. Positive means the market pays less per watt than building one costs.</li>
        <li><strong>Contract quality (CQS, 0–100)</strong> blends tenor against facility life (T), tenant credit with any guarantor backstop (C), who pays for the GPUs (G) and lease structure (S). <strong>Financing gap</strong> = capex still to fund (buildings not paid by the tenant, GPUs net of prepayments) − cash − committed financing.</li>
        <li><strong>Tiers.</strong> Tier 1 passes five rules (≥ 100 MW contracted, ≥ 10-year value-weighted tenor, GPU capex ≤ 10% of contract value, gap ≤ 30% of market cap, ≥ half of contracted MW delivered or on energized sites). Tier 2 has material contracts but fails a rule. Tier 3 is power without a material contract. Each company page lists every rule with its numbers.</li>
      </ol>
      <p>The full method with its sources is in <code>docs/methodology.md</code> in the repository.</p>
      <h2>Default assumptions and their sources</h2>
      <div className="scroll-x">
        <table className="grid">
          <thead><tr><th>Group</th><th>Assumption</th><th className="num">Default</th><th>Unit</th><th>Source</th></tr></thead>
          <tbody>
            {ASSUMPTION_KEYS.map((k) => {
              const m = ASSUMPTION_META[k];
              const v = DEFAULT_ASSUMPTIONS[k];
              return (
                <tr key={k}>
                  <td className="small muted">{GROUP_LABELS[m.group]}</td><td>{m.label}</td>
                  <td className="num">{formatAssumption(v)}</td><td>{m.unit}</td><td className="small">{m.source}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </article>
  );
}
