// `npm run data:update -- FILE [--apply] [--only-valid] [--json]`: a bulk update of figures from an update
// file (JSON, the format of ../shared/data/updates/) or the same rows as CSV. Without --apply it is a dry
// run: each row as new point / correction / unchanged / rejected (line, field, reason), and what the update
// does to rank, tier and discount. --apply writes every row or none (--only-valid: the valid ones) in one
// audited batch. Exit code: 0 applied or nothing to do, 1 rejected rows or an unreadable file, 2 usage.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { pct } from "../lib/format";
import { createClient } from "../lib/server/db-client";
import { applyUpdate, planUpdate, type UpdatePlan } from "../lib/server/updates";

class UsageError extends Error {}
const USAGE = "usage: npm run data:update -- FILE [--apply] [--only-valid] [--json]";

const given = (r: UpdatePlan["rows"][number]) => `${r.given.ticker ?? "?"} ${r.given.field ?? "?"} ${r.given.asOf ?? "?"}`;
const standing = (s: UpdatePlan["impact"][number]["before"]) =>
  s ? `#${s.rank ?? "—"} T${s.tier} ${s.discountBase == null ? "—" : pct(s.discountBase, 1)}` : "—";

function printPlan(plan: UpdatePlan, file: string) {
  const { counts } = plan;
  console.log(
    `${file} (${plan.format}): ${counts.total} rows — ${counts.new} new points, ${counts.correction} corrections, ${counts.unchanged} unchanged, ${counts.rejected} rejected`,
  );
  for (const p of plan.fileProblems) console.log(`  file: ${p}`);
  const rejected = plan.rows.filter((r) => r.status === "rejected");
  for (const r of rejected.slice(0, 50))
    console.log(`  line ${r.line}: rejected ${given(r)} — ${r.problems.map((p) => `${p.field}: ${p.message}`).join("; ")}`);
  if (rejected.length > 50) console.log(`  … and ${rejected.length - 50} more rejected rows`);
  const changes = plan.rows.filter((r) => r.status === "new" || r.status === "correction");
  for (const r of changes.slice(0, 30))
    console.log(
      `  line ${r.line}: ${r.status === "new" ? "new point " : "correction"} ${given(r)} = ${r.given.value}${r.before ? ` (was ${r.before.value})` : ""}`,
    );
  if (changes.length > 30) console.log(`  … and ${changes.length - 30} more`);
  if (plan.impact.length) {
    console.log(`On ${plan.viewDate} (the latest date the data reaches with the update), rank · tier · discount at base:`);
    for (const i of plan.impact) console.log(`  ${i.ticker.padEnd(6)} ${standing(i.before).padEnd(20)} → ${standing(i.after)}`);
  } else if (changes.length) console.log(`No company's rank, tier or discount moves on ${plan.viewDate}.`);
}

async function main() {
  const { values, positionals } = parseArgs({
    options: { apply: { type: "boolean" }, "only-valid": { type: "boolean" }, json: { type: "boolean" }, help: { type: "boolean" } },
    allowPositionals: true,
  });
  if (values.help) return void console.log(USAGE);
  const [file, ...rest] = positionals;
  if (!file || rest.length) throw new UsageError(USAGE);
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`No file ${file}`);
  const text = readFileSync(file, "utf8");
  const db = createClient();
  try {
    const plan = await planUpdate(db, text);
    if (values.json && !values.apply) return void console.log(JSON.stringify(plan, null, 2));
    printPlan(plan, file);
    if (plan.fileProblems.length) return void (process.exitCode = 1);
    if (!values.apply) {
      console.log(
        plan.counts.rejected
          ? "Dry run: fix the rejected rows (or use --only-valid), then --apply."
          : "Dry run: nothing was written. Run again with --apply to write it.",
      );
      if (plan.counts.rejected) process.exitCode = 1;
      return;
    }
    const started = Date.now();
    let shown = 0;
    const r = await applyUpdate(db, text, {
      name: path.basename(file),
      user: process.env.USER ? `${process.env.USER} (data:update)` : "data:update",
      onlyValid: values["only-valid"],
      onProgress: (done, total) => {
        const tenth = Math.floor((done / Math.max(total, 1)) * 10);
        if (total >= 5000 && tenth > shown) {
          shown = tenth;
          process.stderr.write(`  written ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} rows\n`);
        }
      },
    });
    if (!r.ok) {
      console.error(`Not applied: ${r.kind === "invalid" ? [...r.formErrors, ...Object.values(r.fieldErrors).flat()].join("; ") : r.message}`);
      process.exitCode = 1;
      return;
    }
    console.log(
      r.data.batchId == null
        ? "Nothing to apply: every valid row is already stored as given."
        : `Applied as batch ${r.data.batchId}: ${r.data.counts.new} new points, ${r.data.counts.correction} corrections (${Date.now() - started} ms). Each row is in the companies' history and can be reverted there.`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error(e instanceof UsageError ? e.message : e);
  process.exit(e instanceof UsageError ? 2 : 1);
});
