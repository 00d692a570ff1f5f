// `npm start`'s database step on a database from before model v2: reloaded when nobody has edited it,
// kept (with a message) when someone has.
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const prepare = (url: string) =>
  execFileSync("node_modules/.bin/tsx", ["scripts/db-prepare.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });

/** A database made by `npm start`, then made to look like one loaded from the first dataset. */
async function v1Database(withEdit: boolean) {
  dir = mkdtempSync(path.join(tmpdir(), "watt-prepare-"));
  const file = path.join(dir, "dev.db");
  const t = { file, url: `file:${file}` };
  expect(prepare(t.url)).toMatch(/migrated and seeded 18 companies \(13 corrected figures\)/);
  const raw = new Database(t.file);
  raw.exec(`UPDATE DatasetMeta SET datasetVersion = 1, correctionsFile = NULL; DELETE FROM BalanceSheetEvent; UPDATE Site SET country = NULL;`);
  if (withEdit)
    raw.exec(
      `INSERT INTO AuditEntry (at, entity, entityId, companyId, field, user) VALUES ('2025-12-01T00:00:00.000Z', 'Company', 1, 1, 'sharePriceUsd', 'analyst')`,
    );
  raw.close();
  return t;
}

const count = (file: string, sql: string) => {
  const raw = new Database(file, { readonly: true });
  try {
    return (raw.prepare(sql).get() as { n: number }).n;
  } finally {
    raw.close();
  }
};

describe("db-prepare on a database of the first dataset", () => {
  it("reloads dataset v2 and its corrections when there are no edits", async () => {
    const db = await v1Database(false);
    expect(prepare(db.url)).toMatch(/held dataset v1 with no edits — reloaded dataset v2/);
    expect(count(db.file, "SELECT count(*) AS n FROM BalanceSheetEvent")).toBe(66);
    expect(count(db.file, "SELECT datasetVersion AS n FROM DatasetMeta")).toBe(2);
  });

  it("keeps a database with edits and says how to reload it", async () => {
    const db = await v1Database(true);
    const out = execFileSync("bash", ["-c", `DATABASE_URL='${db.url}' node_modules/.bin/tsx scripts/db-prepare.ts 2>&1`], { encoding: "utf8" });
    expect(out).toMatch(/holds dataset v1 with 1 edits, kept as it is; .*npm run db:reset/);
    // countries did not exist in v1: filled from the dataset (74 of its 75 sites have one), else §10.4
    // would count every site as remote
    expect(out).toMatch(/filled 74 site countries from dataset v2 by ticker and site name \(1 still have none\)/);
    expect(count(db.file, "SELECT count(*) AS n FROM Site WHERE country IS NULL")).toBe(1);
    expect(count(db.file, "SELECT count(*) AS n FROM BalanceSheetEvent")).toBe(0);
    expect(count(db.file, "SELECT count(*) AS n FROM AuditEntry WHERE user = 'analyst'")).toBe(1);
  });
});
