"use client";
import { useMemo, useState } from "react";
import Link from "next/link";
import { FormStatus } from "@/app/components/FormStatus";
import { useWrite } from "@/app/components/use-write";
import type { MarketFiguresInput } from "@/lib/domain/forms";
import { recordAt, type CompanyHistory, type DatedContract, type FactPoint } from "@/lib/domain/history";
import type { FactKey } from "@/lib/domain/facts";
import type { BalanceSheetEventInput, ContractInput, SiteChangeInput, SiteInput } from "@/lib/domain/schemas";
import { toScoringCompany, type FactValue } from "@/lib/domain/to-scoring";
import { usdCompact } from "@/lib/format";
import type { AssumptionOverrides, Assumptions, ScoringCompany } from "@/lib/scoring";
import { applyEventAction } from "./actions";
import { MarketForm } from "./MarketForm";
import { OverridesForm } from "./OverridesForm";
import { Preview } from "./Preview";
import { RecordForm, type RecordInput, type RecordKind } from "./RecordForm";

export interface Versioned<T> {
  id: number;
  version: number;
  input: T;
  /** a contract from an applied event counts from its date */ countsFrom?: string | null;
}
export interface PendingEvent {
  id: number;
  version: number;
  date: string;
  summary: string;
  contract: ContractInput;
}

export interface EditorProps {
  ticker: string;
  name: string;
  companyVersion: number;
  market: MarketFiguresInput;
  overrides: AssumptionOverrides;
  sites: Versioned<SiteInput>[];
  contracts: Versioned<ContractInput>[];
  balanceSheetEvents: Versioned<BalanceSheetEventInput>[];
  siteChanges: Versioned<SiteChangeInput>[];
  /** every stored point of the company's figures (the form edits the latest of each) */
  points: FactPoint[];
  /** contracts of later events not applied: they join the company from their dates */
  eventContracts: DatedContract[];
  snapshot: string;
  events: PendingEvent[];
  all: ScoringCompany[];
  assumptions: Assumptions;
  setName: string;
  viewDate: string;
}

type Drafts = {
  facts?: MarketFiguresInput["facts"];
  overrides?: AssumptionOverrides;
  sites: Record<string, SiteInput | undefined>;
  contracts: Record<string, ContractInput | undefined>;
  bsEvents: Record<string, BalanceSheetEventInput | undefined>;
  changes: Record<string, SiteChangeInput | undefined>;
};

/** Saved records with the drafts over them, plus a new one being added. */
const withDrafts = <T,>(items: Versioned<T>[], drafts: Record<string, T | undefined>) => [
  ...items.map((x) => drafts[x.id] ?? x.input),
  ...(drafts.new ? [drafts.new] : []),
];

/**
 * The figures' points with the form's drafts applied as a save would apply them (lib/server/mutations/
 * points.ts): the latest point corrected, a new as-of added beside the older points, a cleared figure's
 * latest point removed.
 */
function pointsWithDrafts(points: FactPoint[], latest: MarketFiguresInput["facts"], drafts: MarketFiguresInput["facts"]): FactPoint[] {
  let out = points;
  for (const [k, v] of Object.entries(drafts) as [FactKey, FactValue | null | undefined][]) {
    if (v === undefined) continue;
    const was = latest[k];
    const at = v?.asOf ?? was?.asOf;
    const replaced = out.find((x) => x.key === k && x.value.asOf === at);
    out = out.filter((x) => x !== replaced);
    if (v) out = [...out, { key: k, value: v, origin: "user", snapshot: replaced?.snapshot ?? false, recordedAt: new Date().toISOString() }];
  }
  return out;
}

/** The company as it would score with the current drafts on the view date (null while a draft is invalid). */
function previewCompany(p: EditorProps, d: Drafts, invalid: boolean): ScoringCompany | null {
  if (invalid) return null;
  const contracts = p.contracts.map((x) => {
    const contract = d.contracts[x.id] ?? x.input;
    return { contract, countsFrom: x.countsFrom ?? contract.signedDate ?? null, fromEvent: false };
  });
  if (d.contracts.new) contracts.push({ contract: d.contracts.new, countsFrom: d.contracts.new.signedDate ?? null, fromEvent: false });
  const history: CompanyHistory = {
    ticker: p.ticker,
    name: p.name,
    points: d.facts ? pointsWithDrafts(p.points, p.market.facts, d.facts) : p.points,
    sites: withDrafts(p.sites, d.sites),
    siteChanges: withDrafts(p.siteChanges, d.changes),
    contracts: [...contracts, ...p.eventContracts],
    balanceSheetEvents: withDrafts(p.balanceSheetEvents, d.bsEvents),
    overrides: d.overrides ?? p.overrides,
  };
  return toScoringCompany(recordAt(history, p.viewDate, p.snapshot));
}

export function Editor(p: EditorProps) {
  const [drafts, setDrafts] = useState<Drafts>({ sites: {}, contracts: {}, bsEvents: {}, changes: {} });
  const [invalid, setInvalid] = useState<Record<string, boolean>>({});
  const [editing, setEditing] = useState<string | null>(null);
  const apply = useWrite(applyEventAction, { showsFields: false, showsConflict: false });

  const mark = (key: string, ok: boolean) => setInvalid((x) => ({ ...x, [key]: !ok }));
  const anyInvalid = Object.values(invalid).some(Boolean);
  const edited = useMemo(() => previewCompany(p, drafts, anyInvalid), [p, drafts, anyInvalid]);
  const dirty =
    drafts.facts !== undefined ||
    drafts.overrides !== undefined ||
    Object.keys(drafts.sites).length > 0 ||
    Object.keys(drafts.contracts).length > 0 ||
    Object.keys(drafts.bsEvents).length > 0 ||
    Object.keys(drafts.changes).length > 0;
  const siteNames = [...p.sites.map((s) => s.input.name)];
  const closeEditor = (key: string, group: "sites" | "contracts" | "bsEvents" | "changes") => () => {
    setEditing(null);
    setDrafts((d) => {
      const next = { ...d[group] };
      delete next[key];
      return { ...d, [group]: next };
    });
    mark(key, true);
  };

  return (
    <div className="editor">
      <div className="editor-main">
        <MarketForm
          initial={p.market}
          onDraft={(facts) => {
            mark("facts", !!facts);
            setDrafts((d) => ({ ...d, facts: facts ?? d.facts }));
          }}
          onSaved={() => {
            mark("facts", true);
            setDrafts((d) => ({ ...d, facts: undefined }));
          }}
        />

        <RecordSection
          kind="site"
          title="Sites"
          items={p.sites}
          ticker={p.ticker}
          siteNames={siteNames}
          editing={editing}
          setEditing={setEditing}
          name={(x) => x.name}
          summary={(x) => (
            <>
              <strong>{x.name}</strong> · {x.stage.replace("_", " ")} · {x.country ?? "country —"} ·{" "}
              {x.grossMw ? `${x.grossMw.value} MW gross` : "gross MW —"}
              {x.itMw ? ` · ${x.itMw.value} MW IT${x.itMwScope === "phase" ? " (phase)" : ""}` : ""}
              {x.companyShare !== 1 ? ` · ${Math.round((x.companyShare ?? 1) * 1000) / 10}% share` : ""}
            </>
          )}
          onDraft={(key, v) => {
            mark(`site-${key}`, !!v);
            setDrafts((d) => ({ ...d, sites: { ...d.sites, [key]: v } }));
          }}
          onClose={(key) => closeEditor(key, "sites")()}
        />
        <RecordSection
          kind="change"
          title="Site changes over time"
          items={p.siteChanges}
          ticker={p.ticker}
          siteNames={siteNames}
          editing={editing}
          setEditing={setEditing}
          intro="A site's stage, gross MW or IT MW from a date on (e.g. energized on 2026-05-01). Views before that date keep the site as it was."
          name={(x) => `${x.site} from ${x.date}`}
          summary={(x) => (
            <>
              <strong>{x.site}</strong> from {x.date}
              {x.stage ? ` · ${x.stage.replace("_", " ")}` : ""}
              {x.grossMw != null ? ` · ${x.grossMw} MW gross` : ""}
              {x.itMw != null ? ` · ${x.itMw} MW IT` : ""}
            </>
          )}
          onDraft={(key, v) => {
            mark(`change-${key}`, !!v);
            setDrafts((d) => ({ ...d, changes: { ...d.changes, [key]: v } }));
          }}
          onClose={(key) => closeEditor(key, "changes")()}
        />
        <RecordSection
          kind="contract"
          title="AI/HPC contracts"
          items={p.contracts}
          ticker={p.ticker}
          siteNames={siteNames}
          editing={editing}
          setEditing={setEditing}
          name={(x) => x.id}
          summary={(x) => (
            <>
              <strong>{x.counterparty}</strong> · {x.id} · {x.itMw ?? "—"} MW · {x.tenorYears ?? "—"} y · {usdCompact(x.totalValueUsd)}
              {x.siteAllocations?.length ? ` · on ${x.siteAllocations.map((a) => a.site).join(", ")}` : ""}
              {x.companyShare !== 1 ? ` · ${Math.round((x.companyShare ?? 1) * 1000) / 10}% share` : ""}
            </>
          )}
          onDraft={(key, v) => {
            mark(`contract-${key}`, !!v);
            setDrafts((d) => ({ ...d, contracts: { ...d.contracts, [key]: v } }));
          }}
          onClose={(key) => closeEditor(key, "contracts")()}
        />
        <RecordSection
          kind="event"
          title="Balance-sheet events"
          items={p.balanceSheetEvents}
          ticker={p.ticker}
          siteNames={siteNames}
          editing={editing}
          setEditing={setEditing}
          intro={`Dated transactions after a balance-sheet date. Each moves the figures dated before it, up to the view date (${p.viewDate}).`}
          name={(x) => `${x.date} ${x.kind.replace(/_/g, " ")}`}
          summary={(x) => (
            <>
              <strong>{x.date}</strong> · {x.kind.replace(/_/g, " ")} · {x.description}
              {x.cashDeltaUsd != null ? ` · cash ${usdCompact(x.cashDeltaUsd)}` : ""}
              {x.debtDeltaUsd != null ? ` · debt ${usdCompact(x.debtDeltaUsd)}` : ""}
            </>
          )}
          onDraft={(key, v) => {
            mark(`event-${key}`, !!v);
            setDrafts((d) => ({ ...d, bsEvents: { ...d.bsEvents, [key]: v } }));
          }}
          onClose={(key) => closeEditor(key, "bsEvents")()}
        />

        {p.events.length > 0 && (
          <section className="edit-form" aria-labelledby="events-title">
            <h2 id="events-title">Later events with a contract</h2>
            <p className="small muted">
              An event&apos;s contract joins the company from the event&apos;s date on its own. Applying it makes it one of the company&apos;s
              contracts, to edit like the others (it still counts from that date).
            </p>
            <ul className="record-list">
              {p.events.map((e) => (
                <li key={e.id} className="record-line event-line">
                  <span>
                    <strong>{e.date}</strong> {e.summary}{" "}
                    <span className="muted small">
                      ({e.contract.counterparty}, {e.contract.itMw ?? "—"} MW, {e.contract.tenorYears ?? "—"} y)
                    </span>
                  </span>
                  <button
                    type="button"
                    disabled={apply.pending}
                    onClick={() =>
                      apply.submit({ ticker: p.ticker, eventId: e.id, version: e.version }, { okText: `Applied: contract ${e.contract.id} added` })
                    }
                  >
                    Apply contract
                  </button>
                </li>
              ))}
            </ul>
            <FormStatus status={apply.status} />
          </section>
        )}

        <OverridesForm
          ticker={p.ticker}
          version={p.companyVersion}
          initial={p.overrides}
          active={p.assumptions}
          onDraft={(o) => {
            mark("overrides", !!o);
            setDrafts((d) => ({ ...d, overrides: o ?? d.overrides }));
          }}
          onSaved={() => {
            mark("overrides", true);
            setDrafts((d) => ({ ...d, overrides: undefined }));
          }}
        />
      </div>
      <div className="editor-side">
        <Preview ticker={p.ticker} all={p.all} edited={edited} assumptions={p.assumptions} viewDate={p.viewDate} dirty={dirty} />
        <p className="small">
          <Link href={`/companies/${p.ticker}`}>Back to {p.ticker}</Link> · assumptions “{p.setName}”
        </p>
      </div>
    </div>
  );
}

const NOUN: Record<RecordKind, string> = { site: "site", contract: "contract", event: "balance-sheet event", change: "site change" };

/** The list of a company's sites, contracts or balance-sheet events, each editable in place, plus "Add". */
function RecordSection<T extends RecordInput>(props: {
  kind: RecordKind;
  title: string;
  items: Versioned<T>[];
  ticker: string;
  siteNames: string[];
  intro?: string;
  editing: string | null;
  setEditing: (key: string | null) => void;
  name: (x: T) => string;
  summary: (x: T) => React.ReactNode;
  onDraft: (key: string, v: T | undefined) => void;
  onClose: (key: string) => void;
}) {
  const { kind } = props;
  const form = (key: string, item?: Versioned<T>) => (
    <RecordForm
      kind={kind}
      ticker={props.ticker}
      id={item?.id}
      version={item?.version}
      initial={item?.input ?? null}
      siteNames={props.siteNames}
      onDraft={(v) => props.onDraft(key, v as T | undefined)}
      onDone={() => props.onClose(key)}
    />
  );
  return (
    <section className="edit-form" aria-labelledby={`${kind}s-title`}>
      <h2 id={`${kind}s-title`}>{props.title}</h2>
      {props.intro && <p className="small muted">{props.intro}</p>}
      {props.items.length === 0 && <p className="small muted">None recorded.</p>}
      <ul className="record-list">
        {props.items.map((item) => (
          <li key={`${item.id}-${item.version}`}>
            {props.editing === `${kind}-${item.id}` ? (
              form(String(item.id), item)
            ) : (
              <div className="record-line">
                <span>{props.summary(item.input)}</span>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => props.setEditing(`${kind}-${item.id}`)}
                  aria-label={`Edit ${NOUN[kind]} ${props.name(item.input)}`}
                >
                  Edit
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {props.editing === `${kind}-new` ? (
        form("new")
      ) : (
        <button type="button" onClick={() => props.setEditing(`${kind}-new`)}>
          Add {NOUN[kind]}
        </button>
      )}
    </section>
  );
}
