// Every client call of a server action goes through the one hook (app/components/use-write.ts), so a
// network failure or a conflict is handled the same way everywhere. A component that awaits an action
// itself would bring back the error screen on a network failure; this test names it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const APP = path.join(__dirname, "..", "app");
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );

// Actions whose answer is not a WriteResult, adapted to one in a single named function that the hook calls.
const ADAPTERS: Record<string, string[]> = { "signin/SignInForm.tsx": ["signInAction"], "components/SignedInMenu.tsx": ["signOutAction"] };

describe("client writes", () => {
  const clients = files(APP).filter((f) => readFileSync(f, "utf8").startsWith('"use client"'));

  it("no client component awaits a server action itself", () => {
    const direct = clients.flatMap((f) => {
      const rel = path.relative(APP, f);
      return [...readFileSync(f, "utf8").matchAll(/await\s+(\w+Action)\s*\(/g)]
        .map((m) => m[1])
        .filter((name) => !ADAPTERS[rel]?.includes(name))
        .map((name) => `${rel}: ${name}`);
    });
    expect(direct).toEqual([]);
  });

  it("every client component that imports actions uses the hook", () => {
    const without = clients
      .filter((f) => {
        const text = readFileSync(f, "utf8");
        return /from "\.{1,2}\/(?:[\w-]+\/)*[\w-]*actions"/.test(text) && !text.includes("useWrite(");
      })
      .map((f) => path.relative(APP, f));
    expect(without).toEqual([]);
  });
});
