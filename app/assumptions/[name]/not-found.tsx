import Link from "next/link";

export default function AssumptionSetNotFound() {
  return (
    <div className="page-head">
      <p className="small">
        <Link href="/assumptions">← All assumption sets</Link>
      </p>
      <h1>Assumption set not found</h1>
      <p>
        No assumption set has that name; it may have been renamed or deleted. <Link href="/assumptions">See the sets that exist</Link> or create a new
        one there.
      </p>
    </div>
  );
}
