// The financing gap: the capex each contract leaves the company to fund, at the company's own capex per
// MW (§10.5), against pro-forma cash and committed financing.
import { pct, plain, usdCompact } from "@/lib/format";
import type { Assumptions } from "@/lib/scoring/assumptions";
import type { CompanyScore } from "@/lib/scoring/types";
import { Source } from "../../../components/Source";
import { Value } from "../../../components/Value";
import { ScrollX } from "../../../components/ScrollX";
import type { UserEntered } from "@/lib/domain/user-entered";
import { EnteredMark } from "./UserEntered";

export function FinancingGap({ s, a, entered }: { s: CompanyScore; a: Assumptions; entered: readonly UserEntered[] }) {
  const guidance = s.inputs.find((i) => i.key === "capexGuidanceUsdPerMw");
  const cash = s.proForma.cashUsd;
  const committed = s.proForma.committedFinancingUsd;
  return (
    <section aria-labelledby="gap-title">
      <h2 id="gap-title">Financing gap</h2>
      <p className="small">
        <span className="tag">10.5</span>Capex to fund at {usdCompact(s.capexPerMwUsd)} per IT MW —{" "}
        {s.capexPerMwSource === "guidance" && guidance?.sourceUrl ? (
          <>
            the company’s own guidance (<Source asOf={guidance.asOf} url={guidance.sourceUrl} note={guidance.note} />
            <EnteredMark entered={entered} k="capexGuidanceUsdPerMw" />)
          </>
        ) : (
          <>the set’s conversion capex ({a.conversionCapexUsdPerW} $/W)</>
        )}
        , not the {a.buildCostBaseUsdPerW} $/W build-cost benchmark of the discount.
      </p>
      <ScrollX label="Financing gap">
        <table className="grid">
          <thead>
            <tr>
              <th>Item</th>
              <th className="num">USD</th>
              <th>Basis</th>
            </tr>
          </thead>
          <tbody>
            {s.contracts.map((c) => (
              <tr key={c.code}>
                <td>
                  {c.counterparty} <span className="muted small">{c.code}</span>
                </td>
                <td className="num">{usdCompact(c.capexRemainingUsd)}</td>
                <td className="small">
                  building {usdCompact(c.buildingCapexUsd)} ({plain(c.undeliveredItMw, 1)} MW undelivered
                  {c.share !== 1 ? `, at ${plain(c.share * 100, 1)}%` : ""}) + GPUs net of prepayment {usdCompact(c.gpuCapexNetUsd)}
                </td>
              </tr>
            ))}
            <tr>
              <td>
                <strong>Capex remaining</strong>
              </td>
              <td className="num">
                <strong>{usdCompact(s.capexRemainingUsd)}</strong>
              </td>
              <td />
            </tr>
            <tr>
              <td>− Cash{cash.lines.length ? ", pro forma" : ""}</td>
              <td className="num">{cash.value != null ? usdCompact(cash.value) : <Value kind="usd" value={null} reason="missing:cash" />}</td>
              <td>
                {cash.reported && (
                  <>
                    <Source asOf={cash.reported.asOf} url={cash.reported.sourceUrl} note={cash.reported.note} />
                    <EnteredMark entered={entered} k="cashUsd" />
                  </>
                )}
                {cash.lines.length > 0 && (
                  <span className="small muted">
                    {" "}
                    + {cash.lines.length} dated transaction{cash.lines.length > 1 ? "s" : ""} (see the bridge)
                  </span>
                )}
              </td>
            </tr>
            <tr>
              <td>− Committed financing{committed.lines.length ? ", pro forma" : ""}</td>
              <td className="num">{usdCompact(committed.value ?? 0)}</td>
              <td>
                {committed.reported ? (
                  <>
                    <Source asOf={committed.reported.asOf} url={committed.reported.sourceUrl} note={committed.reported.note} />
                    <EnteredMark entered={entered} k="committedFinancingUsd" />
                  </>
                ) : (
                  <span className="small muted">none found — 0</span>
                )}
              </td>
            </tr>
            <tr>
              <td>
                <strong>= Financing gap</strong> (not below 0)
              </td>
              <td className="num">
                <strong>
                  <Value kind="usd" value={s.financingGapUsd} reason={s.reasons.financingGapUsd} />
                </strong>
              </td>
              <td>{pct(s.gapToMarketCap)} of market cap</td>
            </tr>
          </tbody>
        </table>
      </ScrollX>
    </section>
  );
}
