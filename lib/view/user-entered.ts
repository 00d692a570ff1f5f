// The user-entered marker as text: one line per item for the screener's tooltip, the company page and the
// exports, so all of them say the same thing (lib/domain/user-entered.ts decides what is marked).
import { factMeta } from "../domain/facts";
import type { EnteredBy, UserEntered } from "../domain/user-entered";
import { plain, usdPrice } from "../format";
import { ASSUMPTION_META } from "../scoring/assumptions";
import { formatAssumption } from "./assumption-diff";

/**
 * "ana on 2026-07-01 08:30 UTC". No name with a time: no sign-in was configured, so the one local user.
 * Neither: written before who and when were recorded (an older export, an override without its audit entry).
 */
export function enteredByText({ by, at }: EnteredBy): string {
  if (by == null && at == null) return "a user (not recorded who or when)";
  const who = by ?? "the local user";
  return at ? `${who} on ${at.slice(0, 10)} ${at.slice(11, 16)} UTC` : who;
}

/** The value as entered, in full: a marker that says "$453M" for 453,400,000 would hide what was typed. */
function figureValue(key: string, value: number): string {
  const unit = factMeta(key)?.unit;
  if (key === "sharePriceUsd") return usdPrice(value);
  if (unit === "USD") return `${value < 0 ? "−" : ""}$${plain(Math.abs(value), 2)}`;
  if (unit === "shares") return plain(value, 0);
  return `${plain(value, 2)} ${unit ?? ""}`.trim();
}

/** "Share price $5.00 (as of 2025-11-21), entered by analyst on 2026-07-01 08:30 UTC". */
export function describeUserEntered(x: UserEntered): string {
  const what =
    x.kind === "figure"
      ? `${x.label} ${figureValue(x.key, x.value)} (as of ${x.asOf})`
      : `Override: ${x.label} = ${formatAssumption(x.value)}${ASSUMPTION_META[x.key].kind === "number" ? ` ${ASSUMPTION_META[x.key].unit}` : ""}`;
  return `${what}, entered by ${enteredByText(x)}`;
}

/** The short names: "Share price, override Build cost — base". */
export const userEnteredNames = (items: readonly UserEntered[]) =>
  items.map((x) => (x.kind === "figure" ? x.label : `override ${x.label}`)).join(", ");

/** The marker's lines for one figure or override: its description when it is user-entered, else none. */
export const userEnteredLines = (items: readonly UserEntered[], key: string) => items.filter((x) => x.key === key).map(describeUserEntered);
