"use client";
import { useRouter } from "next/navigation";
import { lazy, memo, Suspense, useDeferredValue, useMemo, useTransition } from "react";
import { useHydrated } from "@/app/components/use-hydrated";
import { filterQuery, filtersOf, inView } from "@/lib/view/filter";
import { DEFAULT_VIEW, type View } from "@/lib/view/params";
import type { ScreenerRow } from "@/lib/view/rows";
import { ScreenerTable } from "./ScreenerTable";
import { Toolbar } from "./Toolbar";
import type { SavedViewItem } from "./SavedViews";
import { useView } from "./useView";
import { useSetRows, type InPageScoring } from "./useSetRows";

// The chart (and recharts) load after the table, in the browser only. React.lazy rather than next/dynamic:
// the same lazy chunk without next/dynamic's own runtime in the screener's JavaScript.
const ScreenChart = lazy(() => import("./ScreenChart"));
// Only for an address with a bad parameter: not in the first JavaScript.
const AddressProblems = lazy(() => import("./AddressProblems"));
const chartLoading = (
  <div className="chart-placeholder" aria-busy="true">
    Loading chart…
  </div>
);

export interface BuildCosts {
  low: number;
  base: number;
  high: number;
}
export interface ViewDates {
  snapshot: string;
  latest: string;
  today: string;
}

/**
 * The chart draws one labelled dot per company in view. Beyond this many it is not drawn: thousands of
 * SVG dots take seconds to render and lock the page (see docs/performance.md), and cannot be read.
 */
export const CHART_MAX_COMPANIES = 500;

export function Screener(props: {
  rows: ScreenerRow[];
  /** the set the server scored, and the one the address asked for (undefined: the default) */
  setName: string;
  requestedSet: string | undefined;
  setNames: string[];
  buildCost: BuildCosts;
  /** what the page needs to re-score another set itself; null: a set change asks the server */
  inPage: InPageScoring | null;
  /** the date the server scored on, and the range it can score */
  viewDate: string;
  dates: ViewDates;
  savedViews: SavedViewItem[];
}) {
  const { view, setView, hrefOf, problems } = useView();
  const router = useRouter();
  const [navigating, startTransition] = useTransition();
  const scored = useSetRows({
    rows: props.rows,
    setName: props.setName,
    requestedSet: props.requestedSet,
    defaultSet: props.setNames[0],
    buildCostOfServer: props.buildCost,
    inPage: props.inPage,
    wanted: view.set,
  });
  const pending = navigating || scored.pending;
  const rows = scored.rows;
  // The rows in view and the facet counts, in one pass per change of the filters (a sort or a change of
  // columns leaves them alone): the table, the chart and the toolbar all read this one result.
  // Keyed on the filters as a query string, read back inside: equal strings, equal rows in view.
  const filterKey = filterQuery(view);
  const { rows: shown, counts } = useMemo(() => inView(rows, filtersOf(filterKey)), [rows, filterKey]);
  // The chart follows a moment later: the table (the urgent update) is never held up by it.
  const chartRows = useDeferredValue(shown);
  const chartX = useDeferredValue(view.chartX);

  // Another assumption set: re-scored in the page where it can be (useSetRows), else the server re-scores
  // it in a real navigation, with a pending state.
  const chooseSet = (name: string) => {
    const set = name === props.setNames[0] ? undefined : name;
    if (props.inPage) setView({ set });
    else startTransition(() => router.push(hrefOf({ ...view, set })));
  };
  // So does the view date; the latest date is the default and stays out of the address.
  const chooseDate = (date: string) => startTransition(() => router.push(hrefOf({ ...view, asOf: date === props.dates.latest ? undefined : date })));

  return (
    <div className="screener" aria-busy={pending}>
      {/* past the toolbar's controls, straight to the table (its one tab stop) or to the chart */}
      <a className="skip-link" href="#screener-table">
        Skip to the table
      </a>
      <a className="skip-link" href="#chart">
        Skip to the chart
      </a>
      {problems.length > 0 && (
        <Suspense fallback={null}>
          <AddressProblems problems={problems} resetHref={hrefOf(DEFAULT_VIEW)} />
        </Suspense>
      )}
      <Toolbar
        view={view}
        setView={setView}
        counts={counts}
        setName={scored.setName}
        setNames={props.setNames}
        onChooseSet={chooseSet}
        viewDate={props.viewDate}
        dates={props.dates}
        onChooseDate={chooseDate}
        pending={pending}
        savedViews={props.savedViews}
      />
      <ScreenerTable rows={shown} allRows={rows} view={view} setView={setView} buildCost={scored.buildCost} />
      <ChartSection
        rows={chartRows}
        axis={view.chartX}
        drawnAxis={chartX}
        set={view.set}
        asOf={view.asOf}
        setView={setView}
        buildCost={scored.buildCost}
        open={router.push}
      />
    </div>
  );
}

type ChartAxis = View["chartX"];
type ChartProps = {
  /** the rows in view */
  rows: ScreenerRow[];
  /** the axis chosen (the select) and the one drawn (deferred with the rows) */
  axis: ChartAxis;
  drawnAxis: ChartAxis;
  /** the set and view date, for the links to company pages */
  set: string | undefined;
  asOf: string | undefined;
  setView: ReturnType<typeof useView>["setView"];
  buildCost: BuildCosts;
  /** the router's push: the same function on every render */
  open: (href: string) => void;
};

/** Memoized on what the chart draws from: the rows in view, the axis and the links — not the sort or the columns. */
const ChartSection = memo(function ChartSection(props: ChartProps) {
  const { setView } = props;
  const count = props.rows.length;
  const tooMany = count > CHART_MAX_COMPANIES;
  const hydrated = useHydrated(); // the server draws the placeholder; the chart is measured in the browser
  return (
    <section className="chart-section" id="chart" aria-labelledby="chart-title">
      <div className="chart-head">
        <h2 id="chart-title">EV per effective IT watt vs build cost</h2>
        <label>
          Horizontal axis{" "}
          <select value={props.axis} onChange={(e) => setView({ chartX: e.target.value as "contracted" | "tier" })}>
            <option value="contracted">Contracted share of IT power</option>
            <option value="tier">Tier</option>
          </select>
        </label>
      </div>
      <p className="muted small">
        Each dot is a company in the current view. Below the dashed lines (build cost ${props.buildCost.low}, ${props.buildCost.base} and $
        {props.buildCost.high} per watt) the market pays less per effective IT watt than it costs to build one. Companies whose EV/W cannot be
        computed are not drawn.
      </p>
      {tooMany ? (
        <p className="chart-placeholder" role="status">
          {count.toLocaleString("en-US")} companies are in view; the chart draws at most {CHART_MAX_COMPANIES}. Narrow the view with the search or the
          filters to see it.
        </p>
      ) : hydrated ? (
        <Suspense fallback={chartLoading}>
          <ScreenChart rows={props.rows} chartX={props.drawnAxis} set={props.set} asOf={props.asOf} buildCost={props.buildCost} open={props.open} />
        </Suspense>
      ) : (
        chartLoading
      )}
    </section>
  );
});
