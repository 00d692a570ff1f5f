// The screener's columns: id (also the URL and CSV name), header, unit, default visibility. The table,
// the column picker, the sort whitelist and CSV export all read this list.
import { FLAGS } from "../scoring/types";
import type { ScreenerRow } from "./rows";

export type ColumnKind = "text" | "usd" | "usdPrice" | "perW" | "pct" | "mw" | "years" | "score" | "int" | "date" | "tier" | "flags" | "usdPerKwMonth";

export interface ColumnDef {
  id: keyof ScreenerRow;
  header: string;
  kind: ColumnKind;
  defaultVisible: boolean;
  /** always shown (the picker does not offer it) */
  required?: boolean;
  description: string;
}

export const COLUMNS: readonly ColumnDef[] = [
  { id: "rank", header: "#", kind: "int", defaultVisible: true, required: true, description: "Rank by discount to build cost at base; negative-EV companies ranked apart, missing discount last" },
  { id: "ticker", header: "Ticker", kind: "text", defaultVisible: true, required: true, description: "Exchange ticker" },
  { id: "name", header: "Name", kind: "text", defaultVisible: true, description: "Company name" },
  { id: "tier", header: "Tier", kind: "tier", defaultVisible: true, description: "Tier 1–3 (methodology §7); hover or focus for why" },
  { id: "priceUsd", header: "Price", kind: "usdPrice", defaultVisible: true, description: "Share price used (USD)" },
  { id: "impliedPriceBaseUsd", header: "Price at build cost", kind: "usdPrice", defaultVisible: true, description: "Implied share price if effective IT watts were worth the base build cost" },
  { id: "marketCapUsd", header: "Mkt cap", kind: "usd", defaultVisible: true, description: "Price × shares outstanding" },
  { id: "evUsd", header: "EV", kind: "usd", defaultVisible: true, description: "Enterprise value from the pro-forma balance sheet (ex-bitcoin when the set subtracts it); the published EV where ours needs a missing input" },
  { id: "evPublishedUsd", header: "Published EV", kind: "usd", defaultVisible: false, description: "EV as published by a third party, at its own price and date (reconciliation, §10.8)" },
  { id: "evPerWEffectiveIt", header: "EV/W eff. IT", kind: "perW", defaultVisible: true, description: "EV per watt of effective (probability-weighted) IT capacity" },
  { id: "evPerWTotalGross", header: "EV/W gross", kind: "perW", defaultVisible: false, description: "EV per watt of total gross (utility) power" },
  { id: "evPerWEnergizedGross", header: "EV/W energized", kind: "perW", defaultVisible: false, description: "EV per watt of energized gross power (operating sites)" },
  { id: "evPerWContractedIt", header: "EV/W contracted", kind: "perW", defaultVisible: false, description: "EV per watt of contracted IT capacity" },
  { id: "evPerEhUsd", header: "EV/EH", kind: "usd", defaultVisible: false, description: "EV per EH/s of hashrate (mining comps, §10.12)" },
  { id: "tcvPerContractedMwUsd", header: "TCV / MW", kind: "usd", defaultVisible: false, description: "Total contract value per contracted IT MW (§10.12)" },
  { id: "usdPerKwMonth", header: "$/kW-mo", kind: "usdPerKwMonth", defaultVisible: false, description: "Annual contract value per contracted IT kW, per month (§10.12)" },
  { id: "discountBase", header: "Discount to build cost", kind: "pct", defaultVisible: true, description: "1 − (EV/W effective) ÷ base build cost; low–high range below" },
  { id: "itMwEffective", header: "Eff. IT MW", kind: "mw", defaultVisible: false, description: "Effective IT MW: S1–S6 blocks × stage weights" },
  { id: "contractedItMw", header: "Contracted IT", kind: "mw", defaultVisible: true, description: "IT MW under AI/HPC contract" },
  { id: "deliveredItMw", header: "Delivered IT", kind: "mw", defaultVisible: true, description: "Contracted IT MW in service" },
  { id: "energizedGrossMw", header: "Energized gross", kind: "mw", defaultVisible: true, description: "Gross MW at operating sites" },
  { id: "totalGrossMw", header: "Total gross", kind: "mw", defaultVisible: true, description: "Gross MW at all listed sites" },
  { id: "contractedShare", header: "Contracted share", kind: "pct", defaultVisible: false, description: "Contracted IT MW ÷ all IT MW" },
  { id: "mainCounterparty", header: "Main counterparty", kind: "text", defaultVisible: true, description: "Counterparty of the largest contract" },
  { id: "weightedTenorYears", header: "Tenor", kind: "years", defaultVisible: true, description: "Contract tenor weighted by annual value" },
  { id: "cqs", header: "CQS", kind: "score", defaultVisible: true, description: "Contract quality score 0–100, weighted by annual value" },
  { id: "gapToMarketCap", header: "Gap / mkt cap", kind: "pct", defaultVisible: true, description: "Financing gap ÷ market cap (capex at the company's conversion capex)" },
  { id: "igShareOfTcv", header: "IG share", kind: "pct", defaultVisible: false, description: "Share of contract value with an investment-grade tenant or backstop (§10.11)" },
  { id: "flags", header: "Flags", kind: "flags", defaultVisible: true, description: FLAGS.join(", ") },
  { id: "priceAsOf", header: "Price as of", kind: "date", defaultVisible: true, description: "Date of the share price" },
];

export type ColumnId = (typeof COLUMNS)[number]["id"];
export const COLUMN_IDS = COLUMNS.map((c) => c.id) as ColumnId[];
export const DEFAULT_VISIBLE = COLUMNS.filter((c) => c.defaultVisible).map((c) => c.id);
export const columnDef = (id: string) => COLUMNS.find((c) => c.id === id);
