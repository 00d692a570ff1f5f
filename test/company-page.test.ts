// The company page's sections rendered from a seeded database, as app/companies/[ticker]/page.tsx puts
// them together: what a reader sees is worded (no assumption key, no reason code), the CQS caption has the
// weights of the set in use, each contract row carries its own contract's scores, and a CQS is rounded
// one way wherever it is shown.
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedSnapshot } from "../prisma/seed";
import { Comps } from "../app/companies/[ticker]/sections/Comps";
import { ContractsTable } from "../app/companies/[ticker]/sections/Contracts";
import { EvBridge } from "../app/companies/[ticker]/sections/EvBridge";
import { BalanceSheetEvents, EventsTimeline } from "../app/companies/[ticker]/sections/Events";
import { DataQuality, ModelAdjustments } from "../app/companies/[ticker]/sections/Explanation";
import { FinancingGap } from "../app/companies/[ticker]/sections/Financing";
import { Funnel } from "../app/companies/[ticker]/sections/Funnel";
import { AssumptionsUsed, TierRules } from "../app/companies/[ticker]/sections/Rules";
import { SitesTable } from "../app/companies/[ticker]/sections/Sites";
import { Value } from "../app/components/Value";
import { contractsAt, type DatedContract } from "../lib/domain/history";
import { ASSUMPTION_KEYS, DEFAULT_ASSUMPTIONS } from "../lib/scoring/assumptions";
import { createAssumptionSet } from "../lib/server/mutations/assumption-sets";
import { saveOverrides } from "../lib/server/mutations/company";
import { loadCompanyScore } from "../lib/server/screen";
import { createTempDb, type TempDb } from "./temp-db";

let t: TempDb;
beforeAll(async () => {
  t = await createTempDb();
  await seedSnapshot(t.db);
});
afterAll(async () => {
  await t.close();
});

type Loaded = NonNullable<Awaited<ReturnType<typeof loadCompanyScore>>>;
const SNAPSHOT = "2025-11-21";

const html = (el: ReactElement) => renderToStaticMarkup(el);
const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
/** What a reader meets: the text, and the tooltips and labels (title, aria-label); not ids, hrefs or data-*. */
function readable(markup: string): string {
  const attrs = [...markup.matchAll(/\s(?:title|aria-label)="([^"]*)"/g)].map((m) => m[1]);
  return decode([markup.replace(/<[^>]*>/g, " "), ...attrs].join(" ")).replace(/\s+/g, " ");
}

/** Every section of the page that shows the score, in the page's order. */
function sections(d: Loaded, contracts: DatedContract[] = contractsAt(d.history, d.score.viewDate)): string {
  const { score: s, record, input, company, userEntered: entered } = d;
  const a = s.assumptions;
  return [
    createElement("p", null, s.why, " ", s.flags.join(" ")),
    createElement(Value, { kind: "score", value: s.cqs, reason: s.reasons.cqs }), // the card
    createElement(ModelAdjustments, { s }),
    createElement(DataQuality, { s, gaps: (company.gaps as string[]) ?? [] }),
    createElement(EvBridge, { s, btcPriceUsd: a.btcPriceUsd, subtractBitcoin: a.subtractBitcoin, entered }),
    createElement(Comps, { s, figures: record.figures, entered }),
    createElement(Funnel, { s, a }),
    createElement(TierRules, { score: s }),
    createElement(SitesTable, { sites: record.sites, inputs: input.sites, s, a }),
    createElement(ContractsTable, { contracts, s, a }),
    createElement(FinancingGap, { s, a, entered }),
    createElement(BalanceSheetEvents, { events: company.balanceSheetEvents, s }),
    createElement(EventsTimeline, { events: company.events }),
    createElement(AssumptionsUsed, { score: s, entered }),
  ]
    .map(html)
    .join("\n");
}

const load = async (ticker: string, set?: string, asOf?: string) => (await loadCompanyScore(t.db, ticker, set, asOf))!;

/** The contract rows by code (shown on the line under the counterparty) → the text of each cell. */
function contractRows(markup: string, codes: readonly string[]): Map<string, string[]> {
  const table = markup.slice(markup.indexOf('id="contracts-title"'));
  const body = table.slice(table.indexOf("<tbody>"), table.indexOf("</tbody>"));
  const rows = body
    .split("<tr")
    .slice(1)
    .map((r) =>
      r
        .split(/<td[^>]*>/)
        .slice(1)
        .map((c) => readable(c).trim()),
    );
  return new Map(rows.map((cells) => [codes.find((code) => cells[0].includes(code)) ?? "?", cells]));
}
const cqsCell = (d: Loaded, code: string, markup = sections(d)) =>
  contractRows(
    markup,
    d.score.contracts.map((k) => k.code),
  )
    .get(code)!
    .at(-1);

describe("the company page's words", () => {
  // weightS4, missing:cash, zero:itMwEffective … anywhere a reader looks
  const internal = new RegExp(`\\b(?:${ASSUMPTION_KEYS.join("|")})\\b|\\b(?:missing|zero|none|negative):[a-zA-Z]`);

  it("names no assumption key and no reason code, for any company, on the snapshot or the latest date", async () => {
    const leaks: string[] = [];
    const tickers = (await t.db.company.findMany({ select: { ticker: true }, orderBy: { ticker: "asc" } })).map((c) => c.ticker);
    for (const asOf of [SNAPSHOT, undefined]) {
      for (const ticker of tickers) {
        const text = readable(sections(await load(ticker, undefined, asOf)));
        const m = internal.exec(text);
        if (m) leaks.push(`${ticker} ${asOf ?? "latest"}: “…${text.slice(Math.max(0, m.index - 60), m.index + 40)}…”`);
      }
    }
    // HUT's Tier 2 why once read "financing gap / market cap not computable (missing:cash)"
    expect(leaks).toEqual([]);
  });

  it("says in words why a rule cannot be computed", async () => {
    const hut = await load("HUT");
    const rule = hut.score.rules.find((r) => r.id === "T1-d")!;
    expect(rule.detail).toBe("financing gap / market cap not computable: cash is missing from the data");
  });
});

describe("contract quality on the company page", () => {
  it("the CQS caption has the weights of the set in use, and the scores follow them", async () => {
    const values = { ...DEFAULT_ASSUMPTIONS, cqsWeightTenor: 0.2, cqsWeightCredit: 0.5 };
    expect((await createAssumptionSet(t.db, { name: "Credit heavy", values }, null)).ok).toBe(true);
    const heavy = await load("CORZ", "Credit heavy", SNAPSHOT);
    const markup = sections(heavy);
    expect(readable(markup)).toContain("CQS = 100 × (0.2·T + 0.5·C + 0.2·G + 0.1·S) with this set’s weights");
    // CoreWeave: T = 12/20 = 0.6, C = 0.5 (Ba3), G = 1, S = 0.8 → 100 × (0.12 + 0.25 + 0.2 + 0.08) = 65 (66 with 0.3/0.4)
    expect(cqsCell(heavy, "CORZ-CRWV-2024", markup)).toBe("65");
    expect(readable(sections(await load("CORZ", undefined, SNAPSHOT)))).toContain("CQS = 100 × (0.3·T + 0.4·C + 0.2·G + 0.1·S)");
  });

  it("and the weights of a company's own overrides", async () => {
    const corz = await t.db.company.findUniqueOrThrow({ where: { ticker: "CORZ" } });
    const r = await saveOverrides(t.db, { ticker: "CORZ", version: corz.version, overrides: { cqsWeightTenor: 0.1, cqsWeightStructure: 0.3 } }, null);
    expect(r.ok).toBe(true);
    try {
      const own = await load("CORZ", undefined, SNAPSHOT);
      const markup = sections(own);
      expect(readable(markup)).toContain("CQS = 100 × (0.1·T + 0.4·C + 0.2·G + 0.3·S)");
      // 100 × (0.1 × 0.6 + 0.4 × 0.5 + 0.2 × 1 + 0.3 × 0.8) = 100 × (0.06 + 0.2 + 0.2 + 0.24) = 70
      expect(cqsCell(own, "CORZ-CRWV-2024", markup)).toBe("70");
    } finally {
      await t.db.company.update({ where: { ticker: "CORZ" }, data: { assumptionOverrides: {} } });
    }
  });

  it("each contract row shows its own contract's scores, whatever order the two lists come in", async () => {
    const cifr = await load("CIFR");
    const dated = contractsAt(cifr.history, cifr.score.viewDate);
    expect(dated.length).toBeGreaterThanOrEqual(3);
    const codes = cifr.score.contracts.map((k) => k.code);
    const shown = (v: number | null, digits: number) => (v == null ? "—" : v.toFixed(digits));
    for (const contracts of [dated, [...dated].reverse()]) {
      const rows = contractRows(sections(cifr, contracts), codes);
      expect([...rows.keys()]).toEqual(contracts.map((k) => k.contract.id)); // the page's order, each row named
      for (const k of cifr.score.contracts) {
        const cells = rows.get(k.code)!;
        expect(cells[0], k.code).toContain(k.counterparty);
        // T, C, G, S and CQS of this contract, not of the one at the same index
        expect(
          cells.slice(-5).map((c) => c.split(" ")[0]),
          k.code,
        ).toEqual([shown(k.t, 2), shown(k.c, 2), shown(k.g, 2), shown(k.s, 2), shown(k.cqs, 0)]);
      }
    }
  });

  it("is rounded once: IREN's 67.54 is 68 on the card and in its contract's row", async () => {
    const iren = await load("IREN", undefined, SNAPSHOT);
    // Microsoft: T = 5/20 = 0.25, C = 1 (AAA), G = 1 − (5.8B − 1.94B) / 9.7B = 0.602062, S = 0.8 (cloud)
    // → 100 × (0.075 + 0.4 + 0.120412 + 0.08) = 67.5412; the only contract with a tenor and a value
    expect(iren.score.cqs).toBeCloseTo(67.5412, 4);
    expect(html(createElement(Value, { kind: "score", value: iren.score.cqs }))).toBe("68");
    expect(cqsCell(iren, "IREN-MSFT-2025")).toBe("68");
  });
});
