"use client";
// A signed-in user's name with "Sign out" and "Sign out everywhere" (UserMenu.tsx renders it).
import { useState } from "react";
import { signOutAction, signOutEverywhereAction } from "../signin/actions";
import { FormStatus } from "./FormStatus";
import { useWrite } from "./use-write";

// Sign-out answers { ok: true } only; as a write it goes through the one hook like every other.
const signOut = async () => ({ ...(await signOutAction()), data: null });

export function SignedInMenu({ user }: { user: string }) {
  const [confirming, setConfirming] = useState(false);
  const out = useWrite(signOut, { busyText: "Signing out…" });
  const everywhere = useWrite(signOutEverywhereAction, { busyText: "Ending every session…" });
  return (
    <span className="small">
      {user}{" "}
      <button type="button" className="link" disabled={out.pending} onClick={() => out.submit(undefined, { okText: "Signed out" })}>
        Sign out
      </button>
      {" · "}
      {confirming ? (
        <>
          <button
            type="button"
            className="link"
            title="Ends every session on every device, colleagues' included"
            disabled={everywhere.pending}
            onClick={() => everywhere.submit(undefined, { okText: "Every session ended", onOk: () => setConfirming(false) })}
          >
            End all sessions?
          </button>{" "}
          <button type="button" className="link" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </>
      ) : (
        <button type="button" className="link" onClick={() => setConfirming(true)}>
          Sign out everywhere
        </button>
      )}
      {/* only a failure needs saying: a sign-out shows itself (the page signs you out) */}
      {out.status?.tone === "bad" && <FormStatus status={out.status} inline />}
      {everywhere.status?.tone === "bad" && <FormStatus status={everywhere.status} inline />}
    </span>
  );
}
