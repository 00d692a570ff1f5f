// Methodology §5 with v2's §10.8, §10.9 and §10.12: market cap and enterprise value from the pro-forma
// balance sheet, the published EV where ours cannot be computed, bitcoin at its value, mining netted out.
import { usdCompact as usd } from "../format";
import type { Assumptions } from "./assumptions";
import type { Explanation } from "./explain";
import type { BalanceSheetKey, CompanyScore, ProFormaFigure, Reasons, RolledBtcValue, ScoringCompany } from "./types";

export type EvResult = Pick<
  CompanyScore,
  | "marketCapUsd"
  | "enterpriseValueUsd"
  | "enterpriseValueExBtcUsd"
  | "evUsedUsd"
  | "evSource"
  | "enterpriseValuePublished"
  | "btcValueUsd"
  | "btcValueSource"
  | "btcValueRolled"
  | "miningValueUsd"
  | "evPerEhUsd"
>;

export function enterpriseValue(
  company: ScoringCompany,
  bs: Record<BalanceSheetKey, ProFormaFigure>,
  btcValueRolled: RolledBtcValue | null,
  a: Assumptions,
  reasons: Reasons,
  ex: Explanation,
): EvResult {
  const price = company.sharePriceUsd?.value ?? null;
  const shares = bs.sharesOutstanding.value;
  const debt = bs.totalDebtUsd.value;
  const cash = bs.cashUsd.value;
  const preferred = bs.preferredEquityUsd.value ?? 0;

  // §10.9: a coin count at the set's bitcoin price; else a reported USD value as reported (not re-marked).
  let btcValueUsd = 0;
  let btcValueSource: EvResult["btcValueSource"] = "none";
  if (bs.btcHeld.value != null) {
    btcValueUsd = bs.btcHeld.value * a.btcPriceUsd;
    btcValueSource = "held";
  } else if (btcValueRolled) {
    btcValueUsd = btcValueRolled.value;
    btcValueSource = "reported";
    if (ex.on) describeReportedBitcoin(btcValueRolled, btcValueUsd, ex);
  }

  const marketCapUsd = price != null && shares != null ? price * shares : null;
  if (marketCapUsd == null) reasons.marketCapUsd = price == null ? "missing:sharePrice" : "missing:sharesOutstanding";
  let enterpriseValueUsd: number | null = null;
  if (marketCapUsd == null) reasons.enterpriseValueUsd = reasons.marketCapUsd;
  else if (debt == null) reasons.enterpriseValueUsd = "missing:totalDebt";
  else if (cash == null) reasons.enterpriseValueUsd = "missing:cash";
  else enterpriseValueUsd = marketCapUsd + debt + preferred - cash;
  const enterpriseValueExBtcUsd = enterpriseValueUsd == null ? null : enterpriseValueUsd - btcValueUsd;
  if (enterpriseValueExBtcUsd == null) reasons.enterpriseValueExBtcUsd = reasons.enterpriseValueUsd;

  let evUsed = a.subtractBitcoin ? enterpriseValueExBtcUsd : enterpriseValueUsd;
  let evSource: EvResult["evSource"] = evUsed == null ? null : "computed";
  const published = company.enterpriseValuePublishedUsd;

  // §10.8: our EV is missing for a missing input — rank on the published EV rebased to our price.
  if (evUsed == null && a.usePublishedEvFallback && published) {
    const mcap = company.marketCapPublishedUsd;
    const rebased = mcap != null && mcap.asOf === published.asOf && marketCapUsd != null;
    const base = rebased ? marketCapUsd! + (published.value - mcap!.value) : published.value;
    evUsed = a.subtractBitcoin ? base - btcValueUsd : base;
    evSource = "published";
    if (ex.on)
      ex.adjust(
        "10.8",
        rebased
          ? `Our EV needs ${missingWord(reasons.enterpriseValueUsd)}: published EV ${usd(published.value)} − published market cap ${usd(mcap!.value)} (both ${published.asOf}) + our market cap ${usd(marketCapUsd!)} = ${usd(base)}${a.subtractBitcoin ? `, less bitcoin ${usd(btcValueUsd)}` : ""}`
          : `Our EV needs ${missingWord(reasons.enterpriseValueUsd)}: the published EV ${usd(published.value)} (as of ${published.asOf}) is used as it stands${a.subtractBitcoin ? `, less bitcoin ${usd(btcValueUsd)}` : ""}`,
        published.sourceUrl,
      );
  }
  if (evUsed == null) reasons.evUsedUsd = reasons.enterpriseValueUsd;

  // §10.12: EV per EH/s on the EV before any mining netting; then optionally net mining out.
  const hashrate = company.hashrateEhs?.value ?? null;
  let evPerEhUsd: number | null = null;
  if (evUsed == null) reasons.evPerEhUsd = reasons.evUsedUsd;
  else if (hashrate == null) reasons.evPerEhUsd = "missing:hashrateEh";
  else if (hashrate <= 0 || !Number.isFinite(evUsed / hashrate)) reasons.evPerEhUsd = "zero:hashrateEh";
  else evPerEhUsd = evUsed / hashrate;

  let miningValueUsd = 0;
  if (a.miningValueUsdPerEh > 0 && evUsed != null) {
    if (hashrate == null) ex.warn("Mining value not netted out: no hashrate recorded");
    else {
      miningValueUsd = hashrate * a.miningValueUsdPerEh;
      evUsed -= miningValueUsd;
      if (ex.on)
        ex.adjust(
          "10.12",
          `Mining netted out: ${hashrate} EH/s × ${usd(a.miningValueUsdPerEh)} per EH/s = ${usd(miningValueUsd)} off the EV used`,
          company.hashrateEhs!.sourceUrl,
        );
    }
  }

  return {
    marketCapUsd,
    enterpriseValueUsd,
    enterpriseValueExBtcUsd,
    evUsedUsd: evUsed,
    evSource,
    enterpriseValuePublished: published,
    btcValueUsd,
    btcValueSource,
    btcValueRolled,
    miningValueUsd,
    evPerEhUsd,
  };
}

const missingWord = (reason: string | undefined) =>
  ({
    "missing:sharePrice": "a share price",
    "missing:sharesOutstanding": "a share count",
    "missing:totalDebt": "total debt",
    "missing:cash": "cash",
  })[reason ?? ""] ?? "an input";

/** §10.9 in words: the reported bitcoin value, moved by the transactions since, used as reported. */
function describeReportedBitcoin(rolled: RolledBtcValue, valueUsd: number, ex: Explanation) {
  const r = rolled.reported;
  const moves = rolled.lines.map((l) => ` ${l.delta >= 0 ? "+" : "−"} ${usd(Math.abs(l.delta))} (${l.date} ${l.kind.replace("_", " ")})`).join("");
  ex.adjust(
    "10.9",
    `No bitcoin count published: the reported bitcoin value ${usd(r.value)} (as of ${r.asOf})${moves ? `${moves} at the transactions' prices = ${usd(valueUsd)}` : ""} is used as reported, not re-marked to the set's price`,
    r.sourceUrl,
  );
  ex.warn(`Bitcoin is the reported value ${usd(r.value)} at ${r.asOf}, not a coin count`);
  for (const e of rolled.unvalued)
    ex.warn(`${e.date} ${e.description}: a bitcoin transaction with no cash figure — its effect on the reported bitcoin value is not applied`);
}
