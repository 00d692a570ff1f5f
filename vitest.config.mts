import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));
// WATT_TEST_ENGINE=postgres runs the suite on PostgreSQL (test/temp-db.ts). These files test the SQLite
// file itself — its online backup and restore, WAL, file-level migration and import into a new file — and
// run on SQLite only; on PostgreSQL backups are pg_dump's job (README, Team setup).
const postgres = process.env.WATT_TEST_ENGINE === "postgres";
const SQLITE_ONLY = ["lib/server/backup.test.ts", "lib/server/restore.test.ts", "scripts/db-prepare.test.ts", "test/data-revision.test.ts"];

export default defineConfig({
  resolve: { alias: { "@": root, "server-only": path.join(root, "test/server-only-stub.ts") } },
  test: {
    include: ["lib/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    pool: "forks",
    ...(postgres ? { exclude: ["**/node_modules/**", ...SQLITE_ONLY], globalSetup: ["test/pg-global-setup.ts"] } : {}),
  },
});
