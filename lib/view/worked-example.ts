// The worked example of the methodology (docs/methodology.md §13), declared once: `npm run docs:tables`
// writes it into the document and the /methodology page shows it, so neither points at the other.
// Its numbers are the model's on the snapshot (test/worked-example.test.ts) and each one is computed by
// hand in lib/scoring/fixtures.test.ts. Text with **bold** and `code`, nothing else.

export const WORKED_EXAMPLE = {
  ticker: "CORZ",
  name: "Core Scientific",
  viewDate: "2025-11-21",
  steps: [
    "**Balance sheet.** No balance-sheet event is recorded, so the reported figures stand: shares 310,061,300 (2025-11-05), debt $1,166.0M (2025-09), cash $453.4M (2025-09-30). No bitcoin count is published; the $241.4M bitcoin value reported at 2025-09-30 is used as reported (§10.9).",
    "**EV.** Market cap = $17.08 × 310,061,300 = $5,295,847,004. EV = + $1,166,000,000 − $453,400,000 = $6,008,447,004; ex-bitcoin − $241,400,000 = **$5,767,047,004**.",
    "**Megawatts (§10.2).** The CoreWeave contract is 590 IT MW, with 260 MW allocated to Denton and 70 to Muskogee. Denton (394 gross × 0.7 = 275.8 IT, operating, mixed) keeps 15.8 MW free after its 260; the unallocated 260 MW take those 15.8 MW (Denton is the only operating hpc/mixed site with a MW figure; Muskogee's 70 MW are all allocated) and the last 244.2 MW are \"site unknown\". No delivered MW are disclosed, so all 590 MW are S2. Pecos (250 × 0.7 = 175, operating, mining, US) is S4. Effective IT MW = 590 × 0.9 + 175 × 0.5 = 531 + 87.5 = **618.5** (v1 counted Denton's 275.8 and Muskogee's 70 again as uncontracted: 773.9).",
    "**EV per watt** = 5,767.047 / 618.5 = **$9.32**; **discount** = 1 − 9.3242 / 12 = **22.3%** at base (15.2% at $11, 28.3% at $13): `below-build-cost`.",
    "**CQS.** T = 12/20 = 0.6; C = 0.5 (Ba3 → BB, no guarantor); G = 1; S = 0.8 (lease type not stated) → 100 × (0.18 + 0.20 + 0.20 + 0.08) = **66**.",
    "**Financing (§10.5).** Capex remaining = 590 MW × $10M conversion capex × (1 − 0.8 tenant share) = $1,180,000,000; gap = − $453.4M cash = **$726.6M**, 13.7% of market cap.",
    "**Tier 1**, all five rules passing; `no-ig-tenant` (CoreWeave is not investment grade). Comps: EV per EH/s $354M; contract value $16.9M per contracted MW; $118 per kW-month.",
  ],
} as const;

export interface TextPart {
  text: string;
  strong?: true;
  code?: true;
}

/** "a **b** `c`" → [a ] [b, strong] [ ] [c, code]: what the page renders. */
export function textParts(text: string): TextPart[] {
  return text
    .split(/(\*\*[^*]+\*\*|`[^`]+`)/)
    .filter(Boolean)
    .map((t) =>
      t.startsWith("**") ? { text: t.slice(2, -2), strong: true } : t.startsWith("`") ? { text: t.slice(1, -1), code: true } : { text: t },
    );
}

/** The steps as the document's list, wrapped at `width` like the rest of it. */
export function workedExampleMarkdown(width = 105): string {
  return WORKED_EXAMPLE.steps
    .map((step) => {
      const lines: string[] = [];
      let line = "-";
      for (const word of step.split(" ")) {
        if (line.length + 1 + word.length > width && line.trim() !== "-") {
          lines.push(line);
          line = " ";
        }
        line += ` ${word}`;
      }
      return [...lines, line].join("\n");
    })
    .join("\n");
}
