// A named screener view: its name and the screener's URL parameters. The form, the server action and the
// import all parse with this schema; the query must be a view the screener accepts as it stands (no
// parameter dropped), and it is stored in the canonical form serializeView writes.
import { z } from "zod";
import { wellFormedString } from "../domain/schemas";
import { parseView, serializeView } from "./params";
import { viewNameProblem } from "./saved-view-rules";

export { viewNameKey } from "./saved-view-rules";

export const savedViewNameSchema = wellFormedString.trim().superRefine((name, ctx) => {
  const problem = viewNameProblem(name);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** The screener's parameters ("tier=1&sort=ticker.asc", with or without "?"), canonical; a bad one is refused. */
export const savedViewQuerySchema = z
  .string()
  .max(4000, { error: "The view's parameters are too long" })
  .transform((q, ctx) => {
    const parsed = parseView(new URLSearchParams(q.replace(/^\?/, "")));
    if (!parsed.ok) {
      // Refused whole (unlike the page, which drops the bad part): a saved view is exactly what was asked for.
      ctx.addIssue({
        code: "custom",
        message: `The view's parameters are not valid. ${parsed.problems.map((p) => `${p.param}: ${p.message}.`).join(" ")}`,
      });
      return z.NEVER;
    }
    return serializeView(parsed.view).toString();
  });

export const savedViewFormSchema = z.strictObject({ name: savedViewNameSchema, query: savedViewQuerySchema });
export const deleteSavedViewSchema = z.strictObject({ id: z.number().int().min(1), version: z.number({ error: "Missing version" }).int().min(1) });
