"use client";
// Below the set editor: save the values in the form as a new set, or delete the set (after confirming).
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { FormStatus } from "@/app/components/FormStatus";
import { useWrite } from "@/app/components/use-write";
import { assumptionSetCreateSchema } from "@/lib/domain/forms";
import type { Assumptions } from "@/lib/scoring/assumptions";
import { toFieldErrors } from "@/lib/view/assumption-diff";
import { createSetAction, deleteSetAction } from "./actions";
import { editHref } from "./links";
import { labelOf } from "./set-form";

export interface EditableSet {
  id: number;
  name: string;
  isDefault: boolean;
  version: number;
  values: Assumptions;
}

export function DuplicateOrDelete({
  set,
  name,
  version,
  values,
}: {
  set: EditableSet;
  name: string;
  version: number;
  /** the form's values when they are valid (a copy takes them, saved or not) */
  values: Assumptions | null;
}) {
  return (
    <section className="more-actions" aria-labelledby="more-title">
      <h2 id="more-title">Duplicate or delete</h2>
      <DuplicateSet set={set} values={values} />
      {set.isDefault ? (
        <p className="small muted">The default set cannot be deleted: the screener uses it when the address names no set.</p>
      ) : (
        <DeleteSet id={set.id} name={name} version={version} />
      )}
    </section>
  );
}

function DuplicateSet({ set, values }: { set: EditableSet; values: Assumptions | null }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [dupName, setDupName] = useState(() => `${set.name} copy`.slice(0, 60));
  const create = useWrite(createSetAction, { form: formRef, refresh: false, labelOf });
  const dupParsed = assumptionSetCreateSchema.safeParse({ name: dupName, values: values ?? {} });
  const dupNameError = create.fieldErrors.name?.[0] ?? (dupParsed.success ? undefined : toFieldErrors(dupParsed.error).fieldErrors.name?.[0]);
  // the values are the editor's (checked above), so only their refusal by the server is said here
  const otherErrors = Object.entries(create.fieldErrors)
    .filter(([k]) => k !== "name")
    .map(([k, m]) => `${labelOf(k)}: ${m[0]}`);

  function duplicate(e: React.FormEvent) {
    e.preventDefault();
    if (!values) return create.setStatus({ tone: "bad", text: "Correct the values marked above first: a copy takes the values in the form." });
    if (!dupParsed.success) return create.refuse("Nothing was created: fix the name of the copy.");
    create.submit(dupParsed.data, { okText: "Created", onOk: (d) => router.push(editHref(d.name)) });
  }

  return (
    <>
      <form ref={formRef} className="toolbar-row" onSubmit={duplicate} noValidate aria-label="Duplicate this set">
        <label className="field">
          <span>Name of the copy</span>
          <input
            id="dup-name"
            name="dupName"
            value={dupName}
            maxLength={60}
            autoComplete="off"
            aria-invalid={dupNameError ? true : undefined}
            aria-describedby={dupNameError ? "dup-name-error" : undefined}
            onChange={(e) => {
              setDupName(e.target.value);
              create.setFieldErrors({});
              create.setStatus(null);
            }}
          />
          {dupNameError && (
            <span id="dup-name-error" className="field-error">
              {dupNameError}
            </span>
          )}
        </label>
        <button type="submit" className="secondary" disabled={create.pending}>
          Duplicate
        </button>
        <span className="small muted">The copy takes the values in the form, saved or not.</span>
      </form>
      {otherErrors.length > 0 && (
        <p className="field-error" role="alert">
          Nothing was created: {otherErrors.join("; ")}
        </p>
      )}
      {create.status?.tone === "bad" && !dupNameError && otherErrors.length === 0 && <FormStatus status={create.status} />}
    </>
  );
}

function DeleteSet({ id, name, version }: { id: number; name: string; version: number }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const remove = useWrite(deleteSetAction, { refresh: false, showsFields: false, showsConflict: false, busyText: "Deleting…" });
  const doDelete = () =>
    remove.submit(
      { id, version },
      {
        onOk: () => router.push(`/assumptions?${new URLSearchParams({ deleted: name })}`),
        onFail: () => setConfirming(false),
      },
    );
  return (
    <>
      {confirming ? (
        <div className="notice error confirm" role="alertdialog" aria-labelledby="confirm-title">
          <p id="confirm-title">
            Delete “{name}”? Links to the screener with this set will fall back to the default set. This cannot be undone here.
          </p>
          <button type="button" onClick={doDelete} disabled={remove.pending} autoFocus>
            Delete “{name}”
          </button>{" "}
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <p>
          <button
            type="button"
            className="secondary danger"
            onClick={() => {
              remove.setStatus(null);
              setConfirming(true);
            }}
          >
            Delete set…
          </button>
        </p>
      )}
      {remove.status?.tone === "bad" && <FormStatus status={remove.status} />}
    </>
  );
}
