// A problem of the address in the page's words (the API gives the messages as field errors instead).
// Apart from params.ts so that only a page with a bad address loads it (app/screener/AddressProblems.tsx).
import type { ViewProblem } from "./params";

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s);

/** One problem as the page says it: `sort “x:asc”: use column.asc or column.desc, e.g. discountBase.desc — ignored`. */
export function problemText(p: ViewProblem): string {
  const values = p.values.map((v) => `“${clip(v)}”`).join(", ");
  const message = p.message.charAt(0).toLowerCase() + p.message.slice(1);
  return `${clip(p.param)} ${values}: ${message} — ${p.ignored ? `${p.ignored.map(clip).join(", ")} ignored` : "ignored"}`;
}
