// Each branch of revertChange (lib/server/mutations/revert.ts) the other tests do not reach: what cannot be
// reverted, a record or value that moved on since (a conflict), one that is gone (not found), a record that
// cannot come back as it was (its name or code taken again, a site it names removed), and assumption sets
// created, deleted and renamed. A refused revert writes nothing; a done one is audited with revertOf.
import { describe, expect, it } from "vitest";
import { DEFAULT_ASSUMPTIONS } from "../../scoring/assumptions";
import { createAssumptionSet, deleteAssumptionSet, updateAssumptionSet } from "./assumption-sets";
import { saveOverrides } from "./company";
import { applyEvent } from "./events";
import { revertChange } from "./revert";
import { saveView } from "./saved-views";
import { contractInputOf, deleteContract, deleteSite, saveContract, saveSite } from "./sites-contracts";
import { seededPerTest, ok } from "../../../test/seeded-db";

const t = seededPerTest();

const lastEntry = (where: object = {}) => t.db.auditEntry.findFirstOrThrow({ where, orderBy: { id: "desc" } });
const everything = async () => JSON.stringify(await t.counts()) + JSON.stringify(await t.db.auditEntry.findMany({ orderBy: { id: "asc" } }));
const revert = (auditId: number) => revertChange(t.db, { auditId }, "rev");

/** The revert is refused as `expected` and the database is left exactly as it was. */
async function refused(auditId: number, expected: object) {
  const before = await everything();
  expect(await revert(auditId)).toMatchObject({ ok: false, ...expected });
  expect(await everything()).toBe(before);
}
const refusedOnAuditId = (message: string | RegExp) => ({
  kind: "invalid",
  fieldErrors: { auditId: [typeof message === "string" ? message : expect.stringMatching(message)] },
});
const CHANGED_SINCE = "This value was changed again after that entry; revert the newer change first.";

const spare = { name: "Spare", location: "Texas", grossMw: null, itMw: null, stage: "pipeline", use: "hpc" } as const;
const corz = () => t.db.company.findUniqueOrThrow({ where: { ticker: "CORZ" } });

describe("what is never reverted", () => {
  it("an entry that does not exist", async () => {
    await refused(999_999, { kind: "not-found", message: "That history entry does not exist" });
  });

  it("a saved view", async () => {
    ok(await saveView(t.db, { name: "Tier 1", query: "tier=1" }, "a"));
    await refused((await lastEntry({ entity: "SavedView" })).id, refusedOnAuditId("A saved view is not reverted; save it again or delete it"));
  });

  it("a company field that is neither a figure nor the overrides, and an event field other than appliedAt", async () => {
    // no write path records these; an entry of another version of the app, or a hand edit, might
    const c = await corz();
    const name = await t.db.auditEntry.create({
      data: { entity: "Company", entityId: c.id, companyId: c.id, field: "name", before: "Core", after: "Core Scientific" },
    });
    await refused(name.id, refusedOnAuditId("Changes to name cannot be reverted"));
    const ev = await t.db.event.findFirstOrThrow({ where: { companyId: c.id } });
    const summary = await t.db.auditEntry.create({
      data: { entity: "Event", entityId: ev.id, companyId: c.id, field: "summary", before: "x", after: ev.summary },
    });
    await refused(summary.id, refusedOnAuditId("Changes to summary cannot be reverted"));
  });

  it("applying an event while the contract it added is there: revert the contract's creation instead", async () => {
    const ev = (await t.db.event.findMany({ where: { company: { ticker: "HUT" } }, orderBy: { position: "asc" } })).find(
      (e) => e.contractJson != null,
    )!;
    ok(await applyEvent(t.db, { ticker: "HUT", eventId: ev.id, version: ev.version }, "a"));
    await refused(
      (await lastEntry({ entity: "Event", field: "appliedAt" })).id,
      refusedOnAuditId("Revert the creation of the contract this event added; that also un-applies the event"),
    );
  });
});

describe("a field or record that moved on since", () => {
  const addSpare = async () => ok(await saveSite(t.db, { ticker: "SLNH", site: spare }, "a"));
  const editSpare = (id: number, version: number, location: string) =>
    saveSite(t.db, { ticker: "SLNH", id, version, site: { ...spare, location } }, "a");

  it("a field changed again: a conflict with the value now; reverting the newer change first, then the older, works", async () => {
    const { id } = await addSpare();
    ok(await editSpare(id, 1, "Oklahoma"));
    const first = await lastEntry({ entity: "Site", field: "location" });
    ok(await editSpare(id, 2, "Ohio"));
    await refused(first.id, { kind: "conflict", message: CHANGED_SINCE, current: "Ohio" });
    ok(await revert((await lastEntry({ entity: "Site", field: "location" })).id)); // Ohio → Oklahoma
    ok(await revert(first.id)); // Oklahoma → Texas
    expect((await t.db.site.findUniqueOrThrow({ where: { id } })).location).toBe("Texas");
    const reverts = await t.db.auditEntry.findMany({ where: { revertOf: { not: null } }, orderBy: { id: "asc" } });
    expect(reverts.map((r) => [r.field, r.before, r.after, r.user])).toEqual([
      ["location", "Ohio", "Oklahoma", "rev"],
      ["location", "Oklahoma", "Texas", "rev"],
    ]);
  });

  it("a field of a record removed since: not found", async () => {
    const { id } = await addSpare();
    ok(await editSpare(id, 1, "Oklahoma"));
    const edit = await lastEntry({ entity: "Site", field: "location" });
    ok(await deleteSite(t.db, { ticker: "SLNH", id, version: 2 }, "a"));
    await refused(edit.id, { kind: "not-found", message: "That record no longer exists" });
  });

  it("a creation, once the record was edited: a conflict; once it was removed: not found", async () => {
    const { id } = await addSpare();
    const creation = await lastEntry({ entity: "Site", entityId: id });
    ok(await editSpare(id, 1, "Oklahoma"));
    await refused(creation.id, { kind: "conflict", message: CHANGED_SINCE, current: { id, location: "Oklahoma" } });
    ok(await deleteSite(t.db, { ticker: "SLNH", id, version: 2 }, "a"));
    await refused(creation.id, { kind: "not-found", message: "That record no longer exists" });
  });

  it("the company overrides changed again: a conflict with the overrides now", async () => {
    ok(await saveOverrides(t.db, { ticker: "CORZ", version: 1, overrides: { weightS4: 0.4 } }, "a"));
    const first = await lastEntry({ field: "assumptionOverrides" });
    ok(await saveOverrides(t.db, { ticker: "CORZ", version: 2, overrides: { weightS4: 0.3 } }, "a"));
    await refused(first.id, { kind: "conflict", message: CHANGED_SINCE, current: { weightS4: 0.3 } });
  });
});

describe("a removed record that cannot come back as it was", () => {
  it("a site whose name is taken again", async () => {
    const { id } = ok(await saveSite(t.db, { ticker: "SLNH", site: spare }, "a"));
    ok(await deleteSite(t.db, { ticker: "SLNH", id, version: 1 }, "a"));
    const removal = await lastEntry({ entity: "Site", entityId: id });
    ok(await saveSite(t.db, { ticker: "SLNH", site: { ...spare, location: "Utah" } }, "a"));
    await refused(removal.id, refusedOnAuditId('A site named "Spare" exists again'));
  });

  it("a contract whose code is used again", async () => {
    const k = await t.db.contract.findUniqueOrThrow({ where: { code: "APLD-CRWV-2025" } });
    const form = (await contractInputOf(t.db, k.id))!;
    ok(await deleteContract(t.db, { ticker: "APLD", id: k.id, version: k.version }, "a"));
    const removal = await lastEntry({ entity: "Contract", entityId: k.id });
    ok(await saveContract(t.db, { ticker: "APLD", contract: form.contract }, "a")); // the same code, a new row
    await refused(removal.id, refusedOnAuditId("Contract code APLD-CRWV-2025 is in use again"));
  });

  // CoreWeave at Core Scientific: 260 MW allocated to Denton, 70 to Muskogee
  const coreWeave = () => t.db.contract.findUniqueOrThrow({ where: { code: "CORZ-CRWV-2024" } });
  const muskogee = () => t.db.site.findFirstOrThrow({ where: { name: "Muskogee", company: { ticker: "CORZ" } } });
  const noSite = refusedOnAuditId("An allocation of this contract names a site that has been removed since; add the site back first");

  it("a contract allocated to a site removed since", async () => {
    const k = await coreWeave();
    ok(await deleteContract(t.db, { ticker: "CORZ", id: k.id, version: k.version }, "a"));
    const removal = await lastEntry({ entity: "Contract", entityId: k.id });
    const m = await muskogee();
    ok(await deleteSite(t.db, { ticker: "CORZ", id: m.id, version: m.version }, "a")); // nothing sits on it now
    await refused(removal.id, noSite);
  });

  it("an allocation change that would bring back a site removed since", async () => {
    const k = await coreWeave();
    const form = (await contractInputOf(t.db, k.id))!;
    ok(await saveContract(t.db, { ticker: "CORZ", ...form, contract: { ...form.contract, siteAllocations: [{ site: "Denton", itMw: 330 }] } }, "a"));
    const moved = await lastEntry({ entity: "Contract", field: "siteAllocations" });
    const m = await muskogee();
    ok(await deleteSite(t.db, { ticker: "CORZ", id: m.id, version: m.version }, "a"));
    await refused(moved.id, noSite);
  });
});

describe("assumption sets", () => {
  const bear = async () => ok(await createAssumptionSet(t.db, { name: "Bear", values: { ...DEFAULT_ASSUMPTIONS, weightS4: 0.3 } }, "a"));
  const setEntry = (id: number, field = "(record)") => lastEntry({ entity: "AssumptionSet", entityId: id, field });

  it("reverting a creation deletes the set; not once it is the default; not once it is gone", async () => {
    const { id } = await bear();
    const creation = await setEntry(id);
    await t.db.assumptionSet.updateMany({ data: { isDefault: false } });
    await t.db.assumptionSet.update({ where: { id }, data: { isDefault: true } });
    await refused(creation.id, refusedOnAuditId("The default set cannot be deleted"));
    await t.db.assumptionSet.update({ where: { id }, data: { isDefault: false } });
    ok(await revert(creation.id));
    expect(await t.db.assumptionSet.findUnique({ where: { id } })).toBeNull();
    await refused(creation.id, { kind: "not-found", message: "That set no longer exists" });
  });

  it("reverting a deletion brings the set back under a new id, and the revert's entry names it; not while the name is taken", async () => {
    const { id } = await bear();
    ok(await deleteAssumptionSet(t.db, { id, version: 1 }, "a"));
    const removal = await setEntry(id);
    await createAssumptionSet(t.db, { name: "Bear", values: DEFAULT_ASSUMPTIONS }, "b");
    await refused(removal.id, refusedOnAuditId('A set named "Bear" exists again'));
    const other = await t.db.assumptionSet.findUniqueOrThrow({ where: { name: "Bear" } });
    await t.db.assumptionSet.delete({ where: { id: other.id } });
    ok(await revert(removal.id));
    const back = await t.db.assumptionSet.findUniqueOrThrow({ where: { name: "Bear" } });
    expect(back.id).not.toBe(id);
    expect((back.values as Record<string, number>).weightS4).toBe(0.3);
    expect(await lastEntry({ revertOf: removal.id })).toMatchObject({ entity: "AssumptionSet", entityId: back.id, field: "(record)", before: null });
  });

  it("a rename is reverted, unless the name changed again", async () => {
    const { id } = await bear();
    ok(await updateAssumptionSet(t.db, { id, version: 1, name: "Bear case", values: { ...DEFAULT_ASSUMPTIONS, weightS4: 0.3 } }, "a"));
    const rename = await setEntry(id, "name");
    ok(await updateAssumptionSet(t.db, { id, version: 2, name: "Deep bear", values: { ...DEFAULT_ASSUMPTIONS, weightS4: 0.3 } }, "a"));
    await refused(rename.id, { kind: "conflict", message: CHANGED_SINCE, current: "Deep bear" });
    ok(await revert((await setEntry(id, "name")).id)); // Deep bear → Bear case
    ok(await revert(rename.id)); // Bear case → Bear
    expect(await t.db.assumptionSet.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "Bear", version: 5 });
  });

  it("a set whose entry names one that is gone: not found", async () => {
    const { id } = await bear();
    ok(await updateAssumptionSet(t.db, { id, version: 1, name: "Bear", values: { ...DEFAULT_ASSUMPTIONS, weightS4: 0.35 } }, "a"));
    const edit = await setEntry(id, "values.weightS4");
    ok(await deleteAssumptionSet(t.db, { id, version: 2 }, "a"));
    await refused(edit.id, { kind: "not-found", message: "That set no longer exists" });
  });
});
