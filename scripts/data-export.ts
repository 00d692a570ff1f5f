// `npm run data:export -- [--ticker IREN] [--csv] [OUT]`: every dated point of the figures an update file
// can carry, for one company or all, as an update file (JSON) or the same rows as CSV — the format
// `npm run data:update` reads, so an export applied again changes nothing.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { toCsv } from "../lib/domain/update-text";
import { UPDATE_FORMAT } from "../lib/domain/updates";
import { createClient } from "../lib/server/db-client";
import { exportUpdates } from "../lib/server/updates";

async function main() {
  const { values, positionals } = parseArgs({ options: { ticker: { type: "string" }, csv: { type: "boolean" } }, allowPositionals: true });
  const ticker = values.ticker?.toUpperCase();
  const db = createClient();
  try {
    if (ticker && !(await db.company.findUnique({ where: { ticker } }))) throw new Error(`No company ${ticker}`);
    const rows = await exportUpdates(db, ticker);
    const text = values.csv
      ? toCsv(rows)
      : `${JSON.stringify({ format: UPDATE_FORMAT, description: `Every dated figure of ${ticker ?? "every company"}, exported from Watt Screener`, updates: rows }, null, 1)}\n`;
    if (positionals[0]) {
      writeFileSync(positionals[0], text);
      console.log(`Exported ${rows.length} points${ticker ? ` of ${ticker}` : ""} → ${positionals[0]}`);
    } else process.stdout.write(text);
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error(`data:export: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
