// prisma/postgres/schema.prisma is generated from prisma/schema.prisma (the one schema source): the same
// models with the postgresql provider and their own generated client. `npm run db:pg-schema` rewrites it;
// `--check` exits 1 when it is out of date (a unit test runs the same comparison). Migrations for
// PostgreSQL live in prisma/postgres/migrations: docs/decisions/0019-postgresql-second-engine.md.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.join(__dirname, "..");
export const SQLITE_SCHEMA = path.join(ROOT, "prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join(ROOT, "prisma", "postgres", "schema.prisma");

const HEADER = "// GENERATED from prisma/schema.prisma by `npm run db:pg-schema`: edit that file, not this one.\n";

/** The SQLite schema's text → the PostgreSQL schema's text. Throws if a line it rewrites is missing. */
export function postgresSchema(sqlite: string): string {
  const swaps: [RegExp, string][] = [
    [/^(\s*provider\s*=\s*)"sqlite"/m, '$1"postgresql"'],
    [/^(\s*url\s*=\s*)"file:[^"]*"/m, '$1"postgresql://localhost/unused"'],
    [/^(\s*output\s*=\s*)"\.\.\/lib\/generated\/prisma"/m, '$1"../../lib/generated/prisma-pg"'],
  ];
  let out = sqlite;
  for (const [from, to] of swaps) {
    if (!from.test(out)) throw new Error(`prisma/schema.prisma: expected a line matching ${from}`);
    out = out.replace(from, to);
  }
  return HEADER + out;
}

if (require.main === module) {
  const want = postgresSchema(readFileSync(SQLITE_SCHEMA, "utf8"));
  let have = "";
  try {
    have = readFileSync(POSTGRES_SCHEMA, "utf8");
  } catch {}
  if (process.argv.includes("--check")) {
    if (have !== want) {
      console.error("prisma/postgres/schema.prisma is out of date: run `npm run db:pg-schema`");
      process.exit(1);
    }
  } else if (have !== want) {
    writeFileSync(POSTGRES_SCHEMA, want);
    console.log("wrote prisma/postgres/schema.prisma");
  }
}
