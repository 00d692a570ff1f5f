// The company figures, each declared once. `key` is what the database stores (unit in the name) and the
// field of the scoring input; `json` is the field in the dataset file (prisma/miners-2025-11.json) and in
// update files (null: update files only); `scored` says whether the model reads it; `form` picks the
// shape of its value (shares carry a basis, capex guidance a range: lib/domain/schemas.ts) and `rule` the
// bounds of the number (lib/domain/number-rules.ts). The seed, the editor's form, the server's schema,
// the update files, the scoring input, the query's key list and the EV bridge all read this list.
import type { NumberRule } from "../number-input";
import { BTC_AMOUNT, HASHRATE_EHS, MW_AMOUNT, PRICE_USD, SHARE_COUNT, USD_AMOUNT, USD_PER_IT_MW } from "./number-rules";

export type FactForm = "shares" | "range" | "plain";

interface FactDecl {
  key: string;
  json: string | null;
  label: string;
  unit: "USD" | "shares" | "BTC" | "EH/s" | "MW" | "USD per IT MW";
  scored: boolean;
  form: FactForm;
  rule: NumberRule;
}

export const FACTS = [
  { key: "sharePriceUsd", json: "sharePrice", label: "Share price", unit: "USD", scored: true, form: "plain", rule: PRICE_USD },
  {
    key: "sharesOutstanding",
    json: "sharesOutstanding",
    label: "Shares outstanding",
    unit: "shares",
    scored: true,
    form: "shares",
    rule: SHARE_COUNT,
  },
  { key: "totalDebtUsd", json: "totalDebt", label: "Total debt", unit: "USD", scored: true, form: "plain", rule: USD_AMOUNT },
  { key: "cashUsd", json: "cash", label: "Cash", unit: "USD", scored: true, form: "plain", rule: USD_AMOUNT },
  { key: "preferredEquityUsd", json: "preferredEquity", label: "Preferred equity", unit: "USD", scored: true, form: "plain", rule: USD_AMOUNT },
  {
    key: "committedFinancingUsd",
    json: "committedFinancing",
    label: "Committed financing",
    unit: "USD",
    scored: true,
    form: "plain",
    rule: USD_AMOUNT,
  },
  { key: "btcHeld", json: "btcHeld", label: "Bitcoin held", unit: "BTC", scored: true, form: "plain", rule: BTC_AMOUNT },
  {
    key: "btcValueUsdReported",
    json: "btcValueUsdReported",
    label: "Bitcoin value (reported, no coin count)",
    unit: "USD",
    scored: true,
    form: "plain",
    rule: USD_AMOUNT,
  },
  {
    key: "capexGuidanceUsdPerMw",
    json: "capexGuidanceUsdPerMw",
    label: "Capex guidance per IT MW",
    unit: "USD per IT MW",
    scored: true,
    form: "range",
    rule: USD_PER_IT_MW,
  },
  { key: "hashrateEhs", json: "hashrateEh", label: "Hashrate", unit: "EH/s", scored: true, form: "plain", rule: HASHRATE_EHS },
  {
    key: "marketCapPublishedUsd",
    json: "marketCapPublished",
    label: "Market cap (published)",
    unit: "USD",
    scored: true,
    form: "plain",
    rule: USD_AMOUNT,
  },
  {
    key: "enterpriseValuePublishedUsd",
    json: "enterpriseValuePublished",
    label: "EV (published)",
    unit: "USD",
    scored: true,
    form: "plain",
    rule: USD_AMOUNT,
  },
  {
    key: "securedPowerMw",
    json: "powerTotals.securedMw",
    label: "Secured power (company)",
    unit: "MW",
    scored: false,
    form: "plain",
    rule: MW_AMOUNT,
  },
  {
    key: "energizedPowerMw",
    json: "powerTotals.energizedMw",
    label: "Energized power (company)",
    unit: "MW",
    scored: false,
    form: "plain",
    rule: MW_AMOUNT,
  },
  { key: "statedContractedItMw", json: null, label: "Contracted IT (company-stated)", unit: "MW", scored: false, form: "plain", rule: MW_AMOUNT },
  { key: "statedDeliveredItMw", json: null, label: "Delivered IT (company-stated)", unit: "MW", scored: false, form: "plain", rule: MW_AMOUNT },
] as const satisfies readonly FactDecl[];

export type FactKey = (typeof FACTS)[number]["key"];
export type FactDef = (typeof FACTS)[number];
export const FACT_KEYS = FACTS.map((f) => f.key) as FactKey[];
export const SCORED_FACT_KEYS = FACTS.filter((f) => f.scored).map((f) => f.key);
export type ScoredFactKey = Extract<FactDef, { scored: true }>["key"];
export const factMeta = (key: string): FactDef | undefined => FACTS.find((f) => f.key === key);
/** Update-file field name (dataset spelling) → database key. */
export const FACT_BY_JSON = new Map<string, FactDef>(FACTS.map((f) => [f.json ?? f.key, f]));
