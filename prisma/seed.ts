// Loads the dataset kept beside the schema into the database, in one transaction. Idempotent: company
// data is replaced as a whole (so seeding twice gives the same rows); the "Base" assumption set is
// reset to the methodology defaults and other named sets are left alone. A malformed record stops the
// seed before anything is written, with the ticker and field in the message.
import { readFileSync } from "node:fs";
import path from "node:path";
import { companyFacts, DatasetError, parseDataset } from "../lib/domain/dataset";
import type { CompanyInput } from "../lib/domain/schemas";
import { DEFAULT_ASSUMPTIONS } from "../lib/scoring/assumptions";
import { createClient, type Db } from "../lib/server/db-client";
import { contractColumns, siteColumns } from "../lib/server/rows";

export const DATASET_FILE = path.join(__dirname, "miners-2025-11.json");
export const BASE_SET_NAME = "Base";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function insertCompany(tx: Tx, c: CompanyInput) {
  const company = await tx.company.create({
    data: {
      ticker: c.ticker, name: c.name, exchange: c.exchange, country: c.country, powerStrategy: c.powerStrategy,
      powerNote: c.powerTotals.note ?? null, gaps: c.gaps, assumptionOverrides: {},
      facts: {
        create: companyFacts(c).map(({ key, fact }) => ({
          key, value: fact.value, asOf: fact.asOf, sourceUrl: fact.source, note: fact.note ?? null, basis: fact.basis ?? null,
        })),
      },
    },
  });
  const siteIds = new Map<string, number>();
  for (const [position, s] of c.sites.entries()) {
    const site = await tx.site.create({ data: { companyId: company.id, position, ...siteColumns(s) } });
    siteIds.set(s.name, site.id);
  }
  await tx.contract.createMany({
    data: c.contracts.map((k, position) => ({ companyId: company.id, position, ...contractColumns(k, k.site ? siteIds.get(k.site)! : null) })),
  });
  await tx.event.createMany({
    data: c.events.map((e, position) => ({
      companyId: company.id, date: e.date, kind: e.kind, summary: e.summary, sourceUrls: e.sources,
      contractJson: e.contract ?? undefined, position,
    })),
  });
}

export async function seedDatabase(db: Db, raw: unknown, sourceFile = "prisma/miners-2025-11.json") {
  const dataset = parseDataset(raw); // throws DatasetError before any write
  await db.$transaction(
    async (tx) => {
      await tx.auditEntry.deleteMany();
      await tx.company.deleteMany(); // cascades to facts, sites, contracts, events
      await tx.datasetMeta.deleteMany();
      for (const c of dataset.companies) await insertCompany(tx, c);
      await tx.datasetMeta.create({
        data: { snapshot: dataset.snapshot, currency: dataset.currency, notes: dataset.notes, sourceFile },
      });
      await tx.assumptionSet.upsert({
        where: { name: BASE_SET_NAME },
        create: { name: BASE_SET_NAME, isDefault: true, values: DEFAULT_ASSUMPTIONS },
        update: { values: DEFAULT_ASSUMPTIONS, isDefault: true, version: { increment: 1 } },
      });
    },
    { timeout: 60_000 },
  );
  return { companies: dataset.companies.length };
}

export function readDatasetFile(file = DATASET_FILE): unknown {
  return JSON.parse(readFileSync(file, "utf8"));
}

async function main() {
  const file = process.argv[2] ?? DATASET_FILE;
  const db = createClient();
  try {
    const { companies } = await seedDatabase(db, readDatasetFile(file), path.relative(process.cwd(), file));
    console.log(`Seeded ${companies} companies from ${path.relative(process.cwd(), file)}`);
  } catch (e) {
    if (e instanceof DatasetError) {
      console.error(e.message);
      process.exitCode = 1;
    } else throw e;
  } finally {
    await db.$disconnect();
  }
}

if (require.main === module) void main();
