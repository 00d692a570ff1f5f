// Every write that checks a version refuses a stale one: someone saved (or removed) first, so this write
// returns a conflict with what is stored now, and nothing is written — no row, no audit entry. And
// deleteContract, which no other test calls: what it removes, what it audits, what it un-applies.
import { describe, expect, it } from "vitest";
import { DEFAULT_ASSUMPTIONS } from "../../scoring/assumptions";
import { loadCompanyScore } from "../screen";
import { createAssumptionSet, deleteAssumptionSet, updateAssumptionSet } from "./assumption-sets";
import { saveOverrides } from "./company";
import { applyEvent } from "./events";
import { revertChange } from "./revert";
import type { WriteResult } from "./result";
import {
  contractInputOf,
  deleteBalanceSheetEvent,
  deleteContract,
  deleteSite,
  deleteSiteChange,
  saveContract,
  saveSite,
  saveSiteChange,
} from "./sites-contracts";
import { seededPerTest, ok } from "../../../test/seeded-db";

const t = seededPerTest();

/** Every table's rows: a stale write must leave all of them as they were. */
const everything = async () => JSON.stringify(await t.counts()) + JSON.stringify(await t.db.auditEntry.findMany({ orderBy: { id: "asc" } }));
const contractByCode = (code: string) => t.db.contract.findUniqueOrThrow({ where: { code } });
const firstEventWithContract = async (ticker: string) =>
  (await t.db.event.findMany({ where: { company: { ticker } }, orderBy: { position: "asc" } })).find((e) => e.contractJson != null)!;

/** Runs the stale write and checks the refusal: a conflict, the stored values returned, nothing written. */
async function refusedAsStale(write: () => Promise<WriteResult<unknown>>, current: object) {
  const before = await everything();
  const r = await write();
  expect(r).toMatchObject({ ok: false, kind: "conflict", current });
  expect(await everything()).toBe(before);
}

describe("a stale version is refused, with the stored values, and writes nothing", () => {
  it("company overrides", async () => {
    ok(await saveOverrides(t.db, { ticker: "CORZ", version: 1, overrides: { weightS4: 0.4 } }, "a"));
    await refusedAsStale(() => saveOverrides(t.db, { ticker: "CORZ", version: 1, overrides: { weightS4: 0.6 } }, "b"), {
      ticker: "CORZ",
      version: 2,
      overrides: { weightS4: 0.4 },
    });
  });

  it("a contract's edit and its removal", async () => {
    const k = await contractByCode("APLD-CRWV-2025");
    const form = (await contractInputOf(t.db, k.id))!;
    ok(await saveContract(t.db, { ticker: "APLD", ...form, contract: { ...form.contract, tenorYears: 16 } }, "a"));
    await refusedAsStale(() => saveContract(t.db, { ticker: "APLD", ...form, contract: { ...form.contract, tenorYears: 20 } }, "b"), {
      id: k.id,
      version: 2,
      contract: { tenorYears: 16 },
    });
    await refusedAsStale(() => deleteContract(t.db, { ticker: "APLD", id: k.id, version: 1 }, "b"), { id: k.id, version: 2 });
  });

  it("a site's removal", async () => {
    const added = ok(
      await saveSite(
        t.db,
        { ticker: "SLNH", site: { name: "Spare", location: null, grossMw: null, itMw: null, stage: "pipeline", use: "hpc" } },
        "a",
      ),
    );
    ok(
      await saveSite(
        t.db,
        {
          ticker: "SLNH",
          id: added.id,
          version: 1,
          site: { name: "Spare", location: "TX", grossMw: null, itMw: null, stage: "pipeline", use: "hpc" },
        },
        "a",
      ),
    );
    await refusedAsStale(() => deleteSite(t.db, { ticker: "SLNH", id: added.id, version: 1 }, "b"), {
      id: added.id,
      version: 2,
      site: { location: "TX" },
    });
  });

  it("a balance-sheet event's removal", async () => {
    const e = await t.db.balanceSheetEvent.findFirstOrThrow({ where: { company: { ticker: "RIOT" } }, orderBy: { position: "asc" } });
    await t.db.balanceSheetEvent.update({ where: { id: e.id }, data: { version: 2 } }); // someone saved it meanwhile
    await refusedAsStale(() => deleteBalanceSheetEvent(t.db, { ticker: "RIOT", id: e.id, version: 1 }, "b"), {
      id: e.id,
      version: 2,
      event: { description: e.description },
    });
  });

  it("a site change's edit and its removal", async () => {
    const change = { site: "Project Kati", date: "2026-03", stage: "under_construction" as const, source: "https://example.com/c" };
    const made = ok(await saveSiteChange(t.db, { ticker: "SLNH", change }, "a"));
    ok(await saveSiteChange(t.db, { ticker: "SLNH", id: made.id, version: 1, change: { ...change, grossMw: 120 } }, "a"));
    await refusedAsStale(() => saveSiteChange(t.db, { ticker: "SLNH", id: made.id, version: 1, change: { ...change, grossMw: 90 } }, "b"), {
      id: made.id,
      version: 2,
      change: { grossMw: 120 },
    });
    await refusedAsStale(() => deleteSiteChange(t.db, { ticker: "SLNH", id: made.id, version: 1 }, "b"), { id: made.id, version: 2 });
  });

  it("applying an event from a page opened before it was applied and un-applied again", async () => {
    const ev = await firstEventWithContract("HUT");
    const { contractId } = ok(await applyEvent(t.db, { ticker: "HUT", eventId: ev.id, version: ev.version }, "a"));
    const k = await t.db.contract.findUniqueOrThrow({ where: { id: contractId } });
    ok(await deleteContract(t.db, { ticker: "HUT", id: k.id, version: k.version }, "a")); // un-applies it: version 3
    await refusedAsStale(() => applyEvent(t.db, { ticker: "HUT", eventId: ev.id, version: ev.version }, "b"), {
      eventId: ev.id,
      version: ev.version + 2,
      appliedAt: null,
    });
  });

  it("an assumption set's removal after someone edited it", async () => {
    const { id } = ok(await createAssumptionSet(t.db, { name: "Bear", values: DEFAULT_ASSUMPTIONS }, "a"));
    ok(await updateAssumptionSet(t.db, { id, version: 1, name: "Bear", values: { ...DEFAULT_ASSUMPTIONS, weightS4: 0.3 } }, "a"));
    await refusedAsStale(() => deleteAssumptionSet(t.db, { id, version: 1 }, "b"), { id, version: 2, name: "Bear" });
  });
});

describe("deleteContract", () => {
  it("removes the contract and audits it whole; its MW leave the score; a revert brings it back", async () => {
    // CIFR on the snapshot: Fluidstack A, Fluidstack B and AWS (300 MW gross × 0.7 = 210 IT)
    const before = (await loadCompanyScore(t.db, "CIFR", undefined, "2025-11-21"))!.score;
    const aws = await contractByCode("CIFR-AWS-2025");
    expect(ok(await deleteContract(t.db, { ticker: "CIFR", id: aws.id, version: aws.version }, "ana"))).toEqual({ id: aws.id });
    expect(await t.db.contract.findUnique({ where: { id: aws.id } })).toBeNull();
    const after = (await loadCompanyScore(t.db, "CIFR", undefined, "2025-11-21"))!.score;
    expect(after.contracts.map((c) => c.code)).toEqual(before.contracts.map((c) => c.code).filter((c) => c !== "CIFR-AWS-2025"));
    expect(after.contractedItMw).toBeCloseTo(before.contractedItMw - 210, 9);

    const entry = await t.db.auditEntry.findFirstOrThrow({ where: { entity: "Contract", entityId: aws.id } });
    expect(entry).toMatchObject({
      field: "(record)",
      user: "ana",
      after: null,
      before: { code: "CIFR-AWS-2025", counterparty: aws.counterparty, itMw: 300, itMwBasis: "gross" },
    });
    ok(await revertChange(t.db, { auditId: entry.id }, "ana"));
    expect(await contractByCode("CIFR-AWS-2025")).toMatchObject({ itMw: 300, counterparty: aws.counterparty, siteAllocations: aws.siteAllocations });
    const restored = (await loadCompanyScore(t.db, "CIFR", undefined, "2025-11-21"))!.score;
    expect(restored.contractedItMw).toBeCloseTo(before.contractedItMw, 9);
  });

  it("removing the contract an event added un-applies the event, so it can be applied again", async () => {
    const ev = await firstEventWithContract("HUT");
    const { contractId } = ok(await applyEvent(t.db, { ticker: "HUT", eventId: ev.id, version: ev.version }, null));
    const k = await t.db.contract.findUniqueOrThrow({ where: { id: contractId } });
    expect(k.fromEventId).toBe(ev.id);
    ok(await deleteContract(t.db, { ticker: "HUT", id: k.id, version: k.version }, null));
    const unapplied = await t.db.event.findUniqueOrThrow({ where: { id: ev.id } });
    expect(unapplied).toMatchObject({ appliedAt: null, version: ev.version + 2 });
    expect(ok(await applyEvent(t.db, { ticker: "HUT", eventId: ev.id, version: unapplied.version }, null)).contractId).not.toBe(k.id);
  });

  it("a contract of another company, or one already removed, is not found and nothing is written", async () => {
    const aws = await contractByCode("CIFR-AWS-2025");
    const before = await everything();
    expect(await deleteContract(t.db, { ticker: "IREN", id: aws.id, version: aws.version }, null)).toMatchObject({
      ok: false,
      kind: "not-found",
      message: "That contract no longer exists",
    });
    expect(await deleteContract(t.db, { ticker: "NOPE", id: aws.id, version: aws.version }, null)).toMatchObject({
      ok: false,
      kind: "not-found",
      message: "Company NOPE not found",
    });
    expect(await deleteContract(t.db, { ticker: "CIFR", id: aws.id, version: 0 }, null)).toMatchObject({ ok: false, kind: "invalid" }); // not a version
    expect(await everything()).toBe(before);
    ok(await deleteContract(t.db, { ticker: "CIFR", id: aws.id, version: aws.version }, null));
    expect(await deleteContract(t.db, { ticker: "CIFR", id: aws.id, version: aws.version }, null)).toMatchObject({ ok: false, kind: "not-found" });
  });
});
