// The compact row the screener table, its chart, CSV export and the JSON API's list are built from.
// Computed on the server from a scored company; only numbers, strings and reason codes cross the wire.
import type { Flag, Reasons, ScreenRow, Tier } from "../scoring/types";
import { STALE_LABEL } from "../scoring/balance-sheet";
import { companyOf, whyOf } from "../scoring/screen";
import type { OtherName } from "./search";
import { otherNamesOf } from "./search-names";

export interface ScreenerRow {
  rank: number;
  rankGroup: ScreenRow["rankGroup"];
  ticker: string;
  name: string;
  tier: Tier;
  why: string;
  priceUsd: number | null;
  priceAsOf: string | null;
  priceSourceUrl: string | null;
  marketCapUsd: number | null;
  evUsd: number | null;
  /** "computed" from our inputs, or "published" (§10.8) */
  evSource: "computed" | "published" | null;
  /** the EV a third party published, with its date, for reconciliation */
  evPublishedUsd: number | null;
  evPublishedAsOf: string | null;
  evPerWEffectiveIt: number | null;
  evPerWTotalGross: number | null;
  evPerWEnergizedGross: number | null;
  evPerWContractedIt: number | null;
  evPerEhUsd: number | null;
  tcvPerContractedMwUsd: number | null;
  usdPerKwMonth: number | null;
  discountLow: number | null;
  discountBase: number | null;
  discountHigh: number | null;
  impliedPriceBaseUsd: number | null;
  itMwEffective: number;
  contractedItMw: number;
  deliveredItMw: number;
  energizedGrossMw: number;
  totalGrossMw: number;
  /** contracted IT MW / all IT MW in the funnel (before weights); null when the company has no MW */
  contractedShare: number | null;
  mainCounterparty: string | null;
  counterparties: string[];
  /** guarantors named on the counted contracts (search; the credit uses their ratings) */
  guarantors: string[];
  /** names the search finds the row by that it does not show (lib/view/search-names.ts) */
  otherNames: OtherName[];
  weightedTenorYears: number | null;
  cqs: number | null;
  gapToMarketCap: number | null;
  igShareOfTcv: number | null;
  /** counted contracts the model calls investment-grade backed: an IG tenant, or an IG guarantor with β ≥ 0.5 (§10.11) */
  igBackedContracts: number;
  flags: Flag[];
  /** the figures behind stale-data, e.g. "price 9 d" */
  staleFigures: string[];
  /** analysts' notes on the company (counted by the server's query; 0 where there is no database) */
  notes: number;
  /** what a person entered that is in force on the view date, one line each (lib/view/user-entered.ts) */
  userEntered: string[];
  reasons: Reasons;
}

/** The table shows each row's why: its tier line, from the numbers (whyOf), not a whole explanation. */
export function toScreenerRow(s: ScreenRow): ScreenerRow {
  const why = whyOf(s);
  const price = companyOf(s).sharePriceUsd;
  const published = s.enterpriseValuePublished;
  const f = s.funnel;
  const totalIt = f.s1 + f.s2 + f.s3 + f.s4 + f.s5 + f.s6;
  const reasons: Reasons = { ...s.reasons };
  if (price?.value == null) reasons.priceUsd = "missing:sharePrice";
  if (s.evUsedUsd == null) reasons.evUsd = s.reasons.evUsedUsd;
  if (totalIt <= 0) reasons.contractedShare = "zero:itMw";
  if (s.mainCounterparty == null) reasons.mainCounterparty = "none:contracts";
  const counterparties = [...new Set(s.contracts.map((c) => c.counterparty))];
  const guarantors = [...new Set(s.contracts.flatMap((c) => (c.guarantor ? [c.guarantor] : [])))];
  if (published == null) reasons.evPublishedUsd = "missing:enterpriseValuePublished";
  return {
    rank: s.rank,
    rankGroup: s.rankGroup,
    ticker: s.ticker,
    name: s.name,
    tier: s.tier,
    why,
    priceUsd: price?.value ?? null,
    priceAsOf: price?.asOf ?? null,
    priceSourceUrl: price?.sourceUrl ?? null,
    marketCapUsd: s.marketCapUsd,
    evUsd: s.evUsedUsd,
    evSource: s.evSource,
    evPublishedUsd: published?.value ?? null,
    evPublishedAsOf: published?.asOf ?? null,
    evPerWEffectiveIt: s.evPerWEffectiveIt,
    evPerWTotalGross: s.evPerWTotalGross,
    evPerWEnergizedGross: s.evPerWEnergizedGross,
    evPerWContractedIt: s.evPerWContractedIt,
    evPerEhUsd: s.evPerEhUsd,
    tcvPerContractedMwUsd: s.tcvPerContractedMwUsd,
    usdPerKwMonth: s.usdPerKwMonth,
    discountLow: s.discountLow,
    discountBase: s.discountBase,
    discountHigh: s.discountHigh,
    impliedPriceBaseUsd: s.impliedPriceBaseUsd,
    itMwEffective: s.itMwEffective,
    contractedItMw: s.contractedItMw,
    deliveredItMw: s.deliveredItMw,
    energizedGrossMw: s.energizedGrossMw,
    totalGrossMw: s.totalGrossMw,
    contractedShare: totalIt > 0 ? s.contractedItMw / totalIt : null,
    mainCounterparty: s.mainCounterparty,
    counterparties,
    guarantors,
    otherNames: otherNamesOf({ ticker: s.ticker, counterparties, guarantors }),
    weightedTenorYears: s.weightedTenorYears,
    cqs: s.cqs,
    gapToMarketCap: s.gapToMarketCap,
    igShareOfTcv: s.igShareOfTcv,
    igBackedContracts: s.contracts.filter((c) => c.igBacked).length,
    flags: s.flags,
    notes: 0,
    staleFigures: s.staleFigures.map((f) => `${STALE_LABEL[f.key]} ${f.approximate ? "≥" : ""}${f.ageDays} d`),
    userEntered: [], // the scored company does not know who entered what: the server adds it (lib/server/screen.ts)
    reasons,
  };
}
