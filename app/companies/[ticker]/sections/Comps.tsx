// Comps metrics (§10.12) and the company's own stated totals beside the model's sums (§10.6).
import { mw } from "@/lib/format";
import type { CompanyScore } from "@/lib/scoring/types";
import type { CompanyRecord } from "@/lib/domain/to-scoring";
import { Source } from "../../../components/Source";
import { Value } from "../../../components/Value";
import { ScrollX } from "../../../components/ScrollX";
import type { UserEntered } from "@/lib/domain/user-entered";
import { EnteredMark } from "./UserEntered";

export function Comps({ s, figures, entered }: { s: CompanyScore; figures: CompanyRecord["figures"]; entered: readonly UserEntered[] }) {
  const stated = (key: "statedContractedItMw" | "statedDeliveredItMw") => figures[key];
  const contracted = stated("statedContractedItMw");
  const delivered = stated("statedDeliveredItMw");
  return (
    <section aria-labelledby="comps-title">
      <h2 id="comps-title">Comps</h2>
      <ScrollX label="Comps">
        <table className="grid">
          <tbody>
            <tr>
              <td>EV per EH/s of hashrate</td>
              <td className="num">
                <Value kind="usd" value={s.evPerEhUsd} reason={s.reasons.evPerEhUsd} />
              </td>
            </tr>
            <tr>
              <td>Contract value per contracted IT MW</td>
              <td className="num">
                <Value kind="usd" value={s.tcvPerContractedMwUsd} reason={s.reasons.tcvPerContractedMwUsd} />
              </td>
            </tr>
            <tr>
              <td>Annual contract value per contracted IT MW</td>
              <td className="num">
                <Value kind="usd" value={s.annualValuePerContractedMwUsd} reason={s.reasons.annualValuePerContractedMwUsd} />
              </td>
            </tr>
            <tr>
              <td>… per kW per month</td>
              <td className="num">
                {s.usdPerKwMonth == null ? <Value kind="usd" value={null} reason={s.reasons.usdPerKwMonth} /> : `$${s.usdPerKwMonth.toFixed(0)}`}
              </td>
            </tr>
            <tr>
              <td>Contract value with an investment-grade tenant or backstop</td>
              <td className="num">
                <Value kind="pct" value={s.igShareOfTcv} reason={s.reasons.igShareOfTcv} />
              </td>
            </tr>
          </tbody>
        </table>
      </ScrollX>
      {(contracted || delivered) && (
        <>
          <h3 className="small-heading">Company-stated totals (shown, not scored)</h3>
          <ScrollX label="Company-stated totals">
            <table className="grid small" data-testid="stated-totals">
              <thead>
                <tr>
                  <th />
                  <th className="num">Company says</th>
                  <th className="num">Model’s sum of contracts</th>
                  <th>Source</th>
                </tr>
              </thead>
              <tbody>
                {contracted && (
                  <tr>
                    <td>Contracted IT</td>
                    <td className="num">{mw(contracted.value)}</td>
                    <td className="num">{mw(s.contractedItMw)}</td>
                    <td>
                      <Source asOf={contracted.asOf} url={contracted.source} note={contracted.note ?? null} />
                      <EnteredMark entered={entered} k="statedContractedItMw" />
                    </td>
                  </tr>
                )}
                {delivered && (
                  <tr>
                    <td>Delivered IT</td>
                    <td className="num">{mw(delivered.value)}</td>
                    <td className="num">{mw(s.deliveredItMw)}</td>
                    <td>
                      <Source asOf={delivered.asOf} url={delivered.source} note={delivered.note ?? null} />
                      <EnteredMark entered={entered} k="statedDeliveredItMw" />
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </ScrollX>
          <p className="small muted">
            The model’s sums count joint ventures at the company’s share and only contracts signed by the view date; a company’s own total may count
            options, letters of intent or whole joint ventures.
          </p>
        </>
      )}
    </section>
  );
}
