// Every company's discount (or rank) across the swept values: one line per company, the selected one drawn
// bold, the set's own value marked. Each line carries its numbers (data-values) for tests and tools.
import { pct } from "@/lib/format";
import type { Tier } from "@/lib/scoring/types";
import type { Metric } from "@/lib/view/sensitivity";

export interface ChartSeries {
  ticker: string;
  tier: Tier;
  values: (number | null)[];
}

const W = 860,
  H = 380,
  PAD = { l: 56, r: 64, t: 14, b: 40 };

/** Labels at the lines' right ends, moved apart so none overlaps the one above it. */
function spread(ys: { ticker: string; y: number }[], gap = 11) {
  const sorted = [...ys].sort((a, b) => a.y - b.y);
  for (let i = 1; i < sorted.length; i++) if (sorted[i].y - sorted[i - 1].y < gap) sorted[i].y = sorted[i - 1].y + gap;
  return new Map(sorted.map((s) => [s.ticker, s.y]));
}

export function SweepChart({
  xs,
  series,
  metric,
  setValue,
  selected,
  label,
  onSelect,
  formatX,
}: {
  xs: number[];
  series: ChartSeries[];
  metric: Metric;
  setValue: number;
  selected?: string;
  label: string;
  onSelect?: (ticker: string) => void;
  formatX: (v: number) => string;
}) {
  const all = series.flatMap((s) => s.values.filter((v): v is number => v != null));
  if (all.length === 0 || xs.length < 2)
    return <p className="muted">— Nothing to draw: no company has a {metric === "rank" ? "rank" : "discount"} on this range.</p>;
  const x0 = xs[0],
    x1 = xs[xs.length - 1];
  const [lo, hi] = metric === "rank" ? [1, Math.max(...all)] : [Math.min(0, ...all), Math.max(0, ...all)];
  const span = hi - lo || 1;
  const x = (v: number) => PAD.l + ((v - x0) / (x1 - x0)) * (W - PAD.l - PAD.r);
  // ranks: 1 at the top; discounts: the highest at the top
  const y = (v: number) => (metric === "rank" ? PAD.t + ((v - lo) / span) * (H - PAD.t - PAD.b) : PAD.t + ((hi - v) / span) * (H - PAD.t - PAD.b));
  const yTicks = metric === "rank" ? [1, Math.round((1 + hi) / 2), hi] : [lo, lo / 2, 0, hi / 2, hi].filter((v, i, a) => a.indexOf(v) === i);
  const xTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => x0 + f * (x1 - x0));
  const ends = spread(
    series.flatMap((s) => {
      const last = s.values.at(-1);
      return last == null ? [] : [{ ticker: s.ticker, y: y(last) }];
    }),
  );
  const path = (values: (number | null)[]) => {
    let d = "";
    values.forEach((v, i) => {
      if (v == null) return;
      d += `${i > 0 && values[i - 1] != null ? "L" : "M"}${x(xs[i]).toFixed(1)} ${y(v).toFixed(1)}`;
    });
    return d;
  };
  const order = [...series].sort((a, b) => Number(a.ticker === selected) - Number(b.ticker === selected)); // the selected one on top
  return (
    <svg
      className="sweep-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      data-values={xs.join(",")}
      aria-label={`${metric === "rank" ? "Rank" : "Discount to build cost"} of ${series.length} companies as ${label} goes from ${formatX(x0)} to ${formatX(x1)}`}
    >
      {yTicks.map((v) => (
        <g key={v}>
          <line x1={PAD.l} x2={W - PAD.r} y1={y(v)} y2={y(v)} className={metric === "discount" && v === 0 ? "zero" : "grid"} />
          <text x={PAD.l - 6} y={y(v) + 4} textAnchor="end">
            {metric === "rank" ? `#${v}` : pct(v)}
          </text>
        </g>
      ))}
      {xTicks.map((v) => (
        <text key={v} x={x(v)} y={H - PAD.b + 16} textAnchor="middle">
          {formatX(Number(v.toPrecision(6)))}
        </text>
      ))}
      <text x={(PAD.l + W - PAD.r) / 2} y={H - 6} textAnchor="middle" className="axis-label">
        {label}
      </text>
      {setValue >= x0 && setValue <= x1 && (
        <g>
          <line x1={x(setValue)} x2={x(setValue)} y1={PAD.t} y2={H - PAD.b} className="set-value" />
          <text x={x(setValue) + 4} y={PAD.t + 10} className="set-label">{`set: ${formatX(setValue)}`}</text>
        </g>
      )}
      {order.map((s) => (
        <g
          key={s.ticker}
          data-series={s.ticker}
          data-values={s.values.map((v) => (v == null ? "" : v)).join(",")}
          className={`series tier-${s.tier}${s.ticker === selected ? " selected" : ""}`}
          onClick={onSelect ? () => onSelect(s.ticker) : undefined}
        >
          <title>{s.ticker}</title>
          <path d={path(s.values)} />
          {ends.has(s.ticker) && (
            <text x={W - PAD.r + 4} y={ends.get(s.ticker)! + 4}>
              {s.ticker}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}
