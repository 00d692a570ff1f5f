"use client";
// The screener view lives in the URL. Reading: parse the current search params with the shared
// whitelist. Writing: update the view at once (so controls respond immediately) and record it with
// pushState (or replaceState while typing), which Next's router syncs into useSearchParams; reload and
// back/forward therefore restore the view without a server round trip.
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { DEFAULT_VIEW, parseView, serializeView, type View } from "@/lib/view/params";

export function useView() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const parsed = useMemo(() => parseView(new URLSearchParams(searchParams.toString())), [searchParams]);
  const fromUrl = useMemo(
    () => (parsed.ok ? parsed.view : { ...DEFAULT_VIEW, set: searchParams.get("set") ?? undefined }),
    [parsed, searchParams],
  );
  const [view, setLocal] = useState<View>(fromUrl);
  useEffect(() => setLocal(fromUrl), [fromUrl]); // back/forward and navigations

  const hrefOf = useCallback((next: View) => {
    const qs = serializeView(next).toString();
    return qs ? `${pathname}?${qs}` : pathname;
  }, [pathname]);

  const setView = useCallback(
    (patch: Partial<View>, mode: "push" | "replace" = "push") => {
      setLocal((current) => {
        const next = { ...current, ...patch };
        const href = hrefOf(next);
        if (mode === "push") window.history.pushState(null, "", href);
        else window.history.replaceState(null, "", href);
        return next;
      });
    },
    [hrefOf],
  );

  return { view, setView, hrefOf, errors: parsed.ok ? null : parsed.fieldErrors };
}
