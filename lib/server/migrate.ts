// Applies the committed migrations to a SQLite file with Prisma's own tool, so `_prisma_migrations`
// records them exactly as `npm run db:prepare` would. Used by db-prepare and by restore (an older
// backup is brought up to this version's schema before its rows are validated).
import { spawnSync } from "node:child_process";
import path from "node:path";

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
    throw new Error(`prisma migrate deploy failed for ${url.replace(/^file:/, "")}:\n${tail || run.error?.message}`);
  }
}
