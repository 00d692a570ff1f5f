// `npm run docs:tables` writes the generated tables of docs/methodology.md from the code and the real data:
// the assumptions with their defaults and sources (lib/scoring/assumptions.ts), and "what changed from
// v1" (the archived v1 snapshot against the current snapshot with its corrections, rules switched on in
// § order); the worked example of §13 (lib/view/worked-example.ts, also shown on /methodology). `--check` exits 1 when the docs are out of date; a unit test runs it.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ASSUMPTION_KEYS, ASSUMPTION_META, DEFAULT_ASSUMPTIONS } from "../lib/scoring/assumptions";
import { formatAssumption, GROUP_LABELS } from "../lib/view/assumption-diff";
import { changesTable, v1Changes } from "../lib/view/v1-changes";
import { workedExampleMarkdown } from "../lib/view/worked-example";
import { snapshotCompanies, SNAPSHOT_VIEW, v1SnapshotCompanies } from "../prisma/snapshot";

export const DOC = path.join(__dirname, "..", "docs", "methodology.md");

const escape = (s: string) => s.replace(/\|/g, "\\|");

function assumptionsTable(): string {
  return [
    "| group | name | default | unit | source |",
    "|---|---|---:|---|---|",
    ...ASSUMPTION_KEYS.map((k) => {
      const m = ASSUMPTION_META[k];
      return `| ${GROUP_LABELS[m.group]} | ${k} | ${escape(formatAssumption(DEFAULT_ASSUMPTIONS[k]))} | ${m.unit} | ${escape(m.source)} |`;
    }),
  ].join("\n");
}

export const TABLES = {
  assumptions: assumptionsTable,
  "v1-changes": () => changesTable(v1Changes(v1SnapshotCompanies(), snapshotCompanies(), SNAPSHOT_VIEW)),
  "worked-example": () => workedExampleMarkdown(),
} as const;

const markers = (name: string) => [`<!-- ${name}:start (npm run docs:tables) -->`, `<!-- ${name}:end -->`] as const;

export function withTables(doc: string): string {
  let out = doc;
  for (const [name, render] of Object.entries(TABLES)) {
    const [start, end] = markers(name);
    const a = out.indexOf(start);
    const b = out.indexOf(end);
    if (a < 0 || b < a) throw new Error(`docs/methodology.md has no ${start} … ${end} markers`);
    out = `${out.slice(0, a + start.length)}\n${render()}\n${out.slice(b)}`;
  }
  return out;
}

if (require.main === module) {
  const doc = readFileSync(DOC, "utf8");
  const next = withTables(doc);
  if (process.argv.includes("--check")) {
    if (next !== doc) {
      console.error("docs/methodology.md: a generated table is out of date — run npm run docs:tables");
      process.exit(1);
    }
    console.log("docs/methodology.md: generated tables are current");
  } else {
    writeFileSync(DOC, next);
    console.log(`docs/methodology.md: wrote ${Object.keys(TABLES).join(", ")}`);
  }
}
