"use client";
// "Confirm unusual value": a value inside its figure's bounds but outside the usual range (lib/number-input.ts)
// is saved only after the user says it is right — where a figure typed in millions or in GW lands. The
// server keeps only the hard bounds (decision 0018): this step is about slips, not rules.
import { useState } from "react";
import { formatNumberIn } from "@/lib/number-input";
import type { UnusualValue } from "@/lib/number-schema";

/** Ask before saving when something is unusual; `check` saves at once when nothing is. */
export function useConfirmUnusual() {
  const [asking, setAsking] = useState<{ items: UnusualValue[]; save: () => void } | null>(null);
  return {
    asking: asking?.items ?? null,
    check(items: UnusualValue[], save: () => void) {
      if (items.length) setAsking({ items, save });
      else {
        setAsking(null);
        save();
      }
    },
    confirm() {
      const go = asking?.save;
      setAsking(null);
      go?.();
    },
    cancel() {
      setAsking(null);
    },
  };
}

export function ConfirmUnusual({
  items,
  labelOf,
  nameOf,
  onConfirm,
  onCancel,
  pending,
}: {
  items: UnusualValue[];
  labelOf: (path: string) => string;
  onConfirm: () => void;
  onCancel: () => void;
  pending?: boolean;
  /** the input's name for a path: "Go back" puts the focus in the first unusual field */
  nameOf?: (path: string) => string;
}) {
  const back = () => {
    onCancel();
    const name = nameOf?.(items[0].path);
    if (name) document.getElementsByName(name)[0]?.focus();
  };
  return (
    <div className="notice warn unusual-confirm" role="alertdialog" aria-labelledby="unusual-title" aria-describedby="unusual-list">
      <p id="unusual-title">
        <strong>Check {items.length === 1 ? "this value" : "these values"} before saving</strong>
      </p>
      <ul id="unusual-list">
        {items.map((u) => (
          <li key={u.path} data-path={u.path}>
            {labelOf(u.path)}: <strong>{formatNumberIn(u.value, u.unit)}</strong>. {u.message}.
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={onConfirm} disabled={pending} autoFocus>
          {items.length === 1 ? "The value is right: save" : "The values are right: save"}
        </button>
        <button type="button" className="secondary" onClick={back}>
          Go back and change it
        </button>
      </div>
    </div>
  );
}
