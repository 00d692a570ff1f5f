"use client";
// Stored sets that fail validation (after an old import, a hand edit, or a model change): each with what
// is wrong, a link to fix it in the editor, and — unless it is the default — a way to delete it.
import Link from "next/link";
import { FormStatus } from "@/app/components/FormStatus";
import { useWrite } from "@/app/components/use-write";
import { deleteSetAction } from "./actions";
import { editHref } from "./links";

export interface InvalidSetRow {
  id: number;
  name: string;
  isDefault: boolean;
  version: number;
  problems: string[];
}

export function InvalidSets({ sets }: { sets: InvalidSetRow[] }) {
  const remove = useWrite(deleteSetAction, { showsFields: false, showsConflict: false });
  // Rendered even when the list is empty, so "Deleted …" stays on screen after the last one goes.
  if (sets.length === 0)
    return remove.status ? (
      <div className="notice">
        <FormStatus status={remove.status} />
      </div>
    ) : null;
  return (
    <section aria-labelledby="invalid-sets-title" className="notice error">
      <h2 id="invalid-sets-title">Sets that need fixing</h2>
      <p className="small">
        These stored sets fail validation, so nothing is scored with them
        {sets.some((s) => s.isDefault) ? "; while the default is among them every page uses the methodology defaults" : ""}.
      </p>
      <ul className="invalid-sets">
        {sets.map((s) => (
          <li key={s.id} data-invalid-set={s.name}>
            <strong>{s.name}</strong>
            {s.isDefault && <span className="badge">default</span>}: {s.problems.join("; ")}.{" "}
            <Link href={editHref(s.name)} aria-label={`Fix ${s.name}`}>
              Fix
            </Link>
            {!s.isDefault && (
              <>
                {" · "}
                <button
                  type="button"
                  className="link"
                  disabled={remove.pending}
                  aria-label={`Delete ${s.name}`}
                  onClick={() => remove.submit({ id: s.id, version: s.version }, { okText: `Deleted “${s.name}”.` })}
                >
                  Delete
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <FormStatus status={remove.status} />
    </section>
  );
}
