// Every alias is stated by the project's own data: its source URL is one the dataset or an update file
// cites, its name is written there, and the contract party it hangs on exists. An alias typed from memory,
// or left behind when a contract is renamed, fails here.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COMPANY_ALIASES, NAMED_PARTIES, PARTY_ALIASES } from "./aliases";

const root = path.join(__dirname, "..", "..", "prisma");
const datasetText = readFileSync(path.join(root, "miners-2025-11.json"), "utf8");
const dataText = [
  datasetText,
  ...readdirSync(path.join(root, "updates"))
    .filter((f) => f.endsWith(".json"))
    .map((f) => readFileSync(path.join(root, "updates", f), "utf8")),
].join("\n");
const dataset = JSON.parse(datasetText) as {
  companies: { ticker: string; contracts: Party[]; events: { contract?: Party }[] }[];
};
interface Party {
  counterparty: string;
  guarantor: string | null;
}
const contractsOf = (c: (typeof dataset.companies)[number]) => [...c.contracts, ...c.events.flatMap((e) => (e.contract ? [e.contract] : []))];
const parties = dataset.companies.flatMap((c) => contractsOf(c).flatMap((k) => [k.counterparty, k.guarantor ?? ""]));
/** The name as written, or as a URL slug writes it ("marathon-digital"). */
const written = (name: string) => new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "[ -]"), "i").test(dataText);

describe("aliases are stated by the data", () => {
  const all = [...Object.values(COMPANY_ALIASES).flat(), ...PARTY_ALIASES, ...NAMED_PARTIES];

  it("cite a source URL found in prisma/miners-2025-11.json or prisma/updates/", () => {
    for (const a of all) expect(dataText.includes(a.source), a.source).toBe(true);
  });

  it("name what the data writes", () => {
    for (const a of Object.values(COMPANY_ALIASES).flat()) expect(written(a.value), a.value).toBe(true);
    for (const n of NAMED_PARTIES) expect(written(n.name), n.name).toBe(true);
  });

  it("belong to a company of the dataset, and a party to one of its contracts", () => {
    const tickers = dataset.companies.map((c) => c.ticker);
    for (const t of Object.keys(COMPANY_ALIASES)) expect(tickers).toContain(t);
    for (const n of NAMED_PARTIES) {
      const c = dataset.companies.find((x) => x.ticker === n.ticker);
      expect(c && contractsOf(c).map((k) => k.counterparty), `${n.ticker} ${n.counterparty}`).toContain(n.counterparty);
    }
    for (const p of PARTY_ALIASES)
      expect(
        parties.some((text) => p.names.some((name) => text.includes(name))),
        p.names.join("/"),
      ).toBe(true);
  });
});
