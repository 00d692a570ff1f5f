// A field path as a person reads it, for messages that have no field beside them (a refused revert, a
// failed apply): "values.buildCostLowUsdPerW" → "Build cost — low", "facts.cashUsd.value" → "Cash",
// "contract.deliveredItMw" → "delivered IT MW". Never the raw key.
import { factMeta } from "../domain/facts";
import { ASSUMPTION_META, type AssumptionKey } from "../scoring/assumptions";

const UPPER = new Set(["it", "mw", "usd", "btc", "ev", "gpu", "cqs", "eh"]);

export function fieldLabel(path: string): string {
  const parts = path.split(".").filter((p) => !/^\d+$/.test(p));
  for (let i = parts.length - 1; i >= 0; i--) {
    const k = parts[i];
    const assumption = ASSUMPTION_META[k as AssumptionKey];
    if (assumption) return assumption.label;
    const fact = factMeta(k);
    if (fact) return parts[i + 1] && parts[i + 1] !== "value" ? `${fact.label} — ${words(parts[i + 1])}` : fact.label;
  }
  return words(parts.at(-1) ?? path);
}

function words(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(" ")
    .map((w) => (UPPER.has(w.toLowerCase()) ? w.toUpperCase() : w.toLowerCase()))
    .join(" ");
}
