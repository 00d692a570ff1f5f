"use client";
// "New set": a name and what to start from (the methodology defaults or a copy of an existing set).
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { FormStatus } from "@/app/components/FormStatus";
import { useHydrated } from "@/app/components/use-hydrated";
import { useWrite } from "@/app/components/use-write";
import { assumptionSetCreateSchema } from "@/lib/domain/forms";
import { DEFAULT_ASSUMPTIONS, type Assumptions } from "@/lib/scoring/assumptions";
import { mergeFieldErrors, toFieldErrors } from "@/lib/view/assumption-diff";
import { fieldLabel } from "@/lib/view/field-labels";
import { createSetAction } from "./actions";
import { editHref } from "./links";

const DEFAULTS = "\u0000defaults";

export function NewSetForm({ sets }: { sets: { name: string; values: Assumptions }[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [from, setFrom] = useState(sets[0]?.name ?? DEFAULTS);
  const [touched, setTouched] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const create = useWrite(createSetAction, { form: formRef, refresh: false, busyText: "Creating…", labelOf: fieldLabel });
  const ready = useHydrated(); // data-ready: hydrated (used by e2e)

  const values = from === DEFAULTS ? DEFAULT_ASSUMPTIONS : (sets.find((s) => s.name === from)?.values ?? DEFAULT_ASSUMPTIONS);
  const parsed = assumptionSetCreateSchema.safeParse({ name, values });
  const client = parsed.success ? { fieldErrors: {}, formErrors: [] } : toFieldErrors(parsed.error);
  const errors = mergeFieldErrors(touched ? client.fieldErrors : {}, create.fieldErrors);
  const nameError = errors.name?.[0];
  // the values come from a set, not from fields here: their problems are named in one line
  const otherErrors = Object.entries(errors)
    .filter(([k]) => k !== "name")
    .map(([k, m]) => `${fieldLabel(k)}: ${m[0]}`);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!parsed.success) return create.refuse("Nothing was created: fix the name.");
    create.submit(parsed.data, { okText: "Created", onOk: (d) => router.push(editHref(d.name)) });
  }

  return (
    <form ref={formRef} className="new-set" onSubmit={submit} noValidate aria-labelledby="new-set-title" data-ready={ready || undefined}>
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
              create.setFieldErrors({});
              create.setStatus(null);
            }}
          />
          {nameError && (
            <span id="new-set-name-error" className="field-error">
              {nameError}
            </span>
          )}
        </label>
        <label className="field">
          <span>Start from</span>
          <select name="from" value={from} onChange={(e) => setFrom(e.target.value)}>
            {sets.map((s) => (
              <option key={s.name} value={s.name}>
                a copy of “{s.name}”
              </option>
            ))}
            <option value={DEFAULTS}>the methodology defaults</option>
          </select>
        </label>
        <button type="submit" disabled={create.pending}>
          {create.pending ? "Creating…" : "Create set"}
        </button>
      </div>
      {otherErrors.length > 0 && (
        <div className="notice error" role="alert">
          Nothing was created: {otherErrors.join("; ")}
        </div>
      )}
      {create.status?.tone === "bad" && otherErrors.length === 0 && !nameError && <FormStatus status={create.status} />}
    </form>
  );
}
