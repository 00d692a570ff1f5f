"use client";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useMemo, useTransition } from "react";
import { facetCounts } from "@/lib/view/filter";
import { DEFAULT_VIEW } from "@/lib/view/params";
import type { ScreenerRow } from "@/lib/view/rows";
import { ScreenerTable } from "./ScreenerTable";
import { Toolbar } from "./Toolbar";
import { useView } from "./useView";

const ScreenChart = dynamic(() => import("./ScreenChart"), {
  ssr: false,
  loading: () => <div className="chart-placeholder" aria-busy="true">Loading chart…</div>,
});

export interface BuildCosts { low: number; base: number; high: number }

export function Screener(props: {
  rows: ScreenerRow[];
  setName: string;
  setNames: string[];
  buildCost: BuildCosts;
  snapshot: string | null;
}) {
  const { view, setView, hrefOf, errors } = useView();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const counts = useMemo(() => facetCounts(props.rows, view), [props.rows, view]);

  // Changing the assumption set needs the server to re-score: a real navigation, with a pending state.
  const chooseSet = (name: string) =>
    startTransition(() => router.push(hrefOf({ ...view, set: name === props.setNames[0] ? undefined : name })));

  return (
    <div className="screener" aria-busy={pending}>
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
        pending={pending}
      />
      <ScreenerTable rows={props.rows} view={view} setView={setView} setName={props.setName} buildCost={props.buildCost} />
      <ChartSection rows={props.rows} view={view} setView={setView} buildCost={props.buildCost} />
    </div>
  );
}

function ChartSection(props: { rows: ScreenerRow[]; view: ReturnType<typeof useView>["view"]; setView: ReturnType<typeof useView>["setView"]; buildCost: BuildCosts }) {
  const { view, setView } = props;
  return (
    <section className="chart-section" aria-labelledby="chart-title">
      <div className="chart-head">
        <h2 id="chart-title">EV per effective IT watt vs build cost</h2>
        <label>
          Horizontal axis{" "}
          <select value={view.chartX} onChange={(e) => setView({ chartX: e.target.value as "contracted" | "tier" })}>
            <option value="contracted">Contracted share of IT power</option>
            <option value="tier">Tier</option>
          </select>
        </label>
      </div>
      <p className="muted small">
        Each dot is a company in the current view. Below the dashed lines (build cost ${props.buildCost.low}, ${props.buildCost.base} and ${props.buildCost.high} per watt) the market pays less per effective IT watt than it costs to build one. Companies whose EV/W cannot be computed are not drawn.
      </p>
      <ScreenChart rows={props.rows} view={view} buildCost={props.buildCost} />
    </section>
  );
}
