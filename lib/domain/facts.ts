// The company figures, each declared once. `key` is what the database stores (unit in the name) and the
// field of the scoring input; `json` is the field in the dataset file (prisma/miners-2025-11.json) and in
// update files (null: update files only); `scored` says whether the model reads it; `form` picks the
// schema of its value (lib/domain/schemas.ts). The seed, the editor's form, the scoring input, the
// query's key list and the EV bridge all read this list.
export type FactForm = "price" | "shares" | "range" | "plain";

interface FactDecl {
  key: string;
  json: string | null;
  label: string;
  unit: "USD" | "shares" | "BTC" | "EH/s" | "MW" | "USD per IT MW";
  scored: boolean;
  form: FactForm;
}

export const FACTS = [
  { key: "sharePriceUsd", json: "sharePrice", label: "Share price", unit: "USD", scored: true, form: "price" },
  { key: "sharesOutstanding", json: "sharesOutstanding", label: "Shares outstanding", unit: "shares", scored: true, form: "shares" },
  { key: "totalDebtUsd", json: "totalDebt", label: "Total debt", unit: "USD", scored: true, form: "plain" },
  { key: "cashUsd", json: "cash", label: "Cash", unit: "USD", scored: true, form: "plain" },
  { key: "preferredEquityUsd", json: "preferredEquity", label: "Preferred equity", unit: "USD", scored: true, form: "plain" },
  { key: "committedFinancingUsd", json: "committedFinancing", label: "Committed financing", unit: "USD", scored: true, form: "plain" },
  { key: "btcHeld", json: "btcHeld", label: "Bitcoin held", unit: "BTC", scored: true, form: "plain" },
  { key: "btcValueUsdReported", json: "btcValueUsdReported", label: "Bitcoin value (reported, no coin count)", unit: "USD", scored: true, form: "plain" },
  { key: "capexGuidanceUsdPerMw", json: "capexGuidanceUsdPerMw", label: "Capex guidance per IT MW", unit: "USD per IT MW", scored: true, form: "range" },
  { key: "hashrateEhs", json: "hashrateEh", label: "Hashrate", unit: "EH/s", scored: true, form: "plain" },
  { key: "marketCapPublishedUsd", json: "marketCapPublished", label: "Market cap (published)", unit: "USD", scored: true, form: "plain" },
  { key: "enterpriseValuePublishedUsd", json: "enterpriseValuePublished", label: "EV (published)", unit: "USD", scored: true, form: "plain" },
  { key: "securedPowerMw", json: "powerTotals.securedMw", label: "Secured power (company)", unit: "MW", scored: false, form: "plain" },
  { key: "energizedPowerMw", json: "powerTotals.energizedMw", label: "Energized power (company)", unit: "MW", scored: false, form: "plain" },
  { key: "statedContractedItMw", json: null, label: "Contracted IT (company-stated)", unit: "MW", scored: false, form: "plain" },
  { key: "statedDeliveredItMw", json: null, label: "Delivered IT (company-stated)", unit: "MW", scored: false, form: "plain" },
] as const satisfies readonly FactDecl[];

export type FactKey = (typeof FACTS)[number]["key"];
export type FactDef = (typeof FACTS)[number];
export const FACT_KEYS = FACTS.map((f) => f.key) as FactKey[];
export const SCORED_FACT_KEYS = FACTS.filter((f) => f.scored).map((f) => f.key);
export type ScoredFactKey = Extract<FactDef, { scored: true }>["key"];
export const factMeta = (key: string): FactDef | undefined => FACTS.find((f) => f.key === key);
/** Update-file field name (dataset spelling) → database key. */
export const FACT_BY_JSON = new Map<string, FactDef>(FACTS.map((f) => [f.json ?? f.key, f]));
