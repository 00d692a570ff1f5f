import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/lib/server/db";
import { loadScoringCompanies } from "@/lib/server/queries";
import { loadStoredSets } from "@/lib/server/stored-sets";
import { SetEditor } from "../SetEditor";
import "../assumptions.css";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ name: string }>; searchParams: Promise<{ renamed?: string | string[] }> };

/** Set names never contain "%", so decoding an already decoded name changes nothing. */
function setName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  return { title: `Assumptions: ${setName(name).slice(0, 60)}` };
}

export default async function EditAssumptionSetPage({ params, searchParams }: Props) {
  const name = setName((await params).name);
  const { renamed } = await searchParams;
  const [{ sets, invalid }, { companies, viewDate }] = await Promise.all([loadStoredSets(db), loadScoringCompanies(db)]);
  const broken = invalid.find((s) => s.name === name);
  // An invalid set opens in the editor with what is wrong above it, so it can be fixed (or deleted).
  const set = sets.find((s) => s.name === name) ?? (broken && { ...broken, values: broken.editable });
  // A 404 with ./not-found.tsx, as an unknown company is: the address names nothing that exists.
  if (!set) notFound();
  const defaultSet = sets.find((s) => s.isDefault) ?? null;
  return (
    <>
      {broken && (
        <div className="notice error" role="alert" data-invalid-set={broken.name}>
          This stored set is invalid, so nothing is scored with it: {broken.problems.join("; ")}. Correct the marked values and save
          {broken.isDefault ? "" : ", or delete it below"}.
        </div>
      )}
      <SetEditor
        key={set.id}
        set={{ id: set.id, name: set.name, isDefault: set.isDefault, version: set.version, values: set.values }}
        companies={companies}
        viewDate={viewDate}
        defaultName={defaultSet?.name ?? null}
        renamedFrom={typeof renamed === "string" ? renamed.slice(0, 60) : undefined}
      />
    </>
  );
}
