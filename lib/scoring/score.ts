// One company through the model (methodology §4–§7 and v2's §10), read in the order of the methodology.
// Every output that cannot be computed is null with a reason in `reasons`; nothing is NaN, Infinity or a
// silent 0. Every rule that moves a number says so in `adjustments`, with the source of its input.
import { ASSUMPTION_KEYS, mergeAssumptions, type Assumptions } from "./assumptions";
import { mixedDates, STALE_LABEL, staleFigures, unappliedDeltas } from "./balance-sheet";
import { atViewDate } from "./cache";
import { capexPerMwFromAssumption, scoreContract } from "./contracts";
import { enterpriseValue } from "./ev";
import { Explanation } from "./explain";
import { computeFunnel } from "./funnel";
import { tierChecks, tierInputsOf, tierOf, tierRules, tierWhy, type TierInputs } from "./tiers";
import { explainReason, plain, usdCompact } from "../format";
import type {
  BalanceSheetKey,
  CompanyScore,
  ContractScore,
  Flag,
  ScoreNumbers,
  InputUsed,
  ProFormaFigure,
  Reasons,
  ScoringCompany,
  ScoringFigures,
  TierCheck,
  TierRule,
  ViewContext,
} from "./types";

const W_PER_MW = 1e6;

/** Inputs shown with their sources; null preferred / committed / bitcoin mean "none found" and count as 0. */
const INPUT_KEYS = [
  "sharePriceUsd",
  "sharesOutstanding",
  "totalDebtUsd",
  "cashUsd",
  "preferredEquityUsd",
  "committedFinancingUsd",
  "btcHeld",
  "btcValueUsdReported",
  "hashrateEhs",
  "marketCapPublishedUsd",
  "enterpriseValuePublishedUsd",
  "capexGuidanceUsdPerMw",
] as const satisfies readonly (keyof ScoringFigures)[];
const ZERO_IF_NULL = { preferredEquityUsd: "Preferred equity", committedFinancingUsd: "Committed financing", btcHeld: "Bitcoin held" } as const;
const BS_LABEL: Record<BalanceSheetKey, string> = {
  cashUsd: "cash",
  totalDebtUsd: "total debt",
  preferredEquityUsd: "preferred equity",
  committedFinancingUsd: "committed financing",
  sharesOutstanding: "shares",
  btcHeld: "bitcoin held",
};

function inputUsed(company: ScoringCompany, key: (typeof INPUT_KEYS)[number]): InputUsed {
  const f = company[key];
  return f
    ? { key, value: f.value, asOf: f.asOf, sourceUrl: f.sourceUrl, note: f.note ?? null }
    : { key, value: null, asOf: null, sourceUrl: null, note: null, assumedZero: key in ZERO_IF_NULL };
}

/** EV per watt of a MW base, or null with the reason recorded under `key`. */
function perW(evUsedUsd: number | null, mwBase: number, name: string, key: string, reasons: Reasons): number | null {
  if (evUsedUsd == null) {
    reasons[key] = reasons.evUsedUsd;
    return null;
  }
  const r = evUsedUsd / (mwBase * W_PER_MW);
  // A zero (or vanishingly small) MW base has no meaningful price per watt.
  if (mwBase <= 0 || !Number.isFinite(r)) {
    reasons[key] = `zero:${name}`;
    return null;
  }
  return r;
}

/** num ÷ den, or null with `reason` when the base is zero (or so small the ratio is not finite). */
function ratio(num: number, den: number, key: string, reason: string, reasons: Reasons): number | null {
  if (den <= 0 || !Number.isFinite(num / den)) {
    reasons[key] = reason;
    return null;
  }
  return num / den;
}

/** A company's score with its explanation: every rule's line, the tier's why, the adjustments and warnings. */
export function scoreCompany(company: ScoringCompany, activeSet: Assumptions, view: ViewContext): CompanyScore {
  const ex = new Explanation(true);
  const { rules: checks, ...numbers } = scoreNumbers(company, activeSet, view, ex);
  const { rules, why } = tierWords(numbers, checks, company);
  return { ...numbers, rules, why, adjustments: ex.adjustments, warnings: ex.warnings, inputs: INPUT_KEYS.map((k) => inputUsed(company, k)) };
}

/** The tier rules' lines and the tier's why, from the numbers alone (the screener's tooltip needs no more). */
export function tierWords(numbers: Omit<ScoreNumbers, "rules">, checks: TierCheck[], company: ScoringCompany): { rules: TierRule[]; why: string } {
  const x = tierInputsOf(numbers, company);
  const rules = tierRules(checks, x, numbers.assumptions);
  const tierLine = tierWhy(numbers.tier, rules, x, numbers.assumptions);
  const why = numbers.evSource === "published" ? `${tierLine}. Valued on the published EV (§10.8): our EV needs data that is missing` : tierLine;
  return { rules, why };
}

/**
 * The model on one company: every number, tier and flag. What each rule did is recorded in `ex` when it
 * is on (scoreCompany); the numbers are the same either way.
 */
export function scoreNumbers(company: ScoringCompany, activeSet: Assumptions, view: ViewContext, ex = Explanation.OFF): ScoreNumbers {
  const a = mergeAssumptions(activeSet, company.overrides);
  const reasons: Reasons = {};
  // §10.1 The balance sheet, rolled forward to the view date.
  const { proForma: bs, btcValueRolled, ages } = atViewDate(company, view.viewDate);
  const mixed = mixedDates(company, a);
  if (ex.on) describeBalanceSheet(company, bs, mixed, view, ex);

  // §5 Enterprise value (with §10.8 published fallback, §10.9 bitcoin value, §10.12 mining).
  const ev = enterpriseValue(company, bs, btcValueRolled, a, reasons, ex);
  const evUsed = ev.evUsedUsd;
  if (evUsed != null && evUsed < 0)
    ex.warn(
      ev.miningValueUsd > 0 && evUsed + ev.miningValueUsd >= 0
        ? "Negative EV once mining is netted out: the mining value exceeds the EV ex-bitcoin — ranked apart"
        : "Negative EV: cash and bitcoin exceed market cap and debt — ranked apart",
    );

  // §4 Effective IT MW.
  const f = computeFunnel(company, a, ex);
  const evPerWTotalGross = perW(evUsed, f.totalGrossMw, "totalGrossMw", "evPerWTotalGross", reasons);
  const evPerWEnergizedGross = perW(evUsed, f.energizedGrossMw, "energizedGrossMw", "evPerWEnergizedGross", reasons);
  const evPerWEffectiveIt = perW(evUsed, f.itMwEffective, "itMwEffective", "evPerWEffectiveIt", reasons);
  const evPerWContractedIt = perW(evUsed, f.contractedItMw, "contractedItMw", "evPerWContractedIt", reasons);

  const discount = (cost: number, key: string) => {
    if (evPerWEffectiveIt == null) {
      reasons[key] = reasons.evPerWEffectiveIt;
      return null;
    }
    return 1 - evPerWEffectiveIt / cost;
  };
  const discountLow = discount(a.buildCostLowUsdPerW, "discountLow");
  const discountBase = discount(a.buildCostBaseUsdPerW, "discountBase");
  const discountHigh = discount(a.buildCostHighUsdPerW, "discountHigh");

  const valueAtBuildCostUsd = f.itMwEffective > 0 ? f.itMwEffective * W_PER_MW * a.buildCostBaseUsdPerW : null;
  if (valueAtBuildCostUsd == null) reasons.valueAtBuildCostUsd = "zero:itMwEffective";
  const implied = (cost: number, key: string) =>
    impliedPrice(f.itMwEffective, bs, a.subtractBitcoin ? ev.btcValueUsd : 0, ev.miningValueUsd, cost, key, reasons);
  const impliedPriceLowUsd = implied(a.buildCostLowUsdPerW, "impliedPriceLowUsd");
  const impliedPriceBaseUsd = implied(a.buildCostBaseUsdPerW, "impliedPriceBaseUsd");
  const impliedPriceHighUsd = implied(a.buildCostHighUsdPerW, "impliedPriceHighUsd");

  // §6 Contract quality and financing pressure (§10.5 the company's own capex per MW).
  const guidance = company.capexGuidanceUsdPerMw;
  const capexPerMwUsd = guidance?.value ?? capexPerMwFromAssumption(a);
  const capexPerMwSource = guidance ? "guidance" : "assumption";
  const contracts = company.contracts.map((c, i) => scoreContract(c, f.contracts[i], capexPerMwUsd, a));
  const capexRemainingUsd = contracts.reduce((t, c) => t + c.capexRemainingUsd, 0);
  if (ex.on) describeContracts(company, contracts, capexPerMwUsd, a, ex);

  // Company CQS and tenor are weighted by each contract's annual value (TCV ÷ tenor).
  let annualSum = 0,
    tenorSum = 0,
    cqsWeight = 0,
    cqsSum = 0;
  contracts.forEach((c, i) => {
    if (c.annualValueUsd == null) return;
    annualSum += c.annualValueUsd;
    tenorSum += c.annualValueUsd * company.contracts[i].tenorYears!;
    if (c.cqs != null) {
      cqsWeight += c.annualValueUsd;
      cqsSum += c.annualValueUsd * c.cqs;
    }
  });
  const none = contracts.length === 0;
  const cqs = cqsWeight > 0 ? cqsSum / cqsWeight : null;
  if (cqs == null) reasons.cqs = none ? "none:contracts" : "missing:annualValue";
  const weightedTenorYears = annualSum > 0 ? tenorSum / annualSum : null;
  if (weightedTenorYears == null) reasons.weightedTenorYears = none ? "none:contracts" : "missing:annualValue";

  const gpuCapexShareOfTcv = gpuShare(company, contracts, reasons);
  const tcvContracts = contracts.filter((c) => c.totalValueUsd != null);
  const tcv = tcvContracts.reduce((t, c) => t + c.totalValueUsd!, 0);
  const igShareOfTcv = ratio(
    tcvContracts.filter((c) => c.igBacked).reduce((t, c) => t + c.totalValueUsd!, 0),
    tcv,
    "igShareOfTcv",
    none ? "none:contracts" : "missing:totalValueUsd",
    reasons,
  );

  // §10.12 comps: contract value per contracted MW, over contracts with both figures.
  const sized = tcvContracts.filter((c) => c.itMwIt != null && c.itMwIt > 0);
  const tcvPerContractedMwUsd = ratio(
    sized.reduce((t, c) => t + c.totalValueUsd!, 0),
    sized.reduce((t, c) => t + c.itMwIt!, 0),
    "tcvPerContractedMwUsd",
    none ? "none:contracts" : "missing:totalValueUsd",
    reasons,
  );
  const annualSized = sized.filter((c) => c.annualValueUsd != null);
  const annualValuePerContractedMwUsd = ratio(
    annualSized.reduce((t, c) => t + c.annualValueUsd!, 0),
    annualSized.reduce((t, c) => t + c.itMwIt!, 0),
    "annualValuePerContractedMwUsd",
    none ? "none:contracts" : "missing:annualValue",
    reasons,
  );
  const usdPerKwMonth = annualValuePerContractedMwUsd == null ? null : annualValuePerContractedMwUsd / 1000 / 12;
  if (usdPerKwMonth == null) reasons.usdPerKwMonth = reasons.annualValuePerContractedMwUsd;

  const cash = bs.cashUsd.value;
  const committed = bs.committedFinancingUsd.value ?? 0;
  let financingGapUsd: number | null = null;
  if (capexRemainingUsd === 0) financingGapUsd = 0;
  else if (cash == null) reasons.financingGapUsd = "missing:cash";
  else financingGapUsd = Math.max(0, capexRemainingUsd - cash - committed);
  let gapToMarketCap: number | null = null;
  if (financingGapUsd == null) reasons.gapToMarketCap = reasons.financingGapUsd;
  else if (ev.marketCapUsd == null) reasons.gapToMarketCap = reasons.marketCapUsd;
  else if (ev.marketCapUsd <= 0) reasons.gapToMarketCap = "zero:marketCap";
  else gapToMarketCap = financingGapUsd / ev.marketCapUsd;

  // §7 Tiers; §10.10–10.11 data and credit flags beside them.
  const tierInputs: TierInputs = {
    scores: contracts,
    tenors: company.contracts.map((c) => c.tenorYears),
    contractedItMw: f.contractedItMw,
    energizedContractedItMw: f.funnel.s1 + f.funnel.s2,
    weightedTenorYears,
    gpuCapexShareOfTcv,
    gapToMarketCap,
    gapReason: reasons.gapToMarketCap,
  };
  const rules = tierChecks(tierInputs, a);
  const tier = tierOf(rules, tierInputs, a);
  const stale = staleFigures(ages, a, ev.evSource === "published");
  if (stale.length && ex.on)
    ex.adjust(
      "10.10",
      `Stale on ${view.viewDate}: ${stale.map((s) => `${STALE_LABEL[s.key]} ${s.approximate ? "at least " : ""}${s.ageDays} days old (limit ${s.maxDays}${s.approximate ? `; dated ${s.asOf} only, aged from its first day` : ""})`).join(", ")}`,
    );

  const flags: Flag[] = [];
  if (discountBase != null && discountBase > 0) flags.push("below-build-cost");
  if (company.contracts.some((c) => c.structure === "gpu_cloud")) flags.push("gpu-funding");
  if (weightedTenorYears != null && weightedTenorYears < a.tier1MinTenorYears) flags.push("short-tenor");
  if (gapToMarketCap != null && gapToMarketCap > a.tier1MaxGapToMarketCap) flags.push("financing-gap");
  if (igShareOfTcv != null && igShareOfTcv < 0.5) flags.push("no-ig-tenant");
  if (mixed) flags.push("mixed-dates");
  if (stale.length) flags.push("stale-data");
  if (ev.evSource === "published") flags.push("published-ev");
  if (company.sharePriceUsd == null) flags.push("no-price");
  if (f.totalGrossMw <= 0 && f.itMwEffective <= 0) flags.push("no-power");
  if (evUsed != null && evUsed < 0) flags.push("negative-ev");

  const overriddenKeys = company.overrides
    ? ASSUMPTION_KEYS.filter((k) => company.overrides![k] !== undefined && JSON.stringify(company.overrides![k]) !== JSON.stringify(activeSet[k]))
    : [];

  return {
    ticker: company.ticker,
    name: company.name,
    viewDate: view.viewDate,
    proForma: bs,
    marketCapUsd: ev.marketCapUsd,
    enterpriseValueUsd: ev.enterpriseValueUsd,
    enterpriseValueExBtcUsd: ev.enterpriseValueExBtcUsd,
    evUsedUsd: ev.evUsedUsd,
    evSource: ev.evSource,
    enterpriseValuePublished: ev.enterpriseValuePublished,
    btcValueUsd: ev.btcValueUsd,
    btcValueSource: ev.btcValueSource,
    btcValueRolled: ev.btcValueRolled,
    miningValueUsd: ev.miningValueUsd,
    evPerEhUsd: ev.evPerEhUsd,
    funnel: f.funnel,
    remoteMw: f.remoteMw,
    funnelLines: f.funnelLines,
    itMwEffective: f.itMwEffective,
    contractedItMw: f.contractedItMw,
    deliveredItMw: f.deliveredItMw,
    energizedGrossMw: f.energizedGrossMw,
    totalGrossMw: f.totalGrossMw,
    evPerWTotalGross,
    evPerWEnergizedGross,
    evPerWEffectiveIt,
    evPerWContractedIt,
    discountLow,
    discountBase,
    discountHigh,
    valueAtBuildCostUsd,
    impliedPriceLowUsd,
    impliedPriceBaseUsd,
    impliedPriceHighUsd,
    tcvPerContractedMwUsd,
    annualValuePerContractedMwUsd,
    usdPerKwMonth,
    contracts,
    cqs,
    weightedTenorYears,
    gpuCapexShareOfTcv,
    igShareOfTcv,
    capexPerMwUsd,
    capexPerMwSource,
    capexRemainingUsd,
    financingGapUsd,
    gapToMarketCap,
    mainCounterparty: mainCounterparty(contracts),
    tier,
    rules,
    flags,
    staleFigures: stale,
    mixedDates: mixed,
    reasons,
    assumptions: a,
    overriddenKeys,
  };
}

/** (value at view − debt − preferred + cash + bitcoin + mining) / shares, at the pro-forma balance sheet. */
function impliedPrice(
  itMwEffective: number,
  bs: Record<BalanceSheetKey, ProFormaFigure>,
  btc: number,
  mining: number,
  cost: number,
  key: string,
  reasons: Reasons,
): number | null {
  const shares = bs.sharesOutstanding.value;
  const debt = bs.totalDebtUsd.value;
  const cash = bs.cashUsd.value;
  const why =
    itMwEffective <= 0
      ? "zero:itMwEffective"
      : shares == null
        ? "missing:sharesOutstanding"
        : shares <= 0
          ? "zero:sharesOutstanding"
          : debt == null
            ? "missing:totalDebt"
            : cash == null
              ? "missing:cash"
              : null;
  if (why) {
    reasons[key] = why;
    return null;
  }
  return (itMwEffective * W_PER_MW * cost - debt! - (bs.preferredEquityUsd.value ?? 0) + cash! + btc + mining) / shares!;
}

/** Company GPU capex ÷ total contract value; a colocation-only book carries none, stated values or not. */
function gpuShare(company: ScoringCompany, contracts: CompanyScore["contracts"], reasons: Reasons): number | null {
  if (contracts.length === 0) {
    reasons.gpuCapexShareOfTcv = "none:contracts";
    return null;
  }
  if (company.contracts.every((c) => c.structure === "colocation" && !c.companyGpuCapexUsd)) return 0;
  const withValue = company.contracts.map((c, i) => ({ c, s: contracts[i] })).filter((x) => x.s.totalValueUsd != null);
  if (withValue.some((x) => x.c.structure === "gpu_cloud" && x.c.companyGpuCapexUsd == null)) {
    reasons.gpuCapexShareOfTcv = "missing:companyGpuCapexUsd";
    return null;
  }
  const tcv = withValue.reduce((t, x) => t + x.s.totalValueUsd!, 0);
  const gpu = withValue.reduce((t, x) => t + (x.c.companyGpuCapexUsd ?? 0) * x.c.companyShare, 0);
  if (tcv > 0 && Number.isFinite(gpu / tcv)) return gpu / tcv;
  reasons.gpuCapexShareOfTcv = withValue.length ? "zero:totalValueUsd" : "missing:totalValueUsd";
  return null;
}

/** The counterparty of the largest contract by value (by MW where no value is stated). */
function mainCounterparty(contracts: CompanyScore["contracts"]): string | null {
  let best: string | null = null;
  let size = -1;
  for (const c of contracts) {
    const s = c.totalValueUsd ?? (c.itMwIt ?? 0) * 1e-3;
    if (s > size) {
      size = s;
      best = c.counterparty;
    }
  }
  return best;
}

/** §10.1 in words: figures taken as 0, each roll-forward, deltas with no figure to move, mixed dates. */
function describeBalanceSheet(
  company: ScoringCompany,
  bs: Record<BalanceSheetKey, ProFormaFigure>,
  mixed: CompanyScore["mixedDates"],
  view: ViewContext,
  ex: Explanation,
) {
  for (const [k, label] of Object.entries(ZERO_IF_NULL) as [keyof typeof ZERO_IF_NULL, string][])
    if (company[k] == null && !(k === "btcHeld" && company.btcValueUsdReported))
      ex.warn(`${label} not reported — taken as 0${bs[k].fromZero ? ", then moved by the transactions since" : ""}`);
  describeProForma(bs, ex);
  for (const { key, event } of unappliedDeltas(company, view.viewDate))
    ex.warn(`${event.date} ${event.description}: its ${BS_LABEL[key]} change is not applied — ${BS_LABEL[key]} is not reported`);
  if (mixed)
    ex.warn(
      `Cash and debt are reported ${mixed.gapDays} days apart with no dated transaction between them; ${mixed.older === "cashUsd" ? "cash" : "debt"} is the older figure`,
    );
}

/** §10.5 and §10.7 in words: what the capex to fund is costed at, and each contract's notes. */
function describeContracts(company: ScoringCompany, contracts: ContractScore[], capexPerMwUsd: number, a: Assumptions, ex: Explanation) {
  const guidance = company.capexGuidanceUsdPerMw;
  if (contracts.length > 0)
    ex.adjust(
      "10.5",
      guidance
        ? `Capex to fund at the company's own guidance ${usdCompact(guidance.value)} per IT MW (as of ${guidance.asOf}), not the build-cost benchmark`
        : `Capex to fund at the conversion capex ${a.conversionCapexUsdPerW} $/W, not the build-cost benchmark`,
      guidance?.sourceUrl,
    );
  for (const [i, c] of company.contracts.entries()) {
    if (c.companyFundedCapexMw != null && c.companyFundedCapexUsd != null)
      ex.adjust(
        "10.5",
        `${c.code}: the stated ${usdCompact(c.companyFundedCapexUsd)} covers ${c.companyFundedCapexMw} MW; the other undelivered MW are costed at ${usdCompact(capexPerMwUsd)} per MW × (1 − tenant share)`,
        c.sourceUrl,
      );
    if (c.counterpartyRating?.trim().toUpperCase() === "IG")
      ex.adjust("10.7", `${c.code}: ${c.counterparty} is described only as investment grade — scored as BBB`, c.sourceUrl);
    if (contracts[i].cqs == null) ex.warn(`${c.code}: CQS not computable — ${explainReason(contracts[i].cqsReason)}`);
    if (c.leaseType == null && c.structure === "colocation") ex.warn(`${c.code}: lease type not stated — scored as gross`);
  }
}

/** One §10.1 line per figure the roll-forward moved: reported → each dated transaction → pro forma. */
function describeProForma(bs: Record<BalanceSheetKey, ProFormaFigure>, ex: Explanation) {
  if (!ex.on) return;
  for (const p of Object.values(bs)) {
    if (!p.lines.length) continue;
    const money = p.key !== "sharesOutstanding" && p.key !== "btcHeld";
    const fmt = (v: number) => (money ? usdCompact(v) : plain(v, 1));
    const steps = p.lines.map((l) => `${l.delta >= 0 ? "+" : "−"} ${fmt(Math.abs(l.delta))} (${l.date} ${l.kind.replace("_", " ")})`).join(" ");
    const base = p.reported ? `${fmt(p.reported.value)} at ${p.reported.asOf}` : "not reported, taken as 0,";
    ex.adjust("10.1", `Pro-forma ${BS_LABEL[p.key]}: ${base} ${steps} = ${fmt(p.value!)}`, p.reported?.sourceUrl, ...p.lines.map((l) => l.sourceUrl));
  }
}
