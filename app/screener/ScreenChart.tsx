"use client";
// EV per effective IT watt per company against contracted share (or tier), with the low/base/high
// build cost as reference lines. Loaded lazily so the table's JavaScript does not wait for recharts.
// The tickers are placed so they do not overlap (lib/view/chart-labels.ts); a dot's details show in a
// line under the chart on hover and keyboard focus, rather than in a tooltip over the other dots.
import { useMemo, useState } from "react";
import {
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  usePlotArea,
  useXAxisScale,
  useYAxisScale,
  XAxis,
  YAxis,
} from "recharts";
import { pct, perWatt } from "@/lib/format";
import { placeLabels } from "@/lib/view/chart-labels";
import { companyHref, type View } from "@/lib/view/params";
import type { ScreenerRow } from "@/lib/view/rows";
import type { BuildCosts } from "./Screener";

interface Point {
  x: number;
  y: number;
  ticker: string;
  tier: number;
  row: ScreenerRow;
}

const DOT_RADIUS = 6;
const LEVELS = ["low", "base", "high"] as const;

/**
 * `rows` are the rows in view (filtered once by the screener). `open` navigates to a company page (the
 * router's push, passed down: useRouter here would re-render the whole chart on every change of the URL,
 * e.g. each sort of the table).
 */
export default function ScreenChart({
  rows,
  chartX,
  set,
  asOf,
  buildCost,
  open,
}: {
  rows: ScreenerRow[];
  chartX: View["chartX"];
  set: string | undefined;
  asOf: string | undefined;
  buildCost: BuildCosts;
  open: (href: string) => void;
}) {
  const byTier = chartX === "tier";
  const [active, setActive] = useState<Point | null>(null);
  const points = useMemo(() => {
    const out: Point[] = [];
    const perTier = { 1: 0, 2: 0, 3: 0 };
    for (const r of rows) {
      if (r.evPerWEffectiveIt == null) continue;
      if (byTier) {
        const i = perTier[r.tier]++;
        out.push({ x: r.tier + ((i % 7) - 3) * 0.06, y: r.evPerWEffectiveIt, ticker: r.ticker, tier: r.tier, row: r });
      } else if (r.contractedShare != null) {
        out.push({ x: r.contractedShare * 100, y: r.evPerWEffectiveIt, ticker: r.ticker, tier: r.tier, row: r });
      }
    }
    return out;
  }, [rows, byTier]);
  const where = useMemo(() => ({ set, asOf }), [set, asOf]);
  const href = (t: string) => companyHref(t, where);

  // Hovering a dot re-renders only the details line: the chart is memoized on what it draws.
  const chart = useMemo(() => {
    const maxY = Math.max(buildCost.high * 1.25, ...points.map((p) => p.y));
    const minY = Math.min(0, ...points.map((p) => p.y));
    const link = (t: string) => companyHref(t, where);
    return (
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
          {LEVELS.map((name) => (
            <ReferenceLine key={name} y={buildCost[name]} stroke="var(--warn)" strokeDasharray={name === "base" ? "6 3" : "2 4"} />
          ))}
          <Scatter
            data={points}
            isAnimationActive={false}
            shape={(props: { cx?: number; cy?: number; payload?: Point }) => {
              const { cx = 0, cy = 0, payload } = props;
              if (!payload) return <g />;
              const show = () => setActive(payload);
              const hide = () => setActive((a) => (a === payload ? null : a));
              return (
                <a
                  href={link(payload.ticker)}
                  onClick={(e) => {
                    e.preventDefault();
                    open(link(payload.ticker));
                  }}
                  aria-label={`${payload.ticker}: ${perWatt(payload.y)}`}
                  onMouseEnter={show}
                  onMouseLeave={hide}
                  onFocus={show}
                  onBlur={hide}
                >
                  <circle cx={cx} cy={cy} r={DOT_RADIUS} className={`dot tier-${payload.tier}`} />
                </a>
              );
            }}
          />
          <ChartLabels points={points} buildCost={buildCost} onOpen={(t) => open(link(t))} />
        </ScatterChart>
      </ResponsiveContainer>
    );
  }, [points, byTier, buildCost, where, open]);

  return (
    <figure
      className="chart"
      aria-label={`Scatter chart of EV per effective IT watt for ${points.length} companies; build cost lines at ${buildCost.low}, ${buildCost.base} and ${buildCost.high} dollars per watt`}
    >
      <ChartLegend />
      {chart}
      <p className="chart-details" aria-live="polite">
        {active ? (
          <>
            <a href={href(active.ticker)}>
              <strong>{active.ticker}</strong>
            </a>{" "}
            · {active.row.name} · Tier {active.tier} · EV/W {perWatt(active.y)} · discount {pct(active.row.discountBase)} · contracted{" "}
            {pct(active.row.contractedShare)} of IT MW
          </>
        ) : (
          <span className="muted">Point at or focus a dot for its figures; a dot opens its company.</span>
        )}
      </p>
    </figure>
  );
}

/** What the colours and lines mean. */
function ChartLegend() {
  return (
    <ul className="legend chart-legend" aria-label="Legend">
      {[1, 2, 3].map((t) => (
        <li key={t}>
          <i className={`swatch tier-${t}`} aria-hidden="true" />
          Tier {t}
        </li>
      ))}
      <li>
        <i className="line base" aria-hidden="true" />
        build cost, base
      </li>
      <li>
        <i className="line range" aria-hidden="true" />
        build cost, low and high
      </li>
    </ul>
  );
}

let measure: CanvasRenderingContext2D | null | undefined;
/** A label's width at the chart's 11px font (the page's own family), or undefined where it cannot be measured. */
function textWidth(text: string): number | undefined {
  if (measure === undefined) {
    measure = typeof document === "undefined" ? null : document.createElement("canvas").getContext("2d");
    if (measure) measure.font = `11px ${getComputedStyle(document.documentElement).fontFamily}`;
  }
  return measure ? Math.ceil(measure.measureText(text).width) + 1 : undefined;
}

/** Below this plot width the build-cost lines are labelled by their value only (the legend names them). */
const NARROW_PLOT_PX = 480;

/**
 * The labels: each build-cost line's, right-aligned just above it, then the tickers, placed clear of
 * each other, of the dots and of those. Inside the chart, so it reads the axes' scales; a ticker too
 * crowded to place is left out (its dot keeps its link's name and shows its figures on hover or focus).
 */
function ChartLabels({ points, buildCost, onOpen }: { points: Point[]; buildCost: BuildCosts; onOpen: (ticker: string) => void }) {
  const x = useXAxisScale(),
    y = useYAxisScale(),
    area = usePlotArea();
  if (!x || !y || !area) return null;
  const narrow = area.width < NARROW_PLOT_PX;
  const right = area.x + area.width - 4;
  const lines = LEVELS.flatMap((name) => {
    const ly = y(buildCost[name]);
    const text = narrow ? `$${buildCost[name]}/W` : `build ${name} $${buildCost[name]}/W`;
    const w = textWidth(text) ?? text.length * 6.5;
    return ly == null ? [] : [{ name, text, y: ly - 4, box: { x: right - w, y: ly - 15, width: w, height: 14 } }];
  });
  const dots = points.flatMap((p) => {
    const px = x(p.x),
      py = y(p.y);
    return px == null || py == null ? [] : [{ id: p.ticker, x: px, y: py, text: p.ticker, width: textWidth(p.ticker) }];
  });
  const placed = placeLabels(dots, {
    bounds: { x: area.x, y: area.y, width: area.width, height: area.height },
    obstacles: lines.map((l) => l.box),
    dotRadius: DOT_RADIUS,
  });
  return (
    <g className="chart-labels" aria-hidden="true">
      {lines.map((l) => (
        <text key={l.name} x={right} y={l.y} textAnchor="end" className="ref-label">
          {l.text}
        </text>
      ))}
      {dots.map((d) => {
        const p = placed.get(d.id);
        return p ? (
          <text key={d.id} x={d.x + p.dx} y={d.y + p.dy} textAnchor={p.anchor} className="dot-label" onClick={() => onOpen(d.id)}>
            {d.text}
          </text>
        ) : null;
      })}
    </g>
  );
}
