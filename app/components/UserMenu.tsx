"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { signOutAction, signOutEverywhereAction } from "../signin/actions";

export function UserMenu({ user, required }: { user: string | null; required: boolean }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  if (!required) return <span className="muted small" title="No password configured: local single-user mode">local</span>;
  if (!user) return <a href="/signin">Sign in</a>;
  return (
    <span className="small">
      {user}{" "}
      <button type="button" className="link" onClick={async () => { await signOutAction(); router.refresh(); }}>Sign out</button>
      {" · "}
      {confirming ? (
        <>
          <button type="button" className="link" title="Ends every session on every device, colleagues' included"
            onClick={async () => { await signOutEverywhereAction(); setConfirming(false); router.refresh(); }}>
            End all sessions?
          </button>{" "}
          <button type="button" className="link" onClick={() => setConfirming(false)}>Keep</button>
        </>
      ) : (
        <button type="button" className="link" onClick={() => setConfirming(true)}>Sign out everywhere</button>
      )}
    </span>
  );
}
