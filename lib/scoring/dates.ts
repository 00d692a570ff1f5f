// Dates of figures and events. Sources often give only a month ("2025-11"); such a date counts at the
// end of its period (methodology §10.1), so a November figure is never taken to predate a November event.

const DAY_MS = 86_400_000;

const lastDay = (y: string, mo: string) => new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` → the last day of that period as `YYYY-MM-DD`; null if malformed. */
function parseEndOfPeriod(date: string): string | null {
  const m = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (d) return Number(d) >= 1 && Number(d) <= lastDay(y, mo) ? date : null; // no 2025-02-30
  if (!mo) return `${y}-12-31`;
  return `${y}-${mo}-${String(lastDay(y, mo)).padStart(2, "0")}`;
}

/** The first day of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` period; null if malformed. */
export function startOfPeriod(date: string): string | null {
  const end = endOfPeriod(date);
  if (end == null) return null;
  return date.length === 10 ? date : date.length === 7 ? `${date}-01` : `${date}-01-01`;
}

/** Dates are a small vocabulary, so each is parsed once. */
const ends = new Map<string, string | null>();
export function endOfPeriod(date: string): string | null {
  let e = ends.get(date);
  if (e === undefined) {
    e = parseEndOfPeriod(date);
    if (ends.size > 10_000) ends.clear();
    ends.set(date, e);
  }
  return e;
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
  const days = dayNumber(b) - dayNumber(a);
  return Number.isFinite(days) ? days : null;
}

/** a < b, comparing the ends of both periods (ISO strings of equal length compare as dates). */
export function isBefore(a: string, b: string): boolean {
  return (endOfPeriod(a) ?? a) < (endOfPeriod(b) ?? b);
}
