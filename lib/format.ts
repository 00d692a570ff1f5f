// Number formatting shared by the scoring explanations, the UI and the terminal. Pure; "—" for null.
export const DASH = "—";

export function usdCompact(v: number | null | undefined): string {
  if (v == null) return DASH;
  const abs = Math.abs(v);
  const sign = v < 0 ? "−" : "";
  if (abs >= 1e9) return `${sign}$${(abs / 1e9).toFixed(abs >= 1e11 ? 0 : abs >= 1e10 ? 1 : 2)}B`;
  if (abs >= 1e6) return `${sign}$${(abs / 1e6).toFixed(abs >= 1e8 ? 0 : 1)}M`;
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
  const s = (Math.abs(v) * 100).toFixed(digits);
  return `${v < 0 ? "−" : ""}${s}%`;
}

export function mw(v: number | null | undefined): string {
  if (v == null) return DASH;
  return `${v.toLocaleString("en-US", { maximumFractionDigits: v < 10 ? 1 : 0 })} MW`;
}

export function years(v: number | null | undefined): string {
  if (v == null) return DASH;
  return `${v.toFixed(1)} y`;
}

export function plain(v: number | null | undefined, digits = 1): string {
  if (v == null) return DASH;
  return v.toLocaleString("en-US", { maximumFractionDigits: digits });
}

/** "missing:sharePrice" → "share price not in the data". Used for "—" tooltips. */
export function explainReason(reason: string | undefined): string {
  if (!reason) return "Not available";
  const [kind, what = ""] = reason.split(":");
  const words = what.replace(/Usd$|Mw$/, "").replace(/([A-Z])/g, " $1").toLowerCase().trim();
  switch (kind) {
    case "missing": return `Not computable: ${words} is missing from the data`;
    case "zero": return `Not computable: ${words} is zero`;
    case "none": return `Not applicable: no ${words}`;
    case "negative": return `Not meaningful: ${words} is negative`;
    default: return reason;
  }
}
