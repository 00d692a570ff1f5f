// Schemas of the edit forms. The browser validates with them as the user types; the server parses the
// very same schemas before writing (lib/server/mutations). Each adds the record's version, so a save
// against a stale version can be refused.
import { z } from "zod";
import { assumptionOverridesSchema, assumptionsSchema, DEFAULT_ASSUMPTIONS, type AssumptionOverrides } from "../scoring/assumptions";
import { FACTS, type FactKey } from "./facts";
import type { FactValue } from "./to-scoring";
import { balanceSheetEventSchema, contractSchema, figureSchema, noteSchema, siteChangeSchema, siteSchema, wellFormedString } from "./schemas";

const version = z.number({ error: "Missing version" }).int().min(1);
const id = z.number().int().min(1);
/** The company a form writes to (looked up by ticker, so it must be storable text too). */
const ticker = wellFormedString.min(1).max(10);

/** Every company figure is editable; a null removes the figure (it then shows as missing). */
export const EDITABLE_FACTS = FACTS.map((f) => f.key) as FactKey[];
export type EditableFact = FactKey;

export const marketFiguresSchema = z.strictObject({
  ticker,
  version,
  // A figure left out is kept as it is; null removes it.
  facts: z.strictObject(
    Object.fromEntries(FACTS.map((f) => [f.key, figureSchema(f.key).nullable().optional()])) as Record<
      FactKey,
      z.ZodOptional<z.ZodNullable<z.ZodType>>
    >,
  ),
});
export interface MarketFiguresInput {
  ticker: string;
  version: number;
  facts: Partial<Record<FactKey, FactValue | null>>;
}

export const siteFormSchema = z.strictObject({ ticker, id: id.optional(), version: version.optional(), site: siteSchema });
export type SiteFormInput = z.infer<typeof siteFormSchema>;

export const contractFormSchema = z.strictObject({ ticker, id: id.optional(), version: version.optional(), contract: contractSchema });
export type ContractFormInput = z.infer<typeof contractFormSchema>;

export const deleteSchema = z.strictObject({ ticker, id, version });

export const balanceSheetEventFormSchema = z.strictObject({
  ticker,
  id: id.optional(),
  version: version.optional(),
  event: balanceSheetEventSchema,
});
export type BalanceSheetEventFormInput = z.infer<typeof balanceSheetEventFormSchema>;

export const siteChangeFormSchema = z.strictObject({
  ticker,
  id: id.optional(),
  version: version.optional(),
  change: siteChangeSchema,
});
export type SiteChangeFormInput = z.infer<typeof siteChangeFormSchema>;

export const noteFormSchema = z.strictObject({ ticker, id: id.optional(), version: version.optional(), note: noteSchema });
export type NoteFormInput = z.infer<typeof noteFormSchema>;

/** The Update data page's form: the text of an update file (JSON or CSV), its name, and the only-valid choice. */
export const updateTextFormSchema = z.strictObject({
  text: z.string().max(64 * 1024 * 1024, { error: "The file is larger than 64 MB; split it" }),
  name: wellFormedString.trim().max(200).default("pasted"),
  onlyValid: z.boolean().default(false),
});

export const overridesFormSchema = z.strictObject({ ticker, version, overrides: assumptionOverridesSchema }).superRefine((v, ctx) => {
  // The overrides must make sense on top of the defaults (e.g. a build cost inside low ≤ base ≤ high).
  const merged = assumptionsSchema.safeParse({ ...DEFAULT_ASSUMPTIONS, ...(v.overrides as object) });
  if (!merged.success) for (const i of merged.error.issues) ctx.addIssue({ code: "custom", path: ["overrides", ...i.path], message: i.message });
});
export type OverridesFormInput = z.infer<typeof overridesFormSchema>;

export const applyEventSchema = z.strictObject({ ticker, eventId: id, version });

export const assumptionSetCreateSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, { error: "Required" })
    .max(60)
    .regex(/^[\w .()+-]+$/, { error: "Letters, digits, spaces and . ( ) + - only" })
    // the name is part of the set's address: "." / ".." would be collapsed by browsers
    .refine((n) => !/^\.+$/.test(n), { error: "Use at least one letter or digit" }),
  values: assumptionsSchema,
});
export const assumptionSetUpdateSchema = assumptionSetCreateSchema.extend({ id, version });
export const assumptionSetDeleteSchema = z.strictObject({ id, version });
export const revertSchema = z.strictObject({ auditId: id });

export type { AssumptionOverrides };
