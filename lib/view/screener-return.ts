// Where a company page's "← Screener" goes: back to the screener view the user left, with every parameter
// (filters, search, sort, columns), not only the set and the view date. The screener keeps its current
// view's parameters in the tab's sessionStorage; the link reads them in the browser. Kept out of the
// company links themselves: a `from=` on every row's link would change all of them on each keystroke
// and make Next prefetch each company page again.
import { DEFAULT_VIEW, parseView, serializeView, type View } from "./params";

/** The sessionStorage key the screener writes its view's query to (one per tab, gone with the tab). */
export const LAST_SCREENER_VIEW = "watt:screener-view";

/**
 * The screener's address from a page looked at with `set` and `asOf`: the last screener view (its stored
 * query, or none) in the page's set and on the page's view date, which is what the page's other links
 * keep. A stored query that is no longer valid keeps what still parses.
 */
export function screenerHref(lastQuery: string | null, page: Pick<View, "set" | "asOf">): string {
  const last = lastQuery == null ? DEFAULT_VIEW : parseView(new URLSearchParams(lastQuery)).view;
  const qs = serializeView({ ...last, set: page.set, asOf: page.asOf }).toString();
  return qs ? `/?${qs}` : "/";
}
