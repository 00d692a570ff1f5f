"use client";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { memo, useDeferredValue, useMemo, useTransition } from "react";
import { facetCounts, matchesView } from "@/lib/view/filter";
import { DEFAULT_VIEW } from "@/lib/view/params";
import type { ScreenerRow } from "@/lib/view/rows";
import { ScreenerTable } from "./ScreenerTable";
import { Toolbar } from "./Toolbar";
import type { SavedViewItem } from "./SavedViews";
import { useView } from "./useView";

const ScreenChart = dynamic(() => import("./ScreenChart"), {
  ssr: false,
  loading: () => <div className="chart-placeholder" aria-busy="true">Loading chart…</div>,
});

export interface BuildCosts { low: number; base: number; high: number }
export interface ViewDates { snapshot: string; latest: string; today: string }

/**
 * The chart draws one labelled dot per company in view. Beyond this many it is not drawn: thousands of
 * SVG dots take seconds to render and lock the page (see docs/performance.md), and cannot be read.
 */
export const CHART_MAX_COMPANIES = 500;

export function Screener(props: {
  rows: ScreenerRow[];
  setName: string;
  setNames: string[];
  buildCost: BuildCosts;
  /** the date the server scored on, and the range it can score */
  viewDate: string;
  dates: ViewDates;
  savedViews: SavedViewItem[];
}) {
  const { view, setView, hrefOf, errors } = useView();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // Facet counts depend on the filters only (a sort leaves them alone).
  const { q, tiers, flags, minDiscountPct, minContractedMw, preset } = view;
  const counts = useMemo(
    () => facetCounts(props.rows, { ...DEFAULT_VIEW, q, tiers, flags, minDiscountPct, minContractedMw, preset }),
    [props.rows, q, tiers, flags, minDiscountPct, minContractedMw, preset],
  );
  // The chart follows the view a moment later: the table (the urgent update) is never held up by it.
  const chartView = useDeferredValue(view);

  // Changing the assumption set needs the server to re-score: a real navigation, with a pending state.
  const chooseSet = (name: string) =>
    startTransition(() => router.push(hrefOf({ ...view, set: name === props.setNames[0] ? undefined : name })));
  // So does the view date; the latest date is the default and stays out of the address.
  const chooseDate = (date: string) =>
    startTransition(() => router.push(hrefOf({ ...view, asOf: date === props.dates.latest ? undefined : date })));

  return (
    <div className="screener" aria-busy={pending}>
      {/* past the toolbar's controls, straight to the table (its one tab stop) or to the chart */}
      <a className="skip-link" href="#screener-table">Skip to the table</a>
      <a className="skip-link" href="#chart">Skip to the chart</a>
      {errors && (
        <div className="notice error" role="alert">
          <strong>Some view parameters in the address were not understood and were ignored:</strong>{" "}
          {Object.entries(errors).map(([k, m]) => `${k} (${m.join("; ")})`).join(", ")}.{" "}
          <a href={hrefOf(DEFAULT_VIEW)}>Reset the view</a>
        </div>
      )}
      <Toolbar
        view={view}
        setView={setView}
        counts={counts}
        setName={props.setName}
        setNames={props.setNames}
        onChooseSet={chooseSet}
        viewDate={props.viewDate}
        dates={props.dates}
        onChooseDate={chooseDate}
        pending={pending}
        savedViews={props.savedViews}
      />
      <ScreenerTable rows={props.rows} view={view} setView={setView} buildCost={props.buildCost} />
      <ChartSection rows={props.rows} view={chartView} chartX={view.chartX} setView={setView} buildCost={props.buildCost} open={router.push} />
    </div>
  );
}

type ChartProps = { rows: ScreenerRow[]; view: ReturnType<typeof useView>["view"]; chartX: ReturnType<typeof useView>["view"]["chartX"]; setView: ReturnType<typeof useView>["setView"]; buildCost: BuildCosts;
  /** the router's push: the same function on every render */
  open: (href: string) => void;
};

/** What the chart draws from: the filters, the axis and the set (for links) — not the sort or the columns. */
const sameChart = (a: ChartProps, b: ChartProps) =>
  a.rows === b.rows && a.setView === b.setView && a.buildCost === b.buildCost && a.chartX === b.chartX && a.open === b.open &&
  a.view.q === b.view.q && a.view.tiers === b.view.tiers && a.view.flags === b.view.flags && a.view.minDiscountPct === b.view.minDiscountPct &&
  a.view.minContractedMw === b.view.minContractedMw && a.view.preset === b.view.preset && a.view.chartX === b.view.chartX && a.view.set === b.view.set && a.view.asOf === b.view.asOf;

const ChartSection = memo(function ChartSection(props: ChartProps) {
  const { view, setView } = props;
  const inView = useMemo(() => props.rows.filter((r) => matchesView(r, view)).length, [props.rows, view]);
  const tooMany = inView > CHART_MAX_COMPANIES;
  return (
    <section className="chart-section" id="chart" aria-labelledby="chart-title">
      <div className="chart-head">
        <h2 id="chart-title">EV per effective IT watt vs build cost</h2>
        <label>
          Horizontal axis{" "}
          <select value={props.chartX} onChange={(e) => setView({ chartX: e.target.value as "contracted" | "tier" })}>
            <option value="contracted">Contracted share of IT power</option>
            <option value="tier">Tier</option>
          </select>
        </label>
      </div>
      <p className="muted small">
        Each dot is a company in the current view. Below the dashed lines (build cost ${props.buildCost.low}, ${props.buildCost.base} and ${props.buildCost.high} per watt) the market pays less per effective IT watt than it costs to build one. Companies whose EV/W cannot be computed are not drawn.
      </p>
      {tooMany ? (
        <p className="chart-placeholder" role="status">
          {inView.toLocaleString("en-US")} companies are in view; the chart draws at most {CHART_MAX_COMPANIES}. Narrow the view with the search or the filters to see it.
        </p>
      ) : (
        <ScreenChart rows={props.rows} view={view} buildCost={props.buildCost} open={props.open} />
      )}
    </section>
  );
}, sameChart);
