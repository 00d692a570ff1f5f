// The terminal screen runs against a real seeded SQLite file, through the same library as the app.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDatasetFile, seedDatabase } from "../prisma/seed";
import { createTempDb, type TempDb } from "../test/temp-db";

let t: TempDb;
beforeAll(async () => {
  t = await createTempDb();
  await seedDatabase(t.db, readDatasetFile());
});
afterAll(async () => { await t.close(); });

const run = (...args: string[]) =>
  execFileSync("node_modules/.bin/tsx", ["scripts/screen.ts", ...args], { env: { ...process.env, DATABASE_URL: t.url }, encoding: "utf8" });

describe("npm run screen", () => {
  it("prints the ranked table", () => {
    const out = run();
    expect(out).toContain("Assumption set: Base");
    const firstRow = out.split("\n")[2];
    expect(firstRow).toMatch(/^1\s+SLNH\s+T3/);
  });

  it("--json with an override re-ranks through the library", () => {
    const base = JSON.parse(run("--json"));
    const cheap = JSON.parse(run("--json", "--build-cost-base", "11", "--build-cost-low", "10"));
    expect(cheap.assumptions.buildCostBaseUsdPerW).toBe(11);
    const corz = (d: any) => d.rows.find((r: any) => r.ticker === "CORZ");
    expect(corz(cheap).discountBase).toBeLessThan(corz(base).discountBase);
  });

  it("rejects an unknown set and an invalid value with a message", () => {
    expect(() => run("--set", "Nope")).toThrow(/No assumption set named "Nope"/);
    expect(() => run("--build-cost-base", "15")).toThrow(/High must be ≥ base/);
  });
});
