// Number formatting shared by the scoring explanations, the UI and the terminal. Pure; "—" for null.
export const DASH = "—";

export function usdCompact(v: number | null | undefined): string {
  if (v == null) return DASH;
  const abs = Math.abs(v);
  const sign = v < 0 ? "−" : "";
  // A value that rounds up to the next unit is written in it: $999.7M is "$1.00B", not "$1000M".
  if (abs >= 9.995e8) return `${sign}$${(abs / 1e9).toFixed(abs >= 9.95e10 ? 0 : abs >= 9.995e9 ? 1 : 2)}B`;
  if (abs >= 9.995e5) return `${sign}$${(abs / 1e6).toFixed(abs >= 9.95e7 ? 0 : 1)}M`;
  if (abs >= 1e3) return `${sign}$${(abs / 1e3).toFixed(1)}K`;
  return `${sign}$${abs.toFixed(2)}`;
}

export function usdPrice(v: number | null | undefined): string {
  if (v == null) return DASH;
  return `${v < 0 ? "−" : ""}$${Math.abs(v).toFixed(2)}`;
}

export function perWatt(v: number | null | undefined): string {
  if (v == null) return DASH;
  return `${v < 0 ? "−" : ""}$${Math.abs(v).toFixed(2)}/W`;
}

export function pct(v: number | null | undefined, digits = 0): string {
  if (v == null) return DASH;
  const x = Math.abs(v) * 100;
  // Below 1e15, toFixed(0) of a non-negative number is the digits of Math.round of it (ties go up either
  // way); String() of a small integer is much cheaper, and scoring explanations format several per company.
  const s = digits === 0 && x < 1e15 ? String(Math.round(x)) : x.toFixed(digits);
  return `${v < 0 ? "−" : ""}${s}%`;
}

/**
 * `toLocaleString(locale, options)` builds a new Intl.NumberFormat on every call, which dominates the
 * screener's rendering; a formatter made once gives the same text (ECMA-402 defines the one by the other).
 */
const numberFormats = new Map<number, Intl.NumberFormat>();
function enUs(maximumFractionDigits: number): Intl.NumberFormat {
  let f = numberFormats.get(maximumFractionDigits);
  if (!f) numberFormats.set(maximumFractionDigits, (f = new Intl.NumberFormat("en-US", { maximumFractionDigits })));
  return f;
}

export function mw(v: number | null | undefined): string {
  if (v == null) return DASH;
  return `${enUs(v < 10 ? 1 : 0).format(v)} MW`;
}

export function years(v: number | null | undefined): string {
  if (v == null) return DASH;
  return `${v.toFixed(1)} y`;
}

export function plain(v: number | null | undefined, digits = 1): string {
  if (v == null) return DASH;
  return enUs(digits).format(v);
}

/**
 * A contract quality score (0–100), company or contract: whole points, everywhere it is shown (the
 * company card, the contract rows, the screener, the edit preview, the terminal). One rounding, so IREN's
 * 67.54 is 68 on its card and in its contract's row alike.
 */
export function cqsScore(v: number | null | undefined): string {
  if (v == null) return DASH;
  return v.toFixed(0);
}

const REASON_WORDS: Record<string, string> = {
  sharePrice: "the share price",
  sharesOutstanding: "the share count",
  totalDebt: "total debt",
  cash: "cash",
  itMwEffective: "effective IT MW",
  totalGrossMw: "total gross MW",
  energizedGrossMw: "energized gross MW",
  contractedItMw: "contracted IT MW",
  itMw: "IT MW",
  marketCap: "market cap",
  annualValue: "annual contract value",
  tenorYears: "the contract tenor",
  totalValueUsd: "the contract value",
  companyGpuCapexUsd: "the company's GPU capex",
  contracts: "AI/HPC contracts",
  hashrateEh: "the hashrate",
  enterpriseValuePublished: "a published EV",
};

/**
 * What a reason code says, in words and without the verdict: "missing:cash" → "cash is missing from the
 * data", "zero:itMwEffective" → "effective IT MW is zero". For text that names the verdict itself (a tier
 * rule's "… not computable: cash is missing from the data").
 */
export function reasonWords(reason: string | undefined): string {
  if (!reason) return "not available";
  const [kind, what = ""] = reason.split(":");
  const words =
    REASON_WORDS[what] ??
    what
      .replace(/Usd$/, "")
      .replace(/([A-Z])/g, " $1")
      .toLowerCase()
      .trim();
  switch (kind) {
    case "missing":
      return `${words} is missing from the data`;
    case "zero":
      return `${words} is zero`;
    case "none":
      return `no ${words}`;
    case "negative":
      return `${words} is negative`;
    default:
      return reason;
  }
}

const VERDICT: Record<string, string> = { missing: "Not computable", zero: "Not computable", none: "Not applicable", negative: "Not meaningful" };

/** "missing:sharePrice" → "Not computable: the share price is missing from the data". For "—" tooltips. */
export function explainReason(reason: string | undefined): string {
  if (!reason) return "Not available";
  const verdict = VERDICT[reason.split(":")[0]];
  return verdict ? `${verdict}: ${reasonWords(reason)}` : reason;
}

import type { ColumnKind } from "./view/columns";

/** Display text of a value of a screener column kind. */
export function formatKind(kind: ColumnKind, v: unknown): string {
  if (v == null) return DASH;
  switch (kind) {
    case "usd":
      return usdCompact(v as number);
    case "usdPrice":
      return usdPrice(v as number);
    case "perW":
      return perWatt(v as number);
    case "pct":
      return pct(v as number);
    case "mw":
      return mw(v as number);
    case "years":
      return years(v as number);
    case "score":
      return cqsScore(v as number);
    case "usdPerKwMonth":
      return `$${(v as number).toFixed(0)}`;
    case "tier":
      return `T${v}`;
    case "flags":
      return (v as string[]).join(", ");
    default:
      return String(v);
  }
}
