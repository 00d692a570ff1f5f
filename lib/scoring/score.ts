// One company through methodology §4–§7. Every output that cannot be computed is null with a reason in
// `reasons`; nothing is NaN, Infinity or a silent 0.
import { ASSUMPTION_KEYS, mergeAssumptions, type Assumptions } from "./assumptions";
import { scoreContract } from "./contracts";
import { computeFunnel } from "./funnel";
import { decideTier, tierRules } from "./tiers";
import type { CompanyScore, Flag, InputUsed, Reasons, ScoringCompany, Sourced } from "./types";

const W_PER_MW = 1e6;

const INPUT_KEYS = [
  "sharePriceUsd", "sharesOutstanding", "totalDebtUsd", "cashUsd", "preferredEquityUsd", "committedFinancingUsd", "btcHeld",
] as const;
const INPUT_LABELS: Record<string, string> = {
  preferredEquityUsd: "Preferred equity", committedFinancingUsd: "Committed financing", btcHeld: "Bitcoin held",
};
/** Null means "none found" for these (dataset README), so they enter as 0 — and the explanation says so. */
const ZERO_IF_NULL: ReadonlySet<string> = new Set(["preferredEquityUsd", "committedFinancingUsd", "btcHeld"]);

const v = (f: Sourced | null) => (f == null ? null : f.value);
const zeroWarning = (k: string) => `${INPUT_LABELS[k]} not reported — taken as 0`;
const ASSUMED_ZERO_WARNING = {
  preferredEquityUsd: zeroWarning("preferredEquityUsd"), committedFinancingUsd: zeroWarning("committedFinancingUsd"), btcHeld: zeroWarning("btcHeld"),
};

function inputUsed(key: (typeof INPUT_KEYS)[number], f: Sourced | null): InputUsed {
  return f
    ? { key, value: f.value, asOf: f.asOf, sourceUrl: f.sourceUrl, note: f.note ?? null }
    : { key, value: null, asOf: null, sourceUrl: null, note: null, assumedZero: ZERO_IF_NULL.has(key) };
}

/** EV per watt of a MW base, or null with the reason recorded under `key`. */
function perW(evUsedUsd: number | null, mwBase: number, name: string, key: string, reasons: Reasons): number | null {
  if (evUsedUsd == null) { reasons[key] = reasons.evUsedUsd; return null; }
  const r = evUsedUsd / (mwBase * W_PER_MW);
  // A zero (or vanishingly small) MW base has no meaningful price per watt.
  if (mwBase <= 0 || !Number.isFinite(r)) { reasons[key] = `zero:${name}`; return null; }
  return r;
}

function discount(evPerWEffectiveIt: number | null, cost: number, key: string, reasons: Reasons): number | null {
  if (evPerWEffectiveIt == null) { reasons[key] = reasons.evPerWEffectiveIt; return null; }
  return 1 - evPerWEffectiveIt / cost;
}

function impliedPrice(
  itMwEffective: number, shares: number | null, debt: number | null, cash: number | null, preferred: number, btc: number,
  cost: number, key: string, reasons: Reasons,
): number | null {
  const why = itMwEffective <= 0 ? "zero:itMwEffective" : shares == null ? "missing:sharesOutstanding" : shares <= 0 ? "zero:sharesOutstanding"
    : debt == null ? "missing:totalDebt" : cash == null ? "missing:cash" : null;
  if (why) { reasons[key] = why; return null; }
  return (itMwEffective * W_PER_MW * cost - debt! - preferred + cash! + btc) / shares!;
}

export function scoreCompany(company: ScoringCompany, activeSet: Assumptions): CompanyScore {
  return scoreCompanyImpl(company, activeSet, true);
}

/**
 * Internal. With `explain: false` every number, tier and flag is the same but the explanations are left
 * empty (warnings, inputs, rule details, why): for callers that read numbers only, such as `sweep`.
 */
export function scoreCompanyImpl(company: ScoringCompany, activeSet: Assumptions, explain: boolean): CompanyScore {
  const a = mergeAssumptions(activeSet, company.overrides);
  const reasons: Reasons = {};
  const warnings: string[] = [];
  const inputs: InputUsed[] = !explain ? [] : [
    inputUsed("sharePriceUsd", company.sharePriceUsd),
    inputUsed("sharesOutstanding", company.sharesOutstanding),
    inputUsed("totalDebtUsd", company.totalDebtUsd),
    inputUsed("cashUsd", company.cashUsd),
    inputUsed("preferredEquityUsd", company.preferredEquityUsd),
    inputUsed("committedFinancingUsd", company.committedFinancingUsd),
    inputUsed("btcHeld", company.btcHeld),
  ];
  // In INPUT_KEYS order: the inputs taken as 0 when not reported.
  if (explain && company.preferredEquityUsd == null) warnings.push(ASSUMED_ZERO_WARNING.preferredEquityUsd);
  if (explain && company.committedFinancingUsd == null) warnings.push(ASSUMED_ZERO_WARNING.committedFinancingUsd);
  if (explain && company.btcHeld == null) warnings.push(ASSUMED_ZERO_WARNING.btcHeld);

  // §5 Enterprise value.
  const price = v(company.sharePriceUsd);
  const shares = v(company.sharesOutstanding);
  const debt = v(company.totalDebtUsd);
  const cash = v(company.cashUsd);
  const preferred = v(company.preferredEquityUsd) ?? 0;
  const committed = v(company.committedFinancingUsd) ?? 0;
  const btcValueUsd = (v(company.btcHeld) ?? 0) * a.btcPriceUsd;

  const marketCapUsd = price != null && shares != null ? price * shares : null;
  if (marketCapUsd == null) reasons.marketCapUsd = price == null ? "missing:sharePrice" : "missing:sharesOutstanding";
  let enterpriseValueUsd: number | null = null;
  if (marketCapUsd == null) reasons.enterpriseValueUsd = reasons.marketCapUsd;
  else if (debt == null) reasons.enterpriseValueUsd = "missing:totalDebt";
  else if (cash == null) reasons.enterpriseValueUsd = "missing:cash";
  else enterpriseValueUsd = marketCapUsd + debt + preferred - cash;
  const enterpriseValueExBtcUsd = enterpriseValueUsd == null ? null : enterpriseValueUsd - btcValueUsd;
  if (enterpriseValueExBtcUsd == null) reasons.enterpriseValueExBtcUsd = reasons.enterpriseValueUsd;
  const evUsedUsd = a.subtractBitcoin ? enterpriseValueExBtcUsd : enterpriseValueUsd;
  if (evUsedUsd == null) reasons.evUsedUsd = reasons.enterpriseValueUsd;
  if (explain && evUsedUsd != null && evUsedUsd < 0) warnings.push("Negative EV: cash and bitcoin exceed market cap and debt — ranked apart");

  // §4 Effective IT MW.
  const f = computeFunnel(company, a, explain);
  for (let i = 0; i < f.warnings.length; i++) warnings.push(f.warnings[i]);
  const evPerWTotalGross = perW(evUsedUsd, f.totalGrossMw, "totalGrossMw", "evPerWTotalGross", reasons);
  const evPerWEnergizedGross = perW(evUsedUsd, f.energizedGrossMw, "energizedGrossMw", "evPerWEnergizedGross", reasons);
  const evPerWEffectiveIt = perW(evUsedUsd, f.itMwEffective, "itMwEffective", "evPerWEffectiveIt", reasons);
  const evPerWContractedIt = perW(evUsedUsd, f.contractedItMw, "contractedItMw", "evPerWContractedIt", reasons);

  const discountLow = discount(evPerWEffectiveIt, a.buildCostLowUsdPerW, "discountLow", reasons);
  const discountBase = discount(evPerWEffectiveIt, a.buildCostBaseUsdPerW, "discountBase", reasons);
  const discountHigh = discount(evPerWEffectiveIt, a.buildCostHighUsdPerW, "discountHigh", reasons);

  const valueAtBuildCostUsd = f.itMwEffective > 0 ? f.itMwEffective * W_PER_MW * a.buildCostBaseUsdPerW : null;
  if (valueAtBuildCostUsd == null) reasons.valueAtBuildCostUsd = "zero:itMwEffective";
  const btcForPrice = a.subtractBitcoin ? btcValueUsd : 0;
  const impliedPriceLowUsd = impliedPrice(f.itMwEffective, shares, debt, cash, preferred, btcForPrice, a.buildCostLowUsdPerW, "impliedPriceLowUsd", reasons);
  const impliedPriceBaseUsd = impliedPrice(f.itMwEffective, shares, debt, cash, preferred, btcForPrice, a.buildCostBaseUsdPerW, "impliedPriceBaseUsd", reasons);
  const impliedPriceHighUsd = impliedPrice(f.itMwEffective, shares, debt, cash, preferred, btcForPrice, a.buildCostHighUsdPerW, "impliedPriceHighUsd", reasons);

  // §6 Contract quality and financing pressure.
  const contracts = company.contracts.map((c, i) => scoreContract(c, f.undelivered[i], a));
  let wSum = 0, cqsSum = 0, tenorWeight = 0, tenorSum = 0, tcv = 0, gpu = 0, gpuKnown = true, tcvStated = false, capexRemainingUsd = 0;
  let mainCounterparty: string | null = null;
  let mainValue = -1;
  let anyGpuCloud = false;
  let onlyColocation = contracts.length > 0;
  for (let i = 0; i < contracts.length; i++) {
    const cs = contracts[i];
    const c = company.contracts[i];
    if (c.structure === "gpu_cloud") anyGpuCloud = true;
    if (!(c.structure === "colocation" && !c.companyGpuCapexUsd)) onlyColocation = false;
    capexRemainingUsd += cs.capexRemainingUsd;
    if (cs.annualValueUsd != null) {
      tenorWeight += cs.annualValueUsd;
      tenorSum += cs.annualValueUsd * c.tenorYears!;
      if (cs.cqs != null) { wSum += cs.annualValueUsd; cqsSum += cs.annualValueUsd * cs.cqs; }
    }
    if (c.totalValueUsd != null) {
      tcvStated = true;
      tcv += c.totalValueUsd;
      if (c.structure === "gpu_cloud" && c.companyGpuCapexUsd == null) gpuKnown = false;
      gpu += c.companyGpuCapexUsd ?? 0;
    }
    const size = c.totalValueUsd ?? (cs.itMwIt ?? 0) * 1e-3;
    if (size > mainValue) { mainValue = size; mainCounterparty = c.counterparty; }
    if (explain) {
      if (cs.cqs == null) warnings.push(`${c.code}: CQS not computable (${cs.cqsReason})`);
      if (c.leaseType == null && c.structure === "colocation") warnings.push(`${c.code}: lease type not stated — scored as gross`);
    }
  }
  const none = contracts.length === 0;
  const cqs = wSum > 0 ? cqsSum / wSum : null;
  if (cqs == null) reasons.cqs = none ? "none:contracts" : "missing:annualValue";
  const weightedTenorYears = tenorWeight > 0 ? tenorSum / tenorWeight : null;
  if (weightedTenorYears == null) reasons.weightedTenorYears = none ? "none:contracts" : "missing:annualValue";
  // Colocation-only books carry no GPU capex at all: the share is 0 whether or not values are stated.
  const share = onlyColocation ? 0 : tcv > 0 && gpuKnown ? gpu / tcv : null;
  const gpuCapexShareOfTcv = share != null && Number.isFinite(share) ? share : null;
  if (gpuCapexShareOfTcv == null)
    reasons.gpuCapexShareOfTcv = none ? "none:contracts" : !gpuKnown ? "missing:companyGpuCapexUsd" : tcvStated ? "zero:totalValueUsd" : "missing:totalValueUsd";

  let financingGapUsd: number | null = null;
  if (capexRemainingUsd === 0) financingGapUsd = 0;
  else if (cash == null) reasons.financingGapUsd = "missing:cash";
  else financingGapUsd = Math.max(0, capexRemainingUsd - cash - committed);
  let gapToMarketCap: number | null = null;
  if (financingGapUsd == null) reasons.gapToMarketCap = reasons.financingGapUsd;
  else if (marketCapUsd == null) reasons.gapToMarketCap = reasons.marketCapUsd;
  else if (marketCapUsd <= 0) reasons.gapToMarketCap = "zero:marketCap";
  else gapToMarketCap = financingGapUsd / marketCapUsd;

  // §7 Tiers and flags.
  const tierInputs = {
    contracts: company.contracts, scores: contracts, contractedItMw: f.contractedItMw,
    energizedContractedItMw: f.funnel.s1 + f.funnel.s2, weightedTenorYears, gpuCapexShareOfTcv, gapToMarketCap,
    gapReason: reasons.gapToMarketCap,
  };
  const rules = tierRules(tierInputs, a, explain);
  const { tier, why } = decideTier(rules, tierInputs, a, explain);

  const flags: Flag[] = [];
  if (discountBase != null && discountBase > 0) flags.push("below-build-cost");
  if (anyGpuCloud) flags.push("gpu-funding");
  if (weightedTenorYears != null && weightedTenorYears < a.tier1MinTenorYears) flags.push("short-tenor");
  if (gapToMarketCap != null && gapToMarketCap > a.tier1MaxGapToMarketCap) flags.push("financing-gap");
  if (price == null) flags.push("no-price");
  if (f.totalGrossMw <= 0 && f.itMwEffective <= 0) flags.push("no-power");
  if (evUsedUsd != null && evUsedUsd < 0) flags.push("negative-ev");

  const overriddenKeys = company.overrides
    ? ASSUMPTION_KEYS.filter((k) => company.overrides![k] !== undefined && company.overrides![k] !== activeSet[k])
    : [];

  return {
    ticker: company.ticker, name: company.name,
    marketCapUsd, enterpriseValueUsd, enterpriseValueExBtcUsd, evUsedUsd, btcValueUsd,
    funnel: f.funnel, itMwEffective: f.itMwEffective, contractedItMw: f.contractedItMw, deliveredItMw: f.deliveredItMw,
    energizedGrossMw: f.energizedGrossMw, totalGrossMw: f.totalGrossMw,
    evPerWTotalGross, evPerWEnergizedGross, evPerWEffectiveIt, evPerWContractedIt,
    discountLow, discountBase, discountHigh, valueAtBuildCostUsd,
    impliedPriceLowUsd, impliedPriceBaseUsd, impliedPriceHighUsd,
    contracts, cqs, weightedTenorYears, gpuCapexShareOfTcv, capexRemainingUsd, financingGapUsd, gapToMarketCap,
    mainCounterparty, tier, rules, flags, why, reasons, warnings, inputs, assumptions: a, overriddenKeys,
  };
}
