"use client";
// Next puts every client component a layout imports into every page's first scripts, rendered or not; so
// the signed-in menu (its sign-out writes, the write hook) loads through React.lazy, only where someone is
// signed in. The user's name shows meanwhile.
import { lazy, Suspense } from "react";

const SignedInMenu = lazy(() => import("./SignedInMenu").then((m) => ({ default: m.SignedInMenu })));

export function LazySignedInMenu({ user }: { user: string }) {
  return (
    <Suspense fallback={<span className="small">{user}</span>}>
      <SignedInMenu user={user} />
    </Suspense>
  );
}
