// "What changed from v1": each company's discount, tier and rank under v1 and under v2, and how much of
// the move each step explains — first the dataset's own changes (dataset v2 and the snapshot's
// corrections, with the v1 model), then each v2 rule switched on in § order (methodology §10.13).
import { DEFAULT_ASSUMPTIONS, type Assumptions } from "../scoring/assumptions";
import { V2_RULES, withRulesOff, type V2RuleId } from "../scoring/rule-switches";
import { screen } from "../scoring/screen";
import type { ScoringCompany, Tier, ViewContext } from "../scoring/types";

export interface Standing {
  discountBase: number | null;
  tier: Tier;
  rank: number;
  ranked: boolean;
}
export interface Step {
  id: "data" | V2RuleId;
  name: string;
}
export interface CompanyChange {
  ticker: string;
  v1: Standing;
  v2: Standing;
  /** the steps that moved the discount (by 0.05 pp or more), made it computable, or moved the tier */
  moves: { step: Step; discountPp: number | null; from: Standing; to: Standing }[];
}

export const STEPS: Step[] = [{ id: "data", name: "dataset v2 and corrections" }, ...V2_RULES.map((r) => ({ id: r.id, name: r.name }))];

function standings(companies: ScoringCompany[], a: Assumptions, off: ReadonlySet<V2RuleId>, view: ViewContext) {
  const inputs = companies.map((c) => withRulesOff(c, a, off));
  // the rule switches change assumptions the same way for every company
  const rows = screen(
    inputs.map((x) => x.company),
    inputs[0]?.assumptions ?? a,
    view,
  );
  return new Map(rows.map((r) => [r.ticker, { discountBase: r.discountBase, tier: r.tier, rank: r.rank, ranked: r.rankGroup === "ranked" }]));
}

export function v1Changes(v1: ScoringCompany[], v2: ScoringCompany[], view: ViewContext, a: Assumptions = DEFAULT_ASSUMPTIONS): CompanyChange[] {
  const all = new Set(V2_RULES.map((r) => r.id));
  const stages = [standings(v1, a, all, view), standings(v2, a, all, view)];
  for (const r of V2_RULES) {
    all.delete(r.id);
    stages.push(standings(v2, a, all, view));
  }
  return v2.map((c) => {
    const at = (i: number) => stages[i].get(c.ticker)!;
    const moves: CompanyChange["moves"] = [];
    for (let i = 1; i < stages.length; i++) {
      const from = at(i - 1),
        to = at(i);
      const pp = from.discountBase != null && to.discountBase != null ? (to.discountBase - from.discountBase) * 100 : null;
      const computable = (from.discountBase == null) !== (to.discountBase == null);
      if ((pp != null && Math.abs(pp) >= 0.05) || computable || from.tier !== to.tier) moves.push({ step: STEPS[i - 1], discountPp: pp, from, to });
    }
    return { ticker: c.ticker, v1: at(0), v2: at(stages.length - 1), moves };
  });
}

const pctText = (d: number | null) => (d == null ? "—" : `${d >= 0 ? "" : "−"}${Math.abs(d * 100).toFixed(1)}%`);
const ppText = (pp: number) => `${pp >= 0 ? "+" : "−"}${Math.abs(pp).toFixed(1)} pp`;

/** One move in words: "10.2 −13.0 pp", "10.8 now computable", "10.5 T2→T1". */
export function describeMove(m: CompanyChange["moves"][number]): string {
  const parts: string[] = [];
  if (m.discountPp != null && Math.abs(m.discountPp) >= 0.05) parts.push(ppText(m.discountPp));
  if (m.from.discountBase == null && m.to.discountBase != null) parts.push(`now ${pctText(m.to.discountBase)}`);
  if (m.from.discountBase != null && m.to.discountBase == null) parts.push("no longer computable");
  if (m.from.tier !== m.to.tier) parts.push(`T${m.from.tier}→T${m.to.tier}`);
  return `${m.step.id === "data" ? "data" : `§${m.step.id}`} ${parts.join(", ")}`;
}

/** The markdown table of docs/methodology.md, ordered by v2 rank. */
export function changesTable(rows: CompanyChange[]): string {
  const rank = (s: Standing) => (s.ranked ? String(s.rank) : `(${s.rank})`);
  const lines = [
    "| Company | v1 discount | v1 tier | v1 rank | v2 discount | v2 tier | v2 rank | What moved it (in § order) |",
    "|---|---:|---:|---:|---:|---:|---:|---|",
    ...[...rows]
      .sort((x, y) => x.v2.rank - y.v2.rank)
      .map(
        (r) =>
          `| ${r.ticker} | ${pctText(r.v1.discountBase)} | T${r.v1.tier} | ${rank(r.v1)} | ${pctText(r.v2.discountBase)} | T${r.v2.tier} | ${rank(r.v2)} | ${r.moves.length ? r.moves.map(describeMove).join("; ") : "nothing"} |`,
      ),
  ];
  return lines.join("\n");
}
