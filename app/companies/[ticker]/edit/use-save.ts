"use client";
// Submitting a form to its server action: pending state, field errors, conflicts, and a refresh of the
// server data after a successful save (so versions and every computed number are current).
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { WriteResult } from "@/lib/server/mutations/result";
import type { Errors, Status } from "./form-kit";

export interface Conflict { message: string; current: unknown; submitted: unknown }

export function useSave<T>(action: (input: unknown) => Promise<WriteResult<T>>, onSaved?: (data: T) => void) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [status, setStatus] = useState<Status>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const submit = (input: unknown, okText = "Saved") =>
    start(async () => {
      setStatus({ tone: "busy", text: "Saving…" });
      let r: WriteResult<T>;
      try {
        r = await action(input);
      } catch {
        setStatus({ tone: "bad", text: "Could not reach the server. Nothing was saved; your entries are kept." });
        return;
      }
      if (r.ok) {
        setServerErrors({});
        setConflict(null);
        setStatus({ tone: "good", text: okText });
        onSaved?.(r.data);
        router.refresh();
      } else if (r.kind === "invalid") {
        setServerErrors(r.fieldErrors);
        setStatus({ tone: "bad", text: r.formErrors.length ? r.formErrors.join("; ") : "Please fix the highlighted fields. Nothing was saved." });
      } else if (r.kind === "conflict") {
        setConflict({ message: r.message, current: r.current, submitted: r.submitted });
        setStatus(null);
      } else {
        setStatus({ tone: "bad", text: r.message });
      }
    });

  return { submit, pending, serverErrors, setServerErrors, status, setStatus, conflict, setConflict };
}
