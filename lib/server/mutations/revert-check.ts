// A revert writes one field back; the record around it may have moved on since. Reverting "low build
// cost 11→5" after "base 12→8" left low > base, and the next read skipped the whole set (the screener
// then answered 500); reverting a contract's MW could leave delivered above contracted. So after a
// revert is applied, inside the same transaction, the record is read back, mapped to its edit form's
// input and parsed with that form's schema — the same check a save goes through. If the form would
// refuse it, the revert is refused with the form's field errors and the transaction rolls back.
//
// Generic by design: fields added to a form are covered without touching this file.
import type { ZodType } from "zod";
import { zodFieldErrors } from "../../domain/field-errors";
import {
  assumptionSetUpdateSchema,
  balanceSheetEventFormSchema,
  contractFormSchema,
  marketFiguresSchema,
  noteFormSchema,
  overridesFormSchema,
  siteChangeFormSchema,
  siteFormSchema,
} from "../../domain/forms";
import { noteToInput } from "./notes";
import { siteToInput } from "../rows";
import { overridesClashWithSetInUse, storedSetValues } from "../stored-sets";
import { RECORD, type Change } from "./audit";
import { marketFiguresOf, overridesOf } from "./company";
import { FieldError, type Tx } from "./result";
import { balanceSheetEventInputOf, contractInputOf, siteChangeInputOf } from "./sites-contracts";

interface FormCheck {
  what: string;
  schema: ZodType;
  input: unknown;
}

async function tickerOf(tx: Tx, companyId: number | null) {
  return companyId == null ? null : ((await tx.company.findUnique({ where: { id: companyId }, select: { ticker: true } }))?.ticker ?? null);
}

/** The edit forms that hold the record a change touched, filled from what is stored now. */
async function formsOf(tx: Tx, c: Change): Promise<FormCheck[]> {
  switch (c.entity) {
    case "Company": {
      const ticker = await tickerOf(tx, c.entityId);
      if (!ticker) return [];
      return [
        { what: "the market figures", schema: marketFiguresSchema, input: await marketFiguresOf(tx, ticker) },
        { what: "the assumption overrides", schema: overridesFormSchema, input: await overridesOf(tx, ticker) },
      ];
    }
    case "Site": {
      const row = await tx.site.findUnique({ where: { id: c.entityId } });
      const ticker = await tickerOf(tx, c.companyId);
      return row && ticker
        ? [{ what: `site “${row.name}”`, schema: siteFormSchema, input: { ticker, id: row.id, version: row.version, site: siteToInput(row) } }]
        : [];
    }
    case "Contract": {
      const form = await contractInputOf(tx, c.entityId);
      const ticker = await tickerOf(tx, c.companyId);
      return form && ticker ? [{ what: `contract ${form.contract.id}`, schema: contractFormSchema, input: { ticker, ...form } }] : [];
    }
    case "BalanceSheetEvent": {
      const form = await balanceSheetEventInputOf(tx, c.entityId);
      const ticker = await tickerOf(tx, c.companyId);
      return form && ticker
        ? [{ what: `balance-sheet event ${form.event.date}`, schema: balanceSheetEventFormSchema, input: { ticker, ...form } }]
        : [];
    }
    case "AssumptionSet": {
      const set = await tx.assumptionSet.findUnique({ where: { id: c.entityId } });
      return set
        ? [
            {
              what: `the set “${set.name}”`,
              schema: assumptionSetUpdateSchema,
              input: { id: set.id, version: set.version, name: set.name, values: storedSetValues(set.values) },
            },
          ]
        : [];
    }
    case "SiteChange": {
      const form = await siteChangeInputOf(tx, c.entityId);
      const ticker = await tickerOf(tx, c.companyId);
      return form && ticker ? [{ what: `the site change of ${form.change.date}`, schema: siteChangeFormSchema, input: { ticker, ...form } }] : [];
    }
    case "Note": {
      const row = await tx.note.findUnique({ where: { id: c.entityId } });
      const ticker = await tickerOf(tx, c.companyId);
      return row && ticker
        ? [{ what: "the note", schema: noteFormSchema, input: { ticker, id: row.id, version: row.version, note: noteToInput(row) } }]
        : [];
    }
    case "Event":
    case "SavedView":
      return []; // only appliedAt is revertable; the event's own fields are not edited; views are not reverted
  }
}

/** Throws FieldError("auditId", …) with the form's field errors when the reverted record is not valid. */
export async function assertRevertLeavesValidRecord(tx: Tx, c: Change): Promise<void> {
  if (c.field === RECORD && c.after == null) return; // the record was removed: nothing left to check
  for (const form of await formsOf(tx, c)) {
    const parsed = form.schema.safeParse(form.input);
    const issues = parsed.success ? [] : parsed.error.issues;
    if (parsed.success && form.schema === overridesFormSchema) {
      const clash = await overridesClashWithSetInUse(tx, (form.input as { overrides: Record<string, unknown> }).overrides);
      if (clash) issues.push(...clash.issues);
    }
    if (issues.length === 0) continue;
    const { fieldErrors, formErrors } = zodFieldErrors(issues);
    const first = Object.entries(fieldErrors).map(([k, m]) => `${k}: ${m[0]}`)[0] ?? formErrors[0];
    throw new FieldError(
      "auditId",
      `Not reverted: it would leave ${form.what} invalid (${first}). Revert or fix the later change first.`,
      fieldErrors,
    );
  }
}
