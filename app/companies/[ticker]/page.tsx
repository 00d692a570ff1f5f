import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { usdCompact, usdPrice, perWatt, pct, years } from "@/lib/format";
import { db } from "@/lib/server/db";
import { loadCompanyScore, UnknownAssumptionSet } from "@/lib/server/screen";
import { Tip } from "../../components/Tip";
import { Value } from "../../components/Value";
import { AssumptionsUsed, ContractsTable, EvBridge, EventsTimeline, FinancingGap, Funnel, SitesTable, TierRules } from "./sections";
import { History } from "./History";
import { loadCompanyHistory } from "@/lib/server/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ ticker: string }>; searchParams: Promise<{ set?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { ticker } = await params;
  return { title: decodeURIComponent(ticker).toUpperCase().slice(0, 10) };
}

export default async function CompanyPage({ params, searchParams }: Props) {
  const { ticker } = await params;
  const { set } = await searchParams;
  const setName = typeof set === "string" ? set : undefined;
  if (!/^[A-Za-z0-9.]{1,10}$/.test(ticker)) notFound();
  let data;
  try {
    data = await loadCompanyScore(db, ticker.toUpperCase(), setName);
  } catch (e) {
    if (!(e instanceof UnknownAssumptionSet)) throw e;
    data = await loadCompanyScore(db, ticker.toUpperCase());
  }
  if (!data) notFound();
  const { company, score: s, set: used } = data;
  const history = await loadCompanyHistory(db, company.id);
  const back = used.isDefault ? "/" : `/?set=${encodeURIComponent(used.name)}`;
  const price = s.inputs.find((i) => i.key === "sharePriceUsd");
  const gaps = (company.gaps as string[]) ?? [];

  return (
    <article className="company">
      <p className="small page-links"><Link href={back}>← Screener</Link> <Link href={`/companies/${company.ticker}/edit${used.isDefault ? "" : `?set=${encodeURIComponent(used.name)}`}`} className="button-link">Edit data</Link></p>
      <h1>
        {company.ticker} <span className="muted">· {company.name}</span>
      </h1>
      <p className="muted small">
        {company.exchange} · {company.country} · assumptions “{used.name}”
        {s.overriddenKeys.length > 0 && <> · company overrides: {s.overriddenKeys.join(", ")}</>}
      </p>
      <p className="why">
        <span className={`tier tier-${s.tier}`}>Tier {s.tier}</span> {s.why.replace(/^Tier \d: /, "")}
      </p>

      <div className="kpis">
        <Kpi label="Discount to build cost (base)" value={<Value kind="pct" value={s.discountBase} reason={s.reasons.discountBase} />}
          sub={s.discountLow != null ? `${pct(s.discountLow)} at $${used.values.buildCostLowUsdPerW}/W · ${pct(s.discountHigh)} at $${used.values.buildCostHighUsdPerW}/W` : undefined} />
        <Kpi label="EV per effective IT watt" value={<Value kind="perW" value={s.evPerWEffectiveIt} reason={s.reasons.evPerWEffectiveIt} />}
          sub={`vs build cost $${used.values.buildCostBaseUsdPerW}/W`} />
        <Kpi label="Price / at build cost" value={<>{usdPrice(price?.value)} / <Value kind="usdPrice" value={s.impliedPriceBaseUsd} reason={s.reasons.impliedPriceBaseUsd} /></>}
          sub={price?.asOf ? `price as of ${price.asOf}` : undefined} />
        <Kpi label="Enterprise value" value={<Value kind="usd" value={s.evUsedUsd} reason={s.reasons.evUsedUsd} />}
          sub={used.values.subtractBitcoin ? "ex-bitcoin" : "bitcoin not subtracted"} />
        <Kpi label="Effective IT MW" value={`${s.itMwEffective.toFixed(1)} MW`} sub={`${s.contractedItMw.toFixed(0)} MW contracted`} />
        <Kpi label="Contract quality (CQS)" value={<Value kind="score" value={s.cqs} reason={s.reasons.cqs} />}
          sub={s.weightedTenorYears != null ? `weighted tenor ${years(s.weightedTenorYears)}` : undefined} />
        <Kpi label="Financing gap / market cap" value={<Value kind="pct" value={s.gapToMarketCap} reason={s.reasons.gapToMarketCap} />}
          sub={s.financingGapUsd != null ? `gap ${usdCompact(s.financingGapUsd)}` : undefined} />
      </div>

      {(s.warnings.length > 0 || gaps.length > 0) && (
        <section aria-labelledby="gaps-title">
          <h2 id="gaps-title">Data gaps and warnings</h2>
          <ul>
            {s.warnings.map((w) => <li key={`w-${w}`}>{w}</li>)}
            {gaps.map((g) => <li key={`g-${g}`} className="muted">Gap in the sources: {g}</li>)}
          </ul>
        </section>
      )}

      <div className="two-col">
        <EvBridge score={s} facts={company.facts} btcPriceUsd={used.values.btcPriceUsd} subtractBitcoin={used.values.subtractBitcoin} />
        <section aria-labelledby="evw-title">
          <h2 id="evw-title">EV per watt on four bases</h2>
          <table className="grid">
            <thead><tr><th>Basis</th><th className="num">MW</th><th className="num">EV / W</th></tr></thead>
            <tbody>
              {([
                ["Effective IT (weighted)", s.itMwEffective, s.evPerWEffectiveIt, "evPerWEffectiveIt"],
                ["Contracted IT", s.contractedItMw, s.evPerWContractedIt, "evPerWContractedIt"],
                ["Energized gross", s.energizedGrossMw, s.evPerWEnergizedGross, "evPerWEnergizedGross"],
                ["Total gross", s.totalGrossMw, s.evPerWTotalGross, "evPerWTotalGross"],
              ] as const).map(([label, mwv, v, key]) => (
                <tr key={key}><td>{label}</td><td className="num">{mwv.toLocaleString("en-US", { maximumFractionDigits: 1 })}</td><td className="num"><Value kind="perW" value={v} reason={s.reasons[key]} /></td></tr>
              ))}
            </tbody>
          </table>
          <p className="small muted">Build cost {perWatt(used.values.buildCostLowUsdPerW)} – {perWatt(used.values.buildCostHighUsdPerW)}, base {perWatt(used.values.buildCostBaseUsdPerW)}. Value at base build cost: {usdCompact(s.valueAtBuildCostUsd)}.</p>
        </section>
      </div>

      <Funnel score={s} a={used.values} />
      <TierRules score={s} />
      <SitesTable sites={company.sites} />
      <ContractsTable contracts={company.contracts} sites={company.sites} score={s} />
      <FinancingGap score={s} facts={company.facts} />
      <EventsTimeline events={company.events} />
      <AssumptionsUsed score={s} />
      <section aria-labelledby="history-title">
        <h2 id="history-title">History of edits</h2>
        <History entries={history} />
      </section>
      <p className="small muted"><Tip tip="Scores are computed on every request from the stored inputs and the chosen assumption set; nothing is cached.">How fresh is this?</Tip></p>
    </article>
  );
}

function Kpi({ label, value, sub }: { label: string; value: React.ReactNode; sub?: string }) {
  return (
    <div className="kpi">
      <div className="label">{label}</div>
      <div className="value">{value}</div>
      {sub && <div className="sub">{sub}</div>}
    </div>
  );
}
