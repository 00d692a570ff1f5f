// The terminal screen runs against a real seeded SQLite file, through the same library as the app.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDefault } from "../prisma/seed";
import { createTempDb, type TempDb } from "../test/temp-db";

let t: TempDb;
beforeAll(async () => {
  t = await createTempDb();
  await seedDefault(t.db);
});
afterAll(async () => {
  await t.close();
});

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

  it("views the latest date the data reaches unless --as-of: BITF's June 2026 transactions (a month counts at its end)", () => {
    expect(JSON.parse(run("--json")).viewDate).toBe("2026-06-30");
    expect(run("--as-of", "2026-01-31")).toContain("view date 2026-01-31");
  });

  it("--as-of that is not a day, or before the snapshot, is a usage error", () => {
    const fail = (arg: string) => {
      try {
        run("--as-of", arg);
        return "";
      } catch (e) {
        return String((e as { stderr?: string }).stderr);
      }
    };
    expect(fail("2026-02-30")).toMatch(/^--as-of: No such day in that month/);
    expect(fail("2025-01-01")).toMatch(/^--as-of: The data starts at the snapshot of 2025-11-21/);
  });

  it("takes yes/no and country-list assumptions; the view date is printed", () => {
    const out = JSON.parse(
      run("--json", "--as-of", "2025-11-21", "--remote-site-factor", "1", "--ai-ready-countries", "us,ca,bt", "--use-published-ev-fallback", "no"),
    );
    expect(out.viewDate).toBe("2025-11-21");
    expect(out.assumptions.aiReadyCountries).toEqual(["US", "CA", "BT"]);
    expect(out.assumptions.usePublishedEvFallback).toBe(false);
    // without the published-EV fallback, Hut 8 (no cash figure) cannot be ranked
    expect(out.rows.find((r: any) => r.ticker === "HUT").rankGroup).toBe("unranked");
    expect(run("--as-of", "2025-11-21")).toContain("view date 2025-11-21");
  });

  it("rejects an unknown set and an invalid value with a message", () => {
    expect(() => run("--set", "Nope")).toThrow(/No assumption set named "Nope"/);
    expect(() => run("--build-cost-base", "15")).toThrow(/High must be ≥ base/);
    expect(() => run("--ai-ready-countries", "US,XX")).toThrow(/--ai-ready-countries: Not an ISO 3166 country code/);
  });

  it("--sweep KEY=FROM:TO:STEP: CORZ's discount on the snapshot is 1 − EV/W ÷ build cost (methodology §13); a bad range is a usage error", () => {
    const d = JSON.parse(run("--as-of", "2025-11-21", "--sweep", "buildCostBaseUsdPerW=8:16:4", "--json"));
    expect(d.values).toEqual([8, 12, 16]);
    const corz = d.series.find((x: { ticker: string }) => x.ticker === "CORZ");
    const evPerW = 5_767_047_004 / 618.5e6;
    corz.points.forEach((p: { discountBase: number }, i: number) => expect(p.discountBase).toBeCloseTo(1 - evPerW / [8, 12, 16][i], 9));
    const fail = (arg: string) => {
      try {
        run("--sweep", arg);
        return "";
      } catch (e) {
        return String((e as { stderr?: string }).stderr);
      }
    };
    expect(fail("weightS4=0.8:0.2")).toMatch(/^--sweep to: The range is reversed/);
    expect(fail("buildCostBaseUsdPerW=8:16:0.001")).toMatch(/^--sweep step: That is 8,001 points; at most 1,000/);
    expect(fail("buildCost 8 16")).toMatch(/^--sweep: use KEY=FROM:TO\[:STEP\]/);
  });
});
