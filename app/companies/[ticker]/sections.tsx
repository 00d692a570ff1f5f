// Sections of the company page. Each figure shows its source and as-of date; each missing one says why.
import { ASSUMPTION_KEYS, ASSUMPTION_META, type Assumptions } from "@/lib/scoring/assumptions";
import type { CompanyScore } from "@/lib/scoring/types";
import { DASH, mw, pct, plain, usdCompact, usdPrice, years } from "@/lib/format";
import type { FactKey } from "@/lib/domain/facts";
import type { Contract, Event, Fact, Site } from "@/lib/generated/prisma/client";
import { Source } from "../../components/Source";
import { Tip } from "../../components/Tip";
import { Value } from "../../components/Value";
import { formatAssumption } from "@/lib/view/assumption-diff";

const factOf = (facts: Fact[], key: FactKey) => facts.find((f) => f.key === key);

export function EvBridge({ score: s, facts, btcPriceUsd, subtractBitcoin }: { score: CompanyScore; facts: Fact[]; btcPriceUsd: number; subtractBitcoin: boolean }) {
  const line = (label: string, sign: string, key: FactKey, value: number | null, zeroNote?: string) => {
    const f = factOf(facts, key);
    return (
      <tr>
        <td>{sign} {label}</td>
        <td className="num">{value == null ? <Value kind="usd" value={null} reason={`missing:${key.replace(/Usd$/, "")}`} /> : usdCompact(value)}</td>
        <td>{f ? <Source asOf={f.asOf} url={f.sourceUrl} note={f.note} /> : <span className="muted small">{zeroNote ?? "not in the data"}</span>}</td>
      </tr>
    );
  };
  const price = factOf(facts, "sharePriceUsd");
  const shares = factOf(facts, "sharesOutstanding");
  const btc = factOf(facts, "btcHeld");
  return (
    <section aria-labelledby="bridge-title">
      <h2 id="bridge-title">Enterprise value bridge</h2>
      <table className="grid">
        <thead><tr><th>Item</th><th className="num">USD</th><th>Source · as of</th></tr></thead>
        <tbody>
          <tr>
            <td>Share price</td><td className="num">{usdPrice(price?.value)}</td>
            <td>{price ? <Source asOf={price.asOf} url={price.sourceUrl} note={price.note} /> : <Value kind="usd" value={null} reason="missing:sharePrice" />}</td>
          </tr>
          <tr>
            <td>× Shares outstanding{shares?.basis ? ` (${shares.basis})` : ""}</td><td className="num">{shares ? plain(shares.value / 1e6, 1) + "M" : DASH}</td>
            <td>{shares ? <Source asOf={shares.asOf} url={shares.sourceUrl} note={shares.note} /> : <Value kind="usd" value={null} reason="missing:sharesOutstanding" />}</td>
          </tr>
          <tr><td><strong>= Market cap</strong></td><td className="num"><strong><Value kind="usd" value={s.marketCapUsd} reason={s.reasons.marketCapUsd} /></strong></td><td /></tr>
          {line("Total debt", "+", "totalDebtUsd", factOf(facts, "totalDebtUsd")?.value ?? null)}
          {line("Preferred equity", "+", "preferredEquityUsd", factOf(facts, "preferredEquityUsd")?.value ?? 0, "none found — 0")}
          {line("Cash", "−", "cashUsd", factOf(facts, "cashUsd")?.value ?? null)}
          <tr><td><strong>= Enterprise value</strong></td><td className="num"><strong><Value kind="usd" value={s.enterpriseValueUsd} reason={s.reasons.enterpriseValueUsd} /></strong></td><td /></tr>
          <tr>
            <td>− Bitcoin {btc ? `${plain(btc.value, 0)} BTC × ${usdCompact(btcPriceUsd)}` : ""}{subtractBitcoin ? "" : " (not subtracted in this set)"}</td>
            <td className="num">{usdCompact(s.btcValueUsd)}</td>
            <td>{btc ? <Source asOf={btc.asOf} url={btc.sourceUrl} note={btc.note} /> : <span className="muted small">not reported — 0</span>}</td>
          </tr>
          <tr><td><strong>= EV ex-bitcoin</strong></td><td className="num"><strong><Value kind="usd" value={s.enterpriseValueExBtcUsd} reason={s.reasons.enterpriseValueExBtcUsd} /></strong></td><td /></tr>
        </tbody>
      </table>
      <p className="small muted">Hover a source date for the note kept with the figure.</p>
    </section>
  );
}

const STAGES = [
  ["s1", "S1 contracted, delivered", "weightS1"],
  ["s2", "S2 contracted, energized site", "weightS2"],
  ["s3", "S3 contracted, needs new power", "weightS3"],
  ["s4", "S4 uncontracted, operating", "weightS4"],
  ["s5", "S5 uncontracted, building/approved", "weightS5"],
  ["s6", "S6 uncontracted, pipeline", "weightS6"],
] as const;

export function Funnel({ score: s, a }: { score: CompanyScore; a: Assumptions }) {
  const total = STAGES.reduce((t, [k]) => t + s.funnel[k], 0);
  return (
    <section aria-labelledby="funnel-title">
      <h2 id="funnel-title">Power funnel (IT MW by stage)</h2>
      <div className="two-col">
        <table className="grid">
          <thead><tr><th>Block</th><th className="num">IT MW</th><th className="num">Weight</th><th className="num">Effective MW</th></tr></thead>
          <tbody>
            {STAGES.map(([k, label, w]) => (
              <tr key={k}><td>{label}</td><td className="num">{plain(s.funnel[k])}</td><td className="num">{a[w]}</td><td className="num">{plain(s.funnel[k] * a[w])}</td></tr>
            ))}
            <tr><td><strong>Total</strong></td><td className="num"><strong>{plain(total)}</strong></td><td /><td className="num"><strong>{plain(s.itMwEffective)}</strong></td></tr>
          </tbody>
        </table>
        <div>
          <div className="bar" role="img" aria-label={`IT MW by stage: ${STAGES.map(([k, label]) => `${label} ${plain(s.funnel[k])} MW`).join(", ")}`}>
            {total > 0 && STAGES.map(([k]) => s.funnel[k] > 0 && <span key={k} className={`seg-${k}`} style={{ width: `${(s.funnel[k] / total) * 100}%` }} />)}
          </div>
          <div className="legend">{STAGES.map(([k, label]) => <span key={k}><i className={`seg-${k}`} />{label.split(" ")[0]}</span>)}</div>
          <p className="small muted">
            Site IT MW is the disclosed IT figure, else gross × {a.itPerGrossMw}. Contracted {mw(s.contractedItMw)}, delivered {mw(s.deliveredItMw)};
            energized gross {mw(s.energizedGrossMw)} of {mw(s.totalGrossMw)} total gross.
          </p>
        </div>
      </div>
    </section>
  );
}

export function TierRules({ score: s }: { score: CompanyScore }) {
  return (
    <section aria-labelledby="rules-title">
      <h2 id="rules-title">Tier rules</h2>
      <table className="grid">
        <thead><tr><th>Rule</th><th>Test</th><th>Result</th><th>Numbers</th></tr></thead>
        <tbody>
          {s.rules.map((r) => (
            <tr key={r.id}>
              <td>{r.id}</td><td>{r.label}</td>
              <td className={r.pass ? "pass" : "fail"}>{r.pass ? "pass" : "fail"}</td>
              <td>{r.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small muted">Tier 1 needs all five. Tier 2: any rule fails but the company has material contracts. Tier 3: everything else.</p>
    </section>
  );
}

const fact = (v: number | null, asOf: string | null, url: string | null, note: string | null, unit = " MW") =>
  v == null ? <Tip tip={note ? `No dated figure: ${note}` : "Not disclosed"} className="missing">{DASH}</Tip>
    : <>{plain(v)}{unit} <Source asOf={asOf} url={url} note={note} /></>;

export function SitesTable({ sites }: { sites: Site[] }) {
  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">Sites</h2>
      {sites.length === 0 ? <p className="muted">No sites in the data.</p> : (
        <div className="scroll-x">
          <table className="grid">
            <thead><tr><th>Site</th><th>Stage</th><th>Use</th><th className="num">Gross MW</th><th className="num">IT MW</th><th>Energization</th><th>Ownership</th></tr></thead>
            <tbody>
              {sites.map((x) => (
                <tr key={x.id}>
                  <td>{x.sourceUrl ? <a href={x.sourceUrl} target="_blank" rel="noopener noreferrer nofollow" title={x.note ?? undefined}>{x.name}</a> : x.name}<div className="small muted">{x.location}</div></td>
                  <td>{x.stage.replace("_", " ")}</td><td>{x.use}</td>
                  <td className="num">{fact(x.grossMw, x.grossMwAsOf, x.grossMwSourceUrl, x.grossMwNote ?? (x.grossMw == null ? x.note : null))}</td>
                  <td className="num">{fact(x.itMw, x.itMwAsOf, x.itMwSourceUrl, x.itMwNote)}</td>
                  <td className="small">{x.expectedEnergization ?? DASH}</td>
                  <td className="small">{x.ownership ?? DASH}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const part = (v: number | null, reason?: string) => (v == null ? <Tip tip={reason ?? "Not computable"} className="missing">{DASH}</Tip> : v.toFixed(2));

export function ContractsTable({ contracts, sites, score: s }: { contracts: Contract[]; sites: Site[]; score: CompanyScore }) {
  const siteName = new Map(sites.map((x) => [x.id, x.name]));
  return (
    <section aria-labelledby="contracts-title">
      <h2 id="contracts-title">AI/HPC contracts</h2>
      {contracts.length === 0 ? <p className="muted">No AI/HPC contract at the snapshot.</p> : (
        <div className="scroll-x">
          <table className="grid">
            <thead>
              <tr>
                <th>Counterparty</th><th>Guarantor · backstop</th><th>Structure</th><th className="num">IT MW</th><th className="num">Delivered</th>
                <th className="num">Tenor</th><th className="num">Value</th><th>Status</th><th className="num">T</th><th className="num">C</th><th className="num">G</th><th className="num">S</th><th className="num">CQS</th>
              </tr>
            </thead>
            <tbody>
              {contracts.map((k, i) => {
                const cs = s.contracts[i];
                const urls = (k.sourceUrls as string[]) ?? [];
                return (
                  <tr key={k.id}>
                    <td>
                      <strong>{k.counterparty}</strong>{k.counterpartyRating ? ` (${k.counterpartyRating})` : " (unrated)"}
                      <div className="small muted">{k.code}{k.siteId ? ` · ${siteName.get(k.siteId)}` : " · site not named"}{k.signedDate ? ` · signed ${k.signedDate}` : ""}</div>
                      <div className="small">{urls.map((u, j) => <a key={u} href={u} target="_blank" rel="noopener noreferrer nofollow" title={k.note ?? undefined}>[{j + 1}]</a>)}</div>
                    </td>
                    <td>{k.guarantor ? <>{k.guarantor}{k.guarantorRating ? ` (${k.guarantorRating})` : ""}<div className="small">{k.backstopUsd != null ? `${usdCompact(k.backstopUsd)} · β ${cs.beta.toFixed(2)}` : "no backstop stated"}</div></> : DASH}</td>
                    <td>{k.structure === "gpu_cloud" ? "GPU cloud" : "colocation"}<div className="small muted">{k.leaseType ?? "lease type not stated"}</div>{k.structure === "gpu_cloud" && <div className="small">GPU capex {usdCompact(k.companyGpuCapexUsd)}{k.prepaymentUsd != null ? `, prepaid ${usdCompact(k.prepaymentUsd)}` : ""}</div>}</td>
                    <td className="num">{k.itMw == null ? <Tip tip="MW not disclosed" className="missing">{DASH}</Tip> : plain(k.itMw)}<div className="small muted">{k.itMwBasis.replace("_", " ")}</div></td>
                    <td className="num">{k.deliveredItMw == null ? <Tip tip="Delivered MW not disclosed" className="missing">{DASH}</Tip> : plain(k.deliveredItMw)}</td>
                    <td className="num">{k.tenorYears == null ? <Tip tip="Tenor not disclosed" className="missing">{DASH}</Tip> : years(k.tenorYears)}</td>
                    <td className="num">{k.totalValueUsd == null ? <Tip tip="Contract value not disclosed" className="missing">{DASH}</Tip> : usdCompact(k.totalValueUsd)}</td>
                    <td>{k.status.replace("_", " ")}</td>
                    <td className="num">{part(cs.t, "Tenor not disclosed")}</td>
                    <td className="num">{part(cs.c)}</td>
                    <td className="num">{part(cs.g, cs.cqsReason)}</td>
                    <td className="num">{part(cs.s)}</td>
                    <td className="num"><strong>{cs.cqs == null ? <Value kind="score" value={null} reason={cs.cqsReason} /> : cs.cqs.toFixed(1)}</strong></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="small muted">CQS = 100 × (0.3·T + 0.4·C + 0.2·G + 0.1·S) with the set&apos;s weights; company CQS weights contracts by annual value.</p>
    </section>
  );
}

export function FinancingGap({ score: s, facts }: { score: CompanyScore; facts: Fact[] }) {
  const cash = factOf(facts, "cashUsd");
  const committed = factOf(facts, "committedFinancingUsd");
  return (
    <section aria-labelledby="gap-title">
      <h2 id="gap-title">Financing gap</h2>
      <table className="grid">
        <thead><tr><th>Item</th><th className="num">USD</th><th>Basis</th></tr></thead>
        <tbody>
          {s.contracts.map((c) => (
            <tr key={c.code}>
              <td>{c.counterparty} <span className="muted small">{c.code}</span></td>
              <td className="num">{usdCompact(c.capexRemainingUsd)}</td>
              <td className="small">building {usdCompact(c.buildingCapexUsd)} ({c.undeliveredItMw.toFixed(0)} MW undelivered) + GPUs net of prepayment {usdCompact(c.gpuCapexNetUsd)}</td>
            </tr>
          ))}
          <tr><td><strong>Capex remaining</strong></td><td className="num"><strong>{usdCompact(s.capexRemainingUsd)}</strong></td><td /></tr>
          <tr><td>− Cash</td><td className="num">{cash ? usdCompact(cash.value) : <Value kind="usd" value={null} reason="missing:cash" />}</td><td>{cash && <Source asOf={cash.asOf} url={cash.sourceUrl} note={cash.note} />}</td></tr>
          <tr><td>− Committed financing</td><td className="num">{usdCompact(committed?.value ?? 0)}</td><td>{committed ? <Source asOf={committed.asOf} url={committed.sourceUrl} note={committed.note} /> : <span className="small muted">none found — 0</span>}</td></tr>
          <tr><td><strong>= Financing gap</strong> (not below 0)</td><td className="num"><strong><Value kind="usd" value={s.financingGapUsd} reason={s.reasons.financingGapUsd} /></strong></td><td>{pct(s.gapToMarketCap)} of market cap</td></tr>
        </tbody>
      </table>
    </section>
  );
}

export function EventsTimeline({ events }: { events: Event[] }) {
  return (
    <section aria-labelledby="events-title">
      <h2 id="events-title">Later events (after the snapshot)</h2>
      {events.length === 0 ? <p className="muted">None recorded.</p> : (
        <ol className="timeline">
          {events.map((e) => (
            <li key={e.id}>
              <time dateTime={e.date}>{e.date}</time><span className="tag">{e.kind}</span>
              {e.contractJson != null && <span className="tag">{e.appliedAt ? "contract applied" : "carries a contract"}</span>}
              <div>{e.summary} {((e.sourceUrls as string[]) ?? []).map((u, j) => <a key={u} href={u} target="_blank" rel="noopener noreferrer nofollow" className="small">[{j + 1}]</a>)}</div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function AssumptionsUsed({ score: s }: { score: CompanyScore }) {
  return (
    <section aria-labelledby="assumptions-title">
      <h2 id="assumptions-title">Assumptions used</h2>
      <details>
        <summary>{ASSUMPTION_KEYS.length} values{s.overriddenKeys.length ? `, ${s.overriddenKeys.length} overridden for this company` : ""}</summary>
        <table className="grid">
          <thead><tr><th>Assumption</th><th className="num">Value</th><th>Unit</th><th>Source of the default</th></tr></thead>
          <tbody>
            {ASSUMPTION_KEYS.map((k) => {
              const m = ASSUMPTION_META[k];
              const v = s.assumptions[k];
              return (
                <tr key={k} className={s.overriddenKeys.includes(k) ? "overridden" : ""}>
                  <td>{m.label}{s.overriddenKeys.includes(k) && <span className="tag">company override</span>}</td>
                  <td className="num">{formatAssumption(v)}</td>
                  <td>{m.unit}</td><td className="small">{m.source}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </section>
  );
}

