"use client";
// Paste or choose an update file, check it (a dry run on the server), then apply it. The text stays in the
// box through every step, so a rejected row can be fixed in place and checked again.
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { pct } from "@/lib/format";
import type { WriteResult } from "@/lib/server/mutations/result";
import type { AppliedUpdate } from "@/lib/server/updates";
import { applyUpdateAction, checkUpdateAction, type ShownPlan } from "./actions";

type Standing = ShownPlan["impact"][number]["before"];
const standing = (s: Standing) => (s ? <>#{s.rank ?? "—"} · T{s.tier} · {s.discountBase == null ? "—" : pct(s.discountBase, 1)}</> : "—");
const failure = (r: Exclude<WriteResult<unknown>, { ok: true }>) =>
  r.kind === "invalid" ? [...r.formErrors, ...Object.values(r.fieldErrors).flat()].join("; ") : r.message;
const applyLabel = (n: number) => `Apply ${n.toLocaleString("en-US")} ${n === 1 ? "row" : "rows"}`;
/** Rows in a text, roughly (lines that are not blank, less the header): for the pending message. */
const roughRows = (text: string) => Math.max(0, text.split("\n").filter((l) => l.trim()).length - 1);

export function UpdateForm() {
  const router = useRouter();
  const [text, setText] = useState("");
  const [name, setName] = useState("pasted");
  const [plan, setPlan] = useState<ShownPlan | null>(null);
  const [checkedText, setCheckedText] = useState<string | null>(null);
  const [onlyValid, setOnlyValid] = useState(false);
  const [status, setStatus] = useState<{ tone: "good" | "bad" | "info"; text: string } | null>(null);
  const [pending, start] = useTransition();
  const [doing, setDoing] = useState<"check" | "apply" | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const stale = plan != null && checkedText !== text; // edited since the check: check again before applying
  const check = () => {
    setDoing("check");
    setStatus(null);
    start(async () => {
      const r = await checkUpdateAction({ text, name });
      setDoing(null);
      if (!r.ok) { setPlan(null); setStatus({ tone: "bad", text: failure(r) }); return; }
      setPlan(r.data);
      setCheckedText(text);
    });
  };
  const apply = () => {
    setDoing("apply");
    start(async () => {
      const r: WriteResult<AppliedUpdate> = await applyUpdateAction({ text, name, onlyValid });
      setDoing(null);
      if (!r.ok) { setStatus({ tone: "bad", text: `Not applied: ${failure(r)}` }); return; }
      const c = r.data.counts;
      setStatus(r.data.batchId == null
        ? { tone: "info", text: "Nothing to apply: every valid row is already stored as given." }
        : { tone: "good", text: `Applied: ${c.new} new points and ${c.correction} corrections in one batch${c.rejected ? `; ${c.rejected} rejected rows were left out` : ""}.` });
      router.refresh();
      const again = await checkUpdateAction({ text, name });
      if (again.ok) { setPlan(again.data); setCheckedText(text); }
    });
  };
  const canApply = plan != null && !stale && plan.fileProblems.length === 0 && (plan.counts.rejected === 0 || onlyValid) && plan.counts.new + plan.counts.correction > 0;

  return (
    <section className="update-form" aria-labelledby="update-title">
      <h2 id="update-title">Check and apply</h2>
      <div className="toolbar-row">
        <label className="field">
          <span>Choose a file (.json or .csv)</span>
          <input ref={fileInput} type="file" accept=".json,.csv,application/json,text/csv" onChange={async (e) => {
            const f = e.target.files?.[0];
            if (!f) return;
            setText(await f.text());
            setName(f.name);
            setPlan(null);
            setStatus(null);
          }} />
        </label>
        <span className="muted small">or paste the rows below</span>
      </div>
      <label className="field">
        <span>Update rows</span>
        <textarea value={text} spellCheck={false} aria-describedby="update-hint"
          onChange={(e) => { setText(e.target.value); if (name !== "pasted" && !fileInput.current?.files?.length) setName("pasted"); }}
          placeholder={'ticker,field,value,asOf,source,note\nIREN,sharePrice,44.10,2026-06-26,https://…,close'} />
        <span id="update-hint" className="hint">{name === "pasted" ? "Pasted text" : `From ${name}`} · {text.length.toLocaleString("en-US")} characters</span>
      </label>
      <div className="toolbar-row">
        <button type="button" onClick={check} disabled={pending || text.trim() === ""}>{doing === "check" ? "Checking…" : plan ? "Check again" : "Check (dry run)"}</button>
        <label className="small"><input type="checkbox" checked={onlyValid} onChange={(e) => setOnlyValid(e.target.checked)} /> apply only the valid rows</label>
        <button type="button" onClick={apply} disabled={pending || !canApply}>
          {doing === "apply" ? "Applying…" : plan ? applyLabel(plan.counts.new + plan.counts.correction) : "Apply"}
        </button>
        <span role="status" aria-live="polite" className="small">
          {pending && doing === "check" ? `Checking about ${roughRows(text).toLocaleString("en-US")} rows against the database…` : ""}
          {pending && doing === "apply" ? "Writing in one transaction…" : ""}
          {!pending && stale ? "The text changed since it was checked: check again before applying." : ""}
          {!pending && plan && !stale && plan.counts.rejected > 0 && !onlyValid ? "Rejected rows: fix them, or choose to apply only the valid rows." : ""}
        </span>
      </div>
      {status && <p className={`notice ${status.tone === "bad" ? "error" : ""}`} role={status.tone === "bad" ? "alert" : "status"} data-testid="update-status">{status.text}</p>}
      {plan && <PlanView plan={plan} />}
    </section>
  );
}

function PlanView({ plan }: { plan: ShownPlan }) {
  const c = plan.counts;
  return (
    <div data-testid="update-plan">
      {plan.fileProblems.length > 0 && (
        <div className="notice error" role="alert">The file cannot be applied: {plan.fileProblems.join("; ")}</div>
      )}
      <p className="update-counts" data-testid="update-counts">
        <strong>{c.total.toLocaleString("en-US")} rows ({plan.format.toUpperCase()}):</strong>
        <span><span className="status status-new">new point</span> {c.new}</span>
        <span><span className="status status-correction">correction</span> {c.correction}</span>
        <span><span className="status status-unchanged">unchanged</span> {c.unchanged}</span>
        <span><span className="status status-rejected">rejected</span> {c.rejected}</span>
      </p>
      {plan.impact.length > 0 ? (
        <>
          <h3 className="small-heading">What it does to the ranking on {plan.viewDate}</h3>
          <div className="scroll-x">
            <table className="grid small" data-testid="update-impact">
              <thead><tr><th>Company</th><th>Now: rank · tier · discount</th><th>With the update</th></tr></thead>
              <tbody>
                {plan.impact.map((i) => {
                  const d0 = i.before?.discountBase ?? null, d1 = i.after?.discountBase ?? null;
                  const cls = d0 != null && d1 != null ? (d1 > d0 ? "move-up" : d1 < d0 ? "move-down" : "") : "";
                  return <tr key={i.ticker}><td>{i.ticker}</td><td>{standing(i.before)}</td><td className={cls}>{standing(i.after)}</td></tr>;
                })}
              </tbody>
            </table>
          </div>
        </>
      ) : c.new + c.correction > 0 ? <p className="muted small">No company&apos;s rank, tier or discount moves on {plan.viewDate}.</p> : null}
      <h3 className="small-heading">Rows</h3>
      <div className="scroll-x">
        <table className="grid small update-rows" data-testid="update-rows">
          <thead><tr><th className="num">Line</th><th>Status</th><th>Ticker</th><th>Field</th><th className="num">Value</th><th>As of</th><th>Why / what it replaces</th></tr></thead>
          <tbody>
            {plan.rows.map((r) => (
              <tr key={r.line} className={r.status === "rejected" ? "row-rejected" : undefined}>
                <td className="num">{r.line}</td>
                <td><span className={`status status-${r.status}`}>{r.status === "new" ? "new point" : r.status}</span></td>
                <td>{String(r.given.ticker ?? "")}</td><td>{String(r.given.field ?? "")}</td>
                <td className="num">{String(r.given.value ?? "")}</td><td>{String(r.given.asOf ?? "")}</td>
                <td className={r.problems.length ? "problems" : "muted"}>
                  {r.problems.length ? r.problems.map((p) => `${p.field}: ${p.message}`).join("; ") : r.status === "correction" ? `was ${r.before?.value}${r.before?.note !== r.given.note ? " (note differs)" : ""}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {plan.hiddenRows > 0 && <p className="small muted">{plan.hiddenRows.toLocaleString("en-US")} more rows are not listed (every rejected row is).</p>}
    </div>
  );
}
