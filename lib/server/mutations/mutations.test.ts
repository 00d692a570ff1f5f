// Write paths against a real temporary SQLite database seeded with the dataset.
import { describe, expect, it } from "vitest";
import { DEFAULT_ASSUMPTIONS } from "../../scoring/assumptions";
import { createAssumptionSet, deleteAssumptionSet, updateAssumptionSet } from "./assumption-sets";
import { marketFiguresOf, saveMarketFigures, saveOverrides } from "./company";
import { applyEvent } from "./events";
import { revertChange } from "./revert";
import {
  balanceSheetEventInputOf,
  contractInputOf,
  deleteBalanceSheetEvent,
  deleteSite,
  saveBalanceSheetEvent,
  saveContract,
  saveSite,
} from "./sites-contracts";
import { siteToInput } from "../rows";
import { loadStoredSets, METHODOLOGY_DEFAULTS } from "../stored-sets";
import { resolveAssumptionSet } from "../queries";
import { loadCompanyScore, loadScreen } from "../screen";
import { seededPerTest } from "../../../test/seeded-db";

const t = seededPerTest();

const snapshot = async () =>
  JSON.stringify(await t.db.company.findMany({ include: { facts: true, sites: true, contracts: true, events: true }, orderBy: { id: "asc" } }));
const price = async (ticker: string) => (await t.db.fact.findFirst({ where: { key: "sharePriceUsd", company: { ticker } } }))?.value;

describe("market figures", () => {
  it("a new as-of adds a point beside the old one: the version is bumped and the change audited", async () => {
    const form = (await marketFiguresOf(t.db, "CORZ"))!;
    form.facts.sharePriceUsd = { ...form.facts.sharePriceUsd!, value: 20, asOf: "2025-11-28", source: "https://example.com/close" };
    const r = await saveMarketFigures(t.db, form, "analyst");
    expect(r).toEqual({ ok: true, data: { version: 2 } });
    const points = await t.db.fact.findMany({ where: { key: "sharePriceUsd", company: { ticker: "CORZ" } }, orderBy: { asOf: "asc" } });
    expect(points.map((p) => [p.asOf, p.value, p.origin, p.recordedBy])).toEqual([
      ["2025-11", 17.08, "dataset", null],
      ["2025-11-28", 20, "user", "analyst"],
    ]);
    expect((await marketFiguresOf(t.db, "CORZ"))!.facts.sharePriceUsd!.value).toBe(20); // the form shows the latest point
    const audit = await t.db.auditEntry.findMany();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: "Company", field: "sharePriceUsd", user: "analyst", before: null });
    expect(audit[0].after).toMatchObject({ value: 20, asOf: "2025-11-28" });
  });

  it("the same as-of corrects that point: no new point, the old value in the audit", async () => {
    const form = (await marketFiguresOf(t.db, "CORZ"))!;
    form.facts.sharePriceUsd = { ...form.facts.sharePriceUsd!, value: 18 };
    expect((await saveMarketFigures(t.db, form, "analyst")).ok).toBe(true);
    const points = await t.db.fact.findMany({ where: { key: "sharePriceUsd", company: { ticker: "CORZ" } } });
    expect(points.map((p) => [p.asOf, p.value, p.snapshotPoint])).toEqual([["2025-11", 18, true]]); // still the snapshot's point
    const [entry] = await t.db.auditEntry.findMany();
    expect(entry.before).toMatchObject({ value: 17.08, asOf: "2025-11" });
    expect(entry.after).toMatchObject({ value: 18, asOf: "2025-11" });
  });

  it.each([
    ["a non-number price", (f: any) => (f.facts.sharePriceUsd.value = "abc"), "facts.sharePriceUsd.value"],
    ["a negative price", (f: any) => (f.facts.sharePriceUsd.value = -1), "facts.sharePriceUsd.value"],
    ["a bad date", (f: any) => (f.facts.cashUsd.asOf = "28/11/2025"), "facts.cashUsd.asOf"],
    ["a non-http source", (f: any) => (f.facts.totalDebtUsd.source = "javascript:alert(1)"), "facts.totalDebtUsd.source"],
    ["a bad share basis", (f: any) => (f.facts.sharesOutstanding.basis = "fully"), "facts.sharesOutstanding.basis"],
    ["a missing version", (f: any) => delete f.version, "version"],
  ])("rejects %s with a field message and writes nothing", async (_n, mutate, field) => {
    const before = await snapshot();
    const form = structuredClone((await marketFiguresOf(t.db, "CORZ"))!) as any;
    mutate(form);
    const r = await saveMarketFigures(t.db, form, null);
    expect(r.ok).toBe(false);
    if (r.ok || r.kind !== "invalid") throw new Error("expected invalid");
    expect(r.fieldErrors[field]?.length).toBeGreaterThan(0);
    expect(r.submitted).toEqual(form);
    expect(await snapshot()).toBe(before);
    expect(await t.db.auditEntry.count()).toBe(0);
  });

  it("rejects unknown fields", async () => {
    const form = { ...(await marketFiguresOf(t.db, "CORZ"))!, isAdmin: true };
    const r = await saveMarketFigures(t.db, form, null);
    expect(r).toMatchObject({ ok: false, kind: "invalid", formErrors: ["Unknown field: isAdmin"] });
  });

  it("capex guidance typed as $/W (10 for $10M per MW) is a field error, not a zero financing gap", async () => {
    const form = (await marketFiguresOf(t.db, "GLXY"))!;
    form.facts.capexGuidanceUsdPerMw = { ...form.facts.capexGuidanceUsdPerMw!, value: 10, low: null, high: null };
    const r = await saveMarketFigures(t.db, form, null);
    expect(r).toMatchObject({
      ok: false,
      kind: "invalid",
      fieldErrors: {
        "facts.capexGuidanceUsdPerMw.value": ["Must be at least $1 million per IT MW. Enter USD per IT MW, e.g. 10M for $10M per MW ($10/W)"],
      },
    });
  });

  it("refuses a stale version and returns the current values", async () => {
    const mine = structuredClone((await marketFiguresOf(t.db, "CORZ"))!);
    const theirs = structuredClone(mine);
    theirs.facts.cashUsd = { ...theirs.facts.cashUsd!, value: 999_000_000 };
    expect((await saveMarketFigures(t.db, theirs, "a")).ok).toBe(true);
    mine.facts.sharePriceUsd = { ...mine.facts.sharePriceUsd!, value: 1 };
    const r = await saveMarketFigures(t.db, mine, "b");
    expect(r.ok).toBe(false);
    if (r.ok || r.kind !== "conflict") throw new Error("expected conflict");
    expect((r.current as any).facts.cashUsd.value).toBe(999_000_000);
    expect((r.current as any).version).toBe(2);
    expect((r.submitted as any).facts.sharePriceUsd.value).toBe(1);
    expect(await price("CORZ")).toBe(17.08);
  });

  it("reverts a change, audits the revert, and refuses a revert of a value changed since", async () => {
    const form = (await marketFiguresOf(t.db, "IREN"))!;
    form.facts.sharePriceUsd = { ...form.facts.sharePriceUsd!, value: 50 };
    await saveMarketFigures(t.db, form, null);
    const [entry] = await t.db.auditEntry.findMany();
    const again = (await marketFiguresOf(t.db, "IREN"))!;
    again.facts.sharePriceUsd = { ...again.facts.sharePriceUsd!, value: 55 };
    await saveMarketFigures(t.db, again, null);
    const refused = await revertChange(t.db, { auditId: entry.id }, null);
    expect(refused).toMatchObject({ ok: false, kind: "conflict" });
    expect(await price("IREN")).toBe(55);
    const latest = (await t.db.auditEntry.findMany({ orderBy: { id: "desc" } }))[0];
    expect((await revertChange(t.db, { auditId: latest.id }, "x")).ok).toBe(true);
    expect(await price("IREN")).toBe(50);
    expect((await revertChange(t.db, { auditId: entry.id }, "x")).ok).toBe(true);
    expect(await price("IREN")).toBe(47.47);
    const reverts = await t.db.auditEntry.findMany({ where: { revertOf: { not: null } } });
    expect(reverts).toHaveLength(2);
  });

  it("removing a figure deletes the fact (it then reads as missing)", async () => {
    const form = (await marketFiguresOf(t.db, "CORZ"))!;
    form.facts.cashUsd = null;
    expect((await saveMarketFigures(t.db, form, null)).ok).toBe(true);
    expect(await t.db.fact.count({ where: { key: "cashUsd", company: { ticker: "CORZ" } } })).toBe(0);
  });
});

describe("sites and contracts", () => {
  const newSite = {
    name: "Test Campus",
    location: "Texas",
    grossMw: { value: 200, asOf: "2025-11", source: "https://example.com/s" },
    itMw: null,
    stage: "pipeline",
    use: "hpc",
  };

  it("adds, edits with version check, deletes and reverts a site", async () => {
    const add = await saveSite(t.db, { ticker: "SLNH", site: newSite }, null);
    if (!add.ok) throw new Error(JSON.stringify(add));
    const dup = await saveSite(t.db, { ticker: "SLNH", site: newSite }, null);
    expect(dup).toMatchObject({ ok: false, kind: "invalid", fieldErrors: { "site.name": [expect.stringContaining("already has a site")] } });
    const edit = await saveSite(t.db, { ticker: "SLNH", id: add.data.id, version: 1, site: { ...newSite, stage: "approved" } }, null);
    expect(edit.ok).toBe(true);
    const stale = await saveSite(t.db, { ticker: "SLNH", id: add.data.id, version: 1, site: { ...newSite, stage: "operating" } }, null);
    expect(stale).toMatchObject({ ok: false, kind: "conflict" });
    expect((await t.db.site.findUnique({ where: { id: add.data.id } }))!.stage).toBe("approved");
    expect((await deleteSite(t.db, { ticker: "SLNH", id: add.data.id, version: 2 }, null)).ok).toBe(true);
    const del = (await t.db.auditEntry.findMany({ orderBy: { id: "desc" } }))[0];
    expect((await revertChange(t.db, { auditId: del.id }, null)).ok).toBe(true);
    expect(await t.db.site.findFirst({ where: { name: "Test Campus" } })).toMatchObject({ stage: "approved", grossMw: 200 });
  });

  it("rejects invalid sites: bad stage, negative MW, empty name", async () => {
    for (const [site, field] of [
      [{ ...newSite, stage: "dreaming" }, "site.stage"],
      [{ ...newSite, grossMw: { ...newSite.grossMw, value: -5 } }, "site.grossMw.value"],
      [{ ...newSite, name: "" }, "site.name"],
    ] as const) {
      const r = await saveSite(t.db, { ticker: "SLNH", site }, null);
      expect(r.ok, field).toBe(false);
      if (!r.ok && r.kind === "invalid") expect(Object.keys(r.fieldErrors)).toContain(field);
    }
    expect(await t.db.site.count({ where: { name: "Test Campus" } })).toBe(0);
  });

  it("edits a contract; unknown site and delivered > contracted are field errors", async () => {
    const id = (await t.db.contract.findUniqueOrThrow({ where: { code: "APLD-CRWV-2025" } })).id;
    const form = (await contractInputOf(t.db, id))!;
    const bad = await saveContract(t.db, { ticker: "APLD", ...form, contract: { ...form.contract, site: "Atlantis" } }, null);
    expect(bad).toMatchObject({ ok: false, kind: "invalid", fieldErrors: { "contract.site": ['No site named "Atlantis"'] } });
    const over = await saveContract(t.db, { ticker: "APLD", ...form, contract: { ...form.contract, deliveredItMw: 9999 } }, null);
    expect(over).toMatchObject({ ok: false, kind: "invalid", fieldErrors: { "contract.deliveredItMw": ["Delivered MW exceeds contract MW"] } });
    const ok = await saveContract(t.db, { ticker: "APLD", ...form, contract: { ...form.contract, tenorYears: 16 } }, "a");
    expect(ok.ok).toBe(true);
    expect((await t.db.contract.findUnique({ where: { id } }))!.tenorYears).toBe(16);
  });

  it("edits CoreWeave's site allocations at Core Scientific by site name; the stored ids survive a rename", async () => {
    const id = (await t.db.contract.findUniqueOrThrow({ where: { code: "CORZ-CRWV-2024" } })).id;
    const form = (await contractInputOf(t.db, id))!;
    expect(form.contract.siteAllocations).toEqual([
      { site: "Denton", itMw: 260 },
      { site: "Muskogee", itMw: 70 },
    ]);
    for (const [allocations, field, message] of [
      [[{ site: "Atlantis", itMw: 10 }], "contract.siteAllocations.0.site", 'No site named "Atlantis" at this company'],
      [
        [
          { site: "Denton", itMw: 500 },
          { site: "Muskogee", itMw: 100 },
        ],
        "contract.siteAllocations",
        "Allocations add up to 600 MW, more than the contract's 590 MW",
      ],
      [
        [
          { site: "Denton", itMw: 10 },
          { site: "Denton", itMw: 10 },
        ],
        "contract.siteAllocations.1.site",
        '"Denton" is listed twice',
      ],
    ] as const) {
      const r = await saveContract(t.db, { ticker: "CORZ", ...form, contract: { ...form.contract, siteAllocations: allocations } }, null);
      expect(r, field).toMatchObject({ ok: false, kind: "invalid", fieldErrors: { [field]: [message] } });
    }
    const both = await saveContract(t.db, { ticker: "CORZ", ...form, contract: { ...form.contract, site: "Pecos" } }, null);
    expect(both).toMatchObject({
      ok: false,
      kind: "invalid",
      fieldErrors: { "contract.siteAllocations": ["Give either one site or site allocations, not both"] },
    });
    const moved = await saveContract(
      t.db,
      { ticker: "CORZ", ...form, contract: { ...form.contract, siteAllocations: [{ site: "Denton", itMw: 300 }] } },
      "a",
    );
    expect(moved.ok).toBe(true);
    const denton = await t.db.site.findFirstOrThrow({ where: { name: "Denton", company: { ticker: "CORZ" } } });
    await saveSite(t.db, { ticker: "CORZ", id: denton.id, version: denton.version, site: { ...siteToInput(denton), name: "Denton TX" } }, "a");
    expect((await contractInputOf(t.db, id))!.contract.siteAllocations).toEqual([{ site: "Denton TX", itMw: 300 }]);
    // the allocation change is audited and can be reverted
    const entry = await t.db.auditEntry.findFirstOrThrow({ where: { entity: "Contract", field: "siteAllocations" } });
    expect((await revertChange(t.db, { auditId: entry.id }, "a")).ok).toBe(true);
    expect((await contractInputOf(t.db, id))!.contract.siteAllocations).toEqual([
      { site: "Denton TX", itMw: 260 },
      { site: "Muskogee", itMw: 70 },
    ]);
  });

  it("refuses to remove a site that contracts sit on, naming them, and changes nothing", async () => {
    const denton = await t.db.site.findFirstOrThrow({ where: { name: "Denton", company: { ticker: "CORZ" } } });
    const r = await deleteSite(t.db, { ticker: "CORZ", id: denton.id, version: denton.version }, null);
    expect(r).toMatchObject({ ok: false, kind: "invalid", formErrors: [expect.stringMatching(/^CORZ-CRWV-2024 sits on Denton: move it/)] });
    expect(await t.db.site.findUnique({ where: { id: denton.id } })).not.toBeNull();
    const river = await t.db.site.findFirstOrThrow({ where: { name: "Barber Lake", company: { ticker: "CIFR" } } });
    expect(await deleteSite(t.db, { ticker: "CIFR", id: river.id, version: river.version }, null)).toMatchObject({ ok: false, kind: "invalid" });
  });

  it("reverting a site's creation is refused while a contract sits on it, as the delete is", async () => {
    const site = {
      name: "New Hall",
      location: "TX",
      country: "US",
      grossMw: { value: 200, asOf: "2025-11", source: "https://example.com/s" },
      itMw: null,
      stage: "operating",
      use: "hpc",
    };
    const added = await saveSite(t.db, { ticker: "CORZ", site }, "a");
    if (!added.ok) throw new Error("site not added");
    const id = (await t.db.contract.findUniqueOrThrow({ where: { code: "CORZ-CRWV-2024" } })).id;
    const form = (await contractInputOf(t.db, id))!;
    const allocations = [
      ...form.contract.siteAllocations!.map((x) => ({ ...x, itMw: x.site === "Denton" ? x.itMw - 100 : x.itMw })),
      { site: "New Hall", itMw: 100 },
    ];
    expect((await saveContract(t.db, { ticker: "CORZ", ...form, contract: { ...form.contract, siteAllocations: allocations } }, "a")).ok).toBe(true);
    const creation = await t.db.auditEntry.findFirstOrThrow({ where: { entity: "Site", entityId: added.data.id } });
    const r = await revertChange(t.db, { auditId: creation.id }, "a");
    expect(r).toMatchObject({ ok: false, kind: "invalid", formErrors: [expect.stringMatching(/^CORZ-CRWV-2024 sits on New Hall: move it/)] });
    expect(await t.db.site.findUnique({ where: { id: added.data.id } })).not.toBeNull();
  });

  it("new site fields: country, IT scope and share are validated with field messages", async () => {
    const base = {
      name: "JV Campus",
      location: "Norway",
      grossMw: { value: 100, asOf: "2025-11", source: "https://example.com/s" },
      itMw: null,
      stage: "pipeline",
      use: "hpc",
    };
    for (const [site, field, message] of [
      [{ ...base, country: "XX" }, "site.country", "Not an ISO 3166 country code"],
      [{ ...base, companyShare: 1.2 }, "site.companyShare", "Must be at most 1"],
      [{ ...base, itMwScope: "phase" }, "site.itMwScope", "needs an IT MW figure"],
    ] as const) {
      const r = await saveSite(t.db, { ticker: "SLNH", site }, null);
      expect(r.ok, field).toBe(false);
      if (!r.ok && r.kind === "invalid") expect(r.fieldErrors[field]?.[0], field).toContain(message);
    }
    const ok = await saveSite(t.db, { ticker: "SLNH", site: { ...base, country: "NO", companyShare: 0.5 } }, "a");
    expect(ok.ok).toBe(true);
    expect(await t.db.site.findFirstOrThrow({ where: { name: "JV Campus" } })).toMatchObject({ country: "NO", companyShare: 0.5 });
  });
});

describe("balance-sheet events", () => {
  const event = {
    date: "2025-11-20",
    kind: "debt_issue",
    description: "Test notes",
    cashDeltaUsd: 100e6,
    debtDeltaUsd: 100e6,
    preferredDeltaUsd: null,
    committedDeltaUsd: null,
    sharesDelta: null,
    btcDelta: null,
    sources: ["https://example.com/notes"],
  };

  it("adds, edits with a version check, removes and restores an event; each step audited", async () => {
    const add = await saveBalanceSheetEvent(t.db, { ticker: "RIOT", event }, "a");
    if (!add.ok) throw new Error(JSON.stringify(add));
    const edit = await saveBalanceSheetEvent(t.db, { ticker: "RIOT", id: add.data.id, version: 1, event: { ...event, cashDeltaUsd: 90e6 } }, "a");
    expect(edit.ok).toBe(true);
    const stale = await saveBalanceSheetEvent(t.db, { ticker: "RIOT", id: add.data.id, version: 1, event }, "b");
    expect(stale).toMatchObject({ ok: false, kind: "conflict" });
    expect((await balanceSheetEventInputOf(t.db, add.data.id))!.event.cashDeltaUsd).toBe(90e6);
    expect((await deleteBalanceSheetEvent(t.db, { ticker: "RIOT", id: add.data.id, version: 2 }, "a")).ok).toBe(true);
    const removal = (await t.db.auditEntry.findMany({ where: { entity: "BalanceSheetEvent" }, orderBy: { id: "desc" } }))[0];
    expect((await revertChange(t.db, { auditId: removal.id }, "a")).ok).toBe(true);
    expect(await t.db.balanceSheetEvent.findFirst({ where: { description: "Test notes" } })).toMatchObject({ cashDeltaUsd: 90e6 });
    expect(await t.db.auditEntry.count({ where: { entity: "BalanceSheetEvent" } })).toBe(4); // add, edit, remove, restore
  });

  it.each([
    ["no change at all", { cashDeltaUsd: null, debtDeltaUsd: null }, "event.cashDeltaUsd", "An event needs at least one change"],
    ["a bad date", { date: "20/11/2025" }, "event.date", "Use YYYY-MM or YYYY-MM-DD"],
    ["an unknown kind", { kind: "gift" }, "event.kind", "Invalid option"],
    ["no source", { sources: [] }, "event.sources", "Give at least one source URL"],
    ["a non-number", { cashDeltaUsd: "lots" }, "event.cashDeltaUsd", "Must be a number"],
  ])("refuses %s with a field message and writes nothing", async (_n, patch, field, message) => {
    const before = await t.db.balanceSheetEvent.count();
    const r = await saveBalanceSheetEvent(t.db, { ticker: "RIOT", event: { ...event, ...patch } }, null);
    expect(r.ok).toBe(false);
    if (!r.ok && r.kind === "invalid") expect(r.fieldErrors[field]?.[0], field).toContain(message);
    expect(await t.db.balanceSheetEvent.count()).toBe(before);
  });
});

describe("events and overrides", () => {
  it("applies an event's contract once; the contract counts and the event is marked", async () => {
    const ev = (await t.db.event.findMany({ where: { company: { ticker: "HUT" } }, orderBy: { position: "asc" } })).find(
      (e) => e.contractJson != null,
    )!;
    const r = await applyEvent(t.db, { ticker: "HUT", eventId: ev.id, version: ev.version }, null);
    expect(r.ok).toBe(true);
    expect(await t.db.contract.count({ where: { company: { ticker: "HUT" } } })).toBe(1);
    expect((await t.db.event.findUnique({ where: { id: ev.id } }))!.appliedAt).not.toBeNull();
    const again = await applyEvent(t.db, { ticker: "HUT", eventId: ev.id, version: ev.version }, null);
    expect(again).toMatchObject({ ok: false, kind: "conflict" });
    // undo: revert the contract's creation un-applies the event
    const created = await t.db.auditEntry.findFirstOrThrow({ where: { entity: "Contract" } });
    expect((await revertChange(t.db, { auditId: created.id }, null)).ok).toBe(true);
    expect((await t.db.event.findUnique({ where: { id: ev.id } }))!.appliedAt).toBeNull();
  });

  it("saves company overrides; incoherent overrides are refused", async () => {
    const ok = await saveOverrides(t.db, { ticker: "CORZ", version: 1, overrides: { buildCostBaseUsdPerW: 12.5 } }, null);
    expect(ok.ok).toBe(true);
    const bad = await saveOverrides(t.db, { ticker: "CORZ", version: 2, overrides: { buildCostBaseUsdPerW: 20 } }, null);
    expect(bad).toMatchObject({ ok: false, kind: "invalid", fieldErrors: { "overrides.buildCostHighUsdPerW": ["High must be ≥ base"] } });
    const unknown = await saveOverrides(t.db, { ticker: "CORZ", version: 2, overrides: { sneaky: 1 } }, null);
    expect(unknown.ok).toBe(false);
  });
});

describe("assumption sets", () => {
  it("creates, renames, edits with version check and deletes a set; the default cannot be deleted", async () => {
    const bear = await createAssumptionSet(
      t.db,
      { name: "Bear", values: { ...DEFAULT_ASSUMPTIONS, buildCostLowUsdPerW: 9, buildCostBaseUsdPerW: 10 } },
      null,
    );
    if (!bear.ok) throw new Error(JSON.stringify(bear));
    expect(await createAssumptionSet(t.db, { name: "Bear", values: DEFAULT_ASSUMPTIONS }, null)).toMatchObject({
      ok: false,
      kind: "invalid",
      fieldErrors: { name: [expect.stringContaining("already exists")] },
    });
    const bad = await updateAssumptionSet(
      t.db,
      { id: bear.data.id, version: 1, name: "Bear", values: { ...DEFAULT_ASSUMPTIONS, weightS1: 2 } },
      null,
    );
    expect(bad).toMatchObject({ ok: false, kind: "invalid", fieldErrors: { "values.weightS1": ["Must be at most 1"] } });
    const renamed = await updateAssumptionSet(t.db, { id: bear.data.id, version: 1, name: "Bear case", values: DEFAULT_ASSUMPTIONS }, null);
    expect(renamed.ok).toBe(true);
    const stale = await updateAssumptionSet(t.db, { id: bear.data.id, version: 1, name: "Bear", values: DEFAULT_ASSUMPTIONS }, null);
    expect(stale).toMatchObject({ ok: false, kind: "conflict" });
    const fields = (await t.db.auditEntry.findMany({ where: { entity: "AssumptionSet", field: { not: "(record)" } } })).map((e) => e.field).sort();
    expect(fields).toEqual(["name", "values.buildCostBaseUsdPerW", "values.buildCostLowUsdPerW"]);
    const base = await t.db.assumptionSet.findUniqueOrThrow({ where: { name: "Base" } });
    expect(await deleteAssumptionSet(t.db, { id: base.id, version: base.version }, null)).toMatchObject({ ok: false, kind: "invalid" });
    expect((await deleteAssumptionSet(t.db, { id: bear.data.id, version: 2 }, null)).ok).toBe(true);
  });
});

describe("reverts go through the form's validation", () => {
  const base = async () => t.db.assumptionSet.findUniqueOrThrow({ where: { name: "Base" } });
  const entryFor = async (field: string) => t.db.auditEntry.findFirstOrThrow({ where: { field }, orderBy: { id: "desc" } });

  it("refuses a set revert that would leave low > base, with the field named; reverting in order works", async () => {
    // one save: low 11→5 and base 12→8 (5 ≤ 8 ≤ 13 is valid)
    const b = await base();
    const saved = await updateAssumptionSet(
      t.db,
      { id: b.id, version: b.version, name: "Base", values: { ...DEFAULT_ASSUMPTIONS, buildCostLowUsdPerW: 5, buildCostBaseUsdPerW: 8 } },
      "a",
    );
    expect(saved.ok).toBe(true);
    const auditBefore = await t.db.auditEntry.count();
    // reverting only "low 11→5" would give low 11 > base 8: the set would be skipped and the screener fail
    const refused = await revertChange(t.db, { auditId: (await entryFor("values.buildCostLowUsdPerW")).id }, "a");
    expect(refused).toMatchObject({ ok: false, kind: "invalid", fieldErrors: { "values.buildCostLowUsdPerW": ["Low must be ≤ base"] } });
    if (refused.ok || refused.kind !== "invalid") throw new Error("expected invalid");
    expect(refused.fieldErrors.auditId[0]).toMatch(
      /^Not reverted: it would leave the set “Base” invalid \(values\.buildCostLowUsdPerW: Low must be ≤ base\)/,
    );
    expect(((await base()).values as Record<string, number>).buildCostLowUsdPerW).toBe(5); // rolled back
    expect(await t.db.auditEntry.count()).toBe(auditBefore);
    // base first (8→12: 5 ≤ 12), then low (5→11): both valid
    expect((await revertChange(t.db, { auditId: (await entryFor("values.buildCostBaseUsdPerW")).id }, "a")).ok).toBe(true);
    const lowEntry = await t.db.auditEntry.findFirstOrThrow({ where: { field: "values.buildCostLowUsdPerW", revertOf: null } });
    expect((await revertChange(t.db, { auditId: lowEntry.id }, "a")).ok).toBe(true);
    expect((await base()).values).toEqual(DEFAULT_ASSUMPTIONS);
  });

  it("refuses a contract revert that would leave delivered MW above contract MW", async () => {
    const id = (await t.db.contract.findUniqueOrThrow({ where: { code: "CORZ-CRWV-2024" } })).id;
    const form = (await contractInputOf(t.db, id))!;
    const mw = form.contract.itMw!;
    // itMw mw → mw+100, then delivered → mw+50 (≤ mw+100)
    expect((await saveContract(t.db, { ticker: "CORZ", ...form, contract: { ...form.contract, itMw: mw + 100 } }, "a")).ok).toBe(true);
    const f2 = (await contractInputOf(t.db, id))!;
    expect((await saveContract(t.db, { ticker: "CORZ", ...f2, contract: { ...f2.contract, deliveredItMw: mw + 50 } }, "a")).ok).toBe(true);
    const r = await revertChange(t.db, { auditId: (await entryFor("itMw")).id }, "a");
    expect(r).toMatchObject({ ok: false, kind: "invalid", fieldErrors: { "contract.deliveredItMw": ["Delivered MW exceeds contract MW"] } });
    expect((await t.db.contract.findUniqueOrThrow({ where: { id } })).itMw).toBe(mw + 100);
  });

  it("refuses an allocation revert that would allocate more MW than the contract has now", async () => {
    const id = (await t.db.contract.findUniqueOrThrow({ where: { code: "CORZ-CRWV-2024" } })).id;
    const f1 = (await contractInputOf(t.db, id))!;
    expect(
      (await saveContract(t.db, { ticker: "CORZ", ...f1, contract: { ...f1.contract, siteAllocations: [{ site: "Denton", itMw: 100 }] } }, "a")).ok,
    ).toBe(true);
    const f2 = (await contractInputOf(t.db, id))!;
    expect((await saveContract(t.db, { ticker: "CORZ", ...f2, contract: { ...f2.contract, itMw: 200 } }, "a")).ok).toBe(true);
    // bringing back 260 + 70 = 330 MW of allocations on a 200 MW contract
    const r = await revertChange(t.db, { auditId: (await entryFor("siteAllocations")).id }, "a");
    expect(r).toMatchObject({
      ok: false,
      kind: "invalid",
      fieldErrors: { "contract.siteAllocations": [expect.stringMatching(/add up to 330 MW, more than the contract's 200 MW/)] },
    });
    expect((await contractInputOf(t.db, id))!.contract.siteAllocations).toEqual([{ site: "Denton", itMw: 100 }]);
  });

  it("an invalid stored default falls back to the methodology defaults and is listed; the screen still loads", async () => {
    const b = await base();
    await t.db.assumptionSet.update({
      where: { id: b.id },
      data: { values: { ...DEFAULT_ASSUMPTIONS, buildCostLowUsdPerW: 11, buildCostBaseUsdPerW: 8 } },
    });
    const stored = await loadStoredSets(t.db);
    expect(stored.sets).toEqual([]);
    expect(stored.invalid).toMatchObject([{ name: "Base", isDefault: true, problems: ["Build cost — low: Low must be ≤ base"] }]);
    expect(await resolveAssumptionSet(t.db)).toEqual(METHODOLOGY_DEFAULTS);
    const screen = await loadScreen(t.db); // threw "No assumption set named (default)" → a 500 on / and every company page
    expect(screen.set.name).toBe("Methodology defaults");
    expect(screen.rows).toHaveLength(18);
    expect((await loadCompanyScore(t.db, "IREN"))!.set).toEqual(METHODOLOGY_DEFAULTS);
    await expect(loadScreen(t.db, "Base")).rejects.toThrow(/The assumption set "Base" is invalid \(Build cost — low: Low must be ≤ base\)/);
  });

  it("company overrides are checked against the set in use, also when a revert brings them back", async () => {
    expect((await saveOverrides(t.db, { ticker: "CORZ", version: 1, overrides: { buildCostBaseUsdPerW: 12.5 } }, null)).ok).toBe(true);
    expect((await saveOverrides(t.db, { ticker: "CORZ", version: 2, overrides: {} }, null)).ok).toBe(true);
    // the default set now tops out at 10.5 $/W: base 12.5 over it would be incoherent
    const b = await base();
    const cheap = { ...DEFAULT_ASSUMPTIONS, buildCostLowUsdPerW: 9, buildCostBaseUsdPerW: 10, buildCostHighUsdPerW: 10.5 };
    expect((await updateAssumptionSet(t.db, { id: b.id, version: b.version, name: "Base", values: cheap }, null)).ok).toBe(true);
    const r = await saveOverrides(t.db, { ticker: "CORZ", version: 3, overrides: { buildCostBaseUsdPerW: 12 } }, null);
    // fine over the methodology defaults (11 ≤ 12 ≤ 13), so the form's own check passed it before
    expect(r).toMatchObject({
      ok: false,
      kind: "invalid",
      fieldErrors: { "overrides.buildCostHighUsdPerW": ["With “Base”, the set in use: High must be ≥ base"] },
    });
    const clear = await t.db.auditEntry.findFirstOrThrow({ where: { field: "assumptionOverrides" }, orderBy: { id: "desc" } });
    const back = await revertChange(t.db, { auditId: clear.id }, null); // would restore { base: 12.5 }
    expect(back).toMatchObject({
      ok: false,
      kind: "invalid",
      fieldErrors: { "overrides.buildCostHighUsdPerW": ["With “Base”, the set in use: High must be ≥ base"] },
    });
    expect((await t.db.company.findUniqueOrThrow({ where: { ticker: "CORZ" } })).assumptionOverrides).toEqual({});
  });
});

describe("database errors", () => {
  it("become a plain message, never raw database text", async () => {
    await t.db.$executeRawUnsafe(`DROP TABLE "AuditEntry"`);
    const form = (await marketFiguresOf(t.db, "CORZ"))!;
    form.facts.sharePriceUsd = { ...form.facts.sharePriceUsd!, value: 21 };
    const r = await saveMarketFigures(t.db, form, null);
    expect(r).toEqual({ ok: false, kind: "error", message: expect.stringMatching(/^Could not save \(market figures\)\. Nothing was changed/) });
    expect(JSON.stringify(r)).not.toMatch(/SQLITE|no such table|relation|does not exist|prisma/i);
    expect(await price("CORZ")).toBe(17.08);
  });
});
