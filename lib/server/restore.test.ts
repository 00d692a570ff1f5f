// db:restore against hostile or broken backups (the red team's files), on real temporary SQLite files:
// each is refused before the target is touched.
import Database from "better-sqlite3";
import { execFile, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { linkSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { readDatasetFile, seedDatabase } from "../../prisma/seed";
import { createTempDb, type TempDb } from "../../test/temp-db";
import { backupDatabase, backupFileName, restoreDatabase } from "./backup";

const ROOT = path.join(__dirname, "..", "..");
const MIGRATIONS = path.join(ROOT, "prisma", "migrations");
let dir: string;
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "watt-restore-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const temps: TempDb[] = [];
afterEach(async () => {
  for (const t of temps.splice(0)) await t.close();
});

/** A seeded target (server stopped) and a backup of it that `tamper` then changes with raw SQL. */
async function targetAndBackup(tamper?: (db: Database.Database) => void) {
  const t = await createTempDb();
  temps.push(t);
  await seedDatabase(t.db, readDatasetFile());
  await t.db.$disconnect();
  const backup = (await backupDatabase(t.file, path.join(dir, `b${++n}.db`))).file;
  if (tamper) {
    const raw = new Database(backup);
    try {
      tamper(raw);
    } finally {
      raw.close();
    }
  }
  return { target: t.file, backup, targetBytes: readFileSync(t.file) };
}

async function expectRefused(backup: string, target: string, targetBytes: Buffer, message: RegExp) {
  await expect(restoreDatabase(backup, target)).rejects.toThrow(message);
  expect(readFileSync(target).equals(targetBytes), "the target is unchanged").toBe(true);
  expect(readdirSync(path.dirname(target)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
}

describe("db:restore refuses", () => {
  it("a backup carrying triggers (the red team's: wipe the audit log, rewrite a source URL on the next edit)", async () => {
    const { target, backup, targetBytes } = await targetAndBackup((db) =>
      db.exec(`
      CREATE TRIGGER wipe_history AFTER UPDATE ON "Fact" BEGIN
        DELETE FROM "AuditEntry";
        UPDATE "Fact" SET "sourceUrl" = 'javascript:alert(document.cookie)' WHERE id = NEW.id;
      END;`),
    );
    const check = new Database(backup, { readonly: true });
    expect(check.pragma("integrity_check", { simple: true })).toBe("ok"); // what used to be enough
    check.close();
    await expectRefused(backup, target, targetBytes, /has a trigger "wipe_history" the app's migrations do not create/);
  });

  it("a backup whose own data-revision trigger was rewritten to do something else", async () => {
    const { target, backup, targetBytes } = await targetAndBackup((db) =>
      db.exec(`
      DROP TRIGGER "Fact_revision_update";
      CREATE TRIGGER "Fact_revision_update" AFTER UPDATE ON "Fact" BEGIN DELETE FROM "AuditEntry"; END;`),
    );
    await expectRefused(backup, target, targetBytes, /does not have the app's schema: trigger Fact_revision_update differs from its migration/);
  });

  it("a backup with a view", async () => {
    const { target, backup, targetBytes } = await targetAndBackup((db) => db.exec(`CREATE VIEW "Company2" AS SELECT * FROM "Company"`));
    await expectRefused(backup, target, targetBytes, /has a view "Company2"/);
  });

  it("a backup missing a column, or with an extra table or index", async () => {
    const a = await targetAndBackup((db) => db.exec(`ALTER TABLE "Site" DROP COLUMN "note"`));
    await expectRefused(a.backup, a.target, a.targetBytes, /does not have the app's schema: table Site differs from its migration/);
    const b = await targetAndBackup((db) => db.exec(`CREATE TABLE "Extra" (x); CREATE INDEX "Fact_value" ON "Fact"("value")`));
    await expectRefused(b.backup, b.target, b.targetBytes, /unexpected index Fact_value; unexpected table Extra/);
  });

  it("a backup whose rows the app would refuse: a javascript: URL, text in a number column", async () => {
    const a = await targetAndBackup((db) => db.exec(`UPDATE "Fact" SET "sourceUrl" = 'javascript:alert(1)' WHERE id = 3`));
    await expectRefused(
      a.backup,
      a.target,
      a.targetBytes,
      /has rows the app would refuse \(1 problem\):\n {2}Fact id 3: sourceUrl — Must be an http\(s\) URL/,
    );
    const b = await targetAndBackup((db) => db.exec(`UPDATE "Fact" SET "value" = 'lots' WHERE id = 4`));
    await expectRefused(b.backup, b.target, b.targetBytes, /Backup b\d+\.db: (its rows could not be read|has rows the app would refuse)/);
  });

  it("a FIFO (opening it used to hang the restore), and a directory", async () => {
    const { target, targetBytes } = await targetAndBackup();
    const fifo = path.join(dir, "pipe.db");
    execFileSync("mkfifo", [fifo]);
    await expectRefused(fifo, target, targetBytes, /backup pipe\.db is not a regular file/);
    await expectRefused(dir, target, targetBytes, /is not a regular file/);
  });

  it("a symlink or hard link to the target itself", async () => {
    const { target, targetBytes } = await targetAndBackup();
    const link = path.join(dir, `link-${n}.db`);
    symlinkSync(target, link);
    await expectRefused(link, target, targetBytes, /The backup and the target are the same file/);
    const hard = path.join(path.dirname(target), "hard.db");
    linkSync(target, hard);
    await expectRefused(hard, target, targetBytes, /same file/);
  });

  it("a backup that claims migrations this version does not have", async () => {
    const { target, backup, targetBytes } = await targetAndBackup((db) =>
      db.exec(`
      CREATE TABLE "_prisma_migrations" (id TEXT PRIMARY KEY, checksum TEXT, finished_at DATETIME, migration_name TEXT, logs TEXT, rolled_back_at DATETIME, started_at DATETIME, applied_steps_count INTEGER);
      INSERT INTO "_prisma_migrations" VALUES ('1', 'x', '2026-01-01', '20251121000000_init', NULL, NULL, '2026-01-01', 1);
      INSERT INTO "_prisma_migrations" VALUES ('2', 'x', '2026-01-01', '20990101000000_from_the_future', NULL, NULL, '2026-01-01', 1);`),
    );
    await expectRefused(backup, target, targetBytes, /its migrations \(20251121000000_init, 20990101000000_from_the_future\) are not a prefix/);
  });
});

describe("db:restore accepts", () => {
  it("a backup from before a later migration (its copy is migrated, then validated), and clears sessions", async () => {
    // an old backup: only the first migration, as _prisma_migrations records it
    const old = path.join(dir, "old.db");
    const raw = new Database(old);
    raw.exec(readFileSync(path.join(MIGRATIONS, "20251121000000_init", "migration.sql"), "utf8"));
    // as Prisma writes it: its table definition, the file's sha256 and ISO timestamps
    const initSql = readFileSync(path.join(MIGRATIONS, "20251121000000_init", "migration.sql"));
    raw.exec(
      `CREATE TABLE "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`,
    );
    raw
      .prepare(
        `INSERT INTO "_prisma_migrations" VALUES ('1', ?, '2026-01-01T00:00:00.000+00:00', '20251121000000_init', NULL, NULL, '2026-01-01T00:00:00.000+00:00', 1)`,
      )
      .run(createHash("sha256").update(initSql).digest("hex"));
    raw.close();
    const { target } = await targetAndBackup();
    const r = await restoreDatabase(old, target);
    expect(r.tables.Company).toBe(0);
    expect(r.tables.BalanceSheetEvent).toBe(0); // a later migration's table: the copy was migrated

    // a current backup carrying a session: restored signed out (it may have been ended since)
    const { target: t2, backup } = await targetAndBackup((db) =>
      db
        .prepare(`INSERT INTO "Session" (id, user, issuedAt, expiresAt, passwordTag) VALUES ('x', 'ana', ?, ?, 't')`)
        .run(new Date().toISOString(), new Date(Date.now() + 3600_000).toISOString()),
    );
    await restoreDatabase(backup, t2);
    const restored = new Database(t2, { readonly: true });
    expect((restored.prepare(`SELECT count(*) n FROM "Session"`).get() as { n: number }).n).toBe(0);
    restored.close();
  });

  it("safety-copy names are unique within a second", () => {
    const now = new Date("2026-12-01T10:00:00.123Z");
    expect(backupFileName("watt-pre-restore", now, "a1b2c3")).toBe("watt-pre-restore-20261201T100000Z-a1b2c3.db");
    expect(backupFileName("watt-pre-restore", now, "a1b2c3")).not.toBe(backupFileName("watt-pre-restore", now, "d4e5f6"));
  });
});

describe("npm run db:restore", () => {
  const run = (args: string[], url: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(
        path.join(ROOT, "node_modules", ".bin", "tsx"),
        [path.join(ROOT, "scripts", "db-restore.ts"), ...args],
        { cwd: dir, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" },
        (e, stdout, stderr) => resolve({ code: e ? ((e as { code?: number }).code ?? -1) : 0, stdout, stderr }),
      ),
    );

  it("aborts when the safety copy cannot be made, unless --force; refuses the trigger backup without a stack", async () => {
    const { backup } = await targetAndBackup();
    const broken = path.join(dir, "broken-target.db");
    writeFileSync(broken, Buffer.alloc(8192, 0x42)); // unreadable: its safety copy must fail
    const refused = await run([backup], `file:${broken}`);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^db:restore: Could not save the current database first \(.*\); nothing was restored\. Run again with --force/);
    expect(readFileSync(broken).equals(Buffer.alloc(8192, 0x42))).toBe(true);
    const forced = await run([backup, "--force"], `file:${broken}`);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toMatch(/warning: no safety copy of the current database .*restoring anyway \(--force\)/);
    expect(forced.stdout).toMatch(/Restored .* \(\d+ KiB, integrity ok\)/);

    const trap = await targetAndBackup((db) => db.exec(`CREATE TRIGGER t AFTER INSERT ON "Site" BEGIN DELETE FROM "AuditEntry"; END;`));
    const r = await run([trap.backup], `file:${trap.target}`);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^db:restore: Backup b\d+\.db has a trigger "t"/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
