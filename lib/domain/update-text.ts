// A bulk update as the user gives it — an update file (JSON, the format of ../shared/data/updates/) or
// the same rows as CSV (ticker,field,value,asOf,source,note[,basis]) — checked row by row, each row with
// the line it starts on, so one bad row is reported with its line and field and the others still read.
// Pure: the database side (which rows are new, corrections or unchanged) is lib/server/updates.ts.
import { readCsv } from "../csv";
import { UPDATE_FORMAT, rowKey, rowValueIssues, updateRowSchema, type FactUpdate } from "./updates";

export interface RowProblem {
  field: string;
  message: string;
}
export interface UpdateRow {
  /** 1-based line of the text where the row starts */
  line: number;
  /** the row as given (for display) */
  given: Record<string, unknown>;
  /** the checked row, or null when it has problems */
  row: FactUpdate | null;
  problems: RowProblem[];
}
export interface ParsedUpdate {
  format: "json" | "csv";
  description: string;
  rows: UpdateRow[];
  /** problems with the file as a whole (not JSON, not the format, no header): nothing can be applied */
  fileProblems: string[];
}

export const CSV_COLUMNS = ["ticker", "field", "value", "asOf", "source", "note"] as const;
const CSV_OPTIONAL = ["basis"] as const;
/** At most this many rows per file (a larger update is split into several files). */
export const MAX_ROWS = 200_000;

/** Checks one row; the caller adds duplicates. */
export function checkRow(line: number, given: Record<string, unknown>): UpdateRow {
  const parsed = updateRowSchema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) =>
      i.code === "unrecognized_keys"
        ? { field: i.keys.join(", "), message: "Unknown column" }
        : { field: String(i.path[0] ?? "(row)"), message: i.message },
    );
    return { line, given, row: null, problems };
  }
  const problems = rowValueIssues(parsed.data).map((i) => ({ field: String(i.path[0] ?? "value"), message: i.message }));
  return { line, given, row: problems.length ? null : parsed.data, problems };
}

/** Marks every row after the first of a (ticker, field, as-of) as a duplicate. */
function markDuplicates(rows: UpdateRow[]) {
  const first = new Map<string, number>();
  for (const r of rows) {
    if (!r.row) continue;
    const key = rowKey(r.row);
    const seen = first.get(key);
    if (seen === undefined) {
      first.set(key, r.line);
      continue;
    }
    r.problems.push({ field: "asOf", message: `Duplicate of line ${seen}: one row per ticker, field and as-of` });
    r.row = null;
  }
}

export function parseUpdateText(text: string): ParsedUpdate {
  const trimmed = text.replace(/^\uFEFF/, "").trimStart();
  const parsed = trimmed.startsWith("{") || trimmed.startsWith("[") ? parseJson(text) : parseCsv(text);
  markDuplicates(parsed.rows);
  return parsed;
}

// ── JSON ─────────────────────────────────────────────────────────────────────────────────────────────

function parseJson(text: string): ParsedUpdate {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { format: "json", description: "", rows: [], fileProblems: [`Not valid JSON: ${e instanceof Error ? e.message : e}`] };
  }
  const d = doc as { format?: unknown; description?: unknown; updates?: unknown };
  const fileProblems: string[] = [];
  if (!d || typeof d !== "object" || Array.isArray(d))
    return {
      format: "json",
      description: "",
      rows: [],
      fileProblems: ["Not an update file: expected an object with format, description and updates"],
    };
  if (d.format !== UPDATE_FORMAT) fileProblems.push(`Not a fact-update file (format must be "${UPDATE_FORMAT}")`);
  if (typeof d.description !== "string") fileProblems.push("description — must be text");
  const extra = Object.keys(d).filter((k) => !["format", "description", "updates"].includes(k));
  if (extra.length) fileProblems.push(`Unknown key${extra.length > 1 ? "s" : ""}: ${extra.join(", ")}`);
  if (!Array.isArray(d.updates))
    return { format: "json", description: "", rows: [], fileProblems: [...fileProblems, "updates — must be a list of rows"] };
  if (d.updates.length > MAX_ROWS)
    return {
      format: "json",
      description: "",
      rows: [],
      fileProblems: [...fileProblems, `Too many rows: ${d.updates.length} (at most ${MAX_ROWS} per file)`],
    };
  const lines = updateLines(text);
  const rows = d.updates.map((u, i) =>
    u && typeof u === "object" && !Array.isArray(u)
      ? checkRow(lines[i] ?? 0, u as Record<string, unknown>)
      : { line: lines[i] ?? 0, given: { value: u }, row: null, problems: [{ field: "(row)", message: "Each row must be an object" }] },
  );
  return { format: "json", description: typeof d.description === "string" ? d.description.slice(0, 2000) : "", rows, fileProblems };
}

/**
 * The line on which each element of the top-level "updates" array starts. A small scanner over the JSON
 * text (already known to parse): strings are skipped with their escapes, so braces inside notes do not count.
 */
function updateLines(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  let line = 1,
    depth = 0,
    updatesDepth = -1,
    closed = false,
    afterUpdatesKey = false,
    lastString = "",
    i = 0;
  const element = (at: number) => {
    if (!closed && updatesDepth >= 0 && depth === updatesDepth) out.push(at);
  };
  while (i < n) {
    const ch = text[i];
    if (ch === "\n") {
      line++;
      i++;
      continue;
    }
    if (ch === " " || ch === "\t" || ch === "\r" || ch === ",") {
      i++;
      continue;
    }
    if (ch === '"') {
      element(line);
      let j = i + 1,
        str = "";
      while (j < n && text[j] !== '"') {
        if (text[j] === "\\") {
          str += text[j + 1] ?? "";
          j += 2;
          continue;
        }
        str += text[j++];
      }
      lastString = str;
      i = j + 1;
      continue;
    }
    if (ch === ":") {
      afterUpdatesKey = depth === 1 && lastString === "updates";
      i++;
      continue;
    }
    if (ch === "{" || ch === "[") {
      element(line);
      if (ch === "[" && afterUpdatesKey && updatesDepth < 0) updatesDepth = depth + 1;
      afterUpdatesKey = false;
      depth++;
      i++;
      continue;
    }
    if (ch === "}" || ch === "]") {
      depth--;
      if (updatesDepth >= 0 && depth === updatesDepth - 1) closed = true;
      i++;
      continue;
    }
    element(line); // a number, true, false or null
    afterUpdatesKey = false;
    while (i < n && !/[\s,\]}]/.test(text[i])) i++;
  }
  return out;
}

// ── CSV ──────────────────────────────────────────────────────────────────────────────────────────────

function parseCsv(text: string): ParsedUpdate {
  const records = readCsv(text);
  if (records.length === 0) return { format: "csv", description: "", rows: [], fileProblems: ["The text is empty"] };
  const [head, ...body] = records;
  const header = head.cells.map((c) => c.trim());
  const known = [...CSV_COLUMNS, ...CSV_OPTIONAL] as readonly string[];
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !known.includes(c));
  const fileProblems: string[] = [];
  if (missing.length) fileProblems.push(`Line 1: the header must name the columns ${CSV_COLUMNS.join(",")} (missing: ${missing.join(", ")})`);
  if (unknown.length) fileProblems.push(`Line 1: unknown column${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}`);
  if (fileProblems.length) return { format: "csv", description: "", rows: [], fileProblems };
  if (body.length > MAX_ROWS)
    return { format: "csv", description: "", rows: [], fileProblems: [`Too many rows: ${body.length} (at most ${MAX_ROWS} per file)`] };
  const rows = body.map(({ line, cells }) => {
    if (cells.length !== header.length)
      return {
        line,
        given: Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""])),
        row: null,
        problems: [{ field: "(row)", message: `Expected ${header.length} cells, found ${cells.length}` }],
      };
    const given: Record<string, unknown> = {};
    header.forEach((h, i) => {
      const v = cells[i];
      if (h === "value") given.value = v.trim() === "" || !Number.isFinite(Number(v)) ? v : Number(v);
      else if (h === "note") given.note = v.trim() === "" ? null : v;
      else if (h === "basis") {
        if (v.trim() !== "") given.basis = v.trim();
      } else given[h] = v.trim();
    });
    return checkRow(line, given);
  });
  return { format: "csv", description: "", rows, fileProblems: [] };
}

/** Rows as CSV in the same columns (the export's CSV form). */
export function toCsv(rows: FactUpdate[]): string {
  const q = (v: unknown) => {
    const s = v == null ? "" : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const cols = [...CSV_COLUMNS, ...CSV_OPTIONAL];
  return [cols.join(","), ...rows.map((r) => cols.map((c) => q((r as Record<string, unknown>)[c])).join(","))].join("\n") + "\n";
}
