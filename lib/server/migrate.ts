// Applies the committed migrations of DATABASE_URL's engine. SQLite: Prisma's own tool, so
// `_prisma_migrations` records them exactly as `npm run db:prepare` would (also used by restore: an older
// backup is brought up to this version's schema before its rows are validated). PostgreSQL:
// lib/server/pg-migrate.ts, which keeps the same history table.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { engineOf, redactSecrets } from "../db-url";
import { migratePostgres } from "./pg-migrate";

const ROOT = path.join(__dirname, "..", "..");

export function migrateDeploy(url: string): void {
  const prisma = path.join(ROOT, "node_modules", ".bin", "prisma");
  const run = spawnSync(prisma, ["migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
  });
  if (run.status !== 0) {
    const tail = `${run.stdout ?? ""}\n${run.stderr ?? ""}`.trim().split("\n").slice(-6).join("\n");
    throw new Error(redactSecrets(`prisma migrate deploy failed for ${url.replace(/^file:/, "")}:\n${tail || run.error?.message}`, url));
  }
}

/** Either engine: the migrations of DATABASE_URL's engine. */
export async function migrateDatabase(url: string): Promise<void> {
  if (engineOf(url) === "postgres") await migratePostgres(url);
  else migrateDeploy(url);
}
