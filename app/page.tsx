import Link from "next/link";
import { Suspense } from "react";
import { db } from "@/lib/server/db";
import { loadScreen } from "@/lib/server/screen";
import { loadSavedViews } from "@/lib/server/mutations/saved-views";
import { loadWithFallbacks } from "@/lib/server/view-fallbacks";
import { parseView } from "@/lib/view/params";
import { readRevision } from "@/lib/server/revision";
import { IN_PAGE_MAX_COMPANIES } from "@/lib/view/rescore";
import { Screener } from "./screener/Screener";
import "./screener/search.css";

export const dynamic = "force-dynamic";

export default async function ScreenerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const parsed = parseView(params);
  // The set and the view date decide what the server computes; everything else is applied in the browser
  // from the URL. A bad parameter is left out (the screener says which), the others are used.
  const setName = parsed.view.set;
  const asOf = parsed.view.asOf;
  // Read before the data: a write in between makes the page's revision older than its data, never newer,
  // so in-page re-scoring (decision 0021) then refuses the input and asks the server instead.
  const revision = await readRevision(db);
  const [{ data, notices }, savedViews] = await Promise.all([
    loadWithFallbacks((o) => loadScreen(db, o.set, o.asOf), { set: setName, asOf }),
    loadSavedViews(db),
  ]);
  const { set, sets, rows, meta, viewDate, countryGap, dates, priceAges } = data;
  return (
    <>
      <div className="page-head">
        <h1>AI data-center miners: EV per watt vs build cost</h1>
        <p className="muted">
          {rows.length} listed miners viewed on <strong data-testid="view-date">{viewDate}</strong>
          {viewDate === dates.latest ? " (the latest date the data reaches)" : viewDate === dates.snapshot ? " (the dataset’s snapshot)" : ""}: each
          figure is its latest value on or before that date, balance sheets rolled forward to it.{" "}
          {priceAges && (
            <span data-testid="price-ages">
              {priceAges.count > 0 && (
                <>
                  Prices are {priceAges.min === priceAges.max ? priceAges.min : `${priceAges.min}–${priceAges.max}`} days old (median{" "}
                  {priceAges.median}, {priceAges.count} companies){priceAges.later ? "; " : ". "}
                </>
              )}
              {priceAges.later > 0 && (
                <>
                  {priceAges.later} {priceAges.later === 1 ? "is" : "are"} dated after the view date and stand for the snapshot (the dataset&apos;s
                  rule).{" "}
                </>
              )}
            </span>
          )}
          Each company&apos;s enterprise value per watt of effective IT capacity is set against what it costs to build AI data-center capacity;
          positive discount = cheaper than building. Snapshot of {meta?.snapshot ?? "—"}
          {meta?.correctionsFile ? " with its corrections" : ""}. <Link href="/methodology">How it is computed</Link>.
        </p>
        {meta && meta.datasetVersion < 2 && (
          <div className="notice warn" role="status">
            This database holds the first dataset (v1) with edits, so model v2&apos;s inputs — balance-sheet events, ownership shares, site
            allocations, phase scopes — are missing (site countries were filled from dataset v2 on start). <code>npm run db:reset</code> loads dataset
            v2 (it discards the edits; <code>npm run db:export</code> keeps a copy first).
          </div>
        )}
        {countryGap && (
          <div className="notice warn" role="status" data-testid="no-country-notice">
            {countryGap.sites} sites at {countryGap.companies} companies have no country, so their uncontracted MW count as remote (× the remote-site
            factor, §10.4): those companies&apos; discounts are understated and not comparable with the rest. Add the countries on each company&apos;s
            edit page
            {meta && meta.datasetVersion < 2 ? (
              <>
                , or load dataset v2 with <code>npm run db:reset</code>
              </>
            ) : null}
            .
          </div>
        )}
        {notices.map((n) => (
          <div key={n} className="notice error" role="alert">
            {n}
          </div>
        ))}
      </div>
      <Suspense fallback={<p aria-busy="true">Loading the screener…</p>}>
        <Screener
          rows={rows}
          setName={set.name}
          requestedSet={setName}
          inPage={rows.length <= IN_PAGE_MAX_COMPANIES ? { revision, viewDate, sets: Object.fromEntries(sets.map((s) => [s.name, s.values])) } : null}
          setNames={sets.map((s) => s.name)}
          buildCost={{ low: set.values.buildCostLowUsdPerW, base: set.values.buildCostBaseUsdPerW, high: set.values.buildCostHighUsdPerW }}
          viewDate={viewDate}
          dates={dates}
          savedViews={savedViews.map((v) => ({
            id: v.id,
            name: v.name,
            query: v.query,
            createdBy: v.createdBy,
            createdAt: v.createdAt.toISOString(),
            version: v.version,
          }))}
        />
      </Suspense>
    </>
  );
}
