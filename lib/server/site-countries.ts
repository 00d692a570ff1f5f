// A database from before model v2 (a v1 database kept for its edits, a format-1 import) has no site
// countries, and §10.4 counts every such site as remote. Countries did not exist in v1, so no edit can
// have set them: filling the blanks from the dataset by (ticker, site name) overwrites nothing. Sites the
// dataset does not know keep no country, and the screener says how many.
import { siteCountryIndex, siteKey } from "../domain/dataset";
import type { DatasetInput } from "../domain/schemas";
import type { Db } from "./db-client";

export async function fillSiteCountries(db: Db, dataset: DatasetInput): Promise<{ filled: number; left: number }> {
  const index = siteCountryIndex(dataset);
  const blank = await db.site.findMany({ where: { country: null }, select: { id: true, name: true, company: { select: { ticker: true } } } });
  let filled = 0;
  await db.$transaction(async (tx) => {
    for (const s of blank) {
      const country = index.get(siteKey(s.company.ticker, s.name));
      if (!country) continue;
      await tx.site.update({ where: { id: s.id }, data: { country, version: { increment: 1 } } });
      filled++;
    }
  });
  return { filled, left: blank.length - filled };
}
