// Methodology §10.1 and §10.10: a balance sheet rolled forward to the view date, and how old its figures are.
import type { Assumptions } from "./assumptions";
import { daysBetween, isBefore, startOfPeriod } from "./dates";
import type {
  BalanceSheetEvent,
  BalanceSheetKey,
  CompanyScore,
  FigureAge,
  ProFormaFigure,
  RolledBtcValue,
  ScoringCompany,
  StaleFigure,
} from "./types";

/** Which delta of an event moves which figure. */
const DELTA_OF: Record<BalanceSheetKey, keyof BalanceSheetEvent> = {
  cashUsd: "cashDeltaUsd",
  totalDebtUsd: "debtDeltaUsd",
  preferredEquityUsd: "preferredDeltaUsd",
  committedFinancingUsd: "committedDeltaUsd",
  sharesOutstanding: "sharesDelta",
  btcHeld: "btcDelta",
};
export const BALANCE_SHEET_KEYS = Object.keys(DELTA_OF) as BalanceSheetKey[];

/**
 * Figures that count as 0 when not reported (§14: none found). Their events roll from that 0, so both
 * sides of a transaction land: a preferred issue adds its cash and its preferred, a purchase its coins.
 */
export const ZERO_IF_NOT_REPORTED: ReadonlySet<BalanceSheetKey> = new Set(["preferredEquityUsd", "committedFinancingUsd", "btcHeld"]);

const lineOf = (e: BalanceSheetEvent, delta: number) => ({ date: e.date, kind: e.kind, description: e.description, delta, sourceUrl: e.sourceUrl });

/** Events dated after `asOf` (every event when it is null) and on or before the view date. */
const eventsBetween = (company: ScoringCompany, asOf: string | null, viewDate: string) =>
  company.balanceSheetEvents.filter((e) => (asOf == null || isBefore(asOf, e.date)) && !isBefore(viewDate, e.date));

/**
 * Each figure plus the delta of every event dated after the figure's own as-of and on or before the view
 * date. An event on or before the as-of is already inside the figure; a figure dated after the view date
 * (the snapshot rule allows that) is used as it stands, since events are never rolled backwards.
 * A zero-if-not-reported figure with events rolls from 0 (`fromZero`); other missing figures stay null.
 */
export function rollForward(company: ScoringCompany, key: BalanceSheetKey, viewDate: string): ProFormaFigure {
  const reported = company[key];
  // A reported bitcoin value stands in for the coin count; its events move that value (rolledBtcValue).
  const fromZero = reported == null && ZERO_IF_NOT_REPORTED.has(key) && !(key === "btcHeld" && company.btcValueUsdReported);
  if (reported == null && !fromZero) return { key, reported, lines: [], value: null, fromZero: false };
  const lines: ProFormaFigure["lines"] = [];
  let value = reported?.value ?? 0;
  for (const e of eventsBetween(company, reported?.asOf ?? null, viewDate)) {
    const delta = e[DELTA_OF[key]] as number | null;
    if (delta == null || delta === 0) continue;
    value += delta;
    lines.push(lineOf(e, delta));
  }
  if (fromZero && lines.length === 0) return { key, reported, lines, value: null, fromZero: false };
  return { key, reported, lines, value, fromZero };
}

export function proFormaBalanceSheet(company: ScoringCompany, viewDate: string): Record<BalanceSheetKey, ProFormaFigure> {
  return Object.fromEntries(BALANCE_SHEET_KEYS.map((k) => [k, rollForward(company, k, viewDate)])) as Record<BalanceSheetKey, ProFormaFigure>;
}

const movesBitcoin = (e: BalanceSheetEvent) => (e.btcDelta != null && e.btcDelta !== 0) || e.kind === "btc_sale" || e.kind === "btc_purchase";

/**
 * §10.9 with §10.1: a reported bitcoin value (no coin count) moved by the bitcoin sold or bought after
 * its date, at the transaction's price (the cash it brought in or spent). A bitcoin event without a cash
 * figure cannot be valued and is reported in `unvalued`.
 */
export function rolledBtcValue(company: ScoringCompany, viewDate: string): RolledBtcValue | null {
  const reported = company.btcValueUsdReported;
  if (company.btcHeld != null || reported == null) return null;
  const lines: ProFormaFigure["lines"] = [];
  const unvalued: BalanceSheetEvent[] = [];
  let value = reported.value;
  for (const e of eventsBetween(company, reported.asOf, viewDate)) {
    if (!movesBitcoin(e)) continue;
    if (e.cashDeltaUsd == null || e.cashDeltaUsd === 0) {
      unvalued.push(e);
      continue;
    }
    value -= e.cashDeltaUsd;
    lines.push(lineOf(e, -e.cashDeltaUsd));
  }
  return { reported, lines, value, unvalued };
}

/** Event deltas that could not be applied because the figure they move is missing (shown as warnings). */
export function unappliedDeltas(company: ScoringCompany, viewDate: string): { key: BalanceSheetKey; event: BalanceSheetEvent }[] {
  const out: { key: BalanceSheetKey; event: BalanceSheetEvent }[] = [];
  for (const key of BALANCE_SHEET_KEYS) {
    if (company[key] != null || ZERO_IF_NOT_REPORTED.has(key)) continue;
    for (const e of company.balanceSheetEvents)
      if (e[DELTA_OF[key]] != null && e[DELTA_OF[key]] !== 0 && !isBefore(viewDate, e.date)) out.push({ key, event: e });
  }
  return out;
}

/**
 * §10.1 `mixed-dates`: cash and debt reported more than maxBalanceSheetGapDays apart, and no event that
 * moves cash or debt dated between them (after the older, on or before the newer) to explain the gap.
 */
export function mixedDates(company: ScoringCompany, a: Assumptions): CompanyScore["mixedDates"] {
  const cash = company.cashUsd;
  const debt = company.totalDebtUsd;
  if (!cash || !debt) return null;
  const gap = daysBetween(cash.asOf, debt.asOf);
  if (gap == null || Math.abs(gap) <= a.maxBalanceSheetGapDays) return null;
  const [older, newer] = gap > 0 ? [cash.asOf, debt.asOf] : [debt.asOf, cash.asOf];
  const explained = company.balanceSheetEvents.some(
    (e) => (e.cashDeltaUsd != null || e.debtDeltaUsd != null) && isBefore(older, e.date) && !isBefore(newer, e.date),
  );
  return explained ? null : { older: gap > 0 ? "cashUsd" : "totalDebtUsd", gapDays: Math.abs(gap) };
}

/** How each figure that can go stale is named in explanations (one vocabulary for every view). */
export const STALE_LABEL: Record<StaleFigure["key"], string> = {
  sharePriceUsd: "price",
  sharesOutstanding: "share count",
  totalDebtUsd: "total debt",
  cashUsd: "cash",
  enterpriseValuePublishedUsd: "published EV (priced on its date)",
};

/** The figures that can go stale (§10.10), in the order they are named. */
const AGED_KEYS = ["sharePriceUsd", "sharesOutstanding", "totalDebtUsd", "cashUsd", "enterpriseValuePublishedUsd"] as const;

/**
 * §10.10: how old each figure is on the view date. Age runs from the figure's own as-of: events improve a
 * figure but do not make it current (a transaction nobody recorded may be missing). A month-only date is
 * aged from the month's first day, the earliest it can be (`approximate`): a staleness warning errs
 * towards showing. Figures missing or with a malformed date have no age.
 */
export function figureAges(company: ScoringCompany, viewDate: string): FigureAge[] {
  const out: FigureAge[] = [];
  for (const key of AGED_KEYS) {
    const f = company[key];
    if (!f) continue;
    const start = startOfPeriod(f.asOf);
    const ageDays = start == null ? null : daysBetween(start, viewDate);
    if (ageDays != null) out.push({ key, asOf: f.asOf, ageDays, approximate: start !== f.asOf });
  }
  return out;
}

/**
 * §10.10: the figures older than their limit: a price, a share count, debt or cash. A published EV the
 * ranking uses (§10.8) is priced on its date, so it is held to the price limit.
 */
export function staleFigures(ages: readonly FigureAge[], a: Assumptions, usesPublishedEv = false): StaleFigure[] {
  const out: StaleFigure[] = [];
  for (const f of ages) {
    const maxDays = maxAgeDays(f.key, a, usesPublishedEv);
    if (maxDays != null && f.ageDays > maxDays) out.push({ key: f.key, asOf: f.asOf, ageDays: f.ageDays, maxDays, approximate: f.approximate });
  }
  return out;
}

function maxAgeDays(key: FigureAge["key"], a: Assumptions, usesPublishedEv: boolean): number | null {
  switch (key) {
    case "sharePriceUsd":
      return a.maxPriceAgeDays;
    case "sharesOutstanding":
      return a.maxSharesAgeDays;
    case "totalDebtUsd":
    case "cashUsd":
      return a.maxBalanceSheetAgeDays;
    case "enterpriseValuePublishedUsd":
      return usesPublishedEv ? a.maxPriceAgeDays : null;
  }
}
