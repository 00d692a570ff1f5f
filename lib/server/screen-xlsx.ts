// The screen as an XLSX workbook: Screen (one row per company, in the view's order), Inputs (one row per
// company and scoring input, with its source and as-of), Contracts (each contract's quality parts) and
// Metadata (exportMetadata(): view date, set, every assumption, filters, dataset, export time, version).
// Screen's last column and two Inputs columns say what a person entered rather than the dataset or an
// update file (lib/domain/user-entered.ts).
// Numbers are numbers with a number format; an empty cell is a missing value, never 0, and says why in
// a cell comment (Screen, Contracts) or the "Why empty" column (Inputs). Every text cell is neutralised
// as the CSV's are (lib/csv.ts), so nothing in the data can become a formula.
import "server-only";
import ExcelJS from "exceljs";
import { neutralizeFormula } from "../csv";
import { factMeta } from "../domain/facts";
import { enteredFigure, type UserEntered } from "../domain/user-entered";
import { explainReason } from "../format";
import { ASSUMPTION_META, type AssumptionKey } from "../scoring/assumptions";
import { formatAssumption } from "../view/assumption-diff";
import type { BalanceSheetKey, ContractScore, InputUsed } from "../scoring/types";
import { COLUMNS, type ColumnDef, type ColumnId, type ColumnKind } from "../view/columns";
import { enteredByText } from "../view/user-entered";
import {
  APP_VERSION,
  cqsParts,
  exportHeader,
  exportMetadata,
  USER_ENTERED_HEADER,
  userEnteredCell,
  type ExportRow,
  type MetadataEntry,
  type ScreenExport,
} from "./screen-export";

type Value = string | number | boolean | null;

interface SheetColumn<T> {
  header: string;
  width?: number;
  numFmt?: string;
  value: (x: T) => Value | undefined;
  /** why the cell is empty, as a sentence (a cell comment); only asked when the value is null */
  whyEmpty?: (x: T) => string;
}

const NUM_FMT: Partial<Record<ColumnKind, string>> = {
  int: "0",
  tier: "0",
  usd: "#,##0",
  usdPrice: "#,##0.00",
  perW: "0.00",
  pct: "0.0%",
  mw: "#,##0.0",
  years: "0.0",
  score: "0",
  usdPerKwMonth: "#,##0",
};
const WIDTH: Partial<Record<ColumnKind, number>> = { text: 22, flags: 30, usd: 16, date: 12, int: 6, tier: 8 };

function registryColumn(def: ColumnDef): SheetColumn<ExportRow> {
  return {
    header: exportHeader(def),
    width: WIDTH[def.kind] ?? 13,
    numFmt: NUM_FMT[def.kind],
    value: ({ row }) => {
      const v = row[def.id];
      return Array.isArray(v) ? v.join(def.kind === "flags" ? " " : "; ") : (v as Value);
    },
    // The table's own "—" tooltips; a price date is missing exactly when the price is.
    whyEmpty: ({ row }) => explainReason(row.reasons[def.id] ?? (def.id === "priceAsOf" ? row.reasons.priceUsd : undefined)),
  };
}

const fraction = (header: string, value: SheetColumn<ExportRow>["value"], whyEmpty?: SheetColumn<ExportRow>["whyEmpty"]): SheetColumn<ExportRow> => ({
  header,
  numFmt: "0.00",
  width: 11,
  value,
  whyEmpty,
});
const partsOf = (x: ExportRow) => cqsParts(x.score.contracts);
const cqsWhy = (x: ExportRow) => explainReason(x.score.reasons.cqs);
const funnelBlock = (i: 1 | 2 | 3 | 4 | 5 | 6): SheetColumn<ExportRow> => ({
  header: `${ASSUMPTION_META[`weightS${i}`].label} (IT MW)`,
  numFmt: "#,##0.0",
  width: 13,
  value: (x) => x.score.funnel[`s${i}`],
});

/** Columns the table does not have, each placed after a table column. */
const EXTRA_AFTER: Partial<Record<ColumnId, SheetColumn<ExportRow>[]>> = {
  tier: [
    { header: "Why this tier", width: 40, value: (x) => x.row.why },
    { header: "Rank group", width: 12, value: (x) => x.row.rankGroup },
  ],
  evUsd: [{ header: "EV source", width: 11, value: (x) => x.row.evSource, whyEmpty: (x) => explainReason(x.row.reasons.evUsd) }],
  discountBase: [
    {
      header: "Discount at low build cost (%)",
      numFmt: "0.0%",
      width: 13,
      value: (x) => x.score.discountLow,
      whyEmpty: (x) => explainReason(x.score.reasons.discountLow ?? x.score.reasons.discountBase),
    },
    {
      header: "Discount at high build cost (%)",
      numFmt: "0.0%",
      width: 13,
      value: (x) => x.score.discountHigh,
      whyEmpty: (x) => explainReason(x.score.reasons.discountHigh ?? x.score.reasons.discountBase),
    },
  ],
  itMwEffective: ([1, 2, 3, 4, 5, 6] as const).map(funnelBlock),
  cqs: [
    fraction("CQS tenor T (0–1)", (x) => partsOf(x)?.t, cqsWhy),
    fraction("CQS credit C (0–1)", (x) => partsOf(x)?.c, cqsWhy),
    fraction("CQS GPU funding G (0–1)", (x) => partsOf(x)?.g, cqsWhy),
    fraction("CQS structure S (0–1)", (x) => partsOf(x)?.s, cqsWhy),
  ],
  gapToMarketCap: [
    {
      header: "Financing gap (USD)",
      numFmt: "#,##0",
      width: 16,
      value: (x) => x.score.financingGapUsd,
      whyEmpty: (x) => explainReason(x.score.reasons.financingGapUsd),
    },
  ],
  flags: [{ header: "Stale figures (age on the view date)", width: 28, value: (x) => x.row.staleFigures.join(", ") || null }],
  priceAsOf: [{ header: "Price source", width: 40, value: (x) => x.row.priceSourceUrl, whyEmpty: (x) => explainReason(x.row.reasons.priceUsd) }],
};

const SCREEN_COLUMNS: SheetColumn<ExportRow>[] = [
  ...COLUMNS.flatMap((def) => [registryColumn(def), ...(EXTRA_AFTER[def.id] ?? [])]),
  {
    header: "Company assumption overrides",
    width: 30,
    // by label, as the company page lists them (the Metadata sheet pairs each label with its key)
    value: (x) =>
      x.score.overriddenKeys
        .map((k) => `${ASSUMPTION_META[k as AssumptionKey].label} = ${formatAssumption(x.score.assumptions[k as AssumptionKey])}`)
        .join("; ") || null,
  },
  { header: USER_ENTERED_HEADER, width: 50, value: (x) => userEnteredCell(x.row) },
];

interface InputRow {
  ticker: string;
  input: InputUsed;
  proForma: number | null;
  entered: UserEntered | undefined;
}

const INPUT_COLUMNS: SheetColumn<InputRow>[] = [
  { header: "Ticker", width: 8, value: (x) => x.ticker },
  { header: "Key", width: 26, value: (x) => x.input.key },
  { header: "Figure", width: 30, value: (x) => factMeta(x.input.key)?.label ?? x.input.key },
  { header: "Unit", width: 14, value: (x) => factMeta(x.input.key)?.unit ?? null },
  { header: "Value", width: 16, value: (x) => x.input.value },
  {
    header: "Why empty",
    width: 36,
    value: (x) => (x.input.value != null ? null : x.input.assumedZero ? "None found: taken as 0 (methodology §14)" : "Missing from the data"),
  },
  { header: "Pro-forma value on the view date (§10.1)", width: 18, value: (x) => x.proForma },
  { header: "As of", width: 12, value: (x) => x.input.asOf },
  { header: "Source URL", width: 50, value: (x) => x.input.sourceUrl },
  { header: "Note", width: 60, value: (x) => x.input.note },
  { header: USER_ENTERED_HEADER, width: 12, value: (x) => x.entered != null },
  { header: "Entered by", width: 36, value: (x) => (x.entered ? enteredByText(x.entered) : null) },
];

interface ContractRow {
  ticker: string;
  c: ContractScore;
}
const part = (
  header: string,
  value: (c: ContractScore) => number | null,
  why: (c: ContractScore) => string | undefined = (c) => c.cqsReason,
): SheetColumn<ContractRow> => ({ header, numFmt: "0.00", width: 11, value: (x) => value(x.c), whyEmpty: (x) => explainReason(why(x.c)) });

const CONTRACT_COLUMNS: SheetColumn<ContractRow>[] = [
  { header: "Ticker", width: 8, value: (x) => x.ticker },
  { header: "Contract", width: 24, value: (x) => x.c.code },
  { header: "Counterparty", width: 20, value: (x) => x.c.counterparty },
  { header: "Company share (%)", numFmt: "0%", width: 10, value: (x) => x.c.share },
  { header: "IT MW at company share", numFmt: "#,##0.0", width: 12, value: (x) => x.c.itMwIt, whyEmpty: () => explainReason("missing:itMw") },
  { header: "Delivered IT MW", numFmt: "#,##0.0", width: 12, value: (x) => x.c.deliveredItMw },
  {
    header: "Total value (USD)",
    numFmt: "#,##0",
    width: 16,
    value: (x) => x.c.totalValueUsd,
    whyEmpty: () => explainReason("missing:totalValueUsd"),
  },
  {
    header: "Annual value (USD)",
    numFmt: "#,##0",
    width: 16,
    value: (x) => x.c.annualValueUsd,
    whyEmpty: () => explainReason("missing:annualValue"),
  },
  part(
    "Tenor T (0–1)",
    (c) => c.t,
    () => "missing:tenorYears",
  ),
  part("Credit C (0–1)", (c) => c.c),
  { header: "Backstop share β (0–1)", numFmt: "0.00", width: 11, value: (x) => x.c.beta },
  part(
    "GPU funding G (0–1)",
    (c) => c.g,
    (c) => c.gReason,
  ),
  part("Structure S (0–1)", (c) => c.s),
  part("CQS (0–100)", (c) => c.cqs),
  { header: "Investment-grade backed", width: 12, value: (x) => x.c.igBacked },
];

const METADATA_COLUMNS: SheetColumn<MetadataEntry>[] = [
  { header: "Section", width: 12, value: (m) => m.section },
  { header: "Key", width: 28, value: (m) => m.key },
  { header: "Label", width: 48, value: (m) => m.label },
  { header: "Value", width: 40, value: (m) => m.value },
  { header: "Unit", width: 16, value: (m) => m.unit || null },
];

/** What a cell holds: neutralised text, finite numbers, booleans; anything else is empty. */
function cellValue(v: Value | undefined): ExcelJS.CellValue {
  if (typeof v === "string") return neutralizeFormula(v);
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  return typeof v === "boolean" ? v : null;
}

function addSheet<T>(wb: ExcelJS.Workbook, name: string, columns: SheetColumn<T>[], items: readonly T[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: neutralizeFormula(c.header), width: c.width ?? 14, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  ws.getRow(1).font = { bold: true };
  for (const item of items) {
    const values = columns.map((c) => cellValue(c.value(item)));
    const row = ws.addRow(values);
    columns.forEach((c, i) => {
      if (values[i] == null && c.whyEmpty) row.getCell(i + 1).note = neutralizeFormula(c.whyEmpty(item));
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

export function screenWorkbook(x: ScreenExport): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = `Watt Screener ${APP_VERSION}`;
  wb.created = x.exportedAt;
  addSheet(wb, "Screen", SCREEN_COLUMNS, x.rows);
  addSheet(
    wb,
    "Inputs",
    INPUT_COLUMNS,
    x.rows.flatMap(({ score, entered }) =>
      score.inputs.map((input) => ({
        ticker: score.ticker,
        input,
        proForma: score.proForma[input.key as BalanceSheetKey]?.value ?? null,
        entered: enteredFigure(entered, input.key),
      })),
    ),
  );
  addSheet(
    wb,
    "Contracts",
    CONTRACT_COLUMNS,
    x.rows.flatMap(({ score }) => score.contracts.map((c) => ({ ticker: score.ticker, c }))),
  );
  addSheet(wb, "Metadata", METADATA_COLUMNS, exportMetadata(x));
  return wb;
}

export async function screenXlsx(x: ScreenExport): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await screenWorkbook(x).xlsx.writeBuffer());
}
