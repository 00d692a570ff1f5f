// The screen as CSV and XLSX, through the handler the routes call, on a real database loaded as
// `npm start` loads it. The workbook is read back with exceljs; expectations are worked by hand from
// docs/methodology.md §13 (Core Scientific on 2025-11-21), not copied from the code's output.
import { readCsv } from "../csv";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pkg from "../../package.json";
import { seedDefault } from "../../prisma/seed";
import { createTempDb, type TempDb } from "../../test/temp-db";
import { ASSUMPTION_KEYS, DEFAULT_ASSUMPTIONS } from "../scoring/assumptions";
import { COLUMNS } from "../view/columns";
import { loadScreen } from "./screen";
import { cqsParts, exportHeader } from "./screen-export";
import { screenExportResponse } from "./screen-request";

let t: TempDb;
const NOW = new Date("2026-07-01T08:30:00.000Z");
const EVIL_NAME = '=HYPERLINK("http://evil.test","click")';

beforeAll(async () => {
  t = await createTempDb();
  await seedDefault(t.db);
  // A company whose name and figure note a spreadsheet would run as formulas.
  await t.db.company.create({
    data: {
      ticker: "EVIL",
      name: EVIL_NAME,
      exchange: "Test",
      country: "US",
      gaps: [],
      assumptionOverrides: {},
      facts: {
        create: [{ key: "sharePriceUsd", value: 1, asOf: "2025-11-21", sourceUrl: "https://example.com/evil", note: "=1+1", origin: "user" }],
      },
    },
  });
});
afterAll(async () => {
  await t.close();
});

const get = (format: "csv" | "xlsx", query: string) =>
  screenExportResponse(t.db, new Request(`http://127.0.0.1:3000/api/screen.${format}?${query}`), format, () => NOW);

async function workbook(query: string) {
  const res = await get("xlsx", query);
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return { res, wb };
}

/** Rows of a sheet as objects keyed by header. */
function records(ws: ExcelJS.Worksheet) {
  const headers = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const out: { get(h: string): ExcelJS.Cell; value(h: string): ExcelJS.CellValue }[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const cell = (h: string) => {
      const i = headers.indexOf(h);
      if (i < 0) throw new Error(`no column "${h}" in ${ws.name}`);
      return row.getCell(i + 1);
    };
    out.push({ get: cell, value: (h) => cell(h).value });
  });
  return { headers, rows: out };
}

/** RFC 4180 records (the app's own reader, lib/csv.ts); the text ends with CRLF. */
function parseCsv(text: string): string[][] {
  expect(text.endsWith("\r\n")).toBe(true);
  return readCsv(text).map((r) => r.cells);
}

describe("XLSX export", () => {
  it("is a download named by the view date", async () => {
    const { res } = await workbook("asOf=2025-11-21");
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="watt-screen-2025-11-21.xlsx"');
  });

  it("holds real numbers: CORZ on 2025-11-21 as in methodology §13", async () => {
    const { wb } = await workbook("asOf=2025-11-21");
    const { headers, rows } = records(wb.getWorksheet("Screen")!);
    const corz = rows.find((r) => r.value("Ticker") === "CORZ")!;
    // EV ex-bitcoin = 17.08 × 310,061,300 + 1,166,000,000 − 453,400,000 − 241,400,000 = 5,767,047,004
    expect(corz.value("EV (USD)")).toBeCloseTo(5_767_047_004, 0);
    // effective IT MW = 590 × 0.9 (S2) + 175 × 0.5 (S4) = 618.5
    expect(corz.value("Eff. IT MW (MW)")).toBeCloseTo(618.5, 9);
    expect(corz.value("S2 contracted, energized site (IT MW)")).toBeCloseTo(590, 9);
    expect(corz.value("S4 uncontracted, operating (IT MW)")).toBeCloseTo(175, 9);
    expect(corz.value("S1 contracted, delivered (IT MW)")).toBe(0);
    // EV/W = 5,767,047,004 / 618,500,000 = 9.32424; discount = 1 − 9.32424 / 12 = 0.22298 (low /11, high /13)
    expect(typeof corz.value("EV/W eff. IT (USD/W)")).toBe("number");
    expect(corz.value("EV/W eff. IT (USD/W)")).toBeCloseTo(9.32424, 4);
    expect(corz.value("Discount to build cost (%)")).toBeCloseTo(0.22298, 4);
    expect(corz.get("Discount to build cost (%)").numFmt).toBe("0.0%");
    expect(corz.value("Discount at low build cost (%)")).toBeCloseTo(1 - 9.32424 / 11, 4);
    expect(corz.value("Discount at high build cost (%)")).toBeCloseTo(1 - 9.32424 / 13, 4);
    // CQS: T = 12/20 = 0.6, C = 0.5 (Ba3 → BB), G = 1, S = 0.8 → 100 × (0.18 + 0.20 + 0.20 + 0.08) = 66
    expect(corz.value("CQS (0–100)")).toBeCloseTo(66, 9);
    expect([
      corz.value("CQS tenor T (0–1)"),
      corz.value("CQS credit C (0–1)"),
      corz.value("CQS GPU funding G (0–1)"),
      corz.value("CQS structure S (0–1)"),
    ]).toEqual([0.6, 0.5, 1, 0.8].map((v) => expect.closeTo(v, 9)));
    expect(corz.value("Tier")).toBe(1);
    expect(corz.value("Flags")).toMatch(/\bbelow-build-cost\b/);
    expect(corz.value("Flags")).toMatch(/\bno-ig-tenant\b/);
    // every table column is in the sheet, with its unit
    for (const def of COLUMNS) expect(headers).toContain(exportHeader(def));
  });

  it("each cell is the value the screen computed, in the view's order", async () => {
    const screen = await loadScreen(t.db, undefined, "2025-11-21");
    const { wb } = await workbook("asOf=2025-11-21");
    const { rows } = records(wb.getWorksheet("Screen")!);
    expect(rows.map((r) => r.value("Ticker"))).toEqual(screen.rows.map((r) => r.ticker)); // rank order
    for (const s of screen.scored) {
      const r = rows.find((x) => x.value("Ticker") === s.ticker)!;
      expect(r.value("Discount to build cost (%)")).toBe(s.discountBase);
      expect(r.value("Rank")).toBe(s.rank);
    }
    const filtered = records((await workbook("asOf=2025-11-21&tier=1,2&sort=ticker.asc")).wb.getWorksheet("Screen")!);
    expect(filtered.rows.map((r) => r.value("Ticker"))).toEqual(["APLD", "CIFR", "CORZ", "GLXY", "IREN", "WULF"]);
  });

  it("a missing value is an empty cell with the reason, never 0", async () => {
    const { wb } = await workbook("asOf=2025-11-21");
    const riot = records(wb.getWorksheet("Screen")!).rows.find((r) => r.value("Ticker") === "RIOT")!; // no AI/HPC contract
    expect(riot.value("CQS (0–100)")).toBeNull();
    expect(riot.get("CQS (0–100)").note).toBe("Not applicable: no AI/HPC contracts");
    expect(riot.value("CQS tenor T (0–1)")).toBeNull();
    expect(riot.value("Tenor (years)")).toBeNull();
    // Inputs: CORZ publishes no bitcoin count (taken as 0, said so); its debt with source and date
    const inputs = records(wb.getWorksheet("Inputs")!).rows.filter((r) => r.value("Ticker") === "CORZ");
    const btc = inputs.find((r) => r.value("Key") === "btcHeld")!;
    expect(btc.value("Value")).toBeNull();
    expect(btc.value("Why empty")).toMatch(/^None found: taken as 0/);
    const debt = inputs.find((r) => r.value("Key") === "totalDebtUsd")!;
    expect(debt.value("Value")).toBe(1_166_000_000);
    expect(debt.value("Unit")).toBe("USD");
    expect(debt.value("As of")).toBe("2025-09");
    expect(String(debt.value("Source URL"))).toMatch(/^https?:\/\//);
    expect(debt.value("Pro-forma value on the view date (§10.1)")).toBe(1_166_000_000); // no event after it
    const price = inputs.find((r) => r.value("Key") === "sharePriceUsd")!;
    expect(price.value("Value")).toBe(17.08);
  });

  it("says what a person entered: the Screen sheet's last column, and yes or no per input", async () => {
    const { wb } = await workbook("asOf=2025-11-21");
    const screen = records(wb.getWorksheet("Screen")!);
    expect(screen.headers.at(-1)).toBe("User-entered");
    expect(screen.rows.find((r) => r.value("Ticker") === "EVIL")!.value("User-entered")).toBe(
      "Share price $1.00 (as of 2025-11-21), entered by a user (not recorded who or when)",
    );
    expect(screen.rows.find((r) => r.value("Ticker") === "CORZ")!.value("User-entered")).toBeNull();
    const inputs = records(wb.getWorksheet("Inputs")!).rows;
    const evil = inputs.find((r) => r.value("Ticker") === "EVIL" && r.value("Key") === "sharePriceUsd")!;
    expect([evil.value("User-entered"), evil.value("Entered by")]).toEqual([true, "a user (not recorded who or when)"]);
    // every CORZ input is the dataset's
    for (const r of inputs.filter((x) => x.value("Ticker") === "CORZ"))
      expect([r.value("User-entered"), r.value("Entered by")]).toEqual([false, null]);
  });

  it("the contracts sheet has each contract's parts", async () => {
    const { wb } = await workbook("asOf=2025-11-21");
    const corz = records(wb.getWorksheet("Contracts")!).rows.filter((r) => r.value("Ticker") === "CORZ");
    expect(corz).toHaveLength(1);
    expect(corz[0].value("Counterparty")).toBe("CoreWeave");
    expect(corz[0].value("IT MW at company share")).toBe(590);
    expect([
      corz[0].value("Tenor T (0–1)"),
      corz[0].value("Credit C (0–1)"),
      corz[0].value("GPU funding G (0–1)"),
      corz[0].value("Structure S (0–1)"),
    ]).toEqual([0.6, 0.5, 1, 0.8].map((v) => expect.closeTo(v, 9)));
    expect(corz[0].value("Investment-grade backed")).toBe(false);
  });

  it("the metadata sheet lists the view, every assumption with its value, the dataset and the export", async () => {
    const { wb } = await workbook("asOf=2025-11-21&q=core&minDiscount=10&sort=ticker.asc");
    const rows = records(wb.getWorksheet("Metadata")!).rows;
    const meta = (section: string, key: string) => rows.find((r) => r.value("Section") === section && r.value("Key") === key)?.value("Value");
    for (const k of ASSUMPTION_KEYS) {
      const d = DEFAULT_ASSUMPTIONS[k];
      expect(meta("assumption", k), k).toEqual(Array.isArray(d) ? d.join(", ") : d);
    }
    expect(rows.filter((r) => r.value("Section") === "assumption")).toHaveLength(ASSUMPTION_KEYS.length);
    // the Base set's build costs, by hand: $11 / $12 / $13 per W
    expect([
      meta("assumption", "buildCostLowUsdPerW"),
      meta("assumption", "buildCostBaseUsdPerW"),
      meta("assumption", "buildCostHighUsdPerW"),
    ]).toEqual([11, 12, 13]);
    expect(meta("view", "viewDate")).toBe("2025-11-21");
    expect(meta("view", "assumptionSet")).toBe("Base");
    expect(meta("view", "q")).toBe("core");
    expect(meta("view", "minDiscountPct")).toBe(10);
    expect(meta("view", "sort")).toBe("ticker.asc");
    expect(meta("view", "tiers")).toBeNull();
    expect(meta("export", "exportedAt")).toBe("2026-07-01T08:30:00.000Z");
    expect(meta("export", "appVersion")).toBe(pkg.version);
    expect(meta("dataset", "snapshot")).toBe("2025-11-21");
  });

  it("text that a spreadsheet would run as a formula is neutralised, as in the CSV", async () => {
    const { wb } = await workbook("asOf=2025-11-21");
    const evil = records(wb.getWorksheet("Screen")!).rows.find((r) => r.value("Ticker") === "EVIL")!;
    expect(evil.value("Name")).toBe(`'${EVIL_NAME}`);
    const note = records(wb.getWorksheet("Inputs")!).rows.find((r) => r.value("Ticker") === "EVIL" && r.value("Key") === "sharePriceUsd")!;
    expect(note.value("Note")).toBe("'=1+1");
    const meta = records((await workbook("q=%2Bcmd")).wb.getWorksheet("Metadata")!).rows;
    expect(meta.find((r) => r.value("Key") === "q")!.value("Value")).toBe("'+cmd");
    // no cell anywhere holds a formula
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
  });
});

describe("CSV export", () => {
  const QUERY = "asOf=2025-11-21&sort=ticker.desc&cols=name,tier,evPerWEffectiveIt,discountBase,flags";

  it("starts with the metadata as '# ' lines, then the view's visible columns as RFC 4180 rows", async () => {
    const res = await get("csv", QUERY);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="watt-screen-2025-11-21.csv"');
    const text = await res.text();
    const lines = text.split("\r\n");
    const comments = lines.slice(
      0,
      lines.findIndex((l) => !l.startsWith("# ")),
    );
    expect(comments).toContain("# view.viewDate,2025-11-21,YYYY-MM-DD,View date");
    expect(comments).toContain("# view.assumptionSet,Base,,Assumption set");
    expect(comments).toContain("# view.sort,ticker.desc,,Sort");
    expect(comments).toContain('# export.exportedAt,2026-07-01T08:30:00.000Z,"ISO 8601, UTC",Exported at');
    expect(comments).toContain(`# export.appVersion,${pkg.version},,Application version`);
    expect(comments).toContain("# assumption.buildCostBaseUsdPerW,12,$/W,Build cost — base");
    expect(comments).toContain("# assumption.subtractBitcoin,true,yes/no,Subtract bitcoin from EV");
    for (const k of ASSUMPTION_KEYS)
      expect(
        comments.some((l) => l.startsWith(`# assumption.${k},`)),
        k,
      ).toBe(true);

    const records = parseCsv(lines.slice(comments.length).join("\r\n"));
    // the visible columns, then "User-entered" whatever the columns
    expect(records[0]).toEqual(["Rank", "Ticker", "Name", "Tier", "EV/W eff. IT (USD/W)", "Discount to build cost (%)", "Flags", "User-entered"]);
    const body = records.slice(1);
    expect(body).toHaveLength(19); // 18 miners and EVIL
    for (const r of body) expect(r).toHaveLength(records[0].length);
    const tickers = body.map((r) => r[1]);
    expect(tickers).toEqual([...tickers].sort().reverse());
    const corz = body.find((r) => r[1] === "CORZ")!;
    expect(Number(corz[4])).toBeCloseTo(9.32424, 4); // numbers as numbers
    expect(Number(corz[5])).toBeCloseTo(22.3, 2); // percent points: (1 − 9.32424 / 12) × 100 = 22.298 → 22.3
    expect(corz[3]).toBe("1");
    expect(body.find((r) => r[1] === "EVIL")![2]).toBe(`'${EVIL_NAME}`);
    // EVIL's price is a user point (written without who or when); CORZ's figures are the dataset's
    expect(body.find((r) => r[1] === "EVIL")![7]).toBe("Share price $1.00 (as of 2025-11-21), entered by a user (not recorded who or when)");
    expect(corz[7]).toBe("");
  });

  it("the columns come in the view's order, as the table shows them (rank and ticker first)", async () => {
    const text = await (await get("csv", "asOf=2025-11-21&cols=flags,tier,name")).text();
    const header = text.split("\r\n").find((l) => !l.startsWith("# "));
    expect(header).toBe("Rank,Ticker,Flags,Tier,Name,User-entered");
  });

  it("a search with a line break stays inside its one comment line", async () => {
    const text = await (await get("csv", `asOf=2025-11-21&q=${encodeURIComponent("x\r\n=1+1,=2")}`)).text();
    const lines = text.split("\r\n");
    expect(lines.find((l) => l.startsWith("# view.q,"))).toBe(
      '# view.q,"x =1+1,=2",,"Search (ticker, name, former names, counterparties, guarantors, aliases)"',
    );
    expect(lines.some((l) => l.startsWith("="))).toBe(false);
    expect(lines[lines.findIndex((l) => !l.startsWith("# "))]).toMatch(/^Rank,Ticker/);
  });
});

describe("bad parameters", () => {
  it.each(["csv", "xlsx"] as const)("%s: 400 with field errors, as GET /api/screen", async (format) => {
    const bad = await get(format, "tier=9&minDiscount=abc&nope=1");
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.fieldErrors.tier).toEqual(["Unknown tier 9; use 1, 2 or 3"]);
    expect(body.fieldErrors.minDiscount).toEqual(["Not a number; use one from -10,000% to 100%, e.g. 20%"]);
    expect(body.fieldErrors.nope).toEqual([
      "Not a screener parameter; they are set, asOf, q, sort, tier, flag, minDiscount, minContracted, preset, cols or x",
    ]);
    const set = await get(format, "set=Nope");
    expect(set.status).toBe(400);
    expect((await set.json()).fieldErrors.set[0]).toContain("No assumption set");
    // strict: one bad parameter is a 400 even when the others are good (the page would apply those)
    const partly = await get(format, "asOf=2025-11-21&tier=1&sort=evPerWEffectiveIt:asc");
    expect(partly.status).toBe(400);
    expect((await partly.json()).fieldErrors).toEqual({ sort: ["Use column.asc or column.desc, e.g. evPerWEffectiveIt.asc"] });
    const early = await get(format, "asOf=2020-01-01");
    expect(early.status).toBe(400);
    expect((await early.json()).fieldErrors.asOf).toHaveLength(1);
  });
});

describe("CQS parts", () => {
  it("recombine into the company CQS with the set's weights, for every company that has one", async () => {
    const { scored } = await loadScreen(t.db);
    const a = DEFAULT_ASSUMPTIONS;
    const withCqs = scored.filter((s) => s.cqs != null);
    expect(withCqs.length).toBeGreaterThan(3);
    for (const s of withCqs) {
      const p = cqsParts(s.contracts)!;
      expect(100 * (a.cqsWeightTenor * p.t + a.cqsWeightCredit * p.c + a.cqsWeightGpu * p.g + a.cqsWeightStructure * p.s), s.ticker).toBeCloseTo(
        s.cqs!,
        9,
      );
    }
    expect(cqsParts([])).toBeNull();
  });
});
