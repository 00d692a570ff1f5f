// Methodology §7 (§9 of the doc) at its edges: every Tier 1 threshold passes at equality and fails one step
// past it, Tier 2 by MW or by one contract's value alone, Tier 3 "no material contract", and T1-e failing
// with contracts that all need new power (S3). Companies from test/builders.ts, worked out by hand.
import { describe, expect, it } from "vitest";
import { company, contract, fact, site, VIEW } from "../../test/builders";
import { DEFAULT_ASSUMPTIONS as A, type Assumptions } from "./assumptions";
import { scoreCompany } from "./score";
import type { ScoringCompany } from "./types";

const score = (c: ScoringCompany, a: Partial<Assumptions> = {}) => scoreCompany(c, { ...A, ...a }, VIEW);
const rule = (c: ScoringCompany, id: string, a: Partial<Assumptions> = {}) => score(c, a).rules.find((r) => r.id === id)!;

/**
 * Tier 1 with every rule exactly at its default threshold. $10 × 100M shares = $1B market cap, no debt.
 * Site A (operating, 50 IT MW) holds K1 (colocation, 50 MW); site B (approved, 50 IT MW) holds K2 (GPU cloud,
 * 50 MW) — none delivered:
 * - T1-a contracted 50 + 50 = 100 MW = 100
 * - T1-b both 10 y, so the value-weighted tenor is 10 y = 10
 * - T1-c GPU capex $200M / TCV ($1B + $1B) = 0.1 = 10%
 * - T1-d capex: building 100 MW × $10M = $1B, + GPUs $200M = $1.2B; − cash $900M = gap $300M = 30% of $1B
 * - T1-e S1 + S2 = 50 (A is energized) of 100 = 50%; K2's 50 MW on B need new power: S3
 */
const atEveryThreshold = () =>
  company({
    cashUsd: fact(900e6),
    sites: [site({ name: "A", stage: "operating", itMw: 50 }), site({ name: "B", stage: "approved", itMw: 50 })],
    contracts: [
      contract({ code: "K1", siteName: "A", itMw: 50, tenorYears: 10, totalValueUsd: 1e9 }),
      contract({
        code: "K2",
        siteName: "B",
        itMw: 50,
        tenorYears: 10,
        totalValueUsd: 1e9,
        structure: "gpu_cloud",
        leaseType: "cloud",
        companyGpuCapexUsd: 200e6,
      }),
    ],
  });

describe("Tier 1 thresholds", () => {
  it("all five pass at equality: Tier 1", () => {
    const s = score(atEveryThreshold());
    expect(s.funnel).toMatchObject({ s1: 0, s2: 50, s3: 50, s4: 0, s5: 0 });
    expect(s.contractedItMw).toBe(100);
    expect(s.weightedTenorYears).toBe(10);
    expect(s.gpuCapexShareOfTcv).toBe(0.1);
    expect(s.capexRemainingUsd).toBe(1.2e9);
    expect(s.financingGapUsd).toBe(300e6);
    expect(s.gapToMarketCap).toBe(0.3);
    expect(s.rules.map((r) => [r.id, r.pass, r.detail])).toEqual([
      ["T1-a", true, "contracted 100 MW ≥ 100 MW"],
      ["T1-b", true, "weighted tenor 10.0 y ≥ 10 y (Tenant, 10 y; Tenant, 10 y)"],
      ["T1-c", true, "GPU capex 10% of TCV ≤ 10%"],
      ["T1-d", true, "financing gap 30% of market cap ≤ 30%"],
      ["T1-e", true, "50% of contracted MW in S1+S2 ≥ 50%"],
    ]);
    expect(s.tier).toBe(1);
  });

  // One step past each threshold (the threshold moved, the company unchanged): that rule alone fails, and
  // 100 contracted MW keep the company in Tier 2.
  it.each([
    ["T1-a", { tier1MinContractedItMw: 100.5 }, "contracted 100 MW < 100.5 MW"],
    ["T1-b", { tier1MinTenorYears: 10.5 }, "weighted tenor 10.0 y < 10.5 y (Tenant, 10 y; Tenant, 10 y)"],
    ["T1-c", { tier1MaxGpuCapexShare: 0.09 }, "GPU capex 10% of TCV > 9%"],
    ["T1-d", { tier1MaxGapToMarketCap: 0.29 }, "financing gap 30% of market cap > 29%"],
    ["T1-e", { tier1MinEnergizedShare: 0.55 }, "50% of contracted MW in S1+S2 < 55%"],
  ] as const)("%s fails one step past its threshold", (id, a, detail) => {
    const s = score(atEveryThreshold(), a);
    expect(s.rules.filter((r) => !r.pass).map((r) => [r.id, r.detail])).toEqual([[id, detail]]);
    expect(s.tier).toBe(2);
    expect(s.why).toBe(`Tier 2: ${id} failed — ${detail}`);
  });

  it("a figure just under its threshold is written precisely enough to read as under it", () => {
    // K1 49.6 MW → contracted 99.6 MW: "100 MW < 100 MW" would be false to the eye
    const c = atEveryThreshold();
    c.contracts[0] = { ...c.contracts[0], itMw: 49.6 };
    expect(rule(c, "T1-a").detail).toBe("contracted 99.6 MW < 100 MW");
    // K2 9.96 y: annual values 1e9/10 = 1e8 and 1e9/9.96 = 1.00402e8, so the weighted tenor is
    // (1e9 + 1e9) / 2.00402e8 = 9.97996 y: "10.0 y < 10 y" would read false, so "9.98 y"
    const d = atEveryThreshold();
    d.contracts[1] = { ...d.contracts[1], tenorYears: 9.96 };
    expect(rule(d, "T1-b").detail).toBe("weighted tenor 9.98 y < 10 y (Tenant, 10 y; Tenant, 9.96 y)");
  });

  it("T1-e fails with contracts when every contracted MW needs new power (S3)", () => {
    // both contracts on approved sites: S1 + S2 = 0 of 100 MW
    const c = atEveryThreshold();
    c.sites = c.sites.map((x) => ({ ...x, stage: "approved" }));
    const s = score(c);
    expect(s.funnel).toMatchObject({ s2: 0, s3: 100 });
    expect(s.rules.find((r) => r.id === "T1-e")).toMatchObject({ pass: false, actual: 0, detail: "0% of contracted MW in S1+S2 < 50%" });
    expect(s.tier).toBe(2);
    // 100 × 0.75 = 75 effective MW (S3 weight), nothing uncontracted
    expect(s.itMwEffective).toBe(75);
  });
});

describe("S3 and T1-e", () => {
  it("on a pipeline site the delivered MW are S1 and the rest S3; delivered MW count toward T1-e", () => {
    // 100 MW on a pipeline site, 50 delivered: S1 50, S3 50 → 50% in S1+S2 = the 50% threshold
    const c = company({
      sites: [site({ stage: "pipeline", itMw: 100 })],
      contracts: [contract({ itMw: 100, deliveredItMw: 50, status: "partially_delivered" })],
    });
    const s = score(c);
    expect(s.funnel).toMatchObject({ s1: 50, s2: 0, s3: 50, s6: 0 });
    // 50 × 1 + 50 × 0.75 = 87.5 effective MW
    expect(s.itMwEffective).toBe(87.5);
    expect(rule(c, "T1-e")).toMatchObject({ pass: true, actual: 0.5 });
    expect(rule({ ...c, contracts: [{ ...c.contracts[0], deliveredItMw: 49 }] }, "T1-e")).toMatchObject({
      pass: false,
      detail: "49% of contracted MW in S1+S2 < 50%",
    });
  });
});

describe("Tier 2 and Tier 3: material contracts", () => {
  /** One short (3 y) colocation contract: T1-a and T1-b fail, so materiality decides between 2 and 3. */
  const oneContract = (k: Parameters<typeof contract>[0]) =>
    company({ cashUsd: fact(5e9), sites: [site({ itMw: 200 })], contracts: [contract({ tenorYears: 3, ...k })] });

  it("contracted MW at the Tier 2 minimum (50 MW) is material; 49.9 MW with a small contract is not", () => {
    expect(score(oneContract({ itMw: 50, totalValueUsd: 100e6 })).tier).toBe(2);
    const s = score(oneContract({ itMw: 49.9, totalValueUsd: 100e6 }));
    expect(s.tier).toBe(3);
    expect(s.why).toMatch(/^Tier 3: no material contract — contracted 49\.9 MW < 50 MW and largest contract \$100M < \$1\.00B; T1-a failed/);
  });

  it("one contract worth $1B makes Tier 2 on value alone, with 10 MW", () => {
    const s = score(oneContract({ itMw: 10, totalValueUsd: 1e9 }));
    expect(s.contractedItMw).toBe(10);
    expect(s.tier).toBe(2);
    expect(s.why).toMatch(/^Tier 2: T1-a failed — contracted 10 MW < 100 MW; T1-b failed/);
  });

  it("$1 short of $1B is Tier 3, and the why writes the value out rather than “$1.00B < $1.00B”", () => {
    const s = score(oneContract({ itMw: 10, totalValueUsd: 1e9 - 1 }));
    expect(s.tier).toBe(3);
    expect(s.why).toMatch(/^Tier 3: no material contract — contracted 10 MW < 50 MW and largest contract \$999,999,999 < \$1\.00B; /);
  });

  it("the largest single contract counts, not the sum: two of $600M are not material", () => {
    const c = oneContract({ code: "K1", itMw: 10, totalValueUsd: 600e6 });
    c.contracts.push({ ...c.contracts[0], code: "K2" });
    const s = score(c);
    expect(s.contractedItMw).toBe(20);
    expect(s.tier).toBe(3);
    expect(s.why).toContain("largest contract $600M < $1.00B");
  });

  it("with no contract at all: Tier 3, no AI/HPC contract", () => {
    const s = score(company());
    expect(s.tier).toBe(3);
    expect(s.why).toMatch(
      /^Tier 3: no AI\/HPC contract; T1-a failed — contracted 0 MW < 100 MW; T1-b failed — no contracts; T1-c failed — no contracts/,
    );
  });

  it("a rule whose number cannot be computed fails, and says why in words", () => {
    // no cash figure: capex to fund $1B (100 MW × $10M) cannot be set against cash
    const s = score(company({ cashUsd: null, sites: [site({ itMw: 200 })], contracts: [contract({ itMw: 100 })] }));
    expect(s.rules.find((r) => r.id === "T1-d")).toMatchObject({
      pass: false,
      actual: null,
      detail: "financing gap / market cap not computable: cash is missing from the data",
    });
    expect(s.tier).toBe(2);
  });
});
