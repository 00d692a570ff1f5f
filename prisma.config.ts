// Prisma 6.19 CLI config for offline machines: the JS/wasm schema engine and a driver adapter, so no
// engine binary is ever downloaded. This file does not read .env. DATABASE_URL picks the engine: a file:
// URL is SQLite (prisma/schema.prisma, prisma/migrations), a postgresql:// URL is PostgreSQL (the schema
// generated from it, prisma/postgres/, and its own migrations) — docs/decisions/0019-postgresql-second-engine.md.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";
const postgres = /^postgres(ql)?:\/\//.test(url);
const dir = postgres ? path.join("prisma", "postgres") : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(dir, "schema.prisma"),
  migrations: {
    path: path.join(dir, "migrations"),
    seed: "tsx prisma/seed.ts",
  },
  async adapter() {
    return postgres ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url });
  },
});
