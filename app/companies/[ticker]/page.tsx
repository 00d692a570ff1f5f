import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { pct, perWatt, usdCompact, usdPrice, years } from "@/lib/format";
import { ASSUMPTION_META, type AssumptionKey } from "@/lib/scoring/assumptions";
import { FLAG_INFO } from "@/lib/scoring/flags";
import { db } from "@/lib/server/db";
import { loadCompanyHistory } from "@/lib/server/queries";
import { loadCompanyScore } from "@/lib/server/screen";
import { loadWithFallbacks } from "@/lib/server/view-fallbacks";
import { contractsAt } from "@/lib/domain/history";
import { asOfProblem } from "@/lib/view/params";
import { ScrollX } from "../../components/ScrollX";
import { Tip } from "../../components/Tip";
import { Value } from "../../components/Value";
import { History } from "./History";
import { ScreenerLink } from "./ScreenerLink";
import { Comps } from "./sections/Comps";
import { ContractsTable } from "./sections/Contracts";
import { EvBridge } from "./sections/EvBridge";
import { BalanceSheetEvents, EventsTimeline } from "./sections/Events";
import { DataQuality, ModelAdjustments } from "./sections/Explanation";
import { FinancingGap } from "./sections/Financing";
import { Funnel } from "./sections/Funnel";
import { AssumptionsUsed, TierRules } from "./sections/Rules";
import { SitesTable } from "./sections/Sites";
import { OverTime } from "./sections/OverTime";
import { Sensitivity } from "./sections/Sensitivity";
import { Notes, type NoteItem } from "./Notes";
import { notesOf } from "@/lib/server/mutations/notes";
import { UserEnteredNotice } from "./sections/UserEntered";
import { companyTimeline } from "@/lib/view/changes";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ ticker: string }>; searchParams: Promise<{ set?: string | string[]; asOf?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { ticker } = await params;
  return { title: decodeURIComponent(ticker).toUpperCase().slice(0, 10) };
}

export default async function CompanyPage({ params, searchParams }: Props) {
  const { ticker } = await params;
  const { set, asOf: askedDate } = await searchParams;
  const setName = typeof set === "string" ? set : undefined;
  if (!/^[A-Za-z0-9.]{1,10}$/.test(ticker)) notFound();
  const asked = typeof askedDate === "string" ? askedDate : undefined;
  const dateProblem = asked ? asOfProblem(asked) : null;
  const { data, notices } = await loadWithFallbacks((o) => loadCompanyScore(db, ticker.toUpperCase(), o.set, o.asOf), {
    set: setName,
    asOf: dateProblem ? undefined : asked,
  });
  if (!data) notFound();
  const { company, score: s, set: used, input, record, history: timeline, dates, userEntered } = data;
  const a = s.assumptions;
  const [history, notes] = await Promise.all([loadCompanyHistory(db, company.id), notesOf(db, company.id)]);
  // Links keep the set and the view date the page is looked at with; "← Screener" also the rest of the
  // screener view the user left (ScreenerLink).
  const pageView = { set: used.isDefault ? undefined : used.name, asOf: s.viewDate !== dates.latest ? s.viewDate : undefined };
  const price = s.inputs.find((i) => i.key === "sharePriceUsd");
  const gaps = (company.gaps as string[]) ?? [];

  return (
    <article className="company">
      {dateProblem && (
        <div className="notice error" role="alert">
          View date “{asked!.slice(0, 20)}”: {dateProblem}; showing the latest date instead.
        </div>
      )}
      {notices.map((n) => (
        <div key={n} className="notice error" role="alert">
          {n}
        </div>
      ))}
      <p className="small page-links">
        <ScreenerLink {...pageView} />{" "}
        <Link href={`/companies/${company.ticker}/edit${used.isDefault ? "" : `?set=${encodeURIComponent(used.name)}`}`} className="button-link">
          Edit data
        </Link>
      </p>
      <h1>
        {company.ticker} <span className="muted">· {company.name}</span>
      </h1>
      <p className="muted small">
        {company.exchange} · {company.country} · view date <strong data-testid="view-date">{s.viewDate}</strong>
        {s.viewDate === dates.latest ? (
          " (latest data)"
        ) : (
          <>
            {" "}
            (<Link href={`/companies/${company.ticker}${used.isDefault ? "" : `?set=${encodeURIComponent(used.name)}`}`}>latest: {dates.latest}</Link>
            )
          </>
        )}{" "}
        · assumptions “{used.name}”
        {s.overriddenKeys.length > 0 && (
          <> · company overrides: {s.overriddenKeys.map((k) => ASSUMPTION_META[k as AssumptionKey]?.label ?? k).join(", ")}</>
        )}
      </p>
      <p className="why">
        <span className={`tier tier-${s.tier}`}>Tier {s.tier}</span> {s.why.replace(/^Tier \d: /, "")}
      </p>
      {s.flags.length > 0 && (
        <p className="flags-line" aria-label="Flags">
          {s.flags.map((f) => (
            <Tip key={f} tip={`${FLAG_INFO[f].means} (${FLAG_INFO[f].rule})`} className={`flag flag-${f}`}>
              {f}
            </Tip>
          ))}
        </p>
      )}

      <UserEnteredNotice items={userEntered} viewDate={s.viewDate} />

      <div className="kpis">
        <Kpi
          label="Discount to build cost (base)"
          value={<Value kind="pct" value={s.discountBase} reason={s.reasons.discountBase} />}
          sub={
            s.discountLow != null
              ? `${pct(s.discountLow)} at $${a.buildCostLowUsdPerW}/W · ${pct(s.discountHigh)} at $${a.buildCostHighUsdPerW}/W`
              : undefined
          }
        />
        <Kpi
          label="EV per effective IT watt"
          value={<Value kind="perW" value={s.evPerWEffectiveIt} reason={s.reasons.evPerWEffectiveIt} />}
          sub={`vs build cost ${perWatt(a.buildCostBaseUsdPerW)}`}
        />
        <Kpi
          label="Price / at build cost"
          value={
            <>
              {usdPrice(price?.value)} / <Value kind="usdPrice" value={s.impliedPriceBaseUsd} reason={s.reasons.impliedPriceBaseUsd} />
            </>
          }
          sub={price?.asOf ? `price as of ${price.asOf}` : undefined}
        />
        <Kpi
          label={s.evSource === "published" ? "Enterprise value (published)" : "Enterprise value"}
          value={<Value kind="usd" value={s.evUsedUsd} reason={s.reasons.evUsedUsd} />}
          sub={`${a.subtractBitcoin ? "ex-bitcoin" : "bitcoin not subtracted"}${s.enterpriseValuePublished ? ` · published ${usdCompact(s.enterpriseValuePublished.value)} (${s.enterpriseValuePublished.asOf})` : ""}`}
        />
        <Kpi label="Effective IT MW" value={`${s.itMwEffective.toFixed(1)} MW`} sub={`${s.contractedItMw.toFixed(0)} MW contracted`} />
        <Kpi
          label="Contract quality (CQS)"
          value={<Value kind="score" value={s.cqs} reason={s.reasons.cqs} />}
          sub={s.weightedTenorYears != null ? `weighted tenor ${years(s.weightedTenorYears)}` : undefined}
        />
        <Kpi
          label="Financing gap / market cap"
          value={<Value kind="pct" value={s.gapToMarketCap} reason={s.reasons.gapToMarketCap} />}
          sub={s.financingGapUsd != null ? `gap ${usdCompact(s.financingGapUsd)}` : undefined}
        />
      </div>

      <OverTime
        points={companyTimeline(timeline, dates.snapshot, dates.latest, used.values)}
        ticker={company.ticker}
        viewDate={s.viewDate}
        hrefFor={(d) =>
          `/companies/${company.ticker}${query({ set: used.isDefault ? undefined : used.name, asOf: d !== dates.latest ? d : undefined })}`
        }
      />
      <Notes
        ticker={company.ticker}
        notes={notes.map((n) => ({
          id: n.id,
          figure: n.figure as NoteItem["figure"],
          body: n.body,
          author: n.author,
          createdAt: n.createdAt.toISOString(),
          version: n.version,
        }))}
      />
      <ModelAdjustments s={s} />
      <DataQuality s={s} gaps={gaps} />
      <Sensitivity
        input={input}
        assumptions={used.values}
        viewDate={s.viewDate}
        href={`/sensitivity${query({ set: used.isDefault ? undefined : used.name, asOf: s.viewDate !== dates.latest ? s.viewDate : undefined, ticker: company.ticker })}`}
      />

      <div className="two-col">
        <EvBridge s={s} btcPriceUsd={a.btcPriceUsd} subtractBitcoin={a.subtractBitcoin} entered={userEntered} />
        <section aria-labelledby="evw-title">
          <h2 id="evw-title">EV per watt on four bases</h2>
          <ScrollX label="EV per watt">
            <table className="grid">
              <thead>
                <tr>
                  <th>Basis</th>
                  <th className="num">MW</th>
                  <th className="num">EV / W</th>
                </tr>
              </thead>
              <tbody>
                {(
                  [
                    ["Effective IT (weighted)", s.itMwEffective, s.evPerWEffectiveIt, "evPerWEffectiveIt"],
                    ["Contracted IT", s.contractedItMw, s.evPerWContractedIt, "evPerWContractedIt"],
                    ["Energized gross", s.energizedGrossMw, s.evPerWEnergizedGross, "evPerWEnergizedGross"],
                    ["Total gross", s.totalGrossMw, s.evPerWTotalGross, "evPerWTotalGross"],
                  ] as const
                ).map(([label, mwv, v, key]) => (
                  <tr key={key}>
                    <td>{label}</td>
                    <td className="num">{mwv.toLocaleString("en-US", { maximumFractionDigits: 1 })}</td>
                    <td className="num">
                      <Value kind="perW" value={v} reason={s.reasons[key]} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollX>
          <p className="small muted">
            Build cost {perWatt(a.buildCostLowUsdPerW)} – {perWatt(a.buildCostHighUsdPerW)}, base {perWatt(a.buildCostBaseUsdPerW)}. Value at base
            build cost: {usdCompact(s.valueAtBuildCostUsd)}.
          </p>
          <Comps s={s} figures={record.figures} entered={userEntered} />
        </section>
      </div>

      <Funnel s={s} a={a} />
      <TierRules score={s} />
      <SitesTable sites={record.sites} inputs={input.sites} s={s} a={a} />
      <ContractsTable contracts={contractsAt(timeline, s.viewDate)} s={s} a={a} />
      <FinancingGap s={s} a={a} entered={userEntered} />
      <BalanceSheetEvents events={company.balanceSheetEvents} s={s} />
      <EventsTimeline events={company.events} />
      <AssumptionsUsed score={s} entered={userEntered} />
      <section aria-labelledby="history-title">
        <h2 id="history-title">History of edits</h2>
        <History entries={history} />
      </section>
      <p className="small muted">
        <Tip tip="Scores are computed on every request from the stored inputs, the view date and the chosen assumption set; nothing is cached.">
          How fresh is this?
        </Tip>
      </p>
    </article>
  );
}

/** `?a=1&b=2` of the parameters that are set, or "". */
function query(params: Record<string, string | undefined>) {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  return q ? `?${q}` : "";
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
