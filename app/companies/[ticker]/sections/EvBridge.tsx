// The enterprise value bridge: each reported figure, the dated transactions that roll it forward to the
// view date (§10.1), the pro-forma figure, bitcoin, and the EV the ratios use — beside the published EV.
import { plain, usdCompact, usdPrice } from "@/lib/format";
import type { CompanyScore, ProFormaFigure } from "@/lib/scoring/types";
import type { UserEntered } from "@/lib/domain/user-entered";
import { Source } from "../../../components/Source";
import { Value } from "../../../components/Value";
import { ScrollX } from "../../../components/ScrollX";
import { EnteredMark } from "./UserEntered";

const money = (v: number) => usdCompact(v);
const count = (v: number) => `${plain(v / 1e6, 2)}M`;

/** Reported (or not reported, taken as 0) → each dated line → pro forma, for one balance-sheet figure. */
function FigureRows({
  p,
  label,
  sign,
  fmt,
  missing,
  mark,
}: {
  p: Pick<ProFormaFigure, "reported" | "lines" | "value"> & { fromZero?: boolean };
  label: string;
  sign: string;
  fmt: (v: number) => string;
  missing: React.ReactNode;
  /** the ✎ of the reported figure, when a person entered it */
  mark?: React.ReactNode;
}) {
  if (!p.reported && !p.fromZero) {
    return (
      <tr>
        <td>
          {sign} {label}
        </td>
        <td className="num">{missing}</td>
        <td />
      </tr>
    );
  }
  const rolled = p.lines.length > 0;
  return (
    <>
      <tr>
        <td>
          {sign} {label}
          {p.reported ? (rolled ? " (reported)" : "") : " (not reported, taken as 0)"}
        </td>
        <td className="num">{p.reported ? fmt(p.reported.value) : fmt(0)}</td>
        <td>
          {p.reported && (
            <>
              <Source asOf={p.reported.asOf} url={p.reported.sourceUrl} note={p.reported.note} />
              {mark}
            </>
          )}
        </td>
      </tr>
      {p.lines.map((l, i) => (
        <tr key={`${l.date}-${i}`} className="bridge-line">
          <td className="small">
            <span className="tag">10.1</span>
            {l.delta >= 0 ? "+" : "−"} {l.description}
          </td>
          <td className="num small">
            {l.delta >= 0 ? "+" : "−"}
            {fmt(Math.abs(l.delta))}
          </td>
          <td>{l.sourceUrl ? <Source asOf={l.date} url={l.sourceUrl} /> : <span className="small">{l.date}</span>}</td>
        </tr>
      ))}
      {rolled && (
        <tr className="bridge-subtotal">
          <td>= {label[0].toUpperCase() + label.slice(1)}, pro forma</td>
          <td className="num">{fmt(p.value!)}</td>
          <td className="small muted">rolled to the view date</td>
        </tr>
      )}
    </>
  );
}

export function EvBridge({
  s,
  btcPriceUsd,
  subtractBitcoin,
  entered,
}: {
  s: CompanyScore;
  btcPriceUsd: number;
  subtractBitcoin: boolean;
  entered: readonly UserEntered[];
}) {
  const mark = (k: string) => <EnteredMark entered={entered} k={k} />;
  const price = s.inputs.find((i) => i.key === "sharePriceUsd");
  const bs = s.proForma;
  const published = s.enterpriseValuePublished;
  return (
    <section aria-labelledby="bridge-title">
      <h2 id="bridge-title">Enterprise value bridge</h2>
      <ScrollX label="Enterprise value bridge">
        <table className="grid bridge">
          <thead>
            <tr>
              <th>Item</th>
              <th className="num">USD</th>
              <th>Source · as of</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>Share price</td>
              <td className="num">{usdPrice(price?.value)}</td>
              <td>
                {price?.sourceUrl ? (
                  <>
                    <Source asOf={price.asOf} url={price.sourceUrl} note={price.note} />
                    {mark("sharePriceUsd")}
                  </>
                ) : (
                  <Value kind="usd" value={null} reason="missing:sharePrice" />
                )}
              </td>
            </tr>
            <FigureRows
              p={bs.sharesOutstanding}
              label="shares outstanding"
              sign="×"
              fmt={count}
              missing={<Value kind="usd" value={null} reason="missing:sharesOutstanding" />}
              mark={mark("sharesOutstanding")}
            />
            <tr className="bridge-total">
              <td>= Market cap</td>
              <td className="num">
                <Value kind="usd" value={s.marketCapUsd} reason={s.reasons.marketCapUsd} />
              </td>
              <td />
            </tr>
            <FigureRows
              p={bs.totalDebtUsd}
              label="total debt"
              sign="+"
              fmt={money}
              missing={<Value kind="usd" value={null} reason="missing:totalDebt" />}
              mark={mark("totalDebtUsd")}
            />
            <FigureRows
              p={bs.preferredEquityUsd}
              label="preferred equity"
              sign="+"
              fmt={money}
              missing={<span className="muted small">none found — 0</span>}
              mark={mark("preferredEquityUsd")}
            />
            <FigureRows
              p={bs.cashUsd}
              label="cash"
              sign="−"
              fmt={money}
              missing={<Value kind="usd" value={null} reason="missing:cash" />}
              mark={mark("cashUsd")}
            />
            <tr className="bridge-total">
              <td>= Enterprise value</td>
              <td className="num">
                <Value kind="usd" value={s.enterpriseValueUsd} reason={s.reasons.enterpriseValueUsd} />
              </td>
              <td />
            </tr>
            {s.btcValueSource === "reported" && s.btcValueRolled ? (
              <>
                <tr>
                  <td colSpan={3} className="small muted">
                    − Bitcoin, reported value <span className="tag">10.9</span> no coin count published: used as reported, not re-marked; later sales
                    and purchases move it at their prices
                  </td>
                </tr>
                <FigureRows p={s.btcValueRolled} label="bitcoin value" sign="−" fmt={money} missing={null} mark={mark("btcValueUsdReported")} />
              </>
            ) : (
              <>
                <FigureRows
                  p={bs.btcHeld}
                  label="bitcoin held (BTC)"
                  sign=""
                  fmt={(v) => plain(v, 0)}
                  missing={<span className="muted small">not reported — 0</span>}
                  mark={mark("btcHeld")}
                />
                <tr>
                  <td>
                    − Bitcoin at {usdCompact(btcPriceUsd)}
                    {subtractBitcoin ? "" : " (not subtracted in this set)"}
                  </td>
                  <td className="num">{money(s.btcValueUsd)}</td>
                  <td />
                </tr>
              </>
            )}
            <tr className="bridge-total">
              <td>= EV ex-bitcoin</td>
              <td className="num">
                <Value kind="usd" value={s.enterpriseValueExBtcUsd} reason={s.reasons.enterpriseValueExBtcUsd} />
              </td>
              <td />
            </tr>
            {s.miningValueUsd > 0 && (
              <tr>
                <td>
                  − Mining value netted out <span className="tag">10.12</span>
                </td>
                <td className="num">{money(s.miningValueUsd)}</td>
                <td className="small muted">hashrate × the set’s value per EH/s</td>
              </tr>
            )}
            <tr className="bridge-total">
              <td>
                <strong>EV the ratios use</strong>
                {s.evSource === "published" && (
                  <>
                    {" "}
                    <span className="tag">10.8</span>
                    <div className="small">the published EV{subtractBitcoin ? ", less bitcoin" : ""}: ours needs data that is missing</div>
                  </>
                )}
              </td>
              <td className="num">
                <strong>
                  <Value kind="usd" value={s.evUsedUsd} reason={s.reasons.evUsedUsd} />
                </strong>
              </td>
              <td />
            </tr>
          </tbody>
        </table>
      </ScrollX>
      <h3 className="small-heading">Computed vs published EV</h3>
      {published ? (
        <p className="small" data-testid="ev-reconciliation">
          Published EV {money(published.value)} (<Source asOf={published.asOf} url={published.sourceUrl} note={published.note} />
          {mark("enterpriseValuePublishedUsd")}, at the publisher’s price and date)
          {s.enterpriseValueUsd != null ? (
            <>
              {" "}
              vs computed {money(s.enterpriseValueUsd)} with bitcoin: difference {money(s.enterpriseValueUsd - published.value)}
              {s.enterpriseValueExBtcUsd != null && s.btcValueUsd > 0 ? <> (ex-bitcoin ours is {money(s.enterpriseValueExBtcUsd)})</> : null}. A
              published EV usually nets cash and debt of an earlier quarter and may or may not net bitcoin.
            </>
          ) : (
            <> — ours cannot be computed ({s.reasons.enterpriseValueUsd?.replace("missing:", "no ") ?? "an input is missing"}).</>
          )}
        </p>
      ) : (
        <p className="small muted">No published EV is stored for this company.</p>
      )}
    </section>
  );
}
