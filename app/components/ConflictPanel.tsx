"use client";
// The one conflict panel: a save refused because someone else saved first shows, field by field, what is
// stored now, what the user has, and what "Re-apply mine" would save (only the fields the user changed
// are re-applied: lib/view/conflict.ts). Field names are the form's labels, values in their units.
import type { ConflictRow } from "@/lib/view/conflict";

interface ConflictPanelProps {
  title: string;
  message: string;
  rows: ConflictRow[];
  labelOf: (path: string) => string;
  format: (path: string, value: unknown) => string;
  onReapply?: () => void;
  onDiscard: () => void;
  discardLabel?: string;
  pending?: boolean;
  level?: 2 | 3;
}

export function ConflictPanel(p: ConflictPanelProps) {
  const Heading = p.level === 3 ? "h3" : "h2";
  const mineCount = p.rows.filter((r) => r.mineChanged).length;
  return (
    <section className="notice error conflict" role="alert" aria-label={p.title}>
      <Heading className="conflict-title">{p.title}</Heading>
      <p>
        {p.message} What is stored now is theirs; your entries are still in the form.
        {p.rows.length === 0 && " Your values are the same as theirs."}
      </p>
      {p.rows.length > 0 && (
        <div className="scroll-x">
          <table className="grid small conflict-table">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Saved now (theirs)</th>
                <th scope="col">Yours</th>
                {p.onReapply && <th scope="col">“Re-apply mine” saves</th>}
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr key={r.path} data-key={r.path} className={r.mineChanged ? "mine-changed" : undefined}>
                  <th scope="row">{p.labelOf(r.path)}</th>
                  <td className="num">{p.format(r.path, r.theirs)}</td>
                  <td className="num">
                    {p.format(r.path, r.mine)}
                    {r.mineChanged ? " ✎" : <span className="muted"> (as you opened it)</span>}
                  </td>
                  {p.onReapply && <td className="num">{p.format(r.path, r.saved)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="conflict-actions">
        {p.onReapply && (
          <button type="button" onClick={p.onReapply} disabled={p.pending}>
            Re-apply mine
          </button>
        )}
        <button type="button" className="secondary" onClick={p.onDiscard} disabled={p.pending}>
          {p.discardLabel ?? "Discard mine, load theirs"}
        </button>
        {p.onReapply && (
          <span className="small muted">
            “Re-apply mine” saves{" "}
            {mineCount === 0
              ? "nothing of yours (you changed none of these fields)"
              : `the ${mineCount === 1 ? "field" : `${mineCount} fields`} you changed (✎)`}{" "}
            and keeps theirs everywhere else.
          </span>
        )}
      </div>
    </section>
  );
}
