import type { Metadata } from "next";
import Link from "next/link";
import { ASSUMPTION_META } from "@/lib/scoring/assumptions";
import { screen } from "@/lib/scoring/screen";
import type { Tier } from "@/lib/scoring/types";
import { db } from "@/lib/server/db";
import { loadAssumptionSets, loadScoringCompanies } from "@/lib/server/queries";
import { ViewDateError } from "@/lib/server/timeline";
import { asOfProblem } from "@/lib/view/params";
import { compareScreens, diffKeys, formatAssumption, ppDelta, rankMove, summarizeChanges, type Standing } from "@/lib/view/assumption-diff";
import { Tip } from "../../components/Tip";
import { Value } from "../../components/Value";
import { compareHref, editHref, screenHref } from "../links";
import "../assumptions.css";

export const metadata: Metadata = { title: "Compare assumption sets" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function CompareSetsPage({ searchParams }: Props) {
  const sp = await searchParams;
  const sets = await loadAssumptionSets(db);
  const defaultSet = sets.find((s) => s.isDefault) ?? sets[0];
  const aName = one(sp.a)?.trim() || defaultSet?.name || "";
  const bName = one(sp.b)?.trim() || sets.find((s) => s.name !== aName)?.name || aName;
  const a = sets.find((s) => s.name === aName);
  const b = sets.find((s) => s.name === bName);
  const unknown = [!a && aName ? `A: “${aName.slice(0, 60)}”` : null, !b && bName ? `B: “${bName.slice(0, 60)}”` : null].filter(Boolean);
  const asked = one(sp.asOf)?.trim() || undefined;
  const dateProblem = asked ? asOfProblem(asked) : null;
  const asOf = dateProblem ? undefined : asked;

  return (
    <>
      <div className="page-head">
        <p className="small">
          <Link href="/assumptions">← All assumption sets</Link>
        </p>
        <h1>Compare assumption sets</h1>
        <p className="muted">
          Every company scored under two sets side by side: rank, discount to build cost (base) and tier. Rows where the rank or the tier differ are
          highlighted.
        </p>
      </div>

      <form className="toolbar-row compare-form" method="get" action="/assumptions/compare" aria-label="Choose the sets to compare">
        <label className="field">
          <span>Set A</span>
          <select name="a" defaultValue={a?.name ?? defaultSet?.name}>
            {sets.map((s) => (
              <option key={s.id} value={s.name}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Set B</span>
          <select name="b" defaultValue={b?.name ?? sets.find((s) => s.name !== a?.name)?.name ?? defaultSet?.name}>
            {sets.map((s) => (
              <option key={s.id} value={s.name}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>View date</span>
          <input type="date" name="asOf" defaultValue={asOf} aria-describedby="compare-date-hint" />
          <span id="compare-date-hint" className="hint">
            empty = the latest date the data reaches
          </span>
        </label>
        <button type="submit">Compare</button>
        {a && b && (
          <Link href={compareHref(b.name, a.name)} className="small">
            Swap A and B
          </Link>
        )}
      </form>

      {unknown.length > 0 ? (
        <div className="notice error" role="alert">
          No assumption set is named {unknown.join(" or ")}. Choose the sets above, or see <Link href="/assumptions">the sets that exist</Link>.
        </div>
      ) : a && b ? (
        <>
          {dateProblem && (
            <div className="notice error" role="alert">
              View date “{asked!.slice(0, 20)}”: {dateProblem}; showing the latest date instead.
            </div>
          )}
          <Comparison a={a} b={b} asOf={asOf} />
        </>
      ) : (
        <p className="notice warn">No assumption set is stored yet.</p>
      )}
    </>
  );
}

type SetInfo = Awaited<ReturnType<typeof loadAssumptionSets>>[number];

async function Comparison({ a, b, asOf }: { a: SetInfo; b: SetInfo; asOf?: string }) {
  let loaded,
    dateError: string | null = null;
  try {
    loaded = await loadScoringCompanies(db, asOf);
  } catch (e) {
    if (!(e instanceof ViewDateError)) throw e;
    dateError = e.message;
    loaded = await loadScoringCompanies(db);
  }
  const { companies, viewDate } = loaded;
  const view = { viewDate };
  const rows = compareScreens(screen(companies, a.values, view), screen(companies, b.values, view)).sort((x, y) => x.a.rank - y.a.rank);
  const summary = summarizeChanges(rows);
  const keys = diffKeys(a.values, b.values);

  return (
    <>
      {dateError && (
        <div className="notice error" role="alert">
          {dateError}; showing the latest date instead.
        </div>
      )}
      <p className="muted small">
        Viewed on <strong>{viewDate}</strong> · A = <Link href={editHref(a.name)}>{a.name}</Link> (
        <Link href={screenHref(a.name, a.isDefault)}>screen</Link>) · B = <Link href={editHref(b.name)}>{b.name}</Link> (
        <Link href={screenHref(b.name, b.isDefault)}>screen</Link>)
      </p>
      <p className="compare-summary" role="status">
        {a.id === b.id
          ? "A and B are the same set."
          : summary.any === 0
            ? "No company's rank, discount or tier differs between the two sets."
            : `Under B, ${summary.rank} of ${summary.total} companies change rank, ${summary.tier} change tier and ${summary.discount} change discount.`}
      </p>

      <section aria-labelledby="values-title">
        <h2 id="values-title">Assumptions that differ</h2>
        {keys.length === 0 ? (
          <p className="muted">The two sets have the same values.</p>
        ) : (
          <div className="scroll-x">
            <table className="grid value-diff">
              <thead>
                <tr>
                  <th scope="col">Assumption</th>
                  <th scope="col">Unit</th>
                  <th scope="col" className="num">
                    A · {a.name}
                  </th>
                  <th scope="col" className="num">
                    B · {b.name}
                  </th>
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <tr key={k} data-key={k}>
                    <th scope="row">{ASSUMPTION_META[k].label}</th>
                    <td className="muted small">{ASSUMPTION_META[k].unit}</td>
                    <td className="num">{formatAssumption(a.values[k])}</td>
                    <td className="num changed">{formatAssumption(b.values[k])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="companies-title">
        <h2 id="companies-title">Companies under A and B</h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Comparison table, scrolls sideways">
          <table className="grid change-table compare-table">
            <thead>
              <tr>
                <th scope="col">Company</th>
                <th scope="col" className="num">
                  Rank A
                </th>
                <th scope="col" className="num">
                  Rank B
                </th>
                <th scope="col" className="num">
                  Δ rank
                </th>
                <th scope="col" className="num">
                  Discount A
                </th>
                <th scope="col" className="num">
                  Discount B
                </th>
                <th scope="col" className="num">
                  Δ discount
                </th>
                <th scope="col">Tier A</th>
                <th scope="col">Tier B</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const move = rankMove(r.rankDelta);
                return (
                  <tr key={r.ticker} data-ticker={r.ticker} className={r.changed.rank || r.changed.tier ? "moved" : undefined}>
                    <th scope="row">
                      <Link href={`/companies/${r.ticker}`} className="ticker">
                        {r.ticker}
                      </Link>{" "}
                      <span className="muted small company-name">{r.name}</span>
                    </th>
                    <td className="num">{r.a.rank}</td>
                    <td className={`num ${r.changed.rank ? "changed" : ""}`}>{r.b.rank}</td>
                    <td className={`num ${r.changed.rank ? "changed" : ""}`}>
                      <span aria-label={move.label}>{move.text}</span>
                    </td>
                    <td className="num">
                      <Value kind="pct" value={r.a.discountBase} reason={r.a.reasons.discountBase} />
                    </td>
                    <td className={`num ${r.changed.discount ? "changed" : ""}`}>
                      <Value kind="pct" value={r.b.discountBase} reason={r.b.reasons.discountBase} />
                    </td>
                    <td className={`num ${r.changed.discount ? "changed" : ""}`}>{ppDelta(r.discountDelta)}</td>
                    <td>
                      <TierTag s={r.a} />
                    </td>
                    <td className={r.changed.tier ? "changed" : undefined}>
                      <TierTag s={r.b} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="small muted">
          Δ rank: ↑ moved up under B, ↓ moved down. Δ discount in percentage points (B − A). Hover or focus a tier for its reasons.
        </p>
      </section>
    </>
  );
}

function TierTag({ s }: { s: Standing }) {
  return (
    <Tip tip={s.why} className={`tier tier-${s.tier as Tier}`}>
      T{s.tier}
    </Tip>
  );
}
