import type { Metadata } from "next";
import Link from "next/link";
import { cqsScore, mw, pct, perWatt, plain, usdCompact } from "@/lib/format";
import { ASSUMPTION_KEYS, ASSUMPTION_META, DEFAULT_ASSUMPTIONS } from "@/lib/scoring/assumptions";
import { RULE_INFO } from "@/lib/scoring/rule-info";
import { db } from "@/lib/server/db";
import { loadCompanyScore } from "@/lib/server/screen";
import { formatAssumption, GROUP_LABELS } from "@/lib/view/assumption-diff";
import { textParts, WORKED_EXAMPLE } from "@/lib/view/worked-example";
import { ScrollX } from "../components/ScrollX";

export const metadata: Metadata = { title: "Methodology" };
export const dynamic = "force-dynamic";

const RULES = Object.entries(RULE_INFO);

export default async function MethodologyPage() {
  const example = await loadCompanyScore(db, "CORZ");
  return (
    <article className="prose">
      <h1>How the screener values a miner</h1>
      <ol>
        <li>
          <strong>Effective IT MW.</strong> Every site&apos;s critical-IT megawatts (disclosed, else gross × IT/gross factor) are split into six
          blocks — contracted and delivered (S1), contracted on energized or unknown sites (S2), contracted needing new power (S3), uncontracted
          operating (S4), uncontracted building or approved (S5), pipeline (S6) — and weighted by how likely they are to earn AI rent.
        </li>
        <li>
          <strong>Enterprise value</strong> = price × shares + debt + preferred − cash − bitcoin, on the balance sheet rolled forward to the view
          date. Missing price, shares, debt or cash leave EV empty with the reason shown, unless a published EV can stand in.
        </li>
        <li>
          <strong>EV per watt</strong> on effective IT, contracted IT, energized gross and total gross watts. <strong>Discount to build cost</strong>{" "}
          = 1 − (EV per effective IT watt ÷ build cost), at low, base and high build cost. Positive means the market pays less per watt than building
          one costs.
        </li>
        <li>
          <strong>Contract quality (CQS, 0–100)</strong> blends tenor against facility life (T), tenant credit with any guarantor backstop (C), who
          pays for the GPUs (G) and lease structure (S). <strong>Financing gap</strong> = capex still to fund, at the company&apos;s own capex per MW,
          − cash − committed financing.
        </li>
        <li>
          <strong>Tiers.</strong> Tier 1 passes five rules (≥ 100 MW contracted, ≥ 10-year value-weighted tenor, GPU capex ≤ 10% of contract value,
          gap ≤ 30% of market cap, ≥ half of contracted MW delivered or on energized sites). Tier 2 has material contracts but fails a rule. Tier 3 is
          power without a material contract. Each company page lists every rule with its numbers.
        </li>
      </ol>

      <h2>What model v2 adds</h2>
      <ScrollX label="Model v2 rules">
        <table className="grid">
          <thead>
            <tr>
              <th>§</th>
              <th>Rule</th>
              <th>What it does</th>
            </tr>
          </thead>
          <tbody>
            {RULES.map(([id, r]) => (
              <tr key={id}>
                <td>{id}</td>
                <td>{r.name}</td>
                <td className="small">{r.means}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
      <p className="small muted">Each company page lists the rules that moved its numbers, with the source of the input each one used.</p>

      <section aria-labelledby="worked-title">
        <h2 id="worked-title">
          Worked example: {WORKED_EXAMPLE.name} ({WORKED_EXAMPLE.ticker})
        </h2>
        <p className="small muted">
          The snapshot of {WORKED_EXAMPLE.viewDate} with its corrections and the default assumptions, viewed on {WORKED_EXAMPLE.viewDate}: every step
          of the arithmetic, as the methodology (§13) gives it.
        </p>
        <ul className="small" data-testid="worked-example">
          {WORKED_EXAMPLE.steps.map((step) => (
            <li key={step}>
              <Inline text={step} />
            </li>
          ))}
        </ul>
      </section>

      {example && (
        <section aria-labelledby="example-title">
          <h2 id="example-title">The same company as the data stands</h2>
          <p className="small muted">
            Computed now from the stored data and the “{example.set.name}” assumptions, viewed on {example.viewDate};{" "}
            <Link href="/companies/CORZ">the company page</Link> shows every line with its source.
          </p>
          <ol className="small">
            <li>
              Market cap {usdCompact(example.score.marketCapUsd)} + debt {usdCompact(example.score.proForma.totalDebtUsd.value)} − cash{" "}
              {usdCompact(example.score.proForma.cashUsd.value)} = EV {usdCompact(example.score.enterpriseValueUsd)}; less bitcoin{" "}
              {usdCompact(example.score.btcValueUsd)} {example.score.btcValueSource === "reported" ? "(a reported value, §10.9)" : ""} ={" "}
              <strong>{usdCompact(example.score.evUsedUsd)}</strong>.
            </li>
            <li>
              Contracted {mw(example.score.contractedItMw)}: {mw(example.score.funnelLines.allocatedMw)} through site allocations,{" "}
              {mw(example.score.funnelLines.consumedMw)} on free hpc/mixed site MW, {mw(example.score.funnelLines.siteUnknownMw)} on no known site
              (§10.2). Uncontracted S4 {mw(example.score.funnel.s4)}, S5 {mw(example.score.funnel.s5)}, S6 {mw(example.score.funnel.s6)}. Effective IT{" "}
              <strong>{plain(example.score.itMwEffective)} MW</strong>.
            </li>
            <li>
              EV per effective IT watt {perWatt(example.score.evPerWEffectiveIt)} against a build cost of{" "}
              {perWatt(example.score.assumptions.buildCostBaseUsdPerW)}: discount <strong>{pct(example.score.discountBase, 1)}</strong>.
            </li>
            <li>
              Capex to fund {usdCompact(example.score.capexRemainingUsd)} at {usdCompact(example.score.capexPerMwUsd)} per MW (§10.5); financing gap{" "}
              {usdCompact(example.score.financingGapUsd)} = {pct(example.score.gapToMarketCap)} of market cap. CQS {cqsScore(example.score.cqs)}.{" "}
              <strong>Tier {example.score.tier}</strong>.
            </li>
          </ol>
        </section>
      )}

      <h2>Default assumptions and their sources</h2>
      <ScrollX label="Default assumptions">
        <table className="grid">
          <thead>
            <tr>
              <th>Group</th>
              <th>Assumption</th>
              <th className="num">Default</th>
              <th>Unit</th>
              <th>Source</th>
            </tr>
          </thead>
          <tbody>
            {ASSUMPTION_KEYS.map((k) => {
              const m = ASSUMPTION_META[k];
              return (
                <tr key={k}>
                  <td className="small muted">{GROUP_LABELS[m.group]}</td>
                  <td>{m.label}</td>
                  <td className="num">{formatAssumption(DEFAULT_ASSUMPTIONS[k])}</td>
                  <td>{m.unit}</td>
                  <td className="small">{m.source}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollX>
      <p className="small muted">
        The full text of this method — how each rule is read, what changed from v1 company by company, and the sources — is the methodology document
        of the project (<code>docs/methodology.md</code>), with the judgement calls argued in its decision records (<code>docs/decisions/</code>).
      </p>
    </article>
  );
}

/** Text with **bold** and `code` (lib/view/worked-example.ts). */
function Inline({ text }: { text: string }) {
  return <>{textParts(text).map((p, i) => (p.strong ? <strong key={i}>{p.text}</strong> : p.code ? <code key={i}>{p.text}</code> : p.text))}</>;
}
