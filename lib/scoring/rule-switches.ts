// The v2 rules one by one (methodology §10), each as what turning it off means for the inputs. With every
// rule off, the v2 code gives v1's numbers (a test holds it to v1's hand-computed fixtures), so a
// company's move from v1 to v2 can be attributed to rules switched on one at a time in § order.
import type { Assumptions } from "./assumptions";
import { RULE_INFO } from "./rule-info";
import type { ScoringCompany } from "./types";

/** The rules that move a discount, rank or tier, in § order. */
const SWITCHABLE = ["10.1", "10.2", "10.3", "10.4", "10.5", "10.6", "10.7", "10.8", "10.9"] as const;
export const V2_RULES = SWITCHABLE.map((id) => ({ id, name: RULE_INFO[id].name }));
export type V2RuleId = (typeof SWITCHABLE)[number];
// §10.10 and §10.11 only add flags and §10.12 is off by default: they move no discount, rank or tier.

/** The company and assumptions as v1 read them, for the rules in `off`. */
export function withRulesOff(c: ScoringCompany, a: Assumptions, off: ReadonlySet<V2RuleId>): { company: ScoringCompany; assumptions: Assumptions } {
  let company = c;
  let assumptions = a;
  const edit = (patch: Partial<ScoringCompany>) => (company = { ...company, ...patch });
  const set = (patch: Partial<Assumptions>) => (assumptions = { ...assumptions, ...patch });
  if (off.has("10.1")) edit({ balanceSheetEvents: [] });
  // v1 placed a contract only on its one named site: no allocations, and no site's free MW was consumed
  // (consumption only ever takes hpc/mixed sites, so marking every site as mining switches it off).
  if (off.has("10.2"))
    edit({ contracts: company.contracts.map((k) => ({ ...k, siteAllocations: null })), sites: company.sites.map((s) => ({ ...s, use: "mining" })) });
  if (off.has("10.3")) edit({ sites: company.sites.map((s) => ({ ...s, itMwScope: "site" as const })) });
  if (off.has("10.4")) set({ remoteSiteFactor: 1 });
  if (off.has("10.5")) {
    set({ conversionCapexUsdPerW: assumptions.buildCostBaseUsdPerW });
    edit({ capexGuidanceUsdPerMw: null, contracts: company.contracts.map((k) => ({ ...k, companyFundedCapexMw: null })) });
  }
  if (off.has("10.6"))
    edit({ sites: company.sites.map((s) => ({ ...s, companyShare: 1 })), contracts: company.contracts.map((k) => ({ ...k, companyShare: 1 })) });
  if (off.has("10.7"))
    edit({
      contracts: company.contracts.map((k) => ({
        ...k,
        counterpartyRating: k.counterpartyRating?.trim().toUpperCase() === "IG" ? null : k.counterpartyRating,
      })),
    });
  if (off.has("10.8")) set({ usePublishedEvFallback: false });
  if (off.has("10.9")) edit({ btcValueUsdReported: null });
  return { company, assumptions };
}

export const ALL_V2_RULES: ReadonlySet<V2RuleId> = new Set(V2_RULES.map((r) => r.id));
