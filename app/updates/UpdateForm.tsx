"use client";
// Paste or choose an update file, check it (a dry run on the server), then apply it. The text stays in the
// box through every step, so a rejected row can be fixed in place and checked again.
import { useRef, useState } from "react";
import { useWrite } from "@/app/components/use-write";
import { pct } from "@/lib/format";
import type { AppliedUpdate } from "@/lib/server/updates";
import { applyUpdateAction, checkUpdateAction, type ShownPlan } from "./actions";

type Standing = ShownPlan["impact"][number]["before"];
const standing = (s: Standing) =>
  s ? (
    <>
      #{s.rank ?? "—"} · T{s.tier} · {s.discountBase == null ? "—" : pct(s.discountBase, 1)}
    </>
  ) : (
    "—"
  );
const appliedStatus = (r: AppliedUpdate) => {
  const c = r.counts;
  return r.batchId == null
    ? { tone: "good" as const, text: "Nothing to apply: every valid row is already stored as given." }
    : {
        tone: "good" as const,
        text: `Applied: ${c.new} new points and ${c.correction} corrections in one batch${c.rejected ? `; ${c.rejected} rejected rows were left out` : ""}.`,
      };
};
const applyLabel = (n: number) => `Apply ${n.toLocaleString("en-US")} ${n === 1 ? "row" : "rows"}`;
/** Rows in a text, roughly (lines that are not blank, less the header): for the pending message. */
const roughRows = (text: string) => Math.max(0, text.split("\n").filter((l) => l.trim()).length - 1);

export function UpdateForm() {
  const [text, setText] = useState("");
  const [name, setName] = useState("pasted");
  const [plan, setPlan] = useState<ShownPlan | null>(null);
  const [checkedText, setCheckedText] = useState<string | null>(null);
  const [onlyValid, setOnlyValid] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  // A dry run writes nothing (no refresh); its problems are the file's, shown in one line.
  const checking = useWrite(checkUpdateAction, { refresh: false, showsFields: false, showsConflict: false, busyText: "Checking…" });
  const applying = useWrite(applyUpdateAction, { showsFields: false, showsConflict: false, busyText: "Writing in one transaction…" });
  const pending = checking.pending || applying.pending;
  const doing = checking.pending ? "check" : applying.pending ? "apply" : null;
  const last = applying.status ?? checking.status;
  const status = last?.tone === "busy" ? null : last;

  const stale = plan != null && checkedText !== text; // edited since the check: check again before applying
  const checkText = (t: string, quiet = false) => {
    if (!quiet) applying.setStatus(null);
    checking.submit(
      { text: t, name },
      {
        onOk: (p) => {
          setPlan(p);
          setCheckedText(t);
          checking.setStatus(null);
        },
        onFail: () => {
          if (!quiet) setPlan(null);
        },
      },
    );
  };
  const check = () => checkText(text);
  const apply = () => {
    checking.setStatus(null);
    applying.submit(
      { text, name, onlyValid },
      {
        onOk: (r: AppliedUpdate) => {
          applying.setStatus(appliedStatus(r));
          checkText(text, true); // the same text now checks as unchanged
        },
        onFail: () =>
          applying.setStatus((s) => (s?.tone === "bad" && !s.text.startsWith("Not applied") ? { tone: "bad", text: `Not applied: ${s.text}` } : s)),
      },
    );
  };
  const canApply =
    plan != null &&
    !stale &&
    plan.fileProblems.length === 0 &&
    (plan.counts.rejected === 0 || onlyValid) &&
    plan.counts.new + plan.counts.correction > 0;

  return (
    <section className="update-form" aria-labelledby="update-title">
      <h2 id="update-title">Check and apply</h2>
      <div className="toolbar-row">
        <label className="field">
          <span>Choose a file (.json or .csv)</span>
          <input
            ref={fileInput}
            type="file"
            accept=".json,.csv,application/json,text/csv"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (!f) return;
              setText(await f.text());
              setName(f.name);
              setPlan(null);
              checking.setStatus(null);
              applying.setStatus(null);
            }}
          />
        </label>
        <span className="muted small">or paste the rows below</span>
      </div>
      <label className="field">
        <span>Update rows</span>
        <textarea
          value={text}
          spellCheck={false}
          aria-describedby="update-hint"
          onChange={(e) => {
            setText(e.target.value);
            if (name !== "pasted" && !fileInput.current?.files?.length) setName("pasted");
          }}
          placeholder={"ticker,field,value,asOf,source,note\nIREN,sharePrice,44.10,2026-06-26,https://…,close"}
        />
        <span id="update-hint" className="hint">
          {name === "pasted" ? "Pasted text" : `From ${name}`} · {text.length.toLocaleString("en-US")} characters
        </span>
      </label>
      <div className="toolbar-row">
        <button type="button" onClick={check} disabled={pending || text.trim() === ""}>
          {doing === "check" ? "Checking…" : plan ? "Check again" : "Check (dry run)"}
        </button>
        <label className="small">
          <input type="checkbox" checked={onlyValid} onChange={(e) => setOnlyValid(e.target.checked)} /> apply only the valid rows
        </label>
        <button type="button" onClick={apply} disabled={pending || !canApply}>
          {doing === "apply" ? "Applying…" : plan ? applyLabel(plan.counts.new + plan.counts.correction) : "Apply"}
        </button>
        <span role="status" aria-live="polite" className="small">
          {pending && doing === "check" ? `Checking about ${roughRows(text).toLocaleString("en-US")} rows against the database…` : ""}
          {pending && doing === "apply" ? "Writing in one transaction…" : ""}
          {!pending && stale ? "The text changed since it was checked: check again before applying." : ""}
          {!pending && plan && !stale && plan.counts.rejected > 0 && !onlyValid
            ? "Rejected rows: fix them, or choose to apply only the valid rows."
            : ""}
        </span>
      </div>
      {status && (
        <p className={`notice ${status.tone === "bad" ? "error" : ""}`} role={status.tone === "bad" ? "alert" : "status"} data-testid="update-status">
          {status.text}
        </p>
      )}
      {plan && <PlanView plan={plan} />}
    </section>
  );
}

function PlanView({ plan }: { plan: ShownPlan }) {
  const c = plan.counts;
  return (
    <div data-testid="update-plan">
      {plan.fileProblems.length > 0 && (
        <div className="notice error" role="alert">
          The file cannot be applied: {plan.fileProblems.join("; ")}
        </div>
      )}
      <p className="update-counts" data-testid="update-counts">
        <strong>
          {c.total.toLocaleString("en-US")} rows ({plan.format.toUpperCase()}):
        </strong>
        <span>
          <span className="status status-new">new point</span> {c.new}
        </span>
        <span>
          <span className="status status-correction">correction</span> {c.correction}
        </span>
        <span>
          <span className="status status-unchanged">unchanged</span> {c.unchanged}
        </span>
        <span>
          <span className="status status-rejected">rejected</span> {c.rejected}
        </span>
      </p>
      {plan.impact.length > 0 ? (
        <>
          <h3 className="small-heading">What it does to the ranking on {plan.viewDate}</h3>
          <div className="scroll-x">
            <table className="grid small" data-testid="update-impact">
              <thead>
                <tr>
                  <th>Company</th>
                  <th>Now: rank · tier · discount</th>
                  <th>With the update</th>
                </tr>
              </thead>
              <tbody>
                {plan.impact.map((i) => {
                  const d0 = i.before?.discountBase ?? null,
                    d1 = i.after?.discountBase ?? null;
                  const cls = d0 != null && d1 != null ? (d1 > d0 ? "move-up" : d1 < d0 ? "move-down" : "") : "";
                  return (
                    <tr key={i.ticker}>
                      <td>{i.ticker}</td>
                      <td>{standing(i.before)}</td>
                      <td className={cls}>{standing(i.after)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      ) : c.new + c.correction > 0 ? (
        <p className="muted small">No company&apos;s rank, tier or discount moves on {plan.viewDate}.</p>
      ) : null}
      <h3 className="small-heading">Rows</h3>
      <div className="scroll-x">
        <table className="grid small update-rows" data-testid="update-rows">
          <thead>
            <tr>
              <th className="num">Line</th>
              <th>Status</th>
              <th>Ticker</th>
              <th>Field</th>
              <th className="num">Value</th>
              <th>As of</th>
              <th>Why / what it replaces</th>
            </tr>
          </thead>
          <tbody>
            {plan.rows.map((r) => (
              <tr key={r.line} className={r.status === "rejected" ? "row-rejected" : undefined}>
                <td className="num">{r.line}</td>
                <td>
                  <span className={`status status-${r.status}`}>{r.status === "new" ? "new point" : r.status}</span>
                </td>
                <td>{String(r.given.ticker ?? "")}</td>
                <td>{String(r.given.field ?? "")}</td>
                <td className="num">{String(r.given.value ?? "")}</td>
                <td>{String(r.given.asOf ?? "")}</td>
                <td className={r.problems.length ? "problems" : "muted"}>
                  {r.problems.length
                    ? r.problems.map((p) => `${p.field}: ${p.message}`).join("; ")
                    : r.status === "correction"
                      ? `was ${r.before?.value}${r.before?.note !== r.given.note ? " (note differs)" : ""}`
                      : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {plan.hiddenRows > 0 && (
        <p className="small muted">{plan.hiddenRows.toLocaleString("en-US")} more rows are not listed (every rejected row is).</p>
      )}
    </div>
  );
}
