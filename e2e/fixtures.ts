// Shared e2e helpers: the dataset the e2e database was seeded from, and direct access to that SQLite
// file for arranging fixture rows (the server reads the same file).
import Database from "better-sqlite3";
import { readFileSync } from "node:fs";
import { expect, type Page } from "@playwright/test";

export const dataset = JSON.parse(readFileSync("prisma/miners-2025-11.json", "utf8")) as { companies: { ticker: string; name: string }[] };
export const E2E_DB_FILE = (process.env.E2E_DATABASE_URL ?? "file:./prisma/e2e.db").replace(/^file:/, "");

export function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(E2E_DB_FILE);
  db.pragma("busy_timeout = 5000");
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Tickers of the table body, in display order. */
export async function tableTickers(page: Page): Promise<string[]> {
  return page.locator(".screener-table tbody tr[data-ticker]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-ticker")!));
}

/**
 * The dataset's snapshot date. Hand-computed expectations are of the snapshot, so tests that check them view
 * it explicitly; the default view is the latest date the data reaches (the 2026 update file is loaded too).
 */
export const SNAPSHOT = "2025-11-21";
export const AT_SNAPSHOT = `?asOf=${SNAPSHOT}`;

export async function gotoScreener(page: Page, query = "") {
  await page.goto(`/${query}`);
  await expect(page.locator(".screener-table tbody tr[data-ticker]").first()).toBeVisible();
}
