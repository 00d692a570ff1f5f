"use client";
// True once React has hydrated this page in the browser (false on the server and in the first render).
// Forms mark themselves data-ready with it, so an e2e test types only once typing reaches React.
import { useSyncExternalStore } from "react";

const never = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
