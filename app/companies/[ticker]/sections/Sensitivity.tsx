// The company's tornado: its discount with each main assumption at the ends of its range, drawn on the
// server from the same scoring input as the page, with a link to the full sensitivity view.
import Link from "next/link";
import type { Assumptions } from "@/lib/scoring/assumptions";
import type { ScoringCompany } from "@/lib/scoring/types";
import { tornado } from "@/lib/view/sensitivity";
import { ScrollX } from "../../../components/ScrollX";
import { Tornado, TornadoTable } from "../../../components/Tornado";

export function Sensitivity({
  input,
  assumptions,
  viewDate,
  href,
}: {
  input: ScoringCompany;
  assumptions: Assumptions;
  viewDate: string;
  href: string;
}) {
  const t = tornado([input], input.ticker, assumptions, { viewDate });
  return (
    <section aria-labelledby="sensitivity-title">
      <h2 id="sensitivity-title">Sensitivity</h2>
      <Tornado base={t.base} bars={t.bars} />
      {t.base != null && (
        <details>
          <summary>The numbers</summary>
          <ScrollX label="Tornado numbers">
            <TornadoTable bars={t.bars} />
          </ScrollX>
        </details>
      )}
      <p className="small">
        <Link href={href}>Sweep any assumption for {input.ticker} and every other company →</Link>
      </p>
    </section>
  );
}
