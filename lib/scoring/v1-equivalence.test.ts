// With every v2 rule switched off, the v2 code on the archived v1 snapshot gives v1's numbers — the
// expectations below are v1's own hand computations (methodology §1–§9, v1 fixtures). This is what makes
// the "what changed from v1" attribution (lib/view/v1-changes.ts) honest: its starting point is v1 itself.
import { describe, expect, it } from "vitest";
import { v1SnapshotCompanies } from "../../prisma/snapshot";
import { DEFAULT_ASSUMPTIONS } from "./assumptions";
import { ALL_V2_RULES, withRulesOff } from "./rule-switches";
import { scoreCompany } from "./score";
import { screen } from "./screen";

const V1_VIEW = { viewDate: "2025-11-21" };
const v1 = v1SnapshotCompanies();
const score = (t: string) => {
  const { company, assumptions } = withRulesOff(
    v1.find((c) => c.ticker === t)!,
    DEFAULT_ASSUMPTIONS,
    ALL_V2_RULES,
  );
  return scoreCompany(company, assumptions, V1_VIEW);
};
const close = (actual: number | null, expected: number, digits = 6) => expect(actual).toBeCloseTo(expected, digits);

describe("v2 with every rule off reproduces v1", () => {
  it("CORZ: CoreWeave counted as S2 and Denton/Muskogee again as uncontracted power", () => {
    const s = score("CORZ");
    close(s.enterpriseValueUsd, 6_008_447_004, 0);
    expect(s.funnel).toMatchObject({ s1: 0, s2: 590, s3: 0, s5: 70, s6: 0 });
    close(s.funnel.s4, 450.8);
    close(s.itMwEffective, 773.9); // 590 × 0.9 + 450.8 × 0.5 + 70 × 0.25
    close(s.discountBase, 1 - 7.7638545 / 12, 5); // 0.35301
    close(s.capexRemainingUsd, 1_416_000_000, 0); // 590 × $12M × (1 − 0.8)
    close(s.financingGapUsd, 962_600_000, 0);
    expect(s.tier).toBe(1);
  });
  it("GLXY: the stated $1.7B as the whole capex; pre-raise cash", () => {
    const s = score("GLXY");
    close(s.enterpriseValueUsd, 10_083_374_400, 0);
    close(s.itMwEffective, 473.4);
    close(s.discountBase, 1 - 10_083.3744 / 473.4 / 12);
    close(s.capexRemainingUsd, 1_700_000_000, 0);
    expect(s.financingGapUsd).toBe(0);
    expect(s.tier).toBe(1);
  });
  it("IREN: Childress capped at its 200 MW phase", () => {
    const s = score("IREN");
    close(s.enterpriseValueUsd, 13_996_320_900, 0);
    close(s.funnel.s4, 112);
    close(s.itMwEffective, 586);
    close(s.capexRemainingUsd, 6_260_000_000, 0);
    close(s.gapToMarketCap, 4_460_000_000 / 13_456_320_900);
    expect(s.tier).toBe(2);
    expect(s.rules.filter((r) => !r.pass).map((r) => r.id)).toEqual(["T1-b", "T1-c", "T1-d"]);
  });
  it("CIFR: build cost as the backstop's capital at risk; pre-raise cash", () => {
    const s = score("CIFR");
    close(s.contractedItMw, 417);
    close(s.itMwEffective, 567.8);
    close(s.enterpriseValueUsd, 7_233_112_564.1, 0);
    close(s.contracts[0].beta, 1.4 / 2.016);
    close(s.contracts[0].cqs, 75.44444, 4);
    close(s.contracts[2].cqs, 90.5);
    expect(s.tier).toBe(2);
  });
  it("APLD and SLNH", () => {
    const apld = score("APLD");
    close(apld.itMwEffective, 645.1);
    close(apld.discountBase, 1 - 7_180.289 / 645.1 / 12);
    close(apld.financingGapUsd, 3_512_500_000, 0);
    expect(apld.tier).toBe(2);
    const slnh = score("SLNH");
    close(slnh.enterpriseValueUsd, 85_483_200, 0);
    close(slnh.discountBase, 1 - 85.4832 / 64.05 / 12);
  });
  it("MARA and HUT cannot be ranked (no cash) and SLNH ranks first", () => {
    const rows = screen(
      v1.map((c) => {
        const x = withRulesOff(c, DEFAULT_ASSUMPTIONS, ALL_V2_RULES);
        return x.company;
      }),
      withRulesOff(v1[0], DEFAULT_ASSUMPTIONS, ALL_V2_RULES).assumptions,
      V1_VIEW,
    );
    expect(rows[0].ticker).toBe("SLNH");
    for (const t of ["MARA", "HUT"]) expect(rows.find((r) => r.ticker === t)!.rankGroup).toBe("unranked");
  });
});
