import type { Metadata } from "next";
import Link from "next/link";
import { ASSUMPTION_META, DEFAULT_ASSUMPTIONS } from "@/lib/scoring/assumptions";
import { db } from "@/lib/server/db";
import { loadStoredSets } from "@/lib/server/stored-sets";
import { diffKeys } from "@/lib/view/assumption-diff";
import { compareHref, editHref, screenHref } from "./links";
import { InvalidSets } from "./InvalidSets";
import { NewSetForm } from "./NewSetForm";
import "./assumptions.css";

export const metadata: Metadata = { title: "Assumption sets" };
export const dynamic = "force-dynamic";

export default async function AssumptionSetsPage({ searchParams }: { searchParams: Promise<{ deleted?: string | string[] }> }) {
  const { deleted } = await searchParams;
  const { sets, invalid } = await loadStoredSets(db);
  const defaultSet = sets.find((s) => s.isDefault) ?? sets[0];
  const other = sets.find((s) => s !== defaultSet);

  return (
    <>
      <div className="page-head">
        <h1>Assumption sets</h1>
        <p className="muted">
          A set is a named copy of every model assumption (<Link href="/methodology">methodology §3</Link>): bitcoin price, build cost, stage weights,
          contract scoring and tier thresholds. The screener scores every company under the set chosen in its address, e.g. <code>/?set=Bear</code>,
          so a view under a set can be shared as a link.
        </p>
        {typeof deleted === "string" && (
          <div className="notice" role="status">
            Deleted the set “{deleted}”.
          </div>
        )}
      </div>

      <div className="scroll-x">
        <table className="grid set-list">
          <thead>
            <tr>
              <th scope="col">Set</th>
              <th scope="col" className="hide-narrow">
                Differs from the methodology defaults in
              </th>
              <th scope="col" className="num hide-narrow">
                Version
              </th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {sets.map((s) => {
              const keys = diffKeys(DEFAULT_ASSUMPTIONS, s.values);
              const labels = keys.map((k) => ASSUMPTION_META[k].label);
              return (
                <tr key={s.id} data-set={s.name}>
                  <th scope="row">
                    <Link href={editHref(s.name)}>{s.name}</Link>
                    {s.isDefault && (
                      <span className="badge" title="Used when the address names no set">
                        default
                      </span>
                    )}
                  </th>
                  <td className="small hide-narrow">
                    {keys.length === 0 ? (
                      <span className="muted">nothing (all defaults)</span>
                    ) : (
                      <>
                        {keys.length} value{keys.length === 1 ? "" : "s"}: {labels.slice(0, 4).join(", ")}
                        {labels.length > 4 && `, and ${labels.length - 4} more`}
                      </>
                    )}
                  </td>
                  <td className="num hide-narrow">{s.version}</td>
                  <td className="set-actions">
                    <Link href={editHref(s.name)} aria-label={`Edit ${s.name}`}>
                      Edit
                    </Link>
                    <Link href={screenHref(s.name, s.isDefault)} aria-label={`Screen with ${s.name}`}>
                      Screen with this set
                    </Link>
                    {defaultSet && !s.isDefault && (
                      <Link href={compareHref(defaultSet.name, s.name)} aria-label={`Compare ${s.name} with ${defaultSet.name}`}>
                        Compare with {defaultSet.name}
                      </Link>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {sets.length === 0 && <p className="notice warn">No valid assumption set is stored; the screener uses the methodology defaults.</p>}
      <InvalidSets sets={invalid.map(({ id, name, isDefault, version, problems }) => ({ id, name, isDefault, version, problems }))} />

      <section aria-labelledby="new-set-title">
        <h2 id="new-set-title">New set</h2>
        <p className="muted small">Start from a copy of an existing set (to duplicate it) or from the methodology defaults, then edit its values.</p>
        <NewSetForm sets={sets.map((s) => ({ name: s.name, values: s.values }))} />
      </section>

      <section aria-labelledby="compare-title">
        <h2 id="compare-title">Compare two sets</h2>
        <p>
          <Link href={defaultSet && other ? compareHref(defaultSet.name, other.name) : "/assumptions/compare"}>Compare sets side by side</Link>
          <span className="muted small"> — each company&apos;s rank, discount and tier under both.</span>
        </p>
      </section>
    </>
  );
}
