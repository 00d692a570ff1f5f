"use client";
// A <details> panel that closes as a menu does: on Escape (focus goes back to its summary, so the
// keyboard is not left on a hidden control) and on a click outside it. The column picker and the saved
// views use it.
import { useEffect, type RefObject } from "react";

export function useDismiss(box: RefObject<HTMLDetailsElement | null>) {
  useEffect(() => {
    const close = (e: MouseEvent | KeyboardEvent) => {
      const d = box.current;
      if (!d?.open) return;
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !d.contains(e.target as Node)) {
        d.open = false;
        if (e instanceof KeyboardEvent) d.querySelector("summary")?.focus();
      }
    };
    document.addEventListener("keydown", close);
    document.addEventListener("mousedown", close);
    return () => {
      document.removeEventListener("keydown", close);
      document.removeEventListener("mousedown", close);
    };
  }, [box]);
}
