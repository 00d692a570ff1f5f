"use client";
import { FormStatus } from "@/app/components/FormStatus";
import { useWrite } from "@/app/components/use-write";
import { DASH } from "@/lib/format";
import { fieldLabel } from "@/lib/view/field-labels";
import { revertAction } from "./actions";
import { ScrollX } from "../../components/ScrollX";

export interface HistoryEntry {
  id: number;
  at: string;
  entity: string;
  entityId: number;
  field: string;
  before: unknown;
  after: unknown;
  user: string | null;
  revertOf: number | null;
  label: string;
}

/** A compact, readable form of an audited value. */
function show(v: unknown): string {
  if (v == null) return DASH;
  if (typeof v === "object" && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if ("value" in o && "asOf" in o) return `${Number(o.value).toLocaleString("en-US")} (as of ${o.asOf})`;
    if ("name" in o) return `“${o.name}”`;
    if ("code" in o) return `${o.code}`;
    const keys = Object.keys(o);
    return keys.length === 0 ? "none" : keys.map((k) => `${k}=${JSON.stringify(o[k])}`).join(", ");
  }
  if (Array.isArray(v)) return v.join(", ");
  return typeof v === "number" ? v.toLocaleString("en-US") : String(v);
}

export function History({ entries }: { entries: HistoryEntry[] }) {
  // A refused revert names the fields of the record it would leave invalid; there are no inputs here.
  const revert = useWrite(revertAction, { showsFields: false, showsConflict: false, labelOf: fieldLabel });
  if (entries.length === 0) return <p className="muted">No edits yet: every figure is as loaded from the dataset.</p>;
  return (
    <>
      <FormStatus status={revert.status} />
      <ScrollX label="History of edits">
        <table className="grid small history">
          <thead>
            <tr>
              <th>When (UTC)</th>
              <th>What</th>
              <th>Before</th>
              <th>After</th>
              <th>By</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-audit-id={e.id}>
                <td>{e.at.replace("T", " ").slice(0, 19)}</td>
                <td>
                  {e.label}
                  {e.revertOf ? <span className="tag">revert of #{e.revertOf}</span> : null}
                </td>
                <td>{e.field === "(record)" && e.before == null ? "(new)" : show(e.before)}</td>
                <td>{e.field === "(record)" && e.after == null ? "(removed)" : show(e.after)}</td>
                <td>{e.user ?? "local"}</td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    disabled={revert.pending}
                    aria-label={`Revert change #${e.id}: ${e.label}`}
                    onClick={() => revert.submit({ auditId: e.id }, { okText: `Reverted #${e.id}` })}
                  >
                    Revert
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
    </>
  );
}
