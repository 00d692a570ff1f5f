// What a client write shows for each answer of the server (or for no answer): the status line, the
// field messages, the conflict to resolve. Pure, so every answer is tested once (test/write-outcome.test.ts)
// and every form says the same thing for the same answer.
import type { WriteResult } from "@/lib/server/mutations/result";

export type Status = { tone: "good" | "bad" | "busy"; text: string } | null;
export interface WriteConflict {
  message: string;
  current: unknown;
  submitted: unknown;
}

export interface OutcomeOptions {
  /** shown when the write succeeds */
  okText?: string;
  /** the form shows field messages beside its fields; otherwise they join the status line */
  showsFields?: boolean;
  /** the form shows a conflict panel; otherwise the conflict is a status line */
  showsConflict?: boolean;
  /** label of a field path in the status line ("note.body" → "Note") */
  labelOf?: (path: string) => string;
}

export interface Outcome {
  status: Status;
  fieldErrors: Record<string, string[]>;
  conflict: WriteConflict | null;
}

export const UNREACHABLE = "Could not reach the server. Nothing was saved; your entries are kept.";
export const FIX_FIELDS = "Please fix the highlighted fields. Nothing was saved.";

/** `null` stands for no answer at all (the network failed or the server went away). */
export function outcomeOf(r: WriteResult<unknown> | null, o: OutcomeOptions = {}): Outcome {
  const none = { fieldErrors: {}, conflict: null };
  if (r === null) return { ...none, status: { tone: "bad", text: UNREACHABLE } };
  if (r.ok) return { ...none, status: { tone: "good", text: o.okText ?? r.message ?? "Saved" } };
  switch (r.kind) {
    case "invalid": {
      const showsFields = o.showsFields ?? true;
      const fieldLines = Object.entries(r.fieldErrors).map(([k, m]) => `${o.labelOf?.(k) ?? k}: ${m.join("; ")}`);
      const lines = showsFields ? r.formErrors : [...r.formErrors, ...fieldLines];
      return {
        conflict: null,
        fieldErrors: showsFields ? r.fieldErrors : {},
        status: { tone: "bad", text: lines.length ? lines.join("; ") : FIX_FIELDS },
      };
    }
    case "conflict":
      return (o.showsConflict ?? true)
        ? { ...none, conflict: { message: r.message, current: r.current, submitted: r.submitted }, status: null }
        : { ...none, status: { tone: "bad", text: `${r.message} Reload the page to see the current version.` } };
    default:
      return { ...none, status: { tone: "bad", text: r.message } };
  }
}
