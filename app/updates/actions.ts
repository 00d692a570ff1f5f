"use server";
// The Update data page's server actions. Both go through guarded() (a writer, when a password is set); the
// dry run writes nothing, the apply re-checks every row inside its transaction (lib/server/updates.ts).
import { updateTextFormSchema as input } from "@/lib/domain/forms";
import { db } from "@/lib/server/db";
import { guarded } from "@/lib/server/guard";
import { invalid, runWrite } from "@/lib/server/mutations/result";
import { applyUpdateForm, planUpdate, type UpdatePlan } from "@/lib/server/updates";

/** The page shows every rejected row up to this many, and the first of the others. */
const SHOW_REJECTED = 1000;
const SHOW_OTHERS = 300;

export type ShownPlan = Omit<UpdatePlan, "rows"> & { rows: UpdatePlan["rows"]; hiddenRows: number };

function shown(plan: UpdatePlan): ShownPlan {
  const rejected = plan.rows.filter((r) => r.status === "rejected").slice(0, SHOW_REJECTED);
  const others = plan.rows.filter((r) => r.status !== "rejected").slice(0, SHOW_OTHERS);
  return { ...plan, rows: [...rejected, ...others].sort((a, b) => a.line - b.line), hiddenRows: plan.rows.length - rejected.length - others.length };
}

export async function checkUpdateAction(raw: unknown) {
  return guarded(async () => {
    const parsed = input.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, null);
    return runWrite("update check", null, async () => shown(await planUpdate(db, parsed.data.text)));
  });
}

export async function applyUpdateAction(raw: unknown) {
  return guarded((user) => applyUpdateForm(db, raw, user));
}
