"use client";
import { useRouter } from "next/navigation";
import { signOutAction } from "../signin/actions";

export function UserMenu({ user, required }: { user: string | null; required: boolean }) {
  const router = useRouter();
  if (!required) return <span className="muted small" title="No password configured: local single-user mode">local</span>;
  if (!user) return <a href="/signin">Sign in</a>;
  return (
    <span className="small">
      {user}{" "}
      <button type="button" className="link" onClick={async () => { await signOutAction(); router.refresh(); }}>Sign out</button>
    </span>
  );
}
