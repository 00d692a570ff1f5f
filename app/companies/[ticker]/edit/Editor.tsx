"use client";
import { useMemo, useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { MarketFiguresInput } from "@/lib/domain/forms";
import type { ContractInput, SiteInput } from "@/lib/domain/schemas";
import { contractToScoring } from "@/lib/domain/to-scoring";
import { usdCompact } from "@/lib/format";
import type { AssumptionOverrides, Assumptions, ScoringCompany } from "@/lib/scoring";
import { applyEventAction } from "./actions";
import { MarketForm } from "./MarketForm";
import { OverridesForm } from "./OverridesForm";
import { Preview } from "./Preview";
import { RecordForm } from "./RecordForm";

export interface Versioned<T> { id: number; version: number; input: T }
export interface PendingEvent { id: number; version: number; date: string; summary: string; contract: ContractInput }

export interface EditorProps {
  ticker: string;
  name: string;
  companyVersion: number;
  market: MarketFiguresInput;
  overrides: AssumptionOverrides;
  sites: Versioned<SiteInput>[];
  contracts: Versioned<ContractInput>[];
  events: PendingEvent[];
  all: ScoringCompany[];
  assumptions: Assumptions;
  setName: string;
}

type Drafts = {
  facts?: MarketFiguresInput["facts"];
  overrides?: AssumptionOverrides;
  sites: Record<string, SiteInput | undefined>;
  contracts: Record<string, ContractInput | undefined>;
  events: Record<number, boolean>;
};

const sourced = (f: { value: number; asOf: string; source: string; note?: string | null } | null) =>
  f ? { value: f.value, asOf: f.asOf, sourceUrl: f.source, note: f.note ?? null } : null;

/** The company as it would score with the current drafts (null while a draft is invalid). */
function previewCompany(p: EditorProps, d: Drafts, invalid: boolean): ScoringCompany | null {
  if (invalid) return null;
  const facts = d.facts ?? p.market.facts;
  const sites = [...p.sites.map((s) => d.sites[s.id] ?? s.input), ...(d.sites.new ? [d.sites.new] : [])];
  const contracts = [
    ...p.contracts.map((k) => d.contracts[k.id] ?? k.input),
    ...(d.contracts.new ? [d.contracts.new] : []),
    ...p.events.filter((e) => d.events[e.id]).map((e) => e.contract),
  ];
  return {
    ticker: p.ticker, name: p.name,
    sharePriceUsd: sourced(facts.sharePriceUsd), sharesOutstanding: sourced(facts.sharesOutstanding),
    totalDebtUsd: sourced(facts.totalDebtUsd), cashUsd: sourced(facts.cashUsd), preferredEquityUsd: sourced(facts.preferredEquityUsd),
    committedFinancingUsd: sourced(facts.committedFinancingUsd), btcHeld: sourced(facts.btcHeld),
    sites: sites.map((s) => ({ name: s.name, stage: s.stage, grossMw: s.grossMw?.value ?? null, itMw: s.itMw?.value ?? null })),
    contracts: contracts.map(contractToScoring),
    overrides: d.overrides ?? p.overrides,
  };
}

export function Editor(p: EditorProps) {
  const router = useRouter();
  const [drafts, setDrafts] = useState<Drafts>({ sites: {}, contracts: {}, events: {} });
  const [invalid, setInvalid] = useState<Record<string, boolean>>({});
  const [editing, setEditing] = useState<string | null>(null);
  const [applying, startApply] = useTransition();
  const [eventMsg, setEventMsg] = useState<string | null>(null);

  const mark = (key: string, ok: boolean) => setInvalid((x) => ({ ...x, [key]: !ok }));
  const anyInvalid = Object.values(invalid).some(Boolean);
  const edited = useMemo(() => previewCompany(p, drafts, anyInvalid), [p, drafts, anyInvalid]);
  const dirty = drafts.facts !== undefined || drafts.overrides !== undefined || Object.keys(drafts.sites).length > 0 || Object.keys(drafts.contracts).length > 0 || Object.values(drafts.events).some(Boolean);
  const siteNames = [...p.sites.map((s) => s.input.name)];
  const closeEditor = (key: string, group: "sites" | "contracts") => () => {
    setEditing(null);
    setDrafts((d) => { const next = { ...d[group] }; delete next[key]; return { ...d, [group]: next }; });
    mark(key, true);
  };

  return (
    <div className="editor">
      <div className="editor-main">
        <MarketForm initial={p.market} onDraft={(facts) => { mark("facts", !!facts); setDrafts((d) => ({ ...d, facts: facts ?? d.facts })); }} />

        <section className="edit-form" aria-labelledby="sites-title">
          <h2 id="sites-title">Sites</h2>
          <ul className="record-list">
            {p.sites.map((s) => (
              <li key={`${s.id}-${s.version}`}>
                {editing === `site-${s.id}` ? (
                  <RecordForm kind="site" ticker={p.ticker} id={s.id} version={s.version} initial={s.input} siteNames={siteNames}
                    onDraft={(v) => { mark(`site-${s.id}`, !!v); setDrafts((d) => ({ ...d, sites: { ...d.sites, [s.id]: v as SiteInput | undefined } })); }}
                    onDone={closeEditor(String(s.id), "sites")} />
                ) : (
                  <div className="record-line">
                    <span><strong>{s.input.name}</strong> · {s.input.stage.replace("_", " ")} · {s.input.grossMw ? `${s.input.grossMw.value} MW gross` : "gross MW —"}{s.input.itMw ? ` · ${s.input.itMw.value} MW IT` : ""}</span>
                    <button type="button" className="secondary" onClick={() => setEditing(`site-${s.id}`)} aria-label={`Edit site ${s.input.name}`}>Edit</button>
                  </div>
                )}
              </li>
            ))}
          </ul>
          {editing === "site-new" ? (
            <RecordForm kind="site" ticker={p.ticker} initial={null} siteNames={siteNames}
              onDraft={(v) => { mark("site-new", !!v); setDrafts((d) => ({ ...d, sites: { ...d.sites, new: v as SiteInput | undefined } })); }}
              onDone={closeEditor("new", "sites")} />
          ) : <button type="button" onClick={() => setEditing("site-new")}>Add site</button>}
        </section>

        <section className="edit-form" aria-labelledby="contracts-title">
          <h2 id="contracts-title">AI/HPC contracts</h2>
          <ul className="record-list">
            {p.contracts.map((k) => (
              <li key={`${k.id}-${k.version}`}>
                {editing === `contract-${k.id}` ? (
                  <RecordForm kind="contract" ticker={p.ticker} id={k.id} version={k.version} initial={k.input} siteNames={siteNames}
                    onDraft={(v) => { mark(`contract-${k.id}`, !!v); setDrafts((d) => ({ ...d, contracts: { ...d.contracts, [k.id]: v as ContractInput | undefined } })); }}
                    onDone={closeEditor(String(k.id), "contracts")} />
                ) : (
                  <div className="record-line">
                    <span><strong>{k.input.counterparty}</strong> · {k.input.id} · {k.input.itMw ?? "—"} MW · {k.input.tenorYears ?? "—"} y · {usdCompact(k.input.totalValueUsd)}</span>
                    <button type="button" className="secondary" onClick={() => setEditing(`contract-${k.id}`)} aria-label={`Edit contract ${k.input.id}`}>Edit</button>
                  </div>
                )}
              </li>
            ))}
          </ul>
          {editing === "contract-new" ? (
            <RecordForm kind="contract" ticker={p.ticker} initial={null} siteNames={siteNames}
              onDraft={(v) => { mark("contract-new", !!v); setDrafts((d) => ({ ...d, contracts: { ...d.contracts, new: v as ContractInput | undefined } })); }}
              onDone={closeEditor("new", "contracts")} />
          ) : <button type="button" onClick={() => setEditing("contract-new")}>Add contract</button>}
        </section>

        {p.events.length > 0 && (
          <section className="edit-form" aria-labelledby="events-title">
            <h2 id="events-title">Later events with a contract</h2>
            <p className="small muted">Applying an event adds its contract to the company; the event records that it was applied.</p>
            <ul className="record-list">
              {p.events.map((e) => (
                <li key={e.id} className="record-line event-line">
                  <span><strong>{e.date}</strong> {e.summary} <span className="muted small">({e.contract.counterparty}, {e.contract.itMw ?? "—"} MW, {e.contract.tenorYears ?? "—"} y)</span></span>
                  <label className="small"><input type="checkbox" checked={!!drafts.events[e.id]} onChange={(x) => setDrafts((d) => ({ ...d, events: { ...d.events, [e.id]: x.target.checked } }))} /> preview</label>
                  <button type="button" disabled={applying} onClick={() => startApply(async () => {
                    const r = await applyEventAction({ ticker: p.ticker, eventId: e.id, version: e.version });
                    setEventMsg(r.ok ? `Applied: contract ${e.contract.id} added` : r.kind === "invalid" ? Object.values(r.fieldErrors).flat().concat(r.formErrors).join("; ") : r.message);
                    if (r.ok) { setDrafts((d) => ({ ...d, events: { ...d.events, [e.id]: false } })); router.refresh(); }
                  })}>Apply contract</button>
                </li>
              ))}
            </ul>
            {eventMsg && <p className="form-status" role="status">{eventMsg}</p>}
          </section>
        )}

        <OverridesForm ticker={p.ticker} version={p.companyVersion} initial={p.overrides} active={p.assumptions}
          onDraft={(o) => { mark("overrides", !!o); setDrafts((d) => ({ ...d, overrides: o ?? d.overrides })); }} />
      </div>
      <div className="editor-side">
        <Preview ticker={p.ticker} all={p.all} edited={edited} assumptions={p.assumptions} dirty={dirty} />
        <p className="small"><Link href={`/companies/${p.ticker}`}>Back to {p.ticker}</Link> · assumptions “{p.setName}”</p>
      </div>
    </div>
  );
}
