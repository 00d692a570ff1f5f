// The sourced company-level figures. `key` is what the database stores (unit in the name); `json`
// is the field name in the dataset file (prisma/miners-2025-11.json).
export const FACT_KEYS = [
  { key: "sharePriceUsd", json: "sharePrice", label: "Share price", unit: "USD" },
  { key: "sharesOutstanding", json: "sharesOutstanding", label: "Shares outstanding", unit: "shares" },
  { key: "totalDebtUsd", json: "totalDebt", label: "Total debt", unit: "USD" },
  { key: "cashUsd", json: "cash", label: "Cash", unit: "USD" },
  { key: "preferredEquityUsd", json: "preferredEquity", label: "Preferred equity", unit: "USD" },
  { key: "committedFinancingUsd", json: "committedFinancing", label: "Committed financing", unit: "USD" },
  { key: "btcHeld", json: "btcHeld", label: "Bitcoin held", unit: "BTC" },
  { key: "hashrateEhs", json: "hashrateEh", label: "Hashrate", unit: "EH/s" },
  { key: "marketCapPublishedUsd", json: "marketCapPublished", label: "Market cap (published)", unit: "USD" },
  { key: "enterpriseValuePublishedUsd", json: "enterpriseValuePublished", label: "EV (published)", unit: "USD" },
  { key: "securedPowerMw", json: "powerTotals.securedMw", label: "Secured power (company)", unit: "MW" },
  { key: "energizedPowerMw", json: "powerTotals.energizedMw", label: "Energized power (company)", unit: "MW" },
] as const;

export type FactKey = (typeof FACT_KEYS)[number]["key"];
export const FACT_KEY_NAMES = FACT_KEYS.map((f) => f.key) as unknown as readonly [FactKey, ...FactKey[]];
export const factMeta = (key: FactKey) => FACT_KEYS.find((f) => f.key === key)!;
