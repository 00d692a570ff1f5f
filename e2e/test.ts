// The e2e `test`: Playwright's, with two fixtures every spec gets.
// - Per-test data with automatic cleanup: whatever a test writes to its server's database is undone when
//   it ends (the rows as they stood when it began, so data a beforeAll arranged stays), so no spec depends
//   on the order the others ran in and none has to re-seed after itself.
// - `signedIn`: a page already signed in (as "E2E Analyst") on a server that has a password.
import Database from "better-sqlite3";
import { test as base, expect } from "@playwright/test";
import { SECURE_PASSWORD } from "./secure-password";
import { callAction, serverActionsInBuild } from "./write-paths";

export { expect };

const MAIN_DB = (process.env.E2E_DATABASE_URL ?? "file:./prisma/e2e.db").replace(/^file:/, "");
/** Each Playwright project runs against its own server and database (playwright.config.ts). */
const DB_OF_PROJECT: Record<string, string> = {
  chromium: MAIN_DB,
  secure: MAIN_DB.replace(/\.db$/, "-secure.db"),
  private: MAIN_DB.replace(/\.db$/, "-private.db"),
};

type Rows = { table: string; columns: string[]; rows: unknown[][] }[];

/**
 * Every row of every table (sqlite_sequence too, so new ids continue as they would have), but not the data
 * revision: the restore's own writes bump it through the triggers, as any change must (lib/server/page-cache.ts).
 */
function snapshot(db: Database.Database): Rows {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('_prisma_migrations', 'DataRevision') ORDER BY name")
    .all() as {
    name: string;
  }[];
  return tables.map(({ name }) => {
    const stmt = db.prepare(`SELECT * FROM "${name}"`).raw(true);
    return { table: name, columns: stmt.columns().map((c) => c.name), rows: stmt.all() as unknown[][] };
  });
}

/** Puts every table back as the snapshot had it, in one transaction (foreign keys checked at the end). */
function restore(db: Database.Database, rows: Rows) {
  db.pragma("foreign_keys = OFF");
  try {
    db.transaction(() => {
      for (const t of rows) {
        db.prepare(`DELETE FROM "${t.table}"`).run();
        if (t.rows.length === 0) continue;
        const insert = db.prepare(
          `INSERT INTO "${t.table}" (${t.columns.map((c) => `"${c}"`).join(", ")}) VALUES (${t.columns.map(() => "?").join(", ")})`,
        );
        for (const r of t.rows) insert.run(r);
      }
      const broken = db.pragma("foreign_key_check") as unknown[];
      if (broken.length > 0) throw new Error(`restoring the e2e database left ${broken.length} broken references`);
    })();
  } finally {
    db.pragma("foreign_keys = ON");
  }
}

export const test = base.extend<{ cleanData: void; signedIn: import("@playwright/test").Page }, { database: Database.Database | null }>({
  // One connection per worker and project; PRAGMA data_version on it moves when another connection (the
  // server) commits, so an untouched database is not rewritten.
  database: [
    async ({}, use, info) => {
      // SQLite only for now: on PostgreSQL the specs that write run last and clean up after themselves.
      const file = process.env.WATT_TEST_ENGINE === "postgres" ? undefined : DB_OF_PROJECT[info.project.name];
      const db = file ? new Database(file, { fileMustExist: true }) : null;
      db?.pragma("busy_timeout = 5000");
      await use(db);
      db?.close();
    },
    { scope: "worker" },
  ],
  cleanData: [
    async ({ database }, use) => {
      if (!database) return use();
      const before = snapshot(database);
      const version = database.pragma("data_version", { simple: true });
      await use();
      if (database.pragma("data_version", { simple: true }) !== version) restore(database, before);
    },
    { auto: true },
  ],
  signedIn: async ({ page, baseURL }, use) => {
    const signIn = serverActionsInBuild().find((a) => a.name === "signInAction")!;
    const r = await callAction(baseURL!, signIn, [{ name: "E2E Analyst", password: SECURE_PASSWORD }]);
    const cookie = r.setCookie.map((c) => c.split(";")[0]).find((c) => c.startsWith("watt_session="));
    if (!cookie) throw new Error(`sign-in refused: ${r.text.slice(0, 200)}`);
    const url = new URL(baseURL!);
    await page
      .context()
      .addCookies([
        { name: "watt_session", value: cookie.slice("watt_session=".length), domain: url.hostname, path: "/", httpOnly: true, sameSite: "Lax" },
      ]);
    await use(page);
  },
});
