// Re-scoring in the page (lib/view/rescore.ts) must give the rows the server would have rendered for that
// set: the input goes through JSON as it does over the wire, and the server's rows are loadScreen's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDefault } from "../../prisma/seed";
import { createTempDb, type TempDb } from "../../test/temp-db";
import { DEFAULT_ASSUMPTIONS } from "../scoring/assumptions";
import { rescoreRows, type ScreenInput } from "../view/rescore";
import { createAssumptionSet } from "./mutations/assumption-sets";
import { saveNote } from "./mutations/notes";
import { saveOverrides } from "./mutations/company";
import { loadScreen, loadScreenInput } from "./screen";

let t: TempDb;
const bear = { ...DEFAULT_ASSUMPTIONS, buildCostLowUsdPerW: 9, buildCostBaseUsdPerW: 10, buildCostHighUsdPerW: 11, btcPriceUsd: 60_000 };
const overWire = async (asOf?: string): Promise<ScreenInput> => JSON.parse(JSON.stringify(await loadScreenInput(t.db, asOf)));

beforeAll(async () => {
  t = await createTempDb();
  await seedDefault(t.db);
  const made = await createAssumptionSet(t.db, { name: "Bear", values: bear }, null);
  if (!made.ok) throw new Error(JSON.stringify(made));
  // set-independent parts of a row that the page carries over: a note count and what a person entered
  expect(await saveNote(t.db, { ticker: "IREN", note: { figure: null, body: "Checked the Sweetwater timeline" } }, "ana")).toMatchObject({
    ok: true,
  });
  const corz = await t.db.company.findUniqueOrThrow({ where: { ticker: "CORZ" }, select: { version: true } });
  const saved = await saveOverrides(t.db, { ticker: "CORZ", version: corz.version, overrides: { weightS3: 0.5 } }, "bo");
  expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true });
});
afterAll(async () => {
  await t.close();
});

describe("re-scoring another set in the page", () => {
  it("gives the server's rows for that set, field for field and in the same order, both ways", async () => {
    const input = await overWire();
    const base = await loadScreen(t.db);
    const bearRows = await loadScreen(t.db, "Bear");
    expect(JSON.stringify(rescoreRows(input, bear, base.rows))).toBe(JSON.stringify(bearRows.rows));
    expect(JSON.stringify(rescoreRows(input, base.set.values, bearRows.rows))).toBe(JSON.stringify(base.rows));
    // not vacuous: the two sets rank differently, and the carried-over parts are there
    expect(bearRows.rows.map((r) => r.discountBase)).not.toEqual(base.rows.map((r) => r.discountBase));
    expect(bearRows.rows.find((r) => r.ticker === "IREN")!.notes).toBe(1);
    expect(bearRows.rows.find((r) => r.ticker === "CORZ")!.userEntered.length).toBeGreaterThan(0);
  });

  it("on an earlier view date too", async () => {
    const input = await overWire("2025-11-21");
    expect(input.viewDate).toBe("2025-11-21");
    const base = await loadScreen(t.db, undefined, "2025-11-21");
    const rows = rescoreRows(input, bear, base.rows);
    expect(JSON.stringify(rows)).toBe(JSON.stringify((await loadScreen(t.db, "Bear", "2025-11-21")).rows));
  });

  it("applies the set's build cost: discount = 1 − EV/W ÷ $10 (§6) for every company without overrides", async () => {
    const rows = rescoreRows(await overWire(), bear, (await loadScreen(t.db)).rows);
    const priced = rows.filter((r) => r.evPerWEffectiveIt != null && r.ticker !== "CORZ");
    expect(priced.length).toBeGreaterThan(5);
    for (const r of priced) expect(r.discountBase).toBeCloseTo(1 - r.evPerWEffectiveIt! / 10, 12);
  });

  it("labels the input with the data revision, which any write moves (the page then asks the server)", async () => {
    const before = (await loadScreenInput(t.db)).revision;
    expect(await saveNote(t.db, { ticker: "CIFR", note: { figure: null, body: "A second note" } }, "ana")).toMatchObject({ ok: true });
    expect((await loadScreenInput(t.db)).revision).toBeGreaterThan(before);
  });
});
