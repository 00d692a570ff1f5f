import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DatasetError } from "../lib/domain/dataset";
import { FACTS } from "../lib/domain/facts";
import { storedAllocations } from "../lib/server/rows";
import { createTempDb, type TempDb } from "../test/temp-db";
import { readCorrections, readDatasetFile, seedDatabase, seedDefault } from "./seed";

type RawCompany = Record<string, any>;
const dataset = () => readDatasetFile() as { companies: RawCompany[] };
const company = (d: { companies: RawCompany[] }, t: string) => d.companies.find((c) => c.ticker === t)!;

let t: TempDb;
beforeEach(async () => {
  t = await createTempDb();
});
afterEach(async () => {
  await t.close();
});

/** Seeding `bad` fails naming the ticker and field, and leaves an empty database empty. */
async function rejects(bad: unknown, message: RegExp) {
  const err = await seedDatabase(t.db, bad).catch((e) => e);
  expect(err).toBeInstanceOf(DatasetError);
  expect(err.message).toMatch(message);
  expect(Object.values(await t.counts()).every((n) => n === 0)).toBe(true);
}

describe("seed", () => {
  it("rejects a bad record naming the ticker and field, and writes nothing", async () => {
    await seedDatabase(t.db, dataset());
    const before = await t.counts();
    const bad = dataset();
    company(bad, "CIFR").sharePrice.value = "fourteen";
    const err = await seedDatabase(t.db, bad).catch((e) => e);
    expect(err).toBeInstanceOf(DatasetError);
    expect(err.message).toContain("CIFR: sharePrice.value");
    expect(await t.counts()).toEqual(before);
  });

  it("rejects a contract that points at an unknown site, into an empty database", async () => {
    const bad = dataset();
    company(bad, "APLD").contracts[0].site = "Nowhere";
    await rejects(bad, /APLD: contracts\[0\]\.site — No site named "Nowhere"/);
  });

  it.each([
    ["a site share above 1", (d: any) => (company(d, "WULF").sites[1].companyShare = 1.5), /WULF: sites\[1\]\.companyShare — Must be at most 1/],
    [
      "a contract share of 0",
      (d: any) => (company(d, "APLD").contracts[0].companyShare = 0),
      /APLD: contracts\[0\]\.companyShare — Must be more than 0/,
    ],
    [
      "allocations above the contract's MW",
      (d: any) => (company(d, "CORZ").contracts[0].siteAllocations[0].itMw = 600),
      /CORZ: contracts\[0\]\.siteAllocations — Allocations add up to 670 MW, more than the contract's 590 MW/,
    ],
    [
      "an allocation on a site the company does not have",
      (d: any) => (company(d, "CORZ").contracts[0].siteAllocations[1].site = "Atlantis"),
      /CORZ: contracts\[0\]\.siteAllocations\[1\]\.site — No site named "Atlantis"/,
    ],
    [
      "an IT scope without an IT figure",
      (d: any) => (company(d, "IREN").sites[1].itMwScope = "phase"),
      /IREN: sites\[1\]\.itMwScope — Says what the IT figure covers, so it needs an IT MW figure/,
    ],
    [
      "a balance-sheet event with no change",
      (d: any) => Object.assign(company(d, "WULF").balanceSheetEvents[0], { cashDeltaUsd: null, debtDeltaUsd: null }),
      /WULF: balanceSheetEvents\[0\]\.cashDeltaUsd — An event needs at least one change/,
    ],
    ["an unknown country code", (d: any) => (company(d, "BTDR").sites[5].country = "XX"), /BTDR: sites\[5\]\.country — Not an ISO 3166 country code/],
    [
      "covered MW without a stated capex",
      (d: any) => (company(d, "GLXY").contracts[0].companyFundedCapexUsd = null),
      /GLXY: contracts\[0\]\.companyFundedCapexMw — Says which MW the stated company capex covers/,
    ],
    ["a dataset of another version", (d: any) => (d.version = 1), /version — Dataset version must be 2/],
  ])("rejects %s with the ticker and field named, writing nothing", async (_n, mutate, message) => {
    const bad = dataset();
    mutate(bad);
    await rejects(bad, message);
  });

  it("gives the same row counts when run twice", async () => {
    await seedDefault(t.db);
    const first = await t.counts();
    await seedDefault(t.db);
    expect(await t.counts()).toEqual(first);
    expect(first.Company).toBe(18);
    expect(first.AssumptionSet).toBe(1);
    // 66 dated transactions in the v2 dataset (its README's changelog)
    expect(first.BalanceSheetEvent).toBe(66);
  });

  it("puts each of the 13 corrections in place of the dataset figure, marked as a correction", async () => {
    const r = await seedDefault(t.db);
    expect(r.corrections).toBe(13);
    const corrections = readCorrections()!.rows.updates;
    for (const u of corrections) {
      const key = FACTS.find((f) => (f.json ?? f.key) === u.field)!.key;
      const fact = await t.db.fact.findFirstOrThrow({ where: { key, company: { ticker: u.ticker } } });
      expect(fact, `${u.ticker}.${u.field}`).toMatchObject({ value: u.value, asOf: u.asOf, sourceUrl: u.source, origin: "correction" });
    }
    const meta = await t.db.datasetMeta.findUniqueOrThrow({ where: { id: 1 } });
    expect(meta).toMatchObject({ datasetVersion: 2, correctionsFile: "prisma/updates/2025-11-21-corrections.json" });
    expect(await t.db.fact.count({ where: { origin: "correction" } })).toBe(13);
  });

  it("round-trips every company: figures, sites, contracts, events, balance-sheet events and provenance", async () => {
    await seedDatabase(t.db, dataset());
    for (const c of dataset().companies) {
      const row = await t.db.company.findUniqueOrThrow({
        where: { ticker: c.ticker },
        include: { facts: true, sites: true, contracts: true, events: true, balanceSheetEvents: true },
      });
      expect(row.sites).toHaveLength(c.sites.length);
      expect(row.contracts).toHaveLength(c.contracts.length);
      expect(row.events).toHaveLength(c.events.length);
      expect(row.balanceSheetEvents).toHaveLength(c.balanceSheetEvents.length);
      expect(row.gaps).toEqual(c.gaps);
      expect(row.events.filter((e) => e.contractJson != null)).toHaveLength(c.events.filter((e: RawCompany) => e.contract).length);
      for (const { key, json } of FACTS) {
        if (json == null) continue;
        const src = json.startsWith("powerTotals.") ? c.powerTotals[json.split(".")[1]] : c[json];
        const fact = row.facts.find((f) => f.key === key);
        if (src == null) expect(fact, `${c.ticker}.${key}`).toBeUndefined();
        else
          expect(fact, `${c.ticker}.${key}`).toMatchObject({
            value: src.value,
            asOf: src.asOf,
            sourceUrl: src.source,
            low: src.low ?? null,
            high: src.high ?? null,
          });
      }
      const siteName = new Map(row.sites.map((s) => [s.id, s.name]));
      for (const s of c.sites) {
        const site = row.sites.find((x) => x.name === s.name)!;
        expect(site).toMatchObject({
          grossMw: s.grossMw?.value ?? null,
          grossMwSourceUrl: s.grossMw?.source ?? null,
          itMwAsOf: s.itMw?.asOf ?? null,
          country: s.country,
          itMwScope: s.itMwScope,
          companyShare: s.companyShare,
        });
      }
      for (const k of c.contracts) {
        const contract = row.contracts.find((x) => x.code === k.id)!;
        expect(contract.sourceUrls).toEqual(k.sources);
        expect(contract.siteId == null).toBe(k.site == null);
        expect(contract).toMatchObject({ companyShare: k.companyShare, companyFundedCapexMw: k.companyFundedCapexMw });
        expect(storedAllocations(contract)?.map((x) => ({ site: siteName.get(x.siteId), itMw: x.itMw })) ?? null).toEqual(k.siteAllocations);
      }
      c.balanceSheetEvents.forEach((e: RawCompany, i: number) => {
        const stored = [...row.balanceSheetEvents].sort((x, y) => x.position - y.position)[i];
        expect(stored).toMatchObject({
          date: e.date,
          kind: e.kind,
          cashDeltaUsd: e.cashDeltaUsd,
          debtDeltaUsd: e.debtDeltaUsd,
          sharesDelta: e.sharesDelta,
          sourceUrls: e.sources,
        });
      });
    }
  });
});
