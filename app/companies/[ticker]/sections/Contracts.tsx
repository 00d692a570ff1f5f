// AI/HPC contracts with their quality parts and where the model placed their MW (§6, §10.2, §10.6, §10.7).
import { DASH, explainReason, plain, usdCompact, years } from "@/lib/format";
import type { Assumptions } from "@/lib/scoring/assumptions";
import type { CompanyScore, ContractScore } from "@/lib/scoring/types";
import type { DatedContract } from "@/lib/domain/history";
import { Tip } from "../../../components/Tip";
import { Value } from "../../../components/Value";
import { ScrollX } from "../../../components/ScrollX";

/** A CQS part (0–1), or "—" with why, in words: `why` is a reason code (missing:tenorYears). */
const part = (v: number | null, why?: string) =>
  v == null ? (
    <Tip tip={explainReason(why)} className="missing">
      {DASH}
    </Tip>
  ) : (
    v.toFixed(2)
  );
const HOW = { site: "on its site", allocation: "allocated", consumed: "placed on free MW", unknown: "site unknown" } as const;

function Placements({ cs }: { cs: ContractScore }) {
  if (cs.placements.length === 0) return <span className="muted">no MW to place</span>;
  return (
    <>
      {cs.placements.map((p, i) => (
        <div key={i}>
          {plain(p.itMw)} MW {p.site ? `${HOW[p.how]}: ${p.site}` : `— ${HOW[p.how]}`}
        </div>
      ))}
    </>
  );
}

/** The contracts that count on the view date (a later event's contract from the event's date). */
export function ContractsTable({ contracts, s, a }: { contracts: DatedContract[]; s: CompanyScore; a: Assumptions }) {
  return (
    <section aria-labelledby="contracts-title">
      <h2 id="contracts-title">AI/HPC contracts</h2>
      {contracts.length === 0 ? (
        <p className="muted">No AI/HPC contract at the view date.</p>
      ) : (
        <ScrollX label="AI/HPC contracts">
          <table className="grid">
            <thead>
              <tr>
                <th>Counterparty</th>
                <th>Guarantor · backstop</th>
                <th>Structure</th>
                <th className="num">IT MW</th>
                <th>Where (§10.2)</th>
                <th className="num">Tenor</th>
                <th className="num">Value</th>
                <th className="num">T</th>
                <th className="num">C</th>
                <th className="num">G</th>
                <th className="num">S</th>
                <th className="num">CQS</th>
              </tr>
            </thead>
            <tbody>
              {contracts.map(({ contract: k, fromEvent, countsFrom }) => {
                // matched by code, not by position: the two lists need not share an order
                const cs = s.contracts.find((c) => c.code === k.id)!;
                const urls = k.sources;
                const share = k.companyShare ?? 1;
                return (
                  <tr key={k.id}>
                    <td>
                      <strong>{k.counterparty}</strong>{" "}
                      {k.counterpartyRating
                        ? `(${k.counterpartyRating === "IG" ? "investment grade, undisclosed" : k.counterpartyRating})`
                        : "(unrated)"}
                      {cs.igBacked && (
                        <span className="tag" title="Investment-grade tenant, or IG guarantor with β ≥ 0.5 (§10.11)">
                          IG-backed
                        </span>
                      )}
                      <div className="small muted">
                        {k.id}
                        {k.signedDate ? ` · signed ${k.signedDate}` : ""}
                        {k.status ? ` · ${k.status.replace("_", " ")}` : ""}
                      </div>
                      {fromEvent && (
                        <div className="small">
                          <span className="tag">later event</span>counts from {countsFrom}
                        </div>
                      )}
                      <div className="small">
                        {urls.map((u, j) => (
                          <a key={u} href={u} target="_blank" rel="noopener noreferrer nofollow" title={k.note ?? undefined}>
                            [{j + 1}]
                          </a>
                        ))}
                      </div>
                    </td>
                    <td>
                      {k.guarantor ? (
                        <>
                          {k.guarantor}
                          {k.guarantorRating ? ` (${k.guarantorRating})` : ""}
                          <div className="small">
                            {k.backstopUsd != null ? `${usdCompact(k.backstopUsd)} · β ${cs.beta.toFixed(2)}` : "no backstop stated"}
                          </div>
                          {cs.capitalAtRiskUsd != null && <div className="small muted">capital at risk {usdCompact(cs.capitalAtRiskUsd)}</div>}
                        </>
                      ) : (
                        DASH
                      )}
                    </td>
                    <td>
                      {k.structure === "gpu_cloud" ? "GPU cloud" : "colocation"}
                      <div className="small muted">{k.leaseType ?? "lease type not stated"}</div>
                      {k.structure === "gpu_cloud" && (
                        <div className="small">
                          GPU capex {usdCompact(k.companyGpuCapexUsd)}
                          {k.prepaymentUsd != null ? `, prepaid ${usdCompact(k.prepaymentUsd)}` : ""}
                        </div>
                      )}
                    </td>
                    <td className="num">
                      {k.itMw == null && cs.itMwIt == null ? (
                        <Tip tip="MW not disclosed" className="missing">
                          {DASH}
                        </Tip>
                      ) : (
                        plain(cs.itMwIt)
                      )}
                      <div className="small muted">
                        {k.itMw != null ? `${plain(k.itMw)} ${k.itMwBasis.replace("_", " ")}` : ""}
                        {share !== 1 ? ` × ${plain(share * 100, 1)}%` : ""}
                      </div>
                      <div className="small">delivered {plain(cs.deliveredItMw)}</div>
                    </td>
                    <td className="small">
                      <Placements cs={cs} />
                    </td>
                    <td className="num">
                      {k.tenorYears == null ? (
                        <Tip tip="Tenor not disclosed" className="missing">
                          {DASH}
                        </Tip>
                      ) : (
                        years(k.tenorYears)
                      )}
                    </td>
                    <td className="num">
                      {cs.totalValueUsd == null ? (
                        <Tip tip="Contract value not disclosed" className="missing">
                          {DASH}
                        </Tip>
                      ) : (
                        usdCompact(cs.totalValueUsd)
                      )}
                      {share !== 1 && k.totalValueUsd != null && <div className="small muted">of {usdCompact(k.totalValueUsd)}</div>}
                    </td>
                    <td className="num">{part(cs.t, "missing:tenorYears")}</td>
                    <td className="num">{part(cs.c)}</td>
                    <td className="num">{part(cs.g, cs.gReason)}</td>
                    <td className="num">{part(cs.s)}</td>
                    <td className="num">
                      <strong>
                        <Value kind="score" value={cs.cqs} reason={cs.cqsReason} />
                      </strong>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollX>
      )}
      <p className="small muted">
        CQS = 100 × ({a.cqsWeightTenor}·T + {a.cqsWeightCredit}·C + {a.cqsWeightGpu}·G + {a.cqsWeightStructure}·S) with this set’s weights; the
        company CQS weights contracts by annual value. MW, value and capex count at the company’s share. A tenant described only as investment grade
        scores as BBB.
      </p>
    </section>
  );
}
