"use client";
// The screener view lives in the URL. Reading: parse the current search params with the shared
// whitelist; a parameter it cannot use is left out and reported (`problems`), the rest is the view. Writing: update the view at once (so controls respond immediately) and record it with
// pushState (or replaceState while typing), which Next's router syncs into useSearchParams; reload and
// back/forward therefore restore the view without a server round trip.
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { parseView, serializeView, type View } from "@/lib/view/params";
import { LAST_SCREENER_VIEW } from "@/lib/view/screener-return";

export function useView() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const parsed = useMemo(() => parseView(new URLSearchParams(searchParams.toString())), [searchParams]);
  const fromUrl = parsed.view;
  const [view, setLocal] = useState<View>(fromUrl);
  // Back/forward and navigations. Our own pushState/replaceState also comes back here as new search
  // params; when they say what the view already says, keep the current object so nothing re-renders.
  // Adjusted while rendering (React's pattern for state that follows a prop), not in an effect.
  const [seen, setSeen] = useState(fromUrl);
  if (fromUrl !== seen) {
    setSeen(fromUrl);
    if (!sameView(view, fromUrl)) setLocal(fromUrl);
  }

  // The view as it stands, for a company page's "← Screener" (lib/view/screener-return.ts).
  useEffect(() => {
    try {
      window.sessionStorage.setItem(LAST_SCREENER_VIEW, serializeView(view).toString());
    } catch {
      /* storage refused: the back link keeps only the set and the view date */
    }
  }, [view]);

  const hrefOf = useCallback(
    (next: View) => {
      const qs = serializeView(next).toString();
      return qs ? `${pathname}?${qs}` : pathname;
    },
    [pathname],
  );

  // The latest view, for setView: the URL is written here, outside the state updater, because React may
  // run an updater more than once (a deferred render replays it) and each run would push a history entry.
  const latest = useRef(view);
  useLayoutEffect(() => {
    latest.current = view;
  }, [view]);

  const setView = useCallback(
    (patch: Partial<View>, mode: "push" | "replace" = "push") => {
      const next = { ...latest.current, ...patch };
      latest.current = next; // two calls before a render compose
      const href = hrefOf(next);
      if (mode === "push") window.history.pushState(null, "", href);
      else window.history.replaceState(null, "", href);
      setLocal(next);
    },
    [hrefOf],
  );

  return { view, setView, hrefOf, problems: parsed.problems };
}

const sameView = (a: View, b: View) => a === b || (a.set === b.set && serializeView(a).toString() === serializeView(b).toString());
