// The user-entered marker end to end on a real database loaded as `npm start` loads it (the dataset, its
// corrections, the 2026-h1 update file): a figure and an override edited through the write paths the
// edit page uses, then the screener row, the API row, the XLSX and the CSV. CORZ's figures are the
// dataset's (price 17.08 as of 2025-11, cash 453.4M as of 2025-09-30); 2026-h1 has no price or cash for it.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDefault } from "../../prisma/seed";
import { createTempDb, type TempDb } from "../../test/temp-db";
import { parseView } from "../view/params";
import { saveMarketFigures, marketFiguresOf, saveOverrides } from "./mutations/company";
import { revertChange } from "./mutations/revert";
import { loadCompanyScore, loadScreen } from "./screen";
import { screenApiBody, screenExportResponse } from "./screen-request";
import { applyUpdate } from "./updates";

let t: TempDb;
const WHEN = String.raw`entered by ana on \d{4}-\d\d-\d\d \d\d:\d\d UTC`;
const PRICE = new RegExp(String.raw`^Share price \$20\.00 \(as of 2026-06-29\), ${WHEN}$`);
const CASH = new RegExp(String.raw`^Cash \$500,000,000 \(as of 2025-09-30\), ${WHEN}$`);
const OVERRIDE = new RegExp(String.raw`^Override: Build cost — base = 12\.5 \$/W, ${WHEN}$`);
const marked = (rows: { ticker: string; userEntered: string[] }[]) => rows.filter((r) => r.userEntered.length > 0).map((r) => r.ticker);
const corz = async (asOf: string) => (await loadScreen(t.db, undefined, asOf)).rows.find((r) => r.ticker === "CORZ")!.userEntered;

beforeAll(async () => {
  t = await createTempDb();
  await seedDefault(t.db);
});
afterAll(async () => {
  await t.close();
});

describe("before anyone edits", () => {
  it("nothing is user-entered: the dataset's, the corrections' and the update file's figures are not", async () => {
    for (const asOf of ["2025-11-21", "2026-06-30"]) expect(marked((await loadScreen(t.db, undefined, asOf)).rows), asOf).toEqual([]);
  });
});

describe("a figure and an override entered through the edit page's write paths", () => {
  beforeAll(async () => {
    const form = (await marketFiguresOf(t.db, "CORZ"))!;
    // a new point (new as-of) and a correction of the dataset's point (its own as-of)
    form.facts.sharePriceUsd = { ...form.facts.sharePriceUsd!, value: 20, asOf: "2026-06-29", source: "https://example.com/close" };
    form.facts.cashUsd = { ...form.facts.cashUsd!, value: 500_000_000 };
    expect(await saveMarketFigures(t.db, form, "ana")).toMatchObject({ ok: true });
    const { version } = await t.db.company.findUniqueOrThrow({ where: { ticker: "CORZ" } });
    expect(await saveOverrides(t.db, { ticker: "CORZ", version, overrides: { buildCostBaseUsdPerW: 12.5 } }, "ana")).toMatchObject({ ok: true });
  });

  it("the screener row lists what is in force on the view date, and only CORZ is marked", async () => {
    const s = await loadScreen(t.db, undefined, "2026-06-30");
    expect(marked(s.rows)).toEqual(["CORZ"]);
    expect(await corz("2026-06-30")).toEqual([expect.stringMatching(PRICE), expect.stringMatching(CASH), expect.stringMatching(OVERRIDE)]);
    // the new price counts from 2026-06-29; the corrected cash stands for the snapshot, as the point it corrects
    expect(await corz("2026-06-28")).toEqual([expect.stringMatching(CASH), expect.stringMatching(OVERRIDE)]);
    expect(await corz("2025-11-21")).toEqual([expect.stringMatching(CASH), expect.stringMatching(OVERRIDE)]);
  });

  it("the company page's list says the same, item by item", async () => {
    const r = (await loadCompanyScore(t.db, "CORZ", undefined, "2026-06-30"))!;
    expect(r.userEntered.map((x) => [x.kind, x.key, x.by])).toEqual([
      ["figure", "sharePriceUsd", "ana"],
      ["figure", "cashUsd", "ana"],
      ["override", "buildCostBaseUsdPerW", "ana"],
    ]);
    expect(r.userEntered.every((x) => x.at != null)).toBe(true);
    expect((await loadCompanyScore(t.db, "MARA", undefined, "2026-06-30"))!.userEntered).toEqual([]);
  });

  it("GET /api/screen rows carry it", async () => {
    const parsed = parseView(new URLSearchParams("asOf=2026-06-30&sort=ticker.asc"));
    if (!parsed.ok) throw new Error("view");
    const body = screenApiBody(parsed.view, await loadScreen(t.db, undefined, "2026-06-30"));
    const row = (ticker: string) => body.rows.find((r) => r.ticker === ticker)!;
    expect(row("CORZ").userEntered).toEqual(await corz("2026-06-30"));
    expect(row("CORZ").discountBase).toEqual(expect.any(Number)); // still the scored row
    expect(row("MARA").userEntered).toEqual([]); // MARA's 2026 figures come from the update file
    expect(row("MARA")).not.toHaveProperty("matched");
  });

  it("the XLSX: the Screen sheet lists it, the Inputs sheet says yes and who per figure", async () => {
    const res = await screenExportResponse(t.db, new Request("http://127.0.0.1:3000/api/screen.xlsx?asOf=2026-06-30"), "xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = (name: string) => {
      const ws = wb.getWorksheet(name)!;
      const headers = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
      const rows: Record<string, ExcelJS.CellValue>[] = [];
      ws.eachRow((r, n) => {
        if (n > 1) rows.push(Object.fromEntries(headers.map((h, i) => [h, r.getCell(i + 1).value])));
      });
      return { headers, rows };
    };
    const screen = sheet("Screen");
    expect(screen.headers.at(-1)).toBe("User-entered");
    const lines = String(screen.rows.find((r) => r.Ticker === "CORZ")!["User-entered"]).split("; ");
    expect(lines).toEqual([expect.stringMatching(PRICE), expect.stringMatching(CASH), expect.stringMatching(OVERRIDE)]);
    expect(screen.rows.find((r) => r.Ticker === "MARA")!["User-entered"]).toBeNull();

    const inputs = sheet("Inputs").rows.filter((r) => r.Ticker === "CORZ");
    const input = (key: string) => inputs.find((r) => r.Key === key)!;
    expect(input("sharePriceUsd")).toMatchObject({
      Value: 20,
      "User-entered": true,
      "Entered by": expect.stringMatching(/^ana on \d{4}-\d\d-\d\d \d\d:\d\d UTC$/),
    });
    expect(input("cashUsd")).toMatchObject({ Value: 500_000_000, "User-entered": true });
    expect(input("totalDebtUsd")).toMatchObject({ Value: 1_166_000_000, "User-entered": false, "Entered by": null });
  });

  it("the CSV ends with a User-entered column, whatever the visible columns", async () => {
    const res = await screenExportResponse(
      t.db,
      new Request("http://127.0.0.1:3000/api/screen.csv?asOf=2026-06-30&cols=name&sort=ticker.asc"),
      "csv",
    );
    const lines = (await res.text()).split("\r\n").filter((l) => l && !l.startsWith("# "));
    expect(lines[0]).toBe("Rank,Ticker,Name,User-entered");
    const corzLine = lines.find((l) => l.split(",")[1] === "CORZ")!;
    // the list has commas ("$500,000,000"), so it is one quoted field
    expect(corzLine).toMatch(
      /,"Share price \$20\.00 \(as of 2026-06-29\), entered by ana on [^"]+; Cash \$500,000,000 [^"]+; Override: Build cost — base = 12\.5 \$\/W, [^"]+"$/,
    );
    expect(lines.find((l) => l.split(",")[1] === "MARA")).toMatch(/,$/); // an empty last field
  });
});

describe("what takes a figure out of the marker", () => {
  it("a later update-file point supersedes the user's from its date", async () => {
    const file = ["ticker,field,value,asOf,source,note", "CORZ,sharePrice,21,2026-06-30,https://example.com/close-2,"].join("\n");
    expect(await applyUpdate(t.db, file, { name: "later.csv", user: "bob" })).toMatchObject({ ok: true });
    expect(await corz("2026-06-29")).toEqual([expect.stringMatching(PRICE), expect.stringMatching(CASH), expect.stringMatching(OVERRIDE)]);
    expect(await corz("2026-06-30")).toEqual([expect.stringMatching(CASH), expect.stringMatching(OVERRIDE)]);
  });

  it("reverting the correction puts the dataset's point back as the dataset's: no longer marked", async () => {
    const entry = await t.db.auditEntry.findFirstOrThrow({ where: { field: "cashUsd", user: "ana" } });
    expect(await revertChange(t.db, { auditId: entry.id }, "carl")).toMatchObject({ ok: true });
    const cash = await t.db.fact.findFirstOrThrow({ where: { key: "cashUsd", company: { ticker: "CORZ" } } });
    expect(cash).toMatchObject({
      value: 453_400_000,
      asOf: "2025-09-30",
      origin: "dataset",
      recordedBy: null,
      recordedAt: null,
      snapshotPoint: true,
    });
    expect(await corz("2026-06-29")).toEqual([expect.stringMatching(PRICE), expect.stringMatching(OVERRIDE)]);
  });

  it("clearing the overrides removes them from the marker", async () => {
    const { version } = await t.db.company.findUniqueOrThrow({ where: { ticker: "CORZ" } });
    expect(await saveOverrides(t.db, { ticker: "CORZ", version, overrides: {} }, "ana")).toMatchObject({ ok: true });
    expect(await corz("2026-06-29")).toEqual([expect.stringMatching(PRICE)]);
  });
});

describe("a revert records the value it puts back as written by its writer", () => {
  it("an update file's point corrected by a user and reverted is the update file's again; reverting that revert is the user's again", async () => {
    const form = (await marketFiguresOf(t.db, "MARA"))!;
    expect(form.facts.sharePriceUsd).toMatchObject({ value: 8.46, asOf: "2026-03-20" }); // 2026-h1.json's
    form.facts.sharePriceUsd = { ...form.facts.sharePriceUsd!, value: 9 };
    expect(await saveMarketFigures(t.db, form, "ana")).toMatchObject({ ok: true });
    const mara = async () => (await loadScreen(t.db, undefined, "2026-06-30")).rows.find((r) => r.ticker === "MARA")!.userEntered;
    const point = () => t.db.fact.findFirstOrThrow({ where: { key: "sharePriceUsd", asOf: "2026-03-20", company: { ticker: "MARA" } } });
    const { id: companyId } = await t.db.company.findUniqueOrThrow({ where: { ticker: "MARA" } });
    expect(await mara()).toEqual([expect.stringMatching(/^Share price \$9\.00 \(as of 2026-03-20\), entered by ana on /)]);

    const edit = await t.db.auditEntry.findFirstOrThrow({ where: { field: "sharePriceUsd", user: "ana", companyId } });
    const first = await revertChange(t.db, { auditId: edit.id }, "carl");
    expect(first).toMatchObject({ ok: true });
    const batchEntry = await t.db.auditEntry.findFirstOrThrow({ where: { field: "sharePriceUsd", batchId: { not: null }, companyId } }); // 2026-h1.json's, on start
    expect(await point()).toMatchObject({ value: 8.46, origin: "update", recordedBy: batchEntry.user, recordedAt: batchEntry.at });
    expect(await mara()).toEqual([]);

    const revertEntry = await t.db.auditEntry.findFirstOrThrow({ where: { revertOf: edit.id } });
    expect(await revertChange(t.db, { auditId: revertEntry.id }, "carl")).toMatchObject({ ok: true });
    expect(await point()).toMatchObject({ value: 9, origin: "user", recordedBy: "ana", recordedAt: edit.at });
    expect(await mara()).toEqual([expect.stringMatching(/^Share price \$9\.00 \(as of 2026-03-20\), entered by ana on /)]);
  });
});
