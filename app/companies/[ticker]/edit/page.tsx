import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { contractSchema } from "@/lib/domain/schemas";
import { db } from "@/lib/server/db";
import { marketFiguresOf, overridesOf } from "@/lib/server/mutations/company";
import { loadCompanyDetail, loadScoringCompanies, resolveAssumptionSet } from "@/lib/server/queries";
import { balanceSheetEventToInput, contractToInput, factPointOf, siteChangeToInput, siteToInput } from "@/lib/server/rows";
import { Editor, type PendingEvent } from "./Editor";
import { ViewDateError } from "@/lib/server/timeline";
import { asOfProblem } from "@/lib/view/params";
import "./edit.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit" };

export default async function EditCompanyPage({
  params,
  searchParams,
}: {
  params: Promise<{ ticker: string }>;
  searchParams: Promise<{ set?: string | string[]; asOf?: string | string[] }>;
}) {
  const { ticker: raw } = await params;
  const { set: setParam, asOf: asOfParam } = await searchParams;
  const asked = typeof asOfParam === "string" && asOfProblem(asOfParam) == null ? asOfParam : undefined;
  const ticker = raw.toUpperCase();
  if (!/^[A-Z0-9.]{1,10}$/.test(ticker)) notFound();
  // The preview is on the latest date the data supports (the date the form's latest figures speak for),
  // or on ?asOf; a date the data cannot be viewed on falls back to the latest.
  const [company, market, overrides, { companies: all, viewDate, timeline }, set] = await Promise.all([
    loadCompanyDetail(db, ticker),
    marketFiguresOf(db, ticker),
    overridesOf(db, ticker),
    loadScoringCompanies(db, asked).catch((e) => {
      if (e instanceof ViewDateError) return loadScoringCompanies(db);
      throw e;
    }),
    // the preview uses the set the user is screening with (falls back to the default set)
    resolveAssumptionSet(db, typeof setParam === "string" ? setParam : null).then((s) => s ?? resolveAssumptionSet(db)),
  ]);
  if (!company || !market || !overrides || !set) notFound();
  const siteName = new Map(company.sites.map((s) => [s.id, s.name]));
  const events: PendingEvent[] = company.events.flatMap((e) => {
    if (e.contractJson == null || e.appliedAt) return [];
    const parsed = contractSchema.safeParse(e.contractJson);
    return parsed.success ? [{ id: e.id, version: e.version, date: e.date, summary: e.summary, contract: parsed.data }] : [];
  });
  return (
    <>
      <h1>
        Edit {company.ticker} <span className="muted">· {company.name}</span>
      </h1>
      <Editor
        ticker={company.ticker}
        name={company.name}
        companyVersion={company.version}
        market={market}
        overrides={overrides.overrides}
        sites={company.sites.map((s) => ({ id: s.id, version: s.version, input: siteToInput(s) }))}
        contracts={company.contracts.map((k) => ({
          id: k.id,
          version: k.version,
          input: contractToInput(k, (id) => siteName.get(id) ?? null),
          countsFrom: k.fromEvent?.date ?? null,
        }))}
        siteChanges={company.siteChanges.map((c) => ({
          id: c.id,
          version: c.version,
          input: siteChangeToInput(c, (id) => siteName.get(id) ?? null),
        }))}
        points={company.facts.map(factPointOf)}
        eventContracts={timeline.histories.find((h) => h.ticker === company.ticker)?.contracts.filter((k) => k.fromEvent) ?? []}
        snapshot={timeline.snapshot}
        balanceSheetEvents={company.balanceSheetEvents.map((e) => ({ id: e.id, version: e.version, input: balanceSheetEventToInput(e) }))}
        events={events}
        all={all}
        assumptions={set.values}
        setName={set.name}
        viewDate={viewDate}
      />
    </>
  );
}
