// Sites with what the model made of each: country, what the IT figure covers, the company's share, the
// contract MW placed there, and whether its free MW count as remote or small (§10.2–10.4, §10.6).
import { DASH, plain } from "@/lib/format";
import type { Assumptions } from "@/lib/scoring/assumptions";
import { remoteReason, siteItMw } from "@/lib/scoring/funnel";
import type { CompanyScore, ScoringSite } from "@/lib/scoring/types";
import type { SiteInput } from "@/lib/domain/schemas";
import { Source } from "../../../components/Source";
import { Tip } from "../../../components/Tip";
import { ScrollX } from "../../../components/ScrollX";

const figure = (f: SiteInput["grossMw"], missingNote: string | null | undefined) =>
  f == null ? (
    <Tip tip={missingNote ? `No dated figure: ${missingNote}` : "Not disclosed"} className="missing">
      {DASH}
    </Tip>
  ) : (
    <>
      {plain(f.value)} <Source asOf={f.asOf} url={f.source} note={f.note ?? null} />
    </>
  );

/** `sites` as they stand on the view date (dated site changes applied). */
export function SitesTable({ sites, inputs, s, a }: { sites: SiteInput[]; inputs: ScoringSite[]; s: CompanyScore; a: Assumptions }) {
  const placed = new Map<string, number>();
  for (const k of s.contracts) for (const p of k.placements) if (p.site) placed.set(p.site, (placed.get(p.site) ?? 0) + p.itMw);
  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">Sites</h2>
      {sites.length === 0 ? (
        <p className="muted">No sites in the data.</p>
      ) : (
        <ScrollX label="Sites">
          <table className="grid">
            <thead>
              <tr>
                <th>Site</th>
                <th>Country</th>
                <th>Stage · use</th>
                <th className="num">Gross MW</th>
                <th className="num">IT MW</th>
                <th className="num">Share</th>
                <th className="num">IT MW counted</th>
                <th className="num">Contracted here</th>
                <th>AI-ready?</th>
              </tr>
            </thead>
            <tbody>
              {sites.map((x) => {
                const input = inputs.find((i) => i.name === x.name);
                const whole = input ? siteItMw(input, a) : null;
                const share = x.companyShare ?? 1;
                const counted = whole == null ? null : whole * share;
                const remote = input ? remoteReason(input, a) : null;
                return (
                  <tr key={x.name}>
                    <td>
                      {x.source ? (
                        <a href={x.source} target="_blank" rel="noopener noreferrer nofollow" title={x.note ?? undefined}>
                          {x.name}
                        </a>
                      ) : (
                        x.name
                      )}
                      <div className="small muted">{x.location}</div>
                    </td>
                    <td>
                      {x.country ?? (
                        <Tip tip="Country not known: its uncontracted MW are valued as remote (§10.4)" className="missing">
                          {DASH}
                        </Tip>
                      )}
                    </td>
                    <td>
                      {x.stage.replace("_", " ")}
                      <div className="small muted">{x.use}</div>
                    </td>
                    <td className="num">{figure(x.grossMw, x.note)}</td>
                    <td className="num">
                      {figure(x.itMw, null)}
                      {x.itMwScope === "phase" && (
                        <div className="small">
                          <span className="tag">10.3</span>a phase only
                        </div>
                      )}
                    </td>
                    <td className="num">
                      {share === 1 ? (
                        "100%"
                      ) : (
                        <>
                          <span className="tag">10.6</span>
                          {plain(share * 100, 1)}%
                        </>
                      )}
                    </td>
                    <td className="num">{counted == null ? DASH : plain(counted)}</td>
                    <td className="num">{placed.has(x.name) ? plain(placed.get(x.name)!) : "0"}</td>
                    <td className="small">
                      {remote ? (
                        <>
                          <span className="tag">10.4</span>no — {remote}
                        </>
                      ) : (
                        "yes"
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollX>
      )}
      <p className="small muted">
        IT MW counted: the site’s IT MW as the model reads it (the IT figure, else gross × {a.itPerGrossMw}; a phase figure at least gross ×{" "}
        {a.itPerGrossMw}) at the company’s share. Free MW of a site that is not AI-ready count × {a.remoteSiteFactor}.
      </p>
    </section>
  );
}
