// Writes to a company's own record: its sourced figures and its assumption overrides. Both are guarded by
// the company's version.
import { EDITABLE_FACTS, marketFiguresSchema, overridesFormSchema, type MarketFiguresInput } from "../../domain/forms";
import type { FactValue } from "../../domain/to-scoring";
import type { Db } from "../db-client";
import { parseOverrides } from "../overrides";
import { factColumns, factToInput, figuresOf } from "../rows";
import { overridesClashWithSetInUse } from "../stored-sets";
import { diff, recordChanges } from "./audit";
import { ConflictError, invalid, NotFoundError, runWrite, type Tx, type WriteResult } from "./result";

export async function marketFiguresOf(tx: Tx | Db, ticker: string): Promise<MarketFiguresInput | null> {
  const c = await tx.company.findUnique({ where: { ticker }, include: { facts: true } });
  return c ? { ticker: c.ticker, version: c.version, facts: figuresOf(c.facts) } : null;
}

/** Claims the company's version or throws a conflict carrying what is stored now. */
async function claimCompany<T>(tx: Tx, ticker: string, version: number, current: () => Promise<T>) {
  const company = await tx.company.findUnique({ where: { ticker } });
  if (!company) throw new NotFoundError(`Company ${ticker} not found`);
  const claimed = await tx.company.updateMany({ where: { id: company.id, version }, data: { version: { increment: 1 } } });
  if (claimed.count === 0)
    throw new ConflictError("Someone else saved this company after you opened it. Nothing was written.", await current());
  return company;
}

/** Stores one figure (a user's edit, or a revert of one); null removes it. */
export async function writeFact(tx: Tx, companyId: number, key: string, value: FactValue | null, origin = "user") {
  if (value == null) {
    await tx.fact.deleteMany({ where: { companyId, key } });
    return;
  }
  const data = { ...factColumns(value), origin };
  await tx.fact.upsert({
    where: { companyId_key: { companyId, key } },
    create: { companyId, key, ...data },
    update: { ...data, version: { increment: 1 } },
  });
}

export async function saveMarketFigures(db: Db, raw: unknown, user: string | null): Promise<WriteResult<{ version: number }>> {
  const parsed = marketFiguresSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, raw);
  const input = parsed.data as MarketFiguresInput;
  return runWrite("market figures", raw, () =>
    db.$transaction(async (tx) => {
      const before = await marketFiguresOf(tx, input.ticker);
      const company = await claimCompany(tx, input.ticker, input.version, () => marketFiguresOf(tx, input.ticker));
      const submitted = EDITABLE_FACTS.filter((k) => input.facts[k] !== undefined);
      // Each figure in its stored shape, so a value that round-trips unchanged is not recorded as a change.
      const after = Object.fromEntries(submitted.map((k) => [k, input.facts[k] == null ? null : factToInput(factColumns(input.facts[k]!))]));
      const changes = diff("Company", company.id, company.id, before!.facts, after, submitted);
      for (const c of changes) await writeFact(tx, company.id, c.field, after[c.field] ?? null);
      await recordChanges(tx, changes, user);
      return { version: company.version + 1 };
    }),
  );
}

export async function overridesOf(tx: Tx | Db, ticker: string) {
  const c = await tx.company.findUnique({ where: { ticker } });
  return c ? { ticker: c.ticker, version: c.version, overrides: parseOverrides(c.assumptionOverrides) ?? {} } : null;
}

export async function saveOverrides(db: Db, raw: unknown, user: string | null): Promise<WriteResult<{ version: number }>> {
  const parsed = overridesFormSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, raw);
  const input = parsed.data;
  const clash = await overridesClashWithSetInUse(db, input.overrides);
  if (clash) return invalid(clash, raw);
  return runWrite("assumption overrides", raw, () =>
    db.$transaction(async (tx) => {
      const before = await overridesOf(tx, input.ticker);
      const company = await claimCompany(tx, input.ticker, input.version, () => overridesOf(tx, input.ticker));
      await tx.company.update({ where: { id: company.id }, data: { assumptionOverrides: input.overrides as object } });
      await recordChanges(tx, diff("Company", company.id, company.id, { assumptionOverrides: before!.overrides }, { assumptionOverrides: input.overrides }, ["assumptionOverrides"]), user);
      return { version: company.version + 1 };
    }),
  );
}
