import Link from "next/link";

export default function CompanyNotFound() {
  return (
    <section>
      <h1>Company not found</h1>
      <p>
        No miner with that ticker is in the dataset. <Link href="/">Back to the screener</Link>.
      </p>
    </section>
  );
}
