// A company's tornado: its discount to build cost with each main assumption at the low and at the high
// end of its range (the others at the set's values), largest swing first. No hooks: the company page
// draws it on the server, the sensitivity page in the browser.
import { pct } from "@/lib/format";
import { ASSUMPTION_META } from "@/lib/scoring/assumptions";
import type { TornadoBar } from "@/lib/view/sensitivity";

const W = 640,
  ROW = 26,
  LABEL = 230,
  PAD = 56;

const valueText = (key: TornadoBar["key"], v: number) => {
  const m = ASSUMPTION_META[key];
  return m.unit === "USD"
    ? `$${v.toLocaleString("en-US")}`
    : m.unit === "$/W"
      ? `$${v}/W`
      : `${v}${m.unit === "0–1" || m.unit === "ratio" ? "" : ` ${m.unit}`}`;
};

export function Tornado({ base, bars, caption }: { base: number | null; bars: TornadoBar[]; caption?: string }) {
  const known = bars.filter((b) => b.atLow != null && b.atHigh != null);
  if (base == null || known.length === 0)
    return <p className="muted">— No tornado: the discount to build cost cannot be computed for this company (see its missing inputs above).</p>;
  const all = known.flatMap((b) => [b.atLow!, b.atHigh!]).concat(base);
  const lo = Math.min(...all),
    hi = Math.max(...all),
    span = hi - lo || 1;
  const x = (v: number) => LABEL + PAD + ((v - lo) / span) * (W - LABEL - 2 * PAD);
  const H = bars.length * ROW + 30;
  return (
    <figure className="tornado">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Discount ${pct(base, 1)} at the set's values; ${known[0] ? `${ASSUMPTION_META[known[0].key].label} swings it most, ${pct(known[0].atLow, 1)} to ${pct(known[0].atHigh, 1)}` : ""}`}
      >
        <line x1={x(base)} x2={x(base)} y1={4} y2={H - 22} className="base" />
        <text x={x(base)} y={H - 8} textAnchor="middle">{`set: ${pct(base, 1)}`}</text>
        {bars.map((b, i) => {
          const y = 8 + i * ROW;
          const label = ASSUMPTION_META[b.key].label;
          if (b.atLow == null || b.atHigh == null)
            return (
              <g key={b.key}>
                <text x={LABEL} y={y + 14} textAnchor="end">
                  {label}
                </text>
                <text x={LABEL + PAD} y={y + 14} className="muted">
                  — not computable at one end
                </text>
              </g>
            );
          const left = Math.min(b.atLow, b.atHigh),
            right = Math.max(b.atLow, b.atHigh);
          return (
            <g key={b.key} data-key={b.key} data-low={b.atLow} data-high={b.atHigh}>
              <title>{`${label}: ${valueText(b.key, b.low)} → ${pct(b.atLow, 1)}; ${valueText(b.key, b.high)} → ${pct(b.atHigh, 1)}`}</title>
              <text x={LABEL} y={y + 14} textAnchor="end">
                {label}
              </text>
              <rect x={x(left)} y={y + 3} width={Math.max(1, x(right) - x(left))} height={ROW - 8} className={b.atHigh >= b.atLow ? "up" : "down"} />
              <text x={x(left) - 4} y={y + 14} textAnchor="end" className="end">
                {pct(left, 1)}
              </text>
              <text x={x(right) + 4} y={y + 14} className="end">
                {pct(right, 1)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="small muted">
        {caption ??
          "Each bar: the discount to build cost (base) with one assumption at the low and at the high end of its range, the others at the set's values."}{" "}
        A green bar rises with the assumption, a red one falls.
      </figcaption>
    </figure>
  );
}

/**
 * The bars as a table: the numbers behind the chart, with the values swept. Each end is one cell (the
 * discount, the value under it), so the table fits a phone's width.
 */
export function TornadoTable({ bars }: { bars: TornadoBar[] }) {
  return (
    <table className="grid small tornado-table">
      <thead>
        <tr>
          <th scope="col">Assumption</th>
          <th scope="col" className="num">
            Discount at the low end
          </th>
          <th scope="col" className="num">
            at the high end
          </th>
          <th scope="col" className="num">
            Swing (pts)
          </th>
        </tr>
      </thead>
      <tbody>
        {bars.map((b) => (
          <tr key={b.key} data-key={b.key}>
            <th scope="row">{ASSUMPTION_META[b.key].label}</th>
            <td className="num">
              {pct(b.atLow, 1)}
              <span className="range">at {valueText(b.key, b.low)}</span>
            </td>
            <td className="num">
              {pct(b.atHigh, 1)}
              <span className="range">at {valueText(b.key, b.high)}</span>
            </td>
            <td className="num">{b.swing == null ? "—" : (b.swing * 100).toFixed(1)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
