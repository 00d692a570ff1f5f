// A new record takes the position after the company's last one (nextPosition, max + 1), so positions stay
// unique after a removal: with count(*) a record added after removing a middle one repeated the last
// position, and the page's order between the two was left to their ids.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedSnapshot } from "../../../prisma/seed";
import { createTempDb, type TempDb } from "../../../test/temp-db";
import { applyEvent } from "./events";
import { deleteNote, saveNote } from "./notes";
import { revertChange } from "./revert";
import {
  contractInputOf,
  deleteBalanceSheetEvent,
  deleteContract,
  deleteSite,
  saveBalanceSheetEvent,
  saveContract,
  saveSite,
} from "./sites-contracts";

let t: TempDb;
beforeEach(async () => {
  t = await createTempDb();
  await seedSnapshot(t.db);
});
afterEach(async () => {
  await t.close();
});

const positions = async (table: "site" | "contract" | "balanceSheetEvent" | "note", ticker: string) =>
  (
    await (t.db[table] as unknown as { findMany(a: object): Promise<{ position: number }[]> }).findMany({
      where: { company: { ticker } },
      orderBy: { position: "asc" },
    })
  ).map((r) => r.position);
const middle = async <T extends { position: number }>(rows: T[]) => [...rows].sort((a, b) => a.position - b.position)[1];
const ok = <T>(r: { ok: boolean; data?: T }) => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data as T;
};

describe("positions after a removal", () => {
  it("a site: SLNH's three sites are 0, 1, 2; remove 1, add one → 0, 2, 3; restoring the removed one → 4", async () => {
    const site = await middle(await t.db.site.findMany({ where: { company: { ticker: "SLNH" } } }));
    expect(site.position).toBe(1);
    ok(await deleteSite(t.db, { ticker: "SLNH", id: site.id, version: site.version }, "a"));
    ok(
      await saveSite(
        t.db,
        { ticker: "SLNH", site: { name: "Added", location: null, grossMw: null, itMw: null, stage: "pipeline", use: "hpc" } },
        "a",
      ),
    );
    expect(await positions("site", "SLNH")).toEqual([0, 2, 3]); // count(*) gave 2 twice
    const removal = await t.db.auditEntry.findFirstOrThrow({ where: { entity: "Site", entityId: site.id }, orderBy: { id: "desc" } });
    ok(await revertChange(t.db, { auditId: removal.id }, "a"));
    expect(await positions("site", "SLNH")).toEqual([0, 2, 3, 4]);
  });

  it("a contract: CIFR's three are 0, 1, 2; remove 1, add one and apply an event's contract → 0, 2, 3, 4", async () => {
    const removed = await middle(await t.db.contract.findMany({ where: { company: { ticker: "CIFR" } } }));
    ok(await deleteContract(t.db, { ticker: "CIFR", id: removed.id, version: removed.version }, "a"));
    const copy = (await contractInputOf(t.db, (await t.db.contract.findFirstOrThrow({ where: { company: { ticker: "CIFR" } } })).id))!.contract;
    ok(await saveContract(t.db, { ticker: "CIFR", contract: { ...copy, id: "CIFR-TEST-1" } }, "a"));
    const event = (await t.db.event.findMany({ where: { company: { ticker: "CIFR" } } })).find((e) => e.contractJson != null)!;
    ok(await applyEvent(t.db, { ticker: "CIFR", eventId: event.id, version: event.version }, "a"));
    expect(await positions("contract", "CIFR")).toEqual([0, 2, 3, 4]);
  });

  it("a balance-sheet event: RIOT's five are 0–4; remove 1, add one → 0, 2, 3, 4, 5", async () => {
    const removed = await middle(await t.db.balanceSheetEvent.findMany({ where: { company: { ticker: "RIOT" } } }));
    ok(await deleteBalanceSheetEvent(t.db, { ticker: "RIOT", id: removed.id, version: removed.version }, "a"));
    const event = {
      date: "2025-11-20",
      kind: "debt_issue",
      description: "Test notes",
      cashDeltaUsd: 1e8,
      debtDeltaUsd: 1e8,
      preferredDeltaUsd: null,
      committedDeltaUsd: null,
      sharesDelta: null,
      btcDelta: null,
      sources: ["https://example.com/notes"],
    };
    ok(await saveBalanceSheetEvent(t.db, { ticker: "RIOT", event }, "a"));
    expect(await positions("balanceSheetEvent", "RIOT")).toEqual([0, 2, 3, 4, 5]);
  });

  it("a note: three notes 0, 1, 2; remove 1, add one → 0, 2, 3", async () => {
    const ids: number[] = [];
    for (const body of ["one", "two", "three"])
      ids.push(ok<{ id: number }>(await saveNote(t.db, { ticker: "IREN", note: { figure: null, body } }, "a")).id);
    ok(await deleteNote(t.db, { ticker: "IREN", id: ids[1], version: 1 }, "a"));
    ok(await saveNote(t.db, { ticker: "IREN", note: { figure: null, body: "four" } }, "a"));
    expect(await positions("note", "IREN")).toEqual([0, 2, 3]);
  });
});
