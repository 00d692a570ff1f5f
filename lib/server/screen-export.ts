// The screen as a file: the view's rows in the view's order, with what makes the file reproducible — view
// date, assumption set and every value, filters, dataset, export time, app version. `exportMetadata()` is
// that list, declared once: the CSV writes it as its leading "# " lines, the XLSX (screen-xlsx.ts) as its
// Metadata sheet. Both say what a person entered rather than the dataset or an update file ("User-entered").
import "server-only";
import pkg from "../../package.json";
import { csvCell, toCsv, type CsvValue } from "../csv";
import { ASSUMPTION_KEYS, ASSUMPTION_META } from "../scoring/assumptions";
import { explainRow } from "../scoring/screen";
import type { ContractScore, ExplainedRow } from "../scoring/types";
import type { UserEntered } from "../domain/user-entered";
import { columnDef, type ColumnDef, type ColumnKind } from "../view/columns";
import { displayColumns } from "../view/column-order";
import { applyView } from "../view/filter";
import { PRESETS, type PresetId } from "../view/presets";
import { serializeView, type View } from "../view/params";
import type { ScreenerRow } from "../view/rows";
import type { loadScreen } from "./screen";

export type LoadedScreen = Awaited<ReturnType<typeof loadScreen>>;

/** One company of the export: the table's row, the full score it was made from, what a person entered. */
export interface ExportRow {
  row: ScreenerRow;
  score: ExplainedRow;
  entered: UserEntered[];
}

export interface ScreenExport {
  view: View;
  screen: LoadedScreen;
  /** the view's rows, filtered and ordered as the table shows them */
  rows: ExportRow[];
  exportedAt: Date;
}

export function toScreenExport(view: View, screen: LoadedScreen, exportedAt = new Date()): ScreenExport {
  const byTicker = new Map(screen.scored.map((s) => [s.ticker, s]));
  const rows = applyView(screen.rows, view).map((row) => ({
    row,
    score: explainRow(byTicker.get(row.ticker)!),
    entered: screen.userEntered.get(row.ticker) ?? [],
  }));
  return { view, screen, rows, exportedAt };
}

export interface MetadataEntry {
  section: "export" | "view" | "dataset" | "assumption";
  key: string;
  label: string;
  /** null: not set (no filter, no corrections file) */
  value: string | number | boolean | null;
  unit: string;
}

export const APP_VERSION: string = pkg.version;

const presetLabel = (id: PresetId) => `${PRESETS.find((p) => p.id === id)?.label ?? id} (${id})`;

export function exportMetadata({ view, screen, rows, exportedAt }: ScreenExport): MetadataEntry[] {
  const { set, meta, viewDate, dates } = screen;
  const list = (items: readonly (string | number)[]) => (items.length ? items.join(", ") : null);
  const entry = (
    section: MetadataEntry["section"],
    key: string,
    label: string,
    value: MetadataEntry["value"] | undefined,
    unit = "",
  ): MetadataEntry => ({ section, key, label, value: value ?? null, unit });
  return [
    entry("export", "app", "Application", "Watt Screener"),
    entry("export", "appVersion", "Application version", APP_VERSION),
    entry("export", "exportedAt", "Exported at", exportedAt.toISOString(), "ISO 8601, UTC"),
    entry("view", "viewDate", "View date", viewDate, "YYYY-MM-DD"),
    entry("view", "asOf", "View date asked for (empty: the latest the data supports)", view.asOf),
    entry("view", "latestDataDate", "Latest date the data supports", dates.latest, "YYYY-MM-DD"),
    entry("view", "assumptionSet", "Assumption set", set.name),
    entry("view", "tiers", "Tiers (empty: all)", list(view.tiers)),
    entry("view", "flags", "Flags, all required (empty: none)", list(view.flags)),
    entry("view", "minDiscountPct", "Minimum discount at base", view.minDiscountPct, "%"),
    entry("view", "minContractedMw", "Minimum contracted IT", view.minContractedMw, "MW"),
    entry("view", "preset", "Preset screen", view.preset ? presetLabel(view.preset) : null),
    entry("view", "q", "Search (ticker, name, former names, counterparties, guarantors, aliases)", view.q || null),
    entry("view", "sort", "Sort", `${view.sort.id}.${view.sort.dir}`),
    entry("view", "companies", "Companies in this view", rows.length),
    entry("view", "companiesTotal", "Companies screened", screen.rows.length),
    entry("view", "query", "Screener URL parameters of this view", serializeView(view).toString() || null),
    entry("dataset", "snapshot", "Snapshot date", meta?.snapshot ?? dates.snapshot, "YYYY-MM-DD"),
    entry("dataset", "datasetVersion", "Dataset format", meta?.datasetVersion),
    entry("dataset", "sourceFile", "Dataset file", meta?.sourceFile),
    entry("dataset", "correctionsFile", "Corrections file", meta?.correctionsFile),
    entry("dataset", "loadedAt", "Dataset loaded at", meta?.loadedAt.toISOString(), "ISO 8601, UTC"),
    ...ASSUMPTION_KEYS.map((k) => {
      const v = set.values[k];
      return entry("assumption", k, ASSUMPTION_META[k].label, Array.isArray(v) ? v.join(", ") : (v as number | boolean), ASSUMPTION_META[k].unit);
    }),
  ];
}

/** `watt-screen-2026-06-30.csv`, with the set's name when the view names one. */
export function exportFileName(x: ScreenExport, ext: "csv" | "xlsx"): string {
  const set = x.view.set ? `-${x.view.set.replace(/[^A-Za-z0-9_-]+/g, "_")}` : "";
  return `watt-screen-${x.screen.viewDate}${set}.${ext}`;
}

// --- Columns ----------------------------------------------------------------------------------------

const UNIT: Partial<Record<ColumnKind, string>> = {
  usd: "USD",
  usdPrice: "USD",
  perW: "USD/W",
  pct: "%",
  mw: "MW",
  years: "years",
  score: "0–100",
  usdPerKwMonth: "USD/kW-month",
};

/** A registry column's header with its unit. "Rank" rather than "#": CSV readers take "#" for a comment. */
export function exportHeader(def: ColumnDef): string {
  const header = def.id === "rank" ? "Rank" : def.header;
  const unit = UNIT[def.kind];
  return unit ? `${header} (${unit})` : header;
}

/** The columns the table shows for this view, in the table's order. */
export const visibleColumns = (view: View) => displayColumns(view.cols).map((id) => columnDef(id)!);

/**
 * The company CQS split into its parts (§7): T, C, G and S averaged with the weights the company CQS uses
 * (annual value, over the contracts that have a CQS), so 100 × Σ weight × part is the company CQS.
 */
export function cqsParts(contracts: readonly ContractScore[]): { t: number; c: number; g: number; s: number } | null {
  let w = 0,
    t = 0,
    c = 0,
    g = 0,
    s = 0;
  for (const k of contracts) {
    if (k.cqs == null || k.annualValueUsd == null) continue;
    w += k.annualValueUsd;
    t += k.annualValueUsd * k.t!;
    c += k.annualValueUsd * k.c!;
    g += k.annualValueUsd * k.g!;
    s += k.annualValueUsd * k.s;
  }
  return w > 0 ? { t: t / w, c: c / w, g: g / w, s: s / w } : null;
}

// --- CSV --------------------------------------------------------------------------------------------

/** Raw values, not display text: numbers stay numbers (percentages as percent points). */
function csvValue(r: ScreenerRow, def: ColumnDef): CsvValue {
  const v = r[def.id];
  if (v == null) return null;
  if (def.kind === "pct") return Math.round((v as number) * 10000) / 100;
  if (def.kind === "flags") return (v as string[]).join(" ");
  if (Array.isArray(v)) return v.join("; ");
  return v as string | number;
}

/**
 * One metadata line: `# section.key,value,unit,label` — a CSV record whose first field starts with "# ",
 * kept on one line (line breaks become spaces) and with its text neutralised like every other cell.
 */
function commentLine(m: MetadataEntry): string {
  const oneLine = (v: MetadataEntry["value"]) => (typeof v === "string" ? v.replace(/[\r\n]+/g, " ") : v);
  return [`# ${m.section}.${m.key}`, ...[m.value, m.unit, m.label].map((v) => csvCell(oneLine(v)))].join(",");
}

/** The last column of the CSV and of the XLSX Screen sheet: what a person entered, one item after another. */
export const USER_ENTERED_HEADER = "User-entered";
export const userEnteredCell = (row: ScreenerRow) => row.userEntered.join("; ") || null;

/**
 * RFC 4180 CSV of the view's visible columns, then "User-entered" whatever the columns (a figure someone
 * typed in is not to be taken for a sourced one), after a block of "# " metadata lines.
 */
export function screenCsv(x: ScreenExport): string {
  const cols = visibleColumns(x.view);
  const comments = ["# key,value,unit,label", ...exportMetadata(x).map(commentLine)];
  const header = [...cols.map(exportHeader), USER_ENTERED_HEADER];
  return (
    comments.join("\r\n") +
    "\r\n" +
    toCsv(
      header,
      x.rows.map(({ row }) => [...cols.map((c) => csvValue(row, c)), userEnteredCell(row)]),
    )
  );
}
