// What each model v2 rule (methodology §10) is called and does, declared once: the methodology page's
// table, the company page's rule tags and the v1→v2 attribution all read it.
import type { RuleRef } from "./types";

export type V2RuleRef = Exclude<RuleRef, "§4" | "§5" | "§6">;

export const RULE_INFO: Record<V2RuleRef, { name: string; means: string }> = {
  "10.1": {
    name: "Pro-forma balance sheet",
    means:
      "Cash, debt, preferred, committed financing, shares and bitcoin are each rolled forward to the view date by the dated transactions after the figure's own date (preferred, committed financing and bitcoin not reported roll from 0); cash and debt dated far apart with nothing between them are flagged mixed-dates.",
  },
  "10.2": {
    name: "A megawatt counted once",
    means:
      "A contract's MW sit on the sites it names or is allocated to (allocations are IT MW and never exceed the contract); MW no site covers fill the company's free hpc/mixed site MW before anything is counted as uncontracted.",
  },
  "10.3": {
    name: "Phase-one IT figure",
    means: "Where an IT figure covers only a first phase, the site counts at least gross × the IT/gross factor.",
  },
  "10.4": {
    name: "Remote and small sites",
    means: "Uncontracted MW at sites outside the AI-ready countries, with no country, or below the minimum size, count × the remote factor.",
  },
  "10.5": {
    name: "Conversion capex, not build cost",
    means: "The financing gap uses the company's own capex per MW, else the conversion capex; build cost is only the value benchmark.",
  },
  "10.6": { name: "Ownership share", means: "Joint-venture sites and contracts count at the company's share: MW, value, capex, backstop." },
  "10.7": { name: "Investment grade, undisclosed", means: "A tenant described only as investment grade scores as BBB." },
  "10.8": {
    name: "Published-EV fallback",
    means:
      "When our EV needs a missing input, the published EV is used (rebased to our price where it can be), flagged, and held to the price-age limit.",
  },
  "10.9": {
    name: "Reported bitcoin value",
    means:
      "Where no coin count is published, a reported USD value of bitcoin is subtracted as reported, moved only by later sales and purchases at their prices.",
  },
  "10.10": {
    name: "Stale data",
    means:
      "Prices older than 7 days, share counts older than 200 and cash or debt older than 100 on the view date are flagged; a month-only date is aged from its first day.",
  },
  "10.11": { name: "Credit", means: "Less than half of contract value with an investment-grade tenant or backstop is flagged no-ig-tenant." },
  "10.12": {
    name: "Comps and mining",
    means: "EV per EH/s, contract value and $/kW-month per contracted MW; optionally, mining value netted out of EV.",
  },
};
