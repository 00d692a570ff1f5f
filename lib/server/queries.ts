// Server-only reads. Pages, route handlers and scripts go through these, never through Prisma directly.
import type { Db } from "./db-client";
import { defaultSetOf, loadStoredSets, type AssumptionSetInfo } from "./stored-sets";
import { SCORING_CONTRACT_COLUMNS, toScoringCompany, type CompanyRows } from "./to-scoring-input";

const companyInclude = { facts: true, sites: true, contracts: true } as const;

export async function loadCompanyRows(db: Db): Promise<CompanyRows[]> {
  return db.company.findMany({ include: companyInclude, orderBy: { ticker: "asc" } });
}

/** Company figures scoring reads (lib/scoring/score.ts INPUT_KEYS). */
const SCORING_FACT_KEYS = ["sharePriceUsd", "sharesOutstanding", "totalDebtUsd", "cashUsd", "preferredEquityUsd", "committedFinancingUsd", "btcHeld"];

/**
 * Every company as scoring input. Reads only the columns scoring uses: with 10,000 companies, the full
 * rows (notes, sources, every fact) take twice as long to load (docs/performance.md).
 */
export async function loadScoringCompanies(db: Db) {
  const rows = await db.company.findMany({
    select: {
      ticker: true, name: true, assumptionOverrides: true,
      facts: { where: { key: { in: SCORING_FACT_KEYS } }, select: { key: true, value: true, asOf: true, sourceUrl: true, note: true } },
      sites: { select: { id: true, name: true, stage: true, grossMw: true, itMw: true, position: true } },
      contracts: { select: Object.fromEntries(SCORING_CONTRACT_COLUMNS.map((k) => [k, true])) as Record<(typeof SCORING_CONTRACT_COLUMNS)[number], true> },
    },
    orderBy: { ticker: "asc" },
  });
  return rows.map(toScoringCompany);
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
      facts: true,
      sites: { orderBy: { position: "asc" } },
      contracts: { orderBy: { position: "asc" } },
      events: { orderBy: [{ date: "asc" }, { position: "asc" }] },
    },
  });
}

const FIELD_LABELS: Record<string, string> = {
  "(record)": "record", sharePriceUsd: "share price", sharesOutstanding: "shares outstanding", totalDebtUsd: "total debt",
  cashUsd: "cash", preferredEquityUsd: "preferred equity", committedFinancingUsd: "committed financing", btcHeld: "bitcoin held",
  assumptionOverrides: "assumption overrides", appliedAt: "applied",
};

/** A company's audit trail, newest first, with a readable label per entry. */
export async function loadCompanyHistory(db: Db, companyId: number, take = 200) {
  const [entries, sites, contracts] = await Promise.all([
    db.auditEntry.findMany({ where: { companyId }, orderBy: { id: "desc" }, take }),
    db.site.findMany({ where: { companyId }, select: { id: true, name: true } }),
    db.contract.findMany({ where: { companyId }, select: { id: true, code: true } }),
  ]);
  const names = new Map<string, string>([...sites.map((s) => [`Site:${s.id}`, s.name] as const), ...contracts.map((k) => [`Contract:${k.id}`, k.code] as const)]);
  return entries.map((e) => {
    const record = e.before ?? e.after;
    const name = names.get(`${e.entity}:${e.entityId}`) ?? (record && typeof record === "object" ? ((record as Record<string, string>).name ?? (record as Record<string, string>).code) : undefined);
    const what = e.entity === "Company" ? "" : `${e.entity.toLowerCase()}${name ? ` ${name}` : ""}: `;
    return {
      id: e.id, at: e.at.toISOString(), entity: e.entity, entityId: e.entityId, field: e.field, before: e.before, after: e.after,
      user: e.user, revertOf: e.revertOf, label: `${what}${FIELD_LABELS[e.field] ?? e.field}`,
    };
  });
}
