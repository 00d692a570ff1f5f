"use client";
import { companyHref } from "@/lib/view/params";
// EV per effective IT watt per company against contracted share (or tier), with the low/base/high
// build cost as reference lines. Loaded lazily so the table's JavaScript does not wait for recharts.
import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { pct, perWatt } from "@/lib/format";
import type { View } from "@/lib/view/params";
import type { ScreenerRow } from "@/lib/view/rows";
import type { BuildCosts } from "./Screener";

interface Point { x: number; y: number; ticker: string; tier: number; row: ScreenerRow }

/**
 * `rows` are the rows in view (filtered once by the screener). `open` navigates to a company page (the
 * router's push, passed down: useRouter here would re-render the whole chart on every change of the URL,
 * e.g. each sort of the table).
 */
export default function ScreenChart({ rows, chartX, set, asOf, buildCost, open }: {
  rows: ScreenerRow[]; chartX: View["chartX"]; set: string | undefined; asOf: string | undefined; buildCost: BuildCosts; open: (href: string) => void;
}) {
  const byTier = chartX === "tier";
  const points: Point[] = [];
  const perTier = { 1: 0, 2: 0, 3: 0 };
  for (const r of rows) {
    if (r.evPerWEffectiveIt == null) continue;
    if (byTier) {
      const i = perTier[r.tier]++;
      points.push({ x: r.tier + ((i % 7) - 3) * 0.06, y: r.evPerWEffectiveIt, ticker: r.ticker, tier: r.tier, row: r });
    } else if (r.contractedShare != null) {
      points.push({ x: r.contractedShare * 100, y: r.evPerWEffectiveIt, ticker: r.ticker, tier: r.tier, row: r });
    }
  }
  const href = (t: string) => companyHref(t, { set, asOf });
  const maxY = Math.max(buildCost.high * 1.25, ...points.map((p) => p.y));
  const minY = Math.min(0, ...points.map((p) => p.y));

  return (
    <figure className="chart" aria-label={`Scatter chart of EV per effective IT watt for ${points.length} companies; build cost lines at ${buildCost.low}, ${buildCost.base} and ${buildCost.high} dollars per watt`}>
      <ResponsiveContainer width="100%" height={380}>
        <ScatterChart margin={{ top: 16, right: 48, bottom: 28, left: 8 }}>
          <CartesianGrid stroke="var(--line)" />
          <XAxis
            type="number"
            dataKey="x"
            domain={byTier ? [0.5, 3.5] : [0, 100]}
            ticks={byTier ? [1, 2, 3] : [0, 25, 50, 75, 100]}
            tickFormatter={(v: number) => (byTier ? `Tier ${v}` : `${v}%`)}
            stroke="var(--muted)"
            label={{ value: byTier ? "Tier" : "Contracted share of IT power", position: "bottom", offset: 8, fill: "var(--muted)" }}
          />
          <YAxis
            type="number"
            dataKey="y"
            domain={[Math.floor(minY), Math.ceil(maxY)]}
            tickFormatter={(v: number) => `$${v}`}
            stroke="var(--muted)"
            label={{ value: "EV / effective IT W ($)", angle: -90, position: "insideLeft", fill: "var(--muted)" }}
          />
          {([["low", buildCost.low], ["base", buildCost.base], ["high", buildCost.high]] as const).map(([name, v]) => (
            <ReferenceLine key={name} y={v} stroke="var(--warn)" strokeDasharray={name === "base" ? "6 3" : "2 4"}
              label={{ value: `build ${name} $${v}/W`, position: "insideTopRight", fill: "var(--warn)", fontSize: 11 }} />
          ))}
          <Tooltip
            cursor={false}
            content={({ active, payload }) => {
              const p = active && payload?.[0]?.payload as Point | undefined;
              if (!p) return null;
              return (
                <div className="chart-tip">
                  <strong>{p.ticker}</strong> · Tier {p.tier}<br />
                  EV/W {perWatt(p.y)} · discount {pct(p.row.discountBase)}<br />
                  contracted {pct(p.row.contractedShare)} of IT MW
                </div>
              );
            }}
          />
          <Scatter
            data={points}
            isAnimationActive={false}
            shape={(props: { cx?: number; cy?: number; payload?: Point }) => {
              const { cx = 0, cy = 0, payload } = props;
              if (!payload) return <g />;
              return (
                <a href={href(payload.ticker)} onClick={(e) => { e.preventDefault(); open(href(payload.ticker)); }} aria-label={`${payload.ticker}: ${perWatt(payload.y)}`}>
                  <circle cx={cx} cy={cy} r={6} className={`dot tier-${payload.tier}`} />
                  <text x={cx + 8} y={cy + 4} className="dot-label">{payload.ticker}</text>
                </a>
              );
            }}
          />
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}
