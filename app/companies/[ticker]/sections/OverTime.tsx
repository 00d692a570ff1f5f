// The company over time: discount to build cost, EV per effective IT watt and tier on the snapshot and on
// every later day one of its inputs took effect, with the input that moved it. The chart is drawn on the
// server (no script); the table under it is the same data, and each date opens the page as of that date.
import Link from "next/link";
import { pct, perWatt, explainReason } from "@/lib/format";
import type { TimelinePoint } from "@/lib/view/changes";
import { ScrollX } from "../../../components/ScrollX";

const W = 720,
  H = 220,
  PAD = { l: 52, r: 16, t: 12, b: 28 };
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

function Chart({ points, viewDate }: { points: TimelinePoint[]; viewDate: string }) {
  const known = points.filter((p) => p.discountBase != null);
  if (known.length < 2) return null;
  // the time axis runs to the view date when it is later than the last change
  const end = viewDate > points[points.length - 1].date ? viewDate : points[points.length - 1].date;
  const x0 = dayNumber(points[0].date),
    x1 = Math.max(dayNumber(end), x0 + 1);
  const ys = known.map((p) => p.discountBase!);
  const lo = Math.min(0, ...ys),
    hi = Math.max(0, ...ys);
  const span = hi - lo || 1;
  const x = (d: string) => PAD.l + ((dayNumber(d) - x0) / (x1 - x0)) * (W - PAD.l - PAD.r);
  const y = (v: number) => PAD.t + ((hi - v) / span) * (H - PAD.t - PAD.b);
  // a step line: a value holds until the next date on which an input changed
  let path = "";
  points.forEach((p, i) => {
    if (p.discountBase == null) return;
    const prev = points[i - 1];
    path +=
      prev?.discountBase != null
        ? ` H${x(p.date).toFixed(1)} V${y(p.discountBase).toFixed(1)}`
        : ` M${x(p.date).toFixed(1)} ${y(p.discountBase).toFixed(1)}`;
  });
  const last = points[points.length - 1];
  if (last.discountBase != null) path += ` H${x(end).toFixed(1)}`;
  const ticks = [lo, 0, hi].filter((v, i, a) => a.indexOf(v) === i);
  return (
    <svg
      className="over-time-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`Discount to build cost from ${points[0].date} to ${last.date}: ${pct(known[0].discountBase)} to ${pct(known[known.length - 1].discountBase)}`}
    >
      {ticks.map((v) => (
        <g key={v}>
          <line x1={PAD.l} x2={W - PAD.r} y1={y(v)} y2={y(v)} className={v === 0 ? "zero" : "grid"} />
          <text x={PAD.l - 6} y={y(v) + 4} textAnchor="end">
            {pct(v)}
          </text>
        </g>
      ))}
      <text x={PAD.l} y={H - 8}>
        {points[0].date}
      </text>
      <text x={W - PAD.r} y={H - 8} textAnchor="end">
        {end}
      </text>
      {viewDate >= points[0].date && <line x1={x(viewDate)} x2={x(viewDate)} y1={PAD.t} y2={H - PAD.b} className="view-date" />}
      <path d={path} className="line" />
      {known.map((p) => (
        <circle key={p.date} cx={x(p.date)} cy={y(p.discountBase!)} r={3.5} className={`tier-dot tier-${p.tier}`}>
          <title>{`${p.date}: ${pct(p.discountBase, 1)}, Tier ${p.tier}`}</title>
        </circle>
      ))}
    </svg>
  );
}

export function OverTime({
  points,
  ticker,
  viewDate,
  hrefFor,
}: {
  points: TimelinePoint[];
  ticker: string;
  viewDate: string;
  hrefFor: (date: string) => string;
}) {
  return (
    <section aria-labelledby="over-time-title">
      <h2 id="over-time-title">Over time</h2>
      {points.length < 2 ? (
        <p className="muted">
          No input of {ticker} has changed since the snapshot ({points[0]?.date}): its valuation has one date.
        </p>
      ) : (
        <>
          <Chart points={points} viewDate={viewDate} />
          <p className="small muted">
            Discount to build cost (base) on each day an input of {ticker} took effect; dots coloured by tier, the upright line is the view date. A
            value holds until the next change.
          </p>
        </>
      )}
      <ScrollX label="Valuation over time">
        <table className="grid small" data-testid="over-time">
          <thead>
            <tr>
              <th>From</th>
              <th className="num">Discount</th>
              <th className="num">EV/W eff. IT</th>
              <th>Tier</th>
              <th>What took effect</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.date} className={p.date === viewDate ? "current" : undefined} aria-current={p.date === viewDate ? "date" : undefined}>
                <td>
                  <Link href={hrefFor(p.date)}>{p.date}</Link>
                </td>
                <td className="num">{p.discountBase == null ? <span title={explainReason(p.reason)}>—</span> : pct(p.discountBase, 1)}</td>
                <td className="num">{perWatt(p.evPerWEffectiveIt)}</td>
                <td>
                  <span className={`tier tier-${p.tier}`}>T{p.tier}</span>
                </td>
                <td>{p.moved.length ? p.moved.join("; ") : <span className="muted">nothing the model reads</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
    </section>
  );
}
