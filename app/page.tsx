import { db } from "@/lib/server/db";
import { loadCompanyRows, loadDatasetMeta } from "@/lib/server/queries";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [companies, meta] = await Promise.all([loadCompanyRows(db), loadDatasetMeta(db)]);
  return (
    <section>
      <h1>Miners</h1>
      <p className="muted">Dataset as of {meta?.snapshot ?? "—"}: {companies.length} companies.</p>
      <table className="grid">
        <thead>
          <tr><th>Ticker</th><th>Name</th><th className="num">Price</th><th>As of</th><th className="num">Gross MW</th><th className="num">Contracts</th></tr>
        </thead>
        <tbody>
          {companies.map((c) => {
            const price = c.facts.find((f) => f.key === "sharePriceUsd");
            const gross = c.sites.reduce((s, x) => s + (x.grossMw ?? 0), 0);
            return (
              <tr key={c.id} data-ticker={c.ticker}>
                <td>{c.ticker}</td><td>{c.name}</td>
                <td className="num">{price ? `$${price.value.toFixed(2)}` : "—"}</td>
                <td>{price?.asOf ?? "—"}</td>
                <td className="num">{gross.toLocaleString("en-US")}</td>
                <td className="num">{c.contracts.length}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
