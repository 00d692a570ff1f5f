// Server-only reads. Pages, route handlers and scripts go through these, never through Prisma directly.
import type { Db } from "./db-client";
import { FACTS } from "../domain/facts";
import { loadTimeline, scoringCompaniesAt, viewDateFor } from "./timeline";
import { defaultSetOf, loadStoredSets, type AssumptionSetInfo } from "./stored-sets";

/** Every company as scoring input on a view date (the latest the data supports unless `asOf`). */
export async function loadScoringCompanies(db: Db, asOf?: string | null) {
  const timeline = await loadTimeline(db);
  const viewDate = viewDateFor(timeline, asOf);
  return { timeline, viewDate, companies: scoringCompaniesAt(timeline, viewDate) };
}

export type { AssumptionSetInfo } from "./stored-sets";

/** All named sets that validate, default first. The others are listed by loadStoredSets (stored-sets.ts). */
export async function loadAssumptionSets(db: Db): Promise<AssumptionSetInfo[]> {
  return (await loadStoredSets(db)).sets;
}

/** The set named `name`, else the default set (the methodology defaults when it is invalid). */
export async function resolveAssumptionSet(db: Db, name?: string | null): Promise<AssumptionSetInfo | null> {
  const stored = await loadStoredSets(db);
  if (name) return stored.sets.find((s) => s.name === name) ?? null;
  return defaultSetOf(stored).set;
}

export async function loadDatasetMeta(db: Db) {
  return db.datasetMeta.findUnique({ where: { id: 1 } });
}

export async function loadCompanyDetail(db: Db, ticker: string) {
  return db.company.findUnique({
    where: { ticker },
    include: {
      facts: { orderBy: [{ key: "asc" }, { asOf: "desc" }] },
      sites: { orderBy: { position: "asc" } },
      siteChanges: { orderBy: [{ date: "asc" }, { position: "asc" }] },
      contracts: { orderBy: { position: "asc" }, include: { fromEvent: { select: { date: true } } } },
      events: { orderBy: [{ date: "asc" }, { position: "asc" }], include: { appliedContract: { select: { id: true } } } },
      balanceSheetEvents: { orderBy: [{ position: "asc" }, { id: "asc" }] },
    },
  });
}

const FIELD_LABELS: Record<string, string> = {
  "(record)": "record",
  sharePriceUsd: "share price",
  sharesOutstanding: "shares outstanding",
  totalDebtUsd: "total debt",
  cashUsd: "cash",
  preferredEquityUsd: "preferred equity",
  committedFinancingUsd: "committed financing",
  btcHeld: "bitcoin held",
  assumptionOverrides: "assumption overrides",
  appliedAt: "applied",
  ...Object.fromEntries(FACTS.map((f) => [f.key, f.label.toLowerCase()])),
};

const ENTITY_LABEL: Record<string, string> = { BalanceSheetEvent: "balance-sheet event", AssumptionSet: "assumption set", SiteChange: "site change" };

/** A company's audit trail, newest first, with a readable label per entry. */
export async function loadCompanyHistory(db: Db, companyId: number, take = 200) {
  const [entries, sites, contracts, bsEvents] = await Promise.all([
    db.auditEntry.findMany({ where: { companyId }, orderBy: { id: "desc" }, take }),
    db.site.findMany({ where: { companyId }, select: { id: true, name: true } }),
    db.contract.findMany({ where: { companyId }, select: { id: true, code: true } }),
    db.balanceSheetEvent.findMany({ where: { companyId }, select: { id: true, date: true, kind: true } }),
  ]);
  const names = new Map<string, string>([
    ...sites.map((s) => [`Site:${s.id}`, s.name] as const),
    ...contracts.map((k) => [`Contract:${k.id}`, k.code] as const),
    ...bsEvents.map((e) => [`BalanceSheetEvent:${e.id}`, `${e.date} ${e.kind.replace("_", " ")}`] as const),
  ]);
  return entries.map((e) => {
    const record = e.before ?? e.after;
    const name =
      names.get(`${e.entity}:${e.entityId}`) ??
      (record && typeof record === "object" ? ((record as Record<string, string>).name ?? (record as Record<string, string>).code) : undefined);
    const what = e.entity === "Company" ? "" : `${ENTITY_LABEL[e.entity] ?? e.entity.toLowerCase()}${name ? ` ${name}` : ""}: `;
    return {
      id: e.id,
      at: e.at.toISOString(),
      entity: e.entity,
      entityId: e.entityId,
      field: e.field,
      before: e.before,
      after: e.after,
      user: e.user,
      revertOf: e.revertOf,
      label: `${what}${FIELD_LABELS[e.field] ?? e.field}`,
    };
  });
}

/** The bulk updates applied, newest first. */
export async function loadUpdateBatches(db: Db, take = 30) {
  return db.updateBatch.findMany({ orderBy: { id: "desc" }, take });
}
