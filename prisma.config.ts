// Prisma 6.19 CLI config for offline machines: the JS/wasm schema engine and the better-sqlite3
// driver adapter, so no engine binary is ever downloaded. This file does not read .env.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: {
    path: path.join("prisma", "migrations"),
    seed: "tsx prisma/seed.ts",
  },
  async adapter() {
    return new PrismaBetterSQLite3({ url });
  },
});
