// Brings the SQLite database at DATABASE_URL up to date: applies committed migrations and seeds the
// dataset when the database has no companies. `--reset` deletes the file first (test databases).
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { databaseUrl } from "../lib/env";
import { createClient } from "../lib/server/db-client";
import { readDatasetFile, seedDatabase } from "../prisma/seed";

function sqliteFile(url: string) {
  return path.resolve(url.replace(/^file:/, "").split("?")[0]);
}

async function main() {
  const url = databaseUrl();
  const file = sqliteFile(url);
  if (process.argv.includes("--reset")) {
    for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) if (existsSync(f)) rmSync(f);
  }
  const prisma = path.join("node_modules", ".bin", "prisma");
  const run = spawnSync(prisma, ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
  });
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    throw new Error(`prisma migrate deploy failed for ${file}`);
  }
  const db = createClient(url);
  try {
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    const companies = await db.company.count();
    if (companies === 0) {
      const r = await seedDatabase(db, readDatasetFile());
      console.log(`db: migrated and seeded ${r.companies} companies into ${path.relative(process.cwd(), file)}`);
    } else {
      console.log(`db: migrated ${path.relative(process.cwd(), file)} (${companies} companies kept)`);
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
