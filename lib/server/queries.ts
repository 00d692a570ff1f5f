// Server-only reads. Pages, route handlers and scripts go through these, never through Prisma directly.
import type { Db } from "./db-client";
import { FACTS, SCORED_FACT_KEYS } from "../domain/facts";
import { toScoringCompany } from "../domain/to-scoring";
import { companyRecordOf, type CompanyRows } from "./rows";
import { defaultSetOf, loadStoredSets, type AssumptionSetInfo } from "./stored-sets";

const companyInclude = { facts: true, sites: true, contracts: true, balanceSheetEvents: true } as const;

export async function loadCompanyRows(db: Db): Promise<CompanyRows[]> {
  return db.company.findMany({ include: companyInclude, orderBy: { ticker: "asc" } });
}

/** Every company as scoring input, through the same record mapping as the company page and the editor. */
export async function loadScoringCompanies(db: Db) {
  const rows = await db.company.findMany({
    include: { ...companyInclude, facts: { where: { key: { in: SCORED_FACT_KEYS } } } },
    orderBy: { ticker: "asc" },
  });
  return rows.map((r) => toScoringCompany(companyRecordOf(r)));
}

/**
 * The date the screen is looked at: the dataset's snapshot. Figures dated after it (the snapshot rule
 * allows up to 2025-12-31) are used as they stand; balance-sheet events up to it are rolled in (§10.1).
 */
export const viewDateOf = (meta: { snapshot: string } | null) => meta?.snapshot ?? "2025-11-21";

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
      facts: true,
      sites: { orderBy: { position: "asc" } },
      contracts: { orderBy: { position: "asc" } },
      events: { orderBy: [{ date: "asc" }, { position: "asc" }] },
      balanceSheetEvents: { orderBy: [{ position: "asc" }, { id: "asc" }] },
    },
  });
}

const FIELD_LABELS: Record<string, string> = {
  "(record)": "record", sharePriceUsd: "share price", sharesOutstanding: "shares outstanding", totalDebtUsd: "total debt",
  cashUsd: "cash", preferredEquityUsd: "preferred equity", committedFinancingUsd: "committed financing", btcHeld: "bitcoin held",
  assumptionOverrides: "assumption overrides", appliedAt: "applied",
  ...Object.fromEntries(FACTS.map((f) => [f.key, f.label.toLowerCase()])),
};

const ENTITY_LABEL: Record<string, string> = { BalanceSheetEvent: "balance-sheet event", AssumptionSet: "assumption set" };

/** A company's audit trail, newest first, with a readable label per entry. */
export async function loadCompanyHistory(db: Db, companyId: number, take = 200) {
  const [entries, sites, contracts, bsEvents] = await Promise.all([
    db.auditEntry.findMany({ where: { companyId }, orderBy: { id: "desc" }, take }),
    db.site.findMany({ where: { companyId }, select: { id: true, name: true } }),
    db.contract.findMany({ where: { companyId }, select: { id: true, code: true } }),
    db.balanceSheetEvent.findMany({ where: { companyId }, select: { id: true, date: true, kind: true } }),
  ]);
  const names = new Map<string, string>([
    ...sites.map((s) => [`Site:${s.id}`, s.name] as const), ...contracts.map((k) => [`Contract:${k.id}`, k.code] as const),
    ...bsEvents.map((e) => [`BalanceSheetEvent:${e.id}`, `${e.date} ${e.kind.replace("_", " ")}`] as const),
  ]);
  return entries.map((e) => {
    const record = e.before ?? e.after;
    const name = names.get(`${e.entity}:${e.entityId}`) ?? (record && typeof record === "object" ? ((record as Record<string, string>).name ?? (record as Record<string, string>).code) : undefined);
    const what = e.entity === "Company" ? "" : `${ENTITY_LABEL[e.entity] ?? e.entity.toLowerCase()}${name ? ` ${name}` : ""}: `;
    return {
      id: e.id, at: e.at.toISOString(), entity: e.entity, entityId: e.entityId, field: e.field, before: e.before, after: e.after,
      user: e.user, revertOf: e.revertOf, label: `${what}${FIELD_LABELS[e.field] ?? e.field}`,
    };
  });
}
