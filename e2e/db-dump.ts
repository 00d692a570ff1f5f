// A full logical dump of an SQLite file (every table, every row, by primary key; not the data revision,
// which counts writes rather than holding data), for "changed nothing"
// checks in e2e and reliability scripts. When the e2e servers run on PostgreSQL (E2E_DATABASE_URL is
// postgresql://…) it dumps that database instead, through a child process so the call stays synchronous.
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";

const PG_DUMP = `
const { Client } = require("pg");
(async () => {
  const c = new Client({ connectionString: process.env.DUMP_URL });
  await c.connect();
  const t = await c.query("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'DataRevision' ORDER BY 1");
  const out = [];
  for (const { name } of t.rows) out.push(name + "\\n" + JSON.stringify((await c.query('SELECT * FROM "' + name + '" ORDER BY 1')).rows));
  await c.end();
  process.stdout.write(out.join("\\n"));
})().catch((e) => { console.error(e.message); process.exit(1); });`;

function dumpPostgres(url: string): string {
  const r = spawnSync(process.execPath, ["-e", PG_DUMP], { env: { ...process.env, DUMP_URL: url }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`dump failed: ${r.stderr}`);
  return r.stdout;
}

export function dumpDatabase(file: string): string {
  const url = process.env.E2E_DATABASE_URL ?? "";
  if (/^postgres(ql)?:/.test(url)) return dumpPostgres(url);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> 'DataRevision' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    return tables.map((t) => `${t}\n${JSON.stringify(db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all())}`).join("\n");
  } finally {
    db.close();
  }
}
