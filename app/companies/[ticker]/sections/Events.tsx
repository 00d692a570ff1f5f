// Dated events: the balance-sheet transactions the roll-forward reads (§10.1) with what each did at the
// view date, and the later events of the dataset.
import { plain, usdCompact } from "@/lib/format";
import type { BalanceSheetKey, CompanyScore } from "@/lib/scoring/types";
import { endOfPeriod } from "@/lib/scoring/dates";
import type { BalanceSheetEvent, Event } from "@/lib/generated/prisma/client";
import { ScrollX } from "../../../components/ScrollX";

const DELTAS = [
  ["cashDeltaUsd", "cashUsd", "cash"],
  ["debtDeltaUsd", "totalDebtUsd", "debt"],
  ["preferredDeltaUsd", "preferredEquityUsd", "preferred"],
  ["committedDeltaUsd", "committedFinancingUsd", "committed"],
  ["sharesDelta", "sharesOutstanding", "shares"],
  ["btcDelta", "btcHeld", "BTC"],
] as const satisfies readonly (readonly [keyof BalanceSheetEvent, BalanceSheetKey, string])[];

const signed = (v: number, money: boolean) => `${v >= 0 ? "+" : "−"}${money ? usdCompact(Math.abs(v)) : plain(Math.abs(v), 0)}`;

const sameEvent = (e: BalanceSheetEvent) => (l: { date: string; description: string }) => l.date === e.date && l.description === e.description;

/** What an event did to each figure it moves on the view date: applied, inside the figure, or later. */
function effect(e: BalanceSheetEvent, key: BalanceSheetKey, s: CompanyScore): string {
  const p = s.proForma[key];
  if ((endOfPeriod(e.date) ?? e.date) > s.viewDate) return "after the view date";
  if (p.lines.some(sameEvent(e))) return p.fromZero ? "rolled in (from 0: not reported)" : "rolled in";
  if (key === "btcHeld" && s.btcValueRolled) {
    if (s.btcValueRolled.lines.some(sameEvent(e))) return "moves the reported bitcoin value";
    if (s.btcValueRolled.unvalued.some(sameEvent(e))) return "no cash figure: not applied";
  }
  if (!p.reported) return "figure not reported";
  return "already in the reported figure";
}

export function BalanceSheetEvents({ events, s }: { events: BalanceSheetEvent[]; s: CompanyScore }) {
  return (
    <section aria-labelledby="bs-events-title">
      <h2 id="bs-events-title">Balance-sheet events</h2>
      {events.length === 0 ? (
        <p className="muted">None recorded: the reported figures stand as they are.</p>
      ) : (
        <ScrollX label="Balance-sheet events">
          <table className="grid small">
            <thead>
              <tr>
                <th>Date</th>
                <th>Transaction</th>
                <th>Changes, and what they do on {s.viewDate}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => {
                const moves = DELTAS.filter(([d]) => e[d] != null && e[d] !== 0);
                return (
                  <tr key={e.id}>
                    <td className="num">{e.date}</td>
                    <td>
                      <span className="tag">{e.kind.replace(/_/g, " ")}</span>
                      {e.description}{" "}
                      {((e.sourceUrls as string[]) ?? []).map((u, j) => (
                        <a key={u} href={u} target="_blank" rel="noopener noreferrer nofollow" title={e.note ?? undefined}>
                          [{j + 1}]
                        </a>
                      ))}
                    </td>
                    {/* one line per figure, the change with its effect: three columns fit a phone's width */}
                    <td>
                      {moves.map(([d, key, label]) => (
                        <div key={d}>
                          <span className="nowrap">
                            {label} {signed(e[d] as number, d !== "sharesDelta" && d !== "btcDelta")}
                          </span>
                          : {effect(e, key, s)}
                        </div>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollX>
      )}
      <p className="small muted">
        A transaction counts for a figure when it is dated after the figure’s own as-of date and on or before the view date; a month-only date counts
        at the end of the month.
      </p>
    </section>
  );
}

export function EventsTimeline({ events }: { events: Event[] }) {
  return (
    <section aria-labelledby="events-title">
      <h2 id="events-title">Later events (after the snapshot)</h2>
      {events.length === 0 ? (
        <p className="muted">None recorded.</p>
      ) : (
        <ol className="timeline">
          {events.map((e) => (
            <li key={e.id}>
              <time dateTime={e.date}>{e.date}</time>
              <span className="tag">{e.kind}</span>
              {e.contractJson != null && <span className="tag">{e.appliedAt ? "contract applied" : "carries a contract"}</span>}
              <div>
                {e.summary}{" "}
                {((e.sourceUrls as string[]) ?? []).map((u, j) => (
                  <a key={u} href={u} target="_blank" rel="noopener noreferrer nofollow" className="small">
                    [{j + 1}]
                  </a>
                ))}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
