// A full logical dump of an SQLite file (every table, every row, by primary key), for "changed nothing"
// checks in e2e and reliability scripts.
import Database from "better-sqlite3";

export function dumpDatabase(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
    ).map((t) => t.name);
    return tables.map((t) => `${t}\n${JSON.stringify(db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all())}`).join("\n");
  } finally {
    db.close();
  }
}
