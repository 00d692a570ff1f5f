import type { Metadata } from "next";
import Link from "next/link";
import { pct } from "@/lib/format";
import { db } from "@/lib/server/db";
import { resolveAssumptionSet } from "@/lib/server/queries";
import { loadTimeline } from "@/lib/server/timeline";
import { CHANGE_GROUPS, compareDates, discountVsPrice } from "@/lib/view/changes";
import { asOfProblem } from "@/lib/view/params";
import { ScrollX } from "../components/ScrollX";

export const metadata: Metadata = { title: "What changed" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const pp = (v: number | null) => (v == null ? "—" : `${v > 0 ? "+" : v < 0 ? "−" : ""}${Math.abs(v * 100).toFixed(1)}`);

export default async function ChangesPage({ searchParams }: Props) {
  const sp = await searchParams;
  const [timeline, set] = await Promise.all([loadTimeline(db), resolveAssumptionSet(db, one(sp.set) ?? null)]);
  const problems: string[] = [];
  const pick = (name: "from" | "to", fallback: string) => {
    const v = one(sp[name]);
    if (!v) return fallback;
    const p =
      asOfProblem(v) ?? (v < timeline.snapshot ? `the data starts at ${timeline.snapshot}` : v > timeline.today ? "that is in the future" : null);
    if (p) {
      problems.push(`${name} “${v.slice(0, 20)}”: ${p}; using ${fallback}`);
      return fallback;
    }
    return v;
  };
  let from = pick("from", timeline.snapshot),
    to = pick("to", timeline.latest);
  if (from > to) [from, to] = [to, from];
  const a = set ?? (await resolveAssumptionSet(db))!;
  if (!set && one(sp.set)) problems.push(`No assumption set named “${one(sp.set)!.slice(0, 60)}”; using “${a.name}”`);
  const rows = compareDates(timeline.histories, timeline.snapshot, from, to, a.values).sort(
    (x, y) => (x.b.rank ?? 1e9) - (y.b.rank ?? 1e9) || x.ticker.localeCompare(y.ticker),
  );
  const cheap = discountVsPrice(rows);
  const moved = rows.filter((r) => r.change != null && Math.abs(r.change) >= 0.0005).length;
  const setQuery = a.isDefault ? "" : `&set=${encodeURIComponent(a.name)}`;

  return (
    <>
      <div className="page-head">
        <h1>What changed</h1>
        <p className="muted">
          Every company on two view dates: rank, tier and discount to build cost (base), and how much of the change in discount came from each group
          of inputs — found by swapping one group at a time from the first date&apos;s inputs to the second&apos;s, in this order:{" "}
          {CHANGE_GROUPS.map((g) => g.label.toLowerCase()).join(", then ")}. The parts add up to the change; another order could split it differently.
          Assumptions “{a.name}”.
        </p>
      </div>
      <form className="toolbar-row compare-form" method="get" action="/changes" aria-label="Choose the two dates">
        <label className="field">
          <span>From</span>
          <input type="date" name="from" defaultValue={from} min={timeline.snapshot} max={timeline.today} />
        </label>
        <label className="field">
          <span>To</span>
          <input type="date" name="to" defaultValue={to} min={timeline.snapshot} max={timeline.today} />
        </label>
        {!a.isDefault && <input type="hidden" name="set" value={a.name} />}
        <button type="submit">Compare</button>
        <span className="small muted">
          Data from {timeline.snapshot}; latest {timeline.latest}.
        </span>
      </form>
      {problems.map((p) => (
        <div key={p} className="notice error" role="alert">
          {p}
        </div>
      ))}
      <p className="compare-summary" role="status" data-testid="changes-summary">
        From {from} to {to}: {moved} of {rows.length} companies&apos; discount moved.{" "}
        {cheap.companies >= 3 && cheap.spearman != null ? (
          <>
            Where both dates have prices and the price is newer at {to} ({cheap.companies} companies), the rank correlation of the starting discount
            with the price change is {cheap.spearman.toFixed(2)}
            {Math.abs(cheap.spearman) < 0.3
              ? " — no clear relation"
              : cheap.spearman > 0
                ? ": the cheaper ones tended to rise more"
                : ": the cheaper ones tended to rise less"}
            ; with {cheap.companies} companies this is a hint, not evidence.
          </>
        ) : (
          <>
            Too few companies have a newer price at {to} than at {from} ({cheap.companies}) to relate price changes to the starting discount.
          </>
        )}
      </p>
      <ScrollX label="What changed">
        <table className="grid small" data-testid="changes-table">
          <thead>
            <tr>
              <th>Company</th>
              <th className="num">Rank</th>
              <th>Tier</th>
              <th className="num">Discount {from}</th>
              <th className="num">Discount {to}</th>
              <th className="num">Change (pts)</th>
              {CHANGE_GROUPS.map((g) => (
                <th key={g.id} className="num">
                  {g.label}
                </th>
              ))}
              <th className="num">Price change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.ticker}>
                <td>
                  <Link href={`/companies/${r.ticker}?asOf=${to}${setQuery}`} title={r.name}>
                    {r.ticker}
                  </Link>{" "}
                  <span className="muted wide-only">{r.name}</span>
                </td>
                <td className="num">
                  {r.a.rank ?? "—"} → {r.b.rank ?? "—"}
                </td>
                <td className="nowrap">
                  <span className={`tier tier-${r.a.tier}`}>T{r.a.tier}</span>
                  {r.a.tier !== r.b.tier && (
                    <>
                      {" "}
                      → <span className={`tier tier-${r.b.tier}`}>T{r.b.tier}</span>
                    </>
                  )}
                </td>
                <td className="num">{pct(r.a.discountBase, 1)}</td>
                <td className="num">{pct(r.b.discountBase, 1)}</td>
                <td className="num">
                  <strong>{pp(r.change)}</strong>
                </td>
                {CHANGE_GROUPS.map((g) => (
                  <td key={g.id} className="num">
                    {pp(r.parts[g.id])}
                  </td>
                ))}
                <td className="num">
                  {r.priceChange == null ? (
                    <span className="muted" title="No newer price at the second date">
                      —
                    </span>
                  ) : (
                    pct(r.priceChange, 1)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
      <p className="small muted">
        Points are percentage points of discount. Dashes: the discount is not computable on one of the dates, or at one of the steps between them (a
        missing input), so the change is not split. The price change compares the prices in force on the two dates, when the second is newer.
      </p>
    </>
  );
}
