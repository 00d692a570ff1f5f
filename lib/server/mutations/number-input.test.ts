// Numbers on the server's write paths, against a real temporary SQLite database: the schemas read typed
// text with the forms' parser (lib/number-input.ts) and keep every figure inside its declared bounds, so
// 1e308 or a price of $20,000 is refused with the field named and nothing is written.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedSnapshot } from "../../../prisma/seed";
import { createTempDb, type TempDb } from "../../../test/temp-db";
import { DEFAULT_ASSUMPTIONS } from "../../scoring/assumptions";
import { planUpdate } from "../updates";
import { createAssumptionSet } from "./assumption-sets";
import { marketFiguresOf, saveMarketFigures, saveOverrides } from "./company";
import { saveBalanceSheetEvent, saveContract, saveSite } from "./sites-contracts";

let t: TempDb;
beforeEach(async () => {
  t = await createTempDb();
  await seedSnapshot(t.db);
});
afterEach(async () => {
  await t.close();
});

const everything = async () =>
  JSON.stringify(
    await t.db.company.findMany({ include: { facts: true, sites: true, contracts: true, balanceSheetEvents: true }, orderBy: { id: "asc" } }),
  );
const stored = async (ticker: string, key: string) =>
  (await t.db.fact.findFirstOrThrow({ where: { key, company: { ticker } }, orderBy: { asOf: "desc" } })).value;

/** Saves CORZ's market figures with one figure's value replaced; returns that field's messages. */
async function saveFigure(key: string, value: unknown) {
  const form = structuredClone((await marketFiguresOf(t.db, "CORZ"))!) as any;
  form.facts[key] = {
    ...(form.facts[key] ?? { asOf: "2025-11", source: "https://example.com/x", ...(key === "sharesOutstanding" ? { basis: "basic" } : {}) }),
    value,
  };
  const r = await saveMarketFigures(t.db, form, "analyst");
  return { r, messages: !r.ok && r.kind === "invalid" ? r.fieldErrors[`facts.${key}.value`] : undefined };
}

describe("a company's figures keep their bounds", () => {
  it.each([
    ["sharePriceUsd", 1e308, "Must be at most $10,000"],
    ["sharePriceUsd", 20_000, "Must be at most $10,000"],
    ["sharePriceUsd", 0.001, "Must be at least $0.01"],
    ["sharesOutstanding", 1e308, "Must be at most 100 billion shares"],
    ["sharesOutstanding", 2e11, "Must be at most 100 billion shares"],
    ["cashUsd", 1e308, "Must be at most $1 trillion"],
    ["totalDebtUsd", 2e12, "Must be at most $1 trillion"],
    ["btcHeld", 22e6, "Must be at most 21 million BTC"],
    ["hashrateEhs", 1e308, "Must be at most 10,000 EH/s"],
    ["securedPowerMw", 200_000, "Must be at most 100,000 MW"],
    ["cashUsd", -1, "Must be at least $0"],
  ])("%s = %s is refused: %s; nothing is written", async (key, value, message) => {
    const before = await everything();
    const { r, messages } = await saveFigure(key, value);
    expect(r.ok).toBe(false);
    expect(messages).toEqual([message]);
    expect(await everything()).toBe(before);
    expect(await t.db.auditEntry.count()).toBe(0);
  });

  it("typed text is read with the forms' parser: $1.66, 4.8bn and 1,234,567 are saved as numbers", async () => {
    expect((await saveFigure("sharePriceUsd", "$1.66")).r.ok).toBe(true);
    expect(await stored("CORZ", "sharePriceUsd")).toBe(1.66);
    expect((await saveFigure("cashUsd", "4.8bn")).r.ok).toBe(true);
    expect(await stored("CORZ", "cashUsd")).toBe(4_800_000_000);
    expect((await saveFigure("totalDebtUsd", "1,234,567")).r.ok).toBe(true);
    expect(await stored("CORZ", "totalDebtUsd")).toBe(1_234_567);
  });

  it.each([
    ["2,5", "Must be a number: write 2.5 or 25 (a comma only separates thousands, as in 1,234,567)"],
    ["1e309", "Must be at most $10,000"],
    ["1.234.567", "Must be a number: one dot for decimals, commas only between thousands (1,234,567.5)"],
    ["lots", "Must be a number"],
  ])("typed %j is refused with the forms' message", async (text, message) => {
    const before = await everything();
    expect((await saveFigure("sharePriceUsd", text)).messages).toEqual([message]);
    expect(await everything()).toBe(before);
  });
});

describe("records and sets keep their bounds", () => {
  const site = {
    name: "Test Campus",
    location: "Texas",
    grossMw: { value: 200, asOf: "2025-11", source: "https://example.com/s" },
    itMw: null,
    stage: "pipeline",
    use: "hpc",
  };

  it("a site of 1e308 MW, a contract of 1e308 MW and a $1e308 cash change are refused", async () => {
    const before = await everything();
    const s = await saveSite(t.db, { ticker: "SLNH", site: { ...site, grossMw: { ...site.grossMw, value: 1e308 } } }, null);
    expect(s).toMatchObject({ ok: false, kind: "invalid", fieldErrors: { "site.grossMw.value": ["Must be at most 100,000 MW"] } });
    const id = (await t.db.contract.findUniqueOrThrow({ where: { code: "APLD-CRWV-2025" } })).id;
    const contract = await t.db.contract.findUniqueOrThrow({ where: { id } });
    const k = await saveContract(
      t.db,
      {
        ticker: "APLD",
        id,
        version: contract.version,
        contract: {
          id: "APLD-X",
          counterparty: "X",
          structure: "colocation",
          itMwBasis: "critical_it",
          status: "signed",
          sources: [],
          itMw: 1e308,
        },
      },
      null,
    );
    expect(k).toMatchObject({ ok: false, kind: "invalid", fieldErrors: { "contract.itMw": ["Must be at most 100,000 MW"] } });
    const e = await saveBalanceSheetEvent(
      t.db,
      {
        ticker: "RIOT",
        event: {
          date: "2025-11-20",
          kind: "debt_issue",
          description: "x",
          cashDeltaUsd: 1e308,
          debtDeltaUsd: null,
          preferredDeltaUsd: null,
          committedDeltaUsd: null,
          sharesDelta: null,
          btcDelta: null,
          sources: ["https://example.com/n"],
        },
      },
      null,
    );
    expect(e).toMatchObject({ ok: false, kind: "invalid", fieldErrors: { "event.cashDeltaUsd": ["Must be at most $1 trillion"] } });
    expect(await everything()).toBe(before);
  });

  it("an assumption set or a company override of 1e308 is refused", async () => {
    const set = await createAssumptionSet(t.db, { name: "Huge", values: { ...DEFAULT_ASSUMPTIONS, btcPriceUsd: 1e308 } }, null);
    expect(set).toMatchObject({ ok: false, kind: "invalid", fieldErrors: { "values.btcPriceUsd": ["Must be at most $10 million"] } });
    const o = await saveOverrides(t.db, { ticker: "CORZ", version: 1, overrides: { tier2MinContractValueUsd: 1e308 } }, null);
    expect(o).toMatchObject({ ok: false, kind: "invalid", fieldErrors: { "overrides.tier2MinContractValueUsd": ["Must be at most $1 trillion"] } });
    expect(await t.db.assumptionSet.count({ where: { name: "Huge" } })).toBe(0);
  });

  it("an update file's 1e308 or 2,5 is a rejected row", async () => {
    const plan = await planUpdate(
      t.db,
      [
        "ticker,field,value,asOf,source,note",
        "IREN,cash,1e308,2026-06-01,https://example.com/i,",
        'IREN,sharePrice,"2,5",2026-06-01,https://example.com/i,',
        'IREN,totalDebt,"1,234,567",2026-06-01,https://example.com/i,',
      ].join("\n"),
    );
    expect(plan.rows.map((r) => [r.status, r.problems.map((p) => `${p.field}: ${p.message}`)])).toEqual([
      ["rejected", ["value: Must be at most $1 trillion"]],
      ["rejected", ["value: Must be a number: write 2.5 or 25 (a comma only separates thousands, as in 1,234,567)"]],
      ["new", []],
    ]);
  });
});
