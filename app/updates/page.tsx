import type { Metadata } from "next";
import Link from "next/link";
import { CSV_COLUMNS } from "@/lib/domain/update-text";
import { UPDATE_FIELDS, UPDATE_FORMAT } from "@/lib/domain/updates";
import { db } from "@/lib/server/db";
import { loadUpdateBatches } from "@/lib/server/queries";
import { UpdateForm } from "./UpdateForm";
import "./updates.css";

export const metadata: Metadata = { title: "Update data" };
export const dynamic = "force-dynamic";

export default async function UpdateDataPage() {
  const batches = await loadUpdateBatches(db);
  return (
    <>
      <div className="page-head">
        <h1>Update data</h1>
        <p className="muted">
          Load later or corrected figures for many companies at once: an update file (<code>{UPDATE_FORMAT}</code>, as in{" "}
          <code>shared/data/updates/</code>) or the same rows as CSV with the columns <code>{CSV_COLUMNS.join(",")}</code> (and <code>basis</code> for
          share counts). A row with a new as-of adds a point to the figure&apos;s history; the same as-of corrects that point. Check first: nothing is
          written until you apply, and a file with a rejected row applies nothing unless you choose to apply only its valid rows.
        </p>
        <details className="small">
          <summary>Fields a row can carry</summary>
          <p>{[...UPDATE_FIELDS].map(([json, def]) => `${json} (${def.unit})`).join(" · ")}</p>
        </details>
      </div>
      <UpdateForm />
      <section aria-labelledby="batches-title">
        <h2 id="batches-title">Updates applied</h2>
        {batches.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <div className="scroll-x">
            <table className="grid small">
              <thead>
                <tr>
                  <th>When</th>
                  <th>File</th>
                  <th>By</th>
                  <th className="num">Rows</th>
                  <th className="num">New points</th>
                  <th className="num">Corrections</th>
                  <th className="num">Unchanged</th>
                </tr>
              </thead>
              <tbody>
                {batches.map((b) => (
                  <tr key={b.id}>
                    <td>{b.at.toISOString().slice(0, 16).replace("T", " ")} UTC</td>
                    <td>
                      {b.name}
                      <div className="muted">{b.description.slice(0, 140)}</div>
                    </td>
                    <td>{b.user ?? "—"}</td>
                    <td className="num">{b.rows.toLocaleString("en-US")}</td>
                    <td className="num">{b.newPoints.toLocaleString("en-US")}</td>
                    <td className="num">{b.corrections.toLocaleString("en-US")}</td>
                    <td className="num">{b.unchanged.toLocaleString("en-US")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="small">
          Export the figures in the same format: <a href="/api/updates">all companies (JSON)</a> · <a href="/api/updates?format=csv">CSV</a>; one
          company with <code>?ticker=IREN</code>. Each row of an applied update is in its company&apos;s history and can be reverted there (
          <Link href="/">pick a company</Link>).
        </p>
      </section>
    </>
  );
}
