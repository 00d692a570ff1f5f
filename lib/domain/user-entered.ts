// What is in force for a company on a view date that a person typed in rather than the loaded dataset,
// its corrections or an update file: the marker of the screener, the company page and the exports.
//
// Counted here (issue 13: "every figure or override that differs from the loaded dataset or update
// files"):
// - a figure whose point in force on the view date has origin "user": one added through the edit form or
//   the figures API, or a dataset point corrected there (same as-of: the point keeps its place in time but
//   its origin becomes "user", lib/server/mutations/points.ts). A user point superseded by a later
//   update-file point is not in force after that date, so it is not marked there.
// - every company assumption override. The dataset carries none, so each one was entered by someone.
// Not counted: sites, contracts and balance-sheet events. They have no origin of their own and one stored
// version (no point per date), so only the audit log knows they were edited, and it cannot say reliably
// whether a record still differs from the dataset (a reverted deletion comes back under a new id). Their
// edits are listed with who and when in the company page's history, each revertable.
import type { AssumptionKey, Assumptions } from "../scoring/assumptions";
import { ASSUMPTION_META } from "../scoring/assumptions";
import { FACTS, type FactKey } from "./facts";
import { pointsAt, type CompanyHistory } from "./history";

/** Who entered something and when, as recorded. */
export interface EnteredBy {
  /** the signed-in user; null when no sign-in is configured (the one local user) */
  by: string | null;
  /** ISO timestamp; null when it was not recorded */
  at: string | null;
}

export type UserEntered =
  | ({ kind: "figure"; key: FactKey; label: string; value: number; asOf: string } & EnteredBy)
  | ({ kind: "override"; key: AssumptionKey; label: string; value: Assumptions[AssumptionKey] } & EnteredBy);

/**
 * Everything user-entered in force for the company on the view date: its figures in the FACTS order,
 * then its overrides in the ASSUMPTION_META order. `overridesBy`: who last saved the company's overrides
 * (the audit log knows; the company row does not), unknown when not given.
 */
export function userEnteredAt(h: CompanyHistory, viewDate: string, snapshot: string, overridesBy?: EnteredBy | null): UserEntered[] {
  const inForce = pointsAt(h.points, viewDate, snapshot);
  const out: UserEntered[] = [];
  for (const f of FACTS) {
    const p = inForce.get(f.key);
    if (p?.origin !== "user") continue;
    out.push({ kind: "figure", key: f.key, label: f.label, value: p.value.value, asOf: p.value.asOf, by: p.recordedBy ?? null, at: p.recordedAt });
  }
  const overrides = h.overrides ?? {};
  for (const key of Object.keys(ASSUMPTION_META) as AssumptionKey[]) {
    const value = overrides[key];
    if (value === undefined) continue;
    out.push({ kind: "override", key, label: ASSUMPTION_META[key].label, value, by: overridesBy?.by ?? null, at: overridesBy?.at ?? null });
  }
  return out;
}

/** The user-entered figure of `key`, if its point in force is one. */
export const enteredFigure = (items: readonly UserEntered[], key: string) =>
  items.find((x): x is Extract<UserEntered, { kind: "figure" }> => x.kind === "figure" && x.key === key);
