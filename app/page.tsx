import Link from "next/link";
import { Suspense } from "react";
import { db } from "@/lib/server/db";
import { loadScreen, UnknownAssumptionSet } from "@/lib/server/screen";
import { parseView } from "@/lib/view/params";
import { Screener } from "./screener/Screener";

export const dynamic = "force-dynamic";

export default async function ScreenerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const parsed = parseView(params);
  // The set decides what the server computes; everything else is applied in the browser from the URL.
  const setName = parsed.ok ? parsed.view.set : typeof params.set === "string" ? params.set : undefined;
  let data;
  let setError: string | null = null;
  try {
    data = await loadScreen(db, setName);
  } catch (e) {
    if (!(e instanceof UnknownAssumptionSet)) throw e;
    setError = e.message;
    data = await loadScreen(db);
  }
  const { set, sets, rows, meta, viewDate, countryGap } = data;
  return (
    <>
      <div className="page-head">
        <h1>AI data-center miners: EV per watt vs build cost</h1>
        <p className="muted">
          {rows.length} listed miners, snapshot of {meta?.snapshot ?? "—"}{meta?.correctionsFile ? " with its corrections" : ""}, viewed on {viewDate}:
          balance sheets are rolled forward to that date. Each company&apos;s enterprise value per watt of effective IT capacity is
          set against what it costs to build AI data-center capacity. Positive discount = cheaper than building.{" "}
          <Link href="/methodology">How it is computed</Link>.
        </p>
        {meta && meta.datasetVersion < 2 && (
          <div className="notice warn" role="status">
            This database holds the first dataset (v1) with edits, so model v2&apos;s inputs — balance-sheet events, ownership
            shares, site allocations, phase scopes — are missing (site countries were filled from dataset v2 on start). <code>npm run db:reset</code> loads dataset v2
            (it discards the edits; <code>npm run db:export</code> keeps a copy first).
          </div>
        )}
        {countryGap && (
          <div className="notice warn" role="status" data-testid="no-country-notice">
            {countryGap.sites} sites at {countryGap.companies} companies have no country, so their uncontracted MW count as
            remote (× the remote-site factor, §10.4): those companies&apos; discounts are understated and not comparable with the rest.
            Add the countries on each company&apos;s edit page{meta && meta.datasetVersion < 2 ? <>, or load dataset v2 with <code>npm run db:reset</code></> : null}.
          </div>
        )}
        {setError && <div className="notice error" role="alert">{setError}; showing the default set “{set.name}”.</div>}
      </div>
      <Suspense fallback={<p aria-busy="true">Loading the screener…</p>}>
        <Screener
          rows={rows}
          setName={set.name}
          setNames={sets.map((s) => s.name)}
          buildCost={{ low: set.values.buildCostLowUsdPerW, base: set.values.buildCostBaseUsdPerW, high: set.values.buildCostHighUsdPerW }}
          snapshot={meta?.snapshot ?? null}
        />
      </Suspense>
    </>
  );
}
