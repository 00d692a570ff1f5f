// `npm run screen -- [--set NAME] [--as-of YYYY-MM-DD] [--build-cost-base 11] [--<assumption-in-kebab-case> N] [--json]`
// `npm run screen -- --sweep buildCostBaseUsdPerW=8:16:0.5 [--json]`
// Prints the ranked screen of the database at DATABASE_URL through the same scoring library as the app,
// or every company's discount across one assumption's range (the /sensitivity page's sweep).
import { parseArgs } from "node:util";
import { cqsScore, DASH, pct, perWatt, usdCompact, years, mw } from "../lib/format";
import { ASSUMPTION_KEYS, ASSUMPTION_META, assumptionsSchema, explainRow, screen, type AssumptionKey, type Assumptions } from "../lib/scoring";
import { parseCountries } from "../lib/view/assumption-diff";
import { createClient } from "../lib/server/db-client";
import { loadScoringCompanies, resolveAssumptionSet } from "../lib/server/queries";
import { ViewDateError } from "../lib/server/timeline";
import { asOfProblem } from "../lib/view/params";
import { rangeValues, sweepRange } from "../lib/view/sensitivity";
import { labelOf, parseSensitivity, sweepArgToParams } from "../lib/view/sensitivity-params";
import type { ScoringCompany, ViewContext } from "../lib/scoring/types";

const kebab = (k: string) =>
  k
    .replace(/([A-Z])/g, "-$1")
    .toLowerCase()
    .replace(/-usd-per-w$/, "");
const OPTION_FOR = new Map<string, AssumptionKey>(ASSUMPTION_KEYS.map((k) => [kebab(k), k]));

function usage(): string {
  return [
    "usage: npm run screen -- [--set NAME] [--as-of YYYY-MM-DD] [--json] [--<assumption> VALUE ...] [--sweep KEY=FROM:TO[:STEP]]",
    "--sweep: every company's discount at each value of one numeric assumption, e.g. --sweep buildCostBaseUsdPerW=8:16:0.5",
    "--as-of: the view date (default: the latest date the data reaches)",
    "assumptions: " + [...OPTION_FOR.keys()].map((o) => `--${o}`).join(" "),
  ].join("\n");
}

async function main() {
  const options: Record<string, { type: "string" | "boolean" }> = {
    set: { type: "string" },
    "as-of": { type: "string" },
    json: { type: "boolean" },
    sweep: { type: "string" },
    help: { type: "boolean" },
  };
  for (const o of OPTION_FOR.keys()) options[o] = { type: "string" };
  const { values } = parseArgs({ options, allowPositionals: false });
  if (values.help) return console.log(usage());

  const db = createClient();
  try {
    const set = await resolveAssumptionSet(db, values.set as string | undefined);
    if (!set) throw new UsageError(`No assumption set named "${values.set}"`);
    const merged: Record<string, unknown> = { ...set.values };
    for (const [opt, key] of OPTION_FOR) {
      const raw = values[opt];
      if (raw === undefined) continue;
      const kind = ASSUMPTION_META[key].kind;
      merged[key] = kind === "boolean" ? raw === "true" || raw === "yes" : kind === "countries" ? parseCountries(raw as string) : Number(raw);
    }
    const parsed = assumptionsSchema.safeParse(merged);
    if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `--${kebab(String(i.path[0]))}: ${i.message}`).join("\n"));
    const assumptions = parsed.data as Assumptions;
    const asOf = values["as-of"] as string | undefined;
    const problem = asOf !== undefined ? asOfProblem(asOf) : null;
    if (problem) throw new UsageError(`--as-of: ${problem}`);
    const { companies, viewDate } = await loadScoringCompanies(db, asOf).catch((e) => {
      throw e instanceof ViewDateError ? new UsageError(`--as-of: ${e.message}`) : e;
    });
    if (values.sweep !== undefined) return printSweep(values.sweep as string, companies, assumptions, { viewDate }, set.name, values.json === true);
    const rows = screen(companies, assumptions, { viewDate });

    if (values.json) {
      console.log(JSON.stringify({ assumptionSet: set.name, viewDate, assumptions, rows: rows.map(explainRow) }, null, 2));
      return;
    }
    console.log(
      `Assumption set: ${set.name}; view date ${viewDate}; build cost ${assumptions.buildCostLowUsdPerW}/${assumptions.buildCostBaseUsdPerW}/${assumptions.buildCostHighUsdPerW} $/W`,
    );
    const header = ["#", "ticker", "tier", "EV", "eff IT MW", "EV/W eff", "discount", "contracted", "tenor", "CQS", "gap/mcap", "flags"];
    const table = rows.map((r) => [
      String(r.rank),
      r.ticker,
      `T${r.tier}`,
      usdCompact(r.evUsedUsd),
      mw(r.itMwEffective),
      perWatt(r.evPerWEffectiveIt),
      r.discountBase == null ? `${DASH} (${r.reasons.discountBase})` : pct(r.discountBase),
      mw(r.contractedItMw),
      years(r.weightedTenorYears),
      cqsScore(r.cqs),
      pct(r.gapToMarketCap),
      r.flags.join(","),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => (i <= 2 || i === 11 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
    console.log(line(header));
    for (const row of table) console.log(line(row));
  } finally {
    await db.$disconnect();
  }
}

/** --sweep: the page's parameters and checks; a table of discounts (a column per value) or JSON. */
function printSweep(arg: string, companies: ScoringCompany[], assumptions: Assumptions, view: ViewContext, setName: string, json: boolean) {
  const params = sweepArgToParams(arg);
  if (!params) throw new UsageError(`--sweep: use KEY=FROM:TO[:STEP], e.g. buildCostBaseUsdPerW=8:16:0.5`);
  const { view: s, fieldErrors } = parseSensitivity(params);
  const problems = Object.entries(fieldErrors).map(([field, messages]) => `--sweep ${field}: ${messages!.join("; ")}`);
  if (problems.length) throw new UsageError(problems.join("\n"));
  const series = sweepRange(companies, assumptions, view, s.key, s.range);
  if (json) {
    console.log(
      JSON.stringify({ assumptionSet: setName, viewDate: view.viewDate, key: s.key, range: s.range, values: rangeValues(s.range), series }, null, 2),
    );
    return;
  }
  // a terminal shows at most 13 columns: a finer sweep is printed at the table's step (the JSON has every value)
  const shown = rangeValues(s.range).length <= 13 ? s.range : { ...s.range, step: s.tableStep };
  const values = rangeValues(shown);
  console.log(
    `Sweep of ${labelOf(s.key)} (${s.key}) from ${shown.from} to ${shown.to} by ${shown.step}${shown === s.range ? "" : ` (of ${s.range.step}; --json for every value)`}: discount to build cost (base); set ${setName}; view date ${view.viewDate}`,
  );
  const header = ["ticker", ...values.map(String)];
  const table = (shown === s.range ? series : sweepRange(companies, assumptions, view, s.key, shown)).map((x) => [
    x.ticker,
    ...x.points.map((p) => (p.discountBase == null ? DASH : pct(p.discountBase))),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(header));
  for (const row of table) console.log(line(row));
}

class UsageError extends Error {}

main().catch((e) => {
  console.error(e instanceof UsageError ? `${e.message}\n${usage()}` : e);
  process.exit(2);
});
