// Who is editing, in the header of every page. A server component: only a signed-in user's menu
// (SignedInMenu.tsx, with the sign-out writes) is client code, loaded lazily (LazySignedInMenu.tsx), so
// pages without a session do not load it.
import { LazySignedInMenu } from "./LazySignedInMenu";

export function UserMenu({ user, required }: { user: string | null; required: boolean }) {
  if (!required)
    return (
      <span className="muted small" title="No password configured: local single-user mode">
        local
      </span>
    );
  if (!user) return <a href="/signin">Sign in</a>;
  return <LazySignedInMenu user={user} />;
}
