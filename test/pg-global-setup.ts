// vitest globalSetup for WATT_TEST_ENGINE=postgres: once per run, the template databases every test
// database is cloned from (test/temp-db.ts) — one with the PostgreSQL migrations applied, one that also
// holds the seeded snapshot (what test/seeded-db.ts gives each test). Dropped again at the end, with any
// test database a crashed worker left behind.
import { createClient } from "../lib/server/db-client";
import { migratePostgres } from "../lib/server/pg-migrate";
import { seedSnapshot } from "../prisma/seed";
import { onServer, PG_SEEDED_TEMPLATE, PG_TEMPLATE, postgresUrl } from "./temp-db";

async function dropTestDatabases() {
  await onServer(async (c) => {
    const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'watt\\_t\\_%' OR datname IN ($1, $2)", [
      PG_TEMPLATE,
      PG_SEEDED_TEMPLATE,
    ]);
    for (const { datname } of rows) {
      await c.query(`ALTER DATABASE "${datname}" IS_TEMPLATE false`);
      await c.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
    }
  });
}

export async function setup() {
  await dropTestDatabases();
  await onServer((c) => c.query(`CREATE DATABASE "${PG_TEMPLATE}"`));
  await migratePostgres(postgresUrl(PG_TEMPLATE));
  await onServer((c) => c.query(`CREATE DATABASE "${PG_SEEDED_TEMPLATE}" TEMPLATE "${PG_TEMPLATE}"`));
  const db = createClient(postgresUrl(PG_SEEDED_TEMPLATE));
  try {
    await seedSnapshot(db);
  } finally {
    await db.$disconnect();
  }
  // a template may not have connections while it is cloned; IS_TEMPLATE marks them as what they are
  await onServer(async (c) => {
    for (const t of [PG_TEMPLATE, PG_SEEDED_TEMPLATE]) await c.query(`ALTER DATABASE "${t}" IS_TEMPLATE true`);
  });
}

export async function teardown() {
  await dropTestDatabases();
}
