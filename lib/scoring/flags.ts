// What each flag means, with the rule it comes from: shown as the chip's and the row's explanation.
import type { Flag } from "./types";

export const FLAG_INFO: Record<Flag, { label: string; rule: string; means: string }> = {
  "below-build-cost": { label: "below build cost", rule: "§5", means: "EV per effective IT watt is below the base build cost" },
  "gpu-funding": { label: "GPU funding", rule: "§6", means: "a GPU-cloud contract: the company buys the GPUs" },
  "short-tenor": { label: "short tenor", rule: "§7", means: "value-weighted tenor below the Tier 1 minimum" },
  "financing-gap": { label: "financing gap", rule: "§7", means: "capex still to fund exceeds the Tier 1 share of market cap" },
  "no-ig-tenant": { label: "no IG tenant", rule: "§10.11", means: "under half of contract value has an investment-grade tenant or backstop" },
  "mixed-dates": { label: "mixed dates", rule: "§10.1", means: "cash and debt are dated far apart with no transaction between them" },
  "stale-data": { label: "stale data", rule: "§10.10", means: "a price, share count, cash or debt figure older than its limit on the view date" },
  "published-ev": { label: "published EV", rule: "§10.8", means: "our EV needs a missing input; the published EV is used instead" },
  "no-price": { label: "no price", rule: "§5", means: "no share price in the data" },
  "no-power": { label: "no power", rule: "§4", means: "no MW figure at any site" },
  "negative-ev": { label: "negative EV", rule: "§5", means: "cash and bitcoin exceed market cap and debt: ranked apart" },
};
