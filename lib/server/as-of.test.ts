// The screen as of a date, on a real database loaded as `npm start` loads it (the dataset, its corrections
// and the 2026-h1 update file).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDefault } from "../../prisma/seed";
import { SNAPSHOT_VIEW, snapshotCompanies } from "../../prisma/snapshot";
import { createTempDb, type TempDb } from "../../test/temp-db";
import { DEFAULT_ASSUMPTIONS } from "../scoring/assumptions";
import { explainRow, screen } from "../scoring/screen";
import { loadCompanyScore, loadScreen } from "./screen";
import { ViewDateError } from "./timeline";
import { revertChange } from "./mutations/revert";
import { saveSiteChange } from "./mutations/sites-contracts";

let t: TempDb;
beforeAll(async () => {
  t = await createTempDb();
  await seedDefault(t.db);
});
afterAll(async () => {
  await t.close();
});

describe("the screen as of a date", () => {
  it("on 2025-11-21 equals the screen of the snapshot dataset with its corrections, number for number", async () => {
    const fromDb = (await loadScreen(t.db, undefined, "2025-11-21")).scored.map(explainRow);
    const fromFile = screen(snapshotCompanies({ corrections: true }), DEFAULT_ASSUMPTIONS, SNAPSHOT_VIEW).map(explainRow);
    // Every number, flag, explanation and source is the same. The one note that differs is BTDR's cash:
    // 2026-h1.json re-states that same point (149.4M at 2025-12-31) with a fuller note — a correction of the
    // snapshot's point, which keeps standing for the snapshot date.
    const withoutNotes = (v: unknown) => JSON.stringify(v, (k, x) => (k === "note" ? undefined : x));
    expect(withoutNotes(fromDb)).toBe(withoutNotes(fromFile));
    const btdrCash = fromDb.find((r) => r.ticker === "BTDR")!.proForma.cashUsd.reported!;
    expect(btdrCash).toMatchObject({ value: 149_400_000, asOf: "2025-12-31", note: expect.stringMatching(/^Pre-raise: at 2025-12-31/) });
    expect(JSON.stringify(fromDb).split("Pre-raise: at 2025-12-31").length - 1).toBe(2); // the bridge and the inputs list
  });

  it("by default is the latest date the data reaches; 2026 figures are in, older ones are flagged stale", async () => {
    const s = await loadScreen(t.db);
    expect(s.viewDate).toBe("2026-06-30"); // BITF's June 2026 transactions count at the month's end
    const row = (ticker: string) => explainRow(s.scored.find((r) => r.ticker === ticker)!);
    // MARA's 2026-03-20 price (8.46) is in; 102 days old on 2026-06-30 (> 7): stale
    expect(row("MARA").inputs.find((i) => i.key === "sharePriceUsd")).toMatchObject({ value: 8.46, asOf: "2026-03-20" });
    expect(row("MARA").staleFigures.find((f) => f.key === "sharePriceUsd")).toMatchObject({ ageDays: 102 });
    // CLSK has no 2026 figure: its 2025 cash and price stay in force and are stale
    const clsk = row("CLSK");
    expect(clsk.flags).toContain("stale-data");
    expect(clsk.staleFigures.map((f) => f.key)).toEqual(expect.arrayContaining(["sharePriceUsd", "cashUsd"]));
    expect(s.dates).toMatchObject({ snapshot: "2025-11-21", latest: "2026-06-30" });
  });

  it("a later event's contract counts from the event's date (HUT / Fluidstack at River Bend, 2025-12-17)", async () => {
    const codes = async (asOf: string) => (await loadCompanyScore(t.db, "HUT", undefined, asOf))!.score.contracts.map((c) => c.code);
    expect(await codes("2025-12-16")).not.toContain("HUT-FLUIDSTACK-2025");
    expect(await codes("2025-12-17")).toContain("HUT-FLUIDSTACK-2025");
  });

  it("a site change entered through the write path takes effect on its date, and its revert takes it away", async () => {
    // IREN's Sweetwater 1 substation was energized on 2026-05-01 (the dataset's event); the snapshot has it under construction.
    const stageOn = async (asOf: string) =>
      (await loadCompanyScore(t.db, "IREN", undefined, asOf))!.record.sites.find((x) => x.name === "Sweetwater 1")!.stage;
    const source = "https://saipien.org/iren-energizes-1-4-gw-at-sweetwater-accelerating-grid-scale-ai-infrastructure/";
    const r = await saveSiteChange(t.db, { ticker: "IREN", change: { site: "Sweetwater 1", date: "2026-05-01", stage: "operating", source } }, "ana");
    expect(r.ok).toBe(true);
    expect(await stageOn("2026-04-30")).toBe("under_construction");
    expect(await stageOn("2026-05-01")).toBe("operating");
    // a change on a site the company does not have is refused with the field named, and nothing is written
    const bad = await saveSiteChange(t.db, { ticker: "IREN", change: { site: "Nowhere", date: "2026-05-01", stage: "operating", source } }, "ana");
    expect(bad).toMatchObject({ ok: false, kind: "invalid" });
    expect(await t.db.siteChange.count()).toBe(1);
    const created = await t.db.auditEntry.findFirstOrThrow({ where: { entity: "SiteChange" }, orderBy: { id: "desc" } });
    expect((await revertChange(t.db, { auditId: created.id }, "ana")).ok).toBe(true);
    expect(await t.db.siteChange.count()).toBe(0);
    expect(await stageOn("2026-05-01")).toBe("under_construction");
  });

  it("a date before the snapshot or after today is refused", async () => {
    await expect(loadScreen(t.db, undefined, "2025-11-20")).rejects.toBeInstanceOf(ViewDateError);
    await expect(loadScreen(t.db, undefined, "2999-01-01")).rejects.toThrow(/is in the future/);
  });
});
