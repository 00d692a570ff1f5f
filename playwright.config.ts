// e2e in a real browser against a production build with its own SQLite file (prisma/e2e.db), reset
// and seeded before the server starts. Debian's chromium is used when present (no browser download).
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { SECURE_PASSWORD } from "./e2e/secure-password";
import { hashPassword } from "./lib/server/password-hash";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// WATT_TEST_ENGINE=postgres (with WATT_TEST_POSTGRES_URL, a server the tests may create databases on):
// the servers run on PostgreSQL databases watt_e2e, watt_e2e_secure and watt_e2e_private instead.
const postgres = process.env.WATT_TEST_ENGINE === "postgres";
const pgDatabase = (name: string) => {
  const u = new URL(process.env.WATT_TEST_POSTGRES_URL ?? "postgresql://watt@127.0.0.1:55432/postgres");
  u.pathname = `/${name}`;
  return u.toString();
};
const DATABASE_URL = (process.env.E2E_DATABASE_URL ??= postgres ? pgDatabase("watt_e2e") : "file:./prisma/e2e.db");
// A second server with a password, for the access-control tests (e2e/security.spec.ts), and a third
// with a password and private reads, as if behind one TLS proxy for watt.example.test (e2e/private-reads.spec.ts).
const SECURE_PORT = PORT + 1;
const PRIVATE_PORT = PORT + 2;
// Computed once and handed to the workers through the environment (a second hash would have another
// salt): e2e/security.spec.ts forges a token from it, as someone who read the hash could.
const SECURE_HASH = (process.env.E2E_SECURE_HASH ??= hashPassword(SECURE_PASSWORD));
const SECURE_DATABASE_URL = postgres ? pgDatabase("watt_e2e_secure") : DATABASE_URL.replace(/\.db$/, "-secure.db");
const PRIVATE_DATABASE_URL = postgres ? pgDatabase("watt_e2e_private") : DATABASE_URL.replace(/\.db$/, "-private.db");
// Specs that arrange or inspect rows through the SQLite file itself (better-sqlite3, SQLite's SQL), or
// start a server on a file of their own: SQLite only, until their fixtures speak both engines.
const SQLITE_FILE_SPECS = postgres ? [/dark-mode|assumptions|editing|export-api|notes-views|stored-sets|security|bind|clean-data\.spec/] : [];
// Each server's output goes to test-results-servers/server-<port>.log, which the tests read to check
// that refused requests leave one line and no stack trace.
const server = (port: number) =>
  `node_modules/.bin/tsx scripts/db-prepare.ts --reset && mkdir -p test-results-servers && : > test-results-servers/server-${port}.log && ` +
  `exec node_modules/.bin/next start -H 127.0.0.1 -p ${port} >> test-results-servers/server-${port}.log 2>&1`;
const chromium = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: [/(security|private-reads)\.spec\.ts/, ...SQLITE_FILE_SPECS] },
    {
      name: "secure",
      use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${SECURE_PORT}` },
      testMatch: /security\.spec\.ts/,
      testIgnore: SQLITE_FILE_SPECS,
    },
    { name: "private", use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${PRIVATE_PORT}` }, testMatch: /private-reads\.spec\.ts/ },
  ],
  // exec: the PID Playwright ends is next-server's own, so no server is left behind.
  webServer: [
    {
      command: server(PORT),
      url: `http://127.0.0.1:${PORT}/api/health`,
      env: { DATABASE_URL, NEXT_TELEMETRY_DISABLED: "1", WATT_PASSWORD_HASH: "" },
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: server(SECURE_PORT),
      url: `http://127.0.0.1:${SECURE_PORT}/api/health`,
      env: { DATABASE_URL: SECURE_DATABASE_URL, NEXT_TELEMETRY_DISABLED: "1", WATT_PASSWORD_HASH: SECURE_HASH },
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: server(PRIVATE_PORT),
      url: `http://127.0.0.1:${PRIVATE_PORT}/api/health`,
      env: {
        DATABASE_URL: PRIVATE_DATABASE_URL,
        NEXT_TELEMETRY_DISABLED: "1",
        WATT_PASSWORD_HASH: SECURE_HASH,
        WATT_PRIVATE_READS: "1",
        WATT_TRUSTED_PROXIES: "1",
        WATT_ALLOWED_HOSTS: "watt.example.test",
      },
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
