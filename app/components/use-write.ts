"use client";
// The one way a client component calls a server action: pending state, the status line, field errors,
// a conflict to resolve and a network failure are handled here, for every form and button. An action
// that throws (no answer: the network or the server went away) becomes a status line, never the error
// screen, and whatever the user typed stays in the form. After a save the server data is refreshed,
// so versions and every computed number are current.
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition, type RefObject } from "react";
import type { WriteResult } from "@/lib/server/mutations/result";
import { focusFirstInvalid } from "./focus-first-invalid";
import { FIX_FIELDS, outcomeOf, type OutcomeOptions, type Status, type WriteConflict } from "./write-outcome";

export interface WriteOptions extends Omit<OutcomeOptions, "okText"> {
  /** refresh the server components after a success (default true; false for a dry run) */
  refresh?: boolean;
  /** the form: on refused input its first invalid field gets the focus */
  form?: RefObject<HTMLElement | null>;
  busyText?: string;
}

export interface SubmitOptions<T> {
  okText?: string;
  onOk?: (data: T) => void;
  /** any answer but success, after the state is set */
  onFail?: () => void;
}

export function useWrite<I, T>(action: (input: I) => Promise<WriteResult<T>>, options: WriteOptions = {}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [status, setStatus] = useState<Status>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [conflict, setConflict] = useState<WriteConflict | null>(null);
  // Focus moves after the messages are rendered (aria-invalid set), hence a counter and an effect.
  const [focusRequest, setFocusRequest] = useState(0);
  const { form } = options;
  useEffect(() => {
    if (focusRequest && form?.current) focusFirstInvalid(form.current);
  }, [focusRequest, form]);

  const submit = (input: I, how: SubmitOptions<T> = {}) =>
    start(async () => {
      setStatus({ tone: "busy", text: options.busyText ?? "Saving…" });
      let r: WriteResult<T> | null;
      try {
        r = await action(input);
      } catch {
        r = null;
      }
      const o = outcomeOf(r, { ...options, okText: how.okText });
      setStatus(o.status);
      setFieldErrors(o.fieldErrors);
      setConflict(o.conflict);
      if (r?.ok) {
        how.onOk?.(r.data);
        if (options.refresh ?? true) router.refresh();
        return;
      }
      if (r?.ok === false && r.kind === "invalid") setFocusRequest((n) => n + 1);
      how.onFail?.();
    });

  /** Input the browser's own check refused: nothing is sent; say so and focus the first invalid field. */
  const refuse = (text = FIX_FIELDS) => {
    setStatus({ tone: "bad", text });
    setFocusRequest((n) => n + 1);
  };

  return { submit, refuse, pending, status, setStatus, fieldErrors, setFieldErrors, conflict, setConflict };
}
