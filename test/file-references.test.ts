// Comments and docs name files of this repository ("see lib/server/request-guard.ts", "docs/decisions/0009")
// and decision records by number: each must exist, so a rename or a removal that leaves a pointer behind
// fails here instead of sending a reader to nothing (three did: client-address.ts and
// to-scoring-input.ts, both gone, and v1-changes.ts placed under scripts rather than lib/view).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.join(__dirname, "..");
const tracked = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" })
  .split("\n")
  .filter((f) => /\.(ts|tsx|mts|js|md|sh|prisma|css)$/.test(f) && existsSync(path.join(ROOT, f)));

// lib/…/x.ts, app/companies/[ticker]/page.tsx, docs/decisions/0009 (a record named by its number)
const SEGMENT = String.raw`(?:[\w.-]+|\[\w+\])`;
const PATH = new RegExp(String.raw`(?<![\w./@-])((?:lib|app|scripts|prisma|docs|test|e2e)(?:/${SEGMENT})+)`, "g");
/** What the app or its tests write, not what the repository holds. */
const GENERATED = /\.db$|^lib\/generated\//;

function exists(ref: string): boolean {
  if (existsSync(path.join(ROOT, ref))) return true;
  // a prefix of one file's name: docs/decisions/0009 names 0009-remote-and-small-sites.md
  const dir = path.join(ROOT, path.dirname(ref));
  return existsSync(dir) && readdirSync(dir).some((f) => f.startsWith(`${path.basename(ref)}-`));
}

describe("file references in comments and docs", () => {
  it("every path named under lib/, app/, scripts/, prisma/, docs/, test/ or e2e/ exists", () => {
    const missing: string[] = [];
    for (const file of tracked) {
      const text = readFileSync(path.join(ROOT, file), "utf8");
      for (const m of text.matchAll(PATH)) {
        const ref = m[1].replace(/[.]+$/, "");
        if (!/\.\w+$|^docs\/decisions\/\d{4}$/.test(ref) || GENERATED.test(ref)) continue; // a folder, or written at run time
        if (!exists(ref)) missing.push(`${file}: ${ref}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("every decision record named by number exists", () => {
    const records = new Set(readdirSync(path.join(ROOT, "docs", "decisions")).map((f) => f.slice(0, 4)));
    const missing: string[] = [];
    for (const file of tracked) {
      const text = readFileSync(path.join(ROOT, file), "utf8");
      for (const m of text.matchAll(/\b[Dd]ecisions?(?: record)? (\d{4})\b|decisions\/(\d{4})\b/g)) {
        const n = m[1] ?? m[2];
        if (!records.has(n)) missing.push(`${file}: decision ${n}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
