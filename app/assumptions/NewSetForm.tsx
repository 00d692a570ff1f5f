"use client";
// "New set": a name and what to start from (the methodology defaults or a copy of an existing set).
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { assumptionSetCreateSchema } from "@/lib/domain/forms";
import { DEFAULT_ASSUMPTIONS, type Assumptions } from "@/lib/scoring/assumptions";
import { mergeFieldErrors, toFieldErrors } from "@/lib/view/assumption-diff";
import { createSetAction } from "./actions";
import { editHref } from "./links";

const DEFAULTS = "\u0000defaults";

export function NewSetForm({ sets }: { sets: { name: string; values: Assumptions }[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [from, setFrom] = useState(sets[0]?.name ?? DEFAULTS);
  const [touched, setTouched] = useState(false);
  const [server, setServer] = useState<{ fieldErrors: Record<string, string[]>; formErrors: string[]; message?: string }>({ fieldErrors: {}, formErrors: [] });
  const [pending, startTransition] = useTransition();
  const [ready, setReady] = useState(false); // data-ready: hydrated (used by e2e)
  useEffect(() => setReady(true), []);

  const values = from === DEFAULTS ? DEFAULT_ASSUMPTIONS : sets.find((s) => s.name === from)?.values ?? DEFAULT_ASSUMPTIONS;
  const parsed = assumptionSetCreateSchema.safeParse({ name, values });
  const client = parsed.success ? { fieldErrors: {}, formErrors: [] } : toFieldErrors(parsed.error);
  const errors = mergeFieldErrors(touched ? client.fieldErrors : {}, server.fieldErrors);
  const nameError = errors.name?.[0];
  const otherErrors = [
    ...server.formErrors,
    ...Object.entries(errors).filter(([k]) => k !== "name").map(([k, m]) => `${k}: ${m[0]}`),
    ...(server.message ? [server.message] : []),
  ];

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!parsed.success) {
      document.getElementById("new-set-name")?.focus();
      return;
    }
    startTransition(async () => {
      const r = await createSetAction(parsed.data);
      if (r.ok) {
        router.push(editHref(r.data.name));
        return;
      }
      if (r.kind === "invalid") setServer({ fieldErrors: r.fieldErrors, formErrors: r.formErrors });
      else setServer({ fieldErrors: {}, formErrors: [], message: r.message });
    });
  }

  return (
    <form className="new-set" onSubmit={submit} noValidate aria-labelledby="new-set-title" data-ready={ready || undefined}>
      <div className="toolbar-row">
        <label className="field">
          <span>Name</span>
          <input
            id="new-set-name"
            name="name"
            value={name}
            maxLength={60}
            autoComplete="off"
            placeholder="e.g. Bear"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "new-set-name-error" : undefined}
            onChange={(e) => {
              setName(e.target.value);
              setTouched(true);
              setServer({ fieldErrors: {}, formErrors: [] });
            }}
          />
          {nameError && <span id="new-set-name-error" className="field-error">{nameError}</span>}
        </label>
        <label className="field">
          <span>Start from</span>
          <select name="from" value={from} onChange={(e) => setFrom(e.target.value)}>
            {sets.map((s) => <option key={s.name} value={s.name}>a copy of “{s.name}”</option>)}
            <option value={DEFAULTS}>the methodology defaults</option>
          </select>
        </label>
        <button type="submit" disabled={pending}>{pending ? "Creating…" : "Create set"}</button>
      </div>
      {otherErrors.length > 0 && (
        <div className="notice error" role="alert">Nothing was created: {otherErrors.join("; ")}</div>
      )}
    </form>
  );
}
