// Shown on every page while the stored default assumption set is invalid: the scores then use the
// methodology defaults (lib/server/stored-sets.ts), and the reader must know that.
import Link from "next/link";
import { db } from "@/lib/server/db";
import { defaultSetOf, loadStoredSets } from "@/lib/server/stored-sets";
import { editHref } from "../assumptions/links";

export async function SetHealthNotice() {
  const { brokenDefault } = defaultSetOf(await loadStoredSets(db));
  if (!brokenDefault) return null;
  return (
    <div className="notice warn set-health" role="status" data-broken-default={brokenDefault.name}>
      The default assumption set “{brokenDefault.name}” is invalid ({brokenDefault.problems[0]}
      {brokenDefault.problems.length > 1 ? `, and ${brokenDefault.problems.length - 1} more` : ""}), so every score here uses the methodology
      defaults. <Link href={editHref(brokenDefault.name)}>Fix “{brokenDefault.name}”</Link> or see <Link href="/assumptions">all sets</Link>.
    </div>
  );
}
