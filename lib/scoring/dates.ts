// Dates of figures and events. Sources often give only a month ("2025-11"); such a date counts at the
// end of its period (methodology §10.1), so a November figure is never taken to predate a November event.

const DAY_MS = 86_400_000;

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` → the last day of that period as `YYYY-MM-DD`; null if malformed. */
export function endOfPeriod(date: string): string | null {
  if (date.length === 10 && date[4] === "-" && date[7] === "-") return date; // the common case: already a day
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (d) return date;
  if (!mo) return `${y}-12-31`;
  const last = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
  return `${y}-${mo}-${String(last).padStart(2, "0")}`;
}

/** Day number of a `YYYY-MM-DD` (dates are a small vocabulary, so each is parsed once). */
const dayNumbers = new Map<string, number>();
function dayNumber(day: string): number {
  let n = dayNumbers.get(day);
  if (n === undefined) {
    n = Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
    if (dayNumbers.size > 10_000) dayNumbers.clear();
    dayNumbers.set(day, n);
  }
  return n;
}

/** Days from `from` to `to` (both counted at the end of their periods); null if either is malformed. */
export function daysBetween(from: string, to: string): number | null {
  const a = endOfPeriod(from);
  const b = endOfPeriod(to);
  if (a == null || b == null) return null;
  return dayNumber(b) - dayNumber(a);
}

/** a < b, comparing the ends of both periods (ISO strings of equal length compare as dates). */
export function isBefore(a: string, b: string): boolean {
  return (endOfPeriod(a) ?? a) < (endOfPeriod(b) ?? b);
}
