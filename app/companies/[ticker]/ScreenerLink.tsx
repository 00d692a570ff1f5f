"use client";
// "← Screener": back to the screener view this tab last showed (lib/view/screener-return.ts). Rendered on
// the server with the page's set and view date only; in the browser it adds the rest of the stored view.
// Without the stored view (a new tab, storage off) it stays the plain link.
import Link from "next/link";
import { useSyncExternalStore } from "react";
import { LAST_SCREENER_VIEW, screenerHref } from "@/lib/view/screener-return";

const noSubscription = () => () => {};
function lastScreenerQuery(): string | null {
  try {
    return window.sessionStorage.getItem(LAST_SCREENER_VIEW);
  } catch {
    return null; // storage refused (privacy settings): the plain link
  }
}

export function ScreenerLink({ set, asOf }: { set?: string; asOf?: string }) {
  const last = useSyncExternalStore(noSubscription, lastScreenerQuery, () => null);
  return <Link href={screenerHref(last, { set, asOf })}>← Screener</Link>;
}
