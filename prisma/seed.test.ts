import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DatasetError } from "../lib/domain/dataset";
import { FACT_KEYS } from "../lib/domain/facts";
import { createTempDb, type TempDb } from "../test/temp-db";
import { readDatasetFile, seedDatabase } from "./seed";

type RawCompany = Record<string, any>;
const dataset = () => readDatasetFile() as { companies: RawCompany[] };

let t: TempDb;
beforeEach(async () => { t = await createTempDb(); });
afterEach(async () => { await t.close(); });

describe("seed", () => {
  it("rejects a bad record naming the ticker and field, and writes nothing", async () => {
    await seedDatabase(t.db, dataset());
    const before = t.counts();
    const bad = dataset();
    const cifr = bad.companies.find((c) => c.ticker === "CIFR")!;
    cifr.sharePrice.value = "fourteen";
    const err = await seedDatabase(t.db, bad).catch((e) => e);
    expect(err).toBeInstanceOf(DatasetError);
    expect(err.message).toContain("CIFR: sharePrice.value");
    expect(t.counts()).toEqual(before);
  });

  it("rejects a contract that points at an unknown site, into an empty database", async () => {
    const bad = dataset();
    bad.companies.find((c) => c.ticker === "APLD")!.contracts[0].site = "Nowhere";
    await expect(seedDatabase(t.db, bad)).rejects.toThrow(/APLD: contracts\[0\]\.site — No site named "Nowhere"/);
    expect(Object.values(t.counts()).every((n) => n === 0)).toBe(true);
  });

  it("gives the same row counts when run twice", async () => {
    await seedDatabase(t.db, dataset());
    const first = t.counts();
    await seedDatabase(t.db, dataset());
    expect(t.counts()).toEqual(first);
    expect(first.Company).toBe(18);
    expect(first.AssumptionSet).toBe(1);
  });

  it("round-trips every company: sites, contracts, events, gaps and provenance", async () => {
    await seedDatabase(t.db, dataset());
    for (const c of dataset().companies) {
      const row = await t.db.company.findUniqueOrThrow({
        where: { ticker: c.ticker },
        include: { facts: true, sites: true, contracts: true, events: true },
      });
      expect(row.sites).toHaveLength(c.sites.length);
      expect(row.contracts).toHaveLength(c.contracts.length);
      expect(row.events).toHaveLength(c.events.length);
      expect(row.gaps).toEqual(c.gaps);
      expect(row.events.filter((e) => e.contractJson != null)).toHaveLength(c.events.filter((e: RawCompany) => e.contract).length);
      for (const { key, json } of FACT_KEYS) {
        const src = json.startsWith("powerTotals.") ? c.powerTotals[json.split(".")[1]] : c[json];
        const fact = row.facts.find((f) => f.key === key);
        if (src == null) expect(fact, `${c.ticker}.${key}`).toBeUndefined();
        else expect(fact, `${c.ticker}.${key}`).toMatchObject({ value: src.value, asOf: src.asOf, sourceUrl: src.source });
      }
      for (const s of c.sites) {
        const site = row.sites.find((x) => x.name === s.name)!;
        expect(site.grossMw).toBe(s.grossMw?.value ?? null);
        expect(site.grossMwSourceUrl).toBe(s.grossMw?.source ?? null);
        expect(site.itMwAsOf).toBe(s.itMw?.asOf ?? null);
      }
      for (const k of c.contracts) {
        const contract = row.contracts.find((x) => x.code === k.id)!;
        expect(contract.sourceUrls).toEqual(k.sources);
        expect(contract.siteId == null).toBe(k.site == null);
      }
    }
  });
});
