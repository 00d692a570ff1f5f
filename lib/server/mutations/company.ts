// Writes to a company's own record: its sourced figures and its assumption overrides. Both are guarded by
// the company's version.
import { EDITABLE_FACTS, marketFiguresSchema, overridesFormSchema, type MarketFiguresInput } from "../../domain/forms";
import type { Db } from "../db-client";
import { parseOverrides } from "../overrides";
import { overridesClashWithSetInUse } from "../stored-sets";
import { diff, recordChanges, type Change } from "./audit";
import { applyPointChange, editChange, latestFiguresOf } from "./points";
import { ConflictError, defineWrite, InvalidInput, NotFoundError, type Tx } from "./result";

export async function marketFiguresOf(tx: Tx | Db, ticker: string): Promise<MarketFiguresInput | null> {
  const c = await tx.company.findUnique({ where: { ticker }, select: { id: true, ticker: true, version: true } });
  return c ? { ticker: c.ticker, version: c.version, facts: await latestFiguresOf(tx, c.id) } : null;
}

/** Claims the company's version or throws a conflict carrying what is stored now. */
async function claimCompany<T>(tx: Tx, ticker: string, version: number, current: () => Promise<T>) {
  const company = await tx.company.findUnique({ where: { ticker } });
  if (!company) throw new NotFoundError(`Company ${ticker} not found`);
  const claimed = await tx.company.updateMany({ where: { id: company.id, version }, data: { version: { increment: 1 } } });
  if (claimed.count === 0) throw new ConflictError("Someone else saved this company after you opened it. Nothing was written.", await current());
  return company;
}

/**
 * The form shows each figure's latest point. A value with the same as-of corrects that point; a new as-of
 * adds a point (the older one stays in the figure's history); clearing the figure removes its latest point.
 */
export const saveMarketFigures = defineWrite("market figures", marketFiguresSchema, async (tx, parsed, user): Promise<{ version: number }> => {
  const input = parsed as MarketFiguresInput;
  const before = await marketFiguresOf(tx, input.ticker);
  const company = await claimCompany(tx, input.ticker, input.version, () => marketFiguresOf(tx, input.ticker));
  const changes: Change[] = [];
  for (const k of EDITABLE_FACTS) {
    if (input.facts[k] === undefined) continue;
    const c = await editChange(tx, company.id, k, before!.facts[k] ?? null, input.facts[k] ?? null);
    if (c) changes.push(c);
  }
  for (const c of changes) await applyPointChange(tx, c, { origin: "user", user });
  await recordChanges(tx, changes, user);
  return { version: company.version + 1 };
});

export async function overridesOf(tx: Tx | Db, ticker: string) {
  const c = await tx.company.findUnique({ where: { ticker } });
  return c ? { ticker: c.ticker, version: c.version, overrides: parseOverrides(c.assumptionOverrides) ?? {} } : null;
}

export const saveOverrides = defineWrite("assumption overrides", overridesFormSchema, async (tx, input, user): Promise<{ version: number }> => {
  // the overrides must also make sense with the set in use (e.g. a build cost inside its low–high range)
  const clash = await overridesClashWithSetInUse(tx, input.overrides);
  if (clash) throw new InvalidInput(clash);
  const before = await overridesOf(tx, input.ticker);
  const company = await claimCompany(tx, input.ticker, input.version, () => overridesOf(tx, input.ticker));
  await tx.company.update({ where: { id: company.id }, data: { assumptionOverrides: input.overrides as object } });
  await recordChanges(
    tx,
    diff("Company", company.id, company.id, { assumptionOverrides: before!.overrides }, { assumptionOverrides: input.overrides }, [
      "assumptionOverrides",
    ]),
    user,
  );
  return { version: company.version + 1 };
});
