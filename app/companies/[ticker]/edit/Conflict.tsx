"use client";
// Shown when a save hits a stale version: what is stored now next to what the user tried to save.
import { DASH } from "@/lib/format";

function leaves(v: unknown, prefix = "", out: Record<string, unknown> = {}) {
  if (v && typeof v === "object" && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) leaves(x, prefix ? `${prefix}.${k}` : k, out);
  else out[prefix] = v;
  return out;
}
const show = (v: unknown) => (v == null || v === "" ? DASH : Array.isArray(v) ? v.join(", ") : String(v));

export function ConflictPanel({ message, current, yours, onReapply, onDiscard }: {
  message: string; current: unknown; yours: unknown; onReapply: () => void; onDiscard: () => void;
}) {
  const a = leaves(current);
  const b = leaves(yours);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => k !== "version" && k !== "ticker" && JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null));
  return (
    <div className="notice error conflict" role="alert">
      <strong>{message}</strong>
      <table className="grid small">
        <thead><tr><th>Field</th><th>Saved now (theirs)</th><th>Yours</th></tr></thead>
        <tbody>
          {keys.map((k) => <tr key={k}><td>{k}</td><td>{show(a[k])}</td><td>{show(b[k])}</td></tr>)}
          {keys.length === 0 && <tr><td colSpan={3}>The stored values match yours; re-apply to save.</td></tr>}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={onReapply}>Re-apply mine</button>
        <button type="button" className="secondary" onClick={onDiscard}>Discard mine, load theirs</button>
      </div>
    </div>
  );
}
