// `npm run screen -- [--set NAME] [--as-of YYYY-MM-DD] [--build-cost-base 11] [--<assumption-in-kebab-case> N] [--json]`
// Prints the ranked screen of the database at DATABASE_URL through the same scoring library as the app.
import { parseArgs } from "node:util";
import { DASH, pct, perWatt, usdCompact, years, mw } from "../lib/format";
import {
  ASSUMPTION_KEYS, ASSUMPTION_META, assumptionsSchema, screen, type AssumptionKey, type Assumptions,
} from "../lib/scoring";
import { parseCountries } from "../lib/view/assumption-diff";
import { createClient } from "../lib/server/db-client";
import { loadScoringCompanies, resolveAssumptionSet } from "../lib/server/queries";
import { ViewDateError } from "../lib/server/timeline";
import { asOfProblem } from "../lib/view/params";

const kebab = (k: string) => k.replace(/([A-Z])/g, "-$1").toLowerCase().replace(/-usd-per-w$/, "");
const OPTION_FOR = new Map<string, AssumptionKey>(ASSUMPTION_KEYS.map((k) => [kebab(k), k]));

function usage(): string {
  return [
    "usage: npm run screen -- [--set NAME] [--as-of YYYY-MM-DD] [--json] [--<assumption> VALUE ...]",
    "--as-of: the view date (default: the latest date the data reaches)",
    "assumptions: " + [...OPTION_FOR.keys()].map((o) => `--${o}`).join(" "),
  ].join("\n");
}

async function main() {
  const options: Record<string, { type: "string" | "boolean" }> = { set: { type: "string" }, "as-of": { type: "string" }, json: { type: "boolean" }, help: { type: "boolean" } };
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
    if (!parsed.success)
      throw new UsageError(parsed.error.issues.map((i) => `--${kebab(String(i.path[0]))}: ${i.message}`).join("\n"));
    const assumptions = parsed.data as Assumptions;
    const asOf = values["as-of"] as string | undefined;
    const problem = asOf !== undefined ? asOfProblem(asOf) : null;
    if (problem) throw new UsageError(`--as-of: ${problem}`);
    const { companies, viewDate } = await loadScoringCompanies(db, asOf).catch((e) => {
      throw e instanceof ViewDateError ? new UsageError(`--as-of: ${e.message}`) : e;
    });
    const rows = screen(companies, assumptions, { viewDate });

    if (values.json) {
      console.log(JSON.stringify({ assumptionSet: set.name, viewDate, assumptions, rows }, null, 2));
      return;
    }
    console.log(`Assumption set: ${set.name}; view date ${viewDate}; build cost ${assumptions.buildCostLowUsdPerW}/${assumptions.buildCostBaseUsdPerW}/${assumptions.buildCostHighUsdPerW} $/W`);
    const header = ["#", "ticker", "tier", "EV", "eff IT MW", "EV/W eff", "discount", "contracted", "tenor", "CQS", "gap/mcap", "flags"];
    const table = rows.map((r) => [
      String(r.rank), r.ticker, `T${r.tier}`, usdCompact(r.evUsedUsd), mw(r.itMwEffective), perWatt(r.evPerWEffectiveIt),
      r.discountBase == null ? `${DASH} (${r.reasons.discountBase})` : pct(r.discountBase), mw(r.contractedItMw),
      years(r.weightedTenorYears), r.cqs == null ? DASH : r.cqs.toFixed(0), pct(r.gapToMarketCap), r.flags.join(","),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => (i <= 2 || i === 11 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
    console.log(line(header));
    for (const row of table) console.log(line(row));
  } finally {
    await db.$disconnect();
  }
}

class UsageError extends Error {}

main().catch((e) => {
  console.error(e instanceof UsageError ? `${e.message}\n${usage()}` : e);
  process.exit(2);
});
