// The power funnel: IT MW by block, weighted; the v2 lines (allocated, placed on free site MW, site
// unknown, phase-extended, remote or small) shown as their own rows.
import { Fragment } from "react";
import { mw, plain } from "@/lib/format";
import type { Assumptions } from "@/lib/scoring/assumptions";
import type { CompanyScore } from "@/lib/scoring/types";
import { ScrollX } from "../../../components/ScrollX";

const STAGES = [
  ["s1", "S1 contracted, delivered", "weightS1"],
  ["s2", "S2 contracted, energized site (or site unknown)", "weightS2"],
  ["s3", "S3 contracted, needs new power", "weightS3"],
  ["s4", "S4 uncontracted, operating", "weightS4"],
  ["s5", "S5 uncontracted, building/approved", "weightS5"],
  ["s6", "S6 uncontracted pipeline", "weightS6"],
] as const;

/** "building/approved" may wrap after the slash, so the table fits a phone's width (390 px). */
const slashBreaks = (text: string) =>
  text.split("/").map((part, i) =>
    i === 0 ? (
      part
    ) : (
      <Fragment key={i}>
        /<wbr />
        {part}
      </Fragment>
    ),
  );

export function Funnel({ s, a }: { s: CompanyScore; a: Assumptions }) {
  const total = STAGES.reduce((t, [k]) => t + s.funnel[k], 0);
  const f = a.remoteSiteFactor;
  const remote = (k: string) => (k === "s4" || k === "s5" || k === "s6" ? s.remoteMw[k] : 0);
  const effective = (k: (typeof STAGES)[number][0], w: number) => (s.funnel[k] - remote(k) * (1 - f)) * w;
  const lines = s.funnelLines;
  const remoteTotal = s.remoteMw.s4 + s.remoteMw.s5 + s.remoteMw.s6;
  return (
    <section aria-labelledby="funnel-title">
      <h2 id="funnel-title">Power funnel (IT MW by stage)</h2>
      <div className="two-col">
        <ScrollX label="Power funnel">
          <table className="grid">
            <thead>
              <tr>
                <th>Block</th>
                <th className="num">IT MW</th>
                <th className="num">
                  of which remote/
                  <wbr />
                  small, × {f}
                </th>
                <th className="num">Weight</th>
                <th className="num">Effective MW</th>
              </tr>
            </thead>
            <tbody>
              {STAGES.map(([k, label, w]) => (
                <tr key={k}>
                  <td>{slashBreaks(label)}</td>
                  <td className="num">{plain(s.funnel[k])}</td>
                  <td className="num">{k === "s4" || k === "s5" || k === "s6" ? plain(remote(k)) : ""}</td>
                  <td className="num">{a[w]}</td>
                  <td className="num">{plain(effective(k, a[w]))}</td>
                </tr>
              ))}
              <tr>
                <td>
                  <strong>Total</strong>
                </td>
                <td className="num">
                  <strong>{plain(total)}</strong>
                </td>
                <td className="num">{plain(remoteTotal)}</td>
                <td />
                <td className="num">
                  <strong>{plain(s.itMwEffective)}</strong>
                </td>
              </tr>
            </tbody>
          </table>
        </ScrollX>
        <div>
          <div
            className="bar"
            role="img"
            aria-label={`IT MW by stage: ${STAGES.map(([k, label]) => `${label} ${plain(s.funnel[k])} MW`).join(", ")}`}
          >
            {total > 0 &&
              STAGES.map(([k]) => s.funnel[k] > 0 && <span key={k} className={`seg-${k}`} style={{ width: `${(s.funnel[k] / total) * 100}%` }} />)}
          </div>
          <div className="legend">
            {STAGES.map(([k, label]) => (
              <span key={k}>
                <i className={`seg-${k}`} />
                {label.split(" ")[0]}
              </span>
            ))}
          </div>
          <table className="grid small funnel-lines" aria-label="How the model placed the megawatts">
            <tbody>
              <tr>
                <td>
                  Contract MW on named sites through allocations <span className="tag">10.2</span>
                </td>
                <td className="num">{mw(lines.allocatedMw)}</td>
              </tr>
              <tr>
                <td>
                  Unsited contract MW placed on free hpc/mixed site MW <span className="tag">10.2</span>
                </td>
                <td className="num">{mw(lines.consumedMw)}</td>
              </tr>
              <tr>
                <td>Contract MW no site could hold (site unknown, S2)</td>
                <td className="num">{mw(lines.siteUnknownMw)}</td>
              </tr>
              <tr>
                <td>
                  Added where an IT figure covers only a phase <span className="tag">10.3</span>
                </td>
                <td className="num">{mw(lines.phaseExtendedMw)}</td>
              </tr>
              <tr>
                <td>
                  Uncontracted MW at remote or small sites, × {f} <span className="tag">10.4</span>
                </td>
                <td className="num">{mw(remoteTotal)}</td>
              </tr>
            </tbody>
          </table>
          <p className="small muted">
            Site IT MW is the disclosed IT figure (at least gross × {a.itPerGrossMw} when it covers a phase), else gross × {a.itPerGrossMw}, at the
            company’s share. Contracted {mw(s.contractedItMw)}, delivered {mw(s.deliveredItMw)}; energized gross {mw(s.energizedGrossMw)} of{" "}
            {mw(s.totalGrossMw)} total gross.
          </p>
        </div>
      </div>
    </section>
  );
}
