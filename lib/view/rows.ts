// The compact row the screener table, its chart, CSV export and the JSON API's list are built from.
// Computed on the server from a scored company; only numbers, strings and reason codes cross the wire.
import type { Flag, Reasons, ScreenRow, Tier } from "../scoring/types";

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
  evPerWEffectiveIt: number | null;
  evPerWTotalGross: number | null;
  evPerWEnergizedGross: number | null;
  evPerWContractedIt: number | null;
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
  weightedTenorYears: number | null;
  cqs: number | null;
  gapToMarketCap: number | null;
  flags: Flag[];
  reasons: Reasons;
}

export function toScreenerRow(s: ScreenRow): ScreenerRow {
  const price = s.inputs.find((i) => i.key === "sharePriceUsd");
  const f = s.funnel;
  const totalIt = f.s1 + f.s2 + f.s3 + f.s4 + f.s5 + f.s6;
  const reasons: Reasons = { ...s.reasons };
  if (price?.value == null) reasons.priceUsd = "missing:sharePrice";
  if (s.evUsedUsd == null) reasons.evUsd = s.reasons.evUsedUsd;
  if (totalIt <= 0) reasons.contractedShare = "zero:itMw";
  if (s.mainCounterparty == null) reasons.mainCounterparty = "none:contracts";
  return {
    rank: s.rank,
    rankGroup: s.rankGroup,
    ticker: s.ticker,
    name: s.name,
    tier: s.tier,
    why: s.why,
    priceUsd: price?.value ?? null,
    priceAsOf: price?.asOf ?? null,
    priceSourceUrl: price?.sourceUrl ?? null,
    marketCapUsd: s.marketCapUsd,
    evUsd: s.evUsedUsd,
    evPerWEffectiveIt: s.evPerWEffectiveIt,
    evPerWTotalGross: s.evPerWTotalGross,
    evPerWEnergizedGross: s.evPerWEnergizedGross,
    evPerWContractedIt: s.evPerWContractedIt,
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
    counterparties: [...new Set(s.contracts.map((c) => c.counterparty))],
    weightedTenorYears: s.weightedTenorYears,
    cqs: s.cqs,
    gapToMarketCap: s.gapToMarketCap,
    flags: s.flags,
    reasons,
  };
}
