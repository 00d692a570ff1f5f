// One-click screens (`?preset=ig`). Each is declared once: its id (the URL value), label, what it means and
// its predicate over the row, written with the model's own definitions — contracted IT MW, the contracts
// §10.11 counts as investment-grade backed, the below-build-cost and stale-data flags — never a new
// threshold. The URL parser, the toolbar, the table, the chart and GET /api/screen all read this list.
import type { ScreenerRow } from "./rows";

export interface Preset {
  id: string;
  label: string;
  description: string;
  matches: (row: ScreenerRow) => boolean;
}

/** IT MW under AI/HPC contract on the view date (the Contracted IT column). */
const contracted = (r: ScreenerRow) => r.contractedItMw > 0;

export const PRESETS = [
  {
    id: "contracted",
    label: "Contracted only",
    description: "IT MW under AI/HPC contract on the view date",
    matches: contracted,
  },
  {
    id: "ig",
    label: "Investment-grade tenant or backstop",
    description:
      "at least one contract with an investment-grade tenant, or an investment-grade guarantor covering at least half of the capital at risk (§10.11); the IG share column says how much of the contract value that is",
    matches: (r) => r.igBackedContracts > 0,
  },
  {
    id: "below-cost",
    label: "Below build cost with a contract",
    description: "EV per effective IT watt below the base build cost (flag below-build-cost), with IT MW under contract",
    matches: (r) => contracted(r) && r.flags.includes("below-build-cost"),
  },
  {
    id: "stale",
    label: "Stale data",
    description: "a price, share count, cash or debt figure older than its limit on the view date (flag stale-data)",
    matches: (r) => r.flags.includes("stale-data"),
  },
] as const satisfies readonly Preset[];

export type PresetId = (typeof PRESETS)[number]["id"];
export const PRESET_IDS: readonly PresetId[] = PRESETS.map((p) => p.id);

const byId = new Map<string, Preset>(PRESETS.map((p) => [p.id, p]));
export const presetOf = (id: PresetId): Preset => byId.get(id)!;

/** No preset: every row. */
export const matchesPreset = (row: ScreenerRow, id: PresetId | undefined) => id === undefined || presetOf(id).matches(row);
