// CSV per RFC 4180 (CRLF, quotes doubled, fields quoted when needed), safe to open in a spreadsheet:
// a text cell starting with = + - @ tab or CR gets a leading apostrophe so it is never run as a
// formula (OWASP "CSV injection"). Numbers stay numbers.
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet could run as a formula gets a leading apostrophe; the CSV and XLSX exports share it. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: CsvValue): string {
  if (value == null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = neutralizeFormula(String(value));
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** RFC 4180 records with the line each starts on: quoted fields may hold commas, quotes ("") and newlines. */
export function readCsv(text: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let line = 1,
    start = 1,
    cell = "",
    cells: string[] = [],
    quoted = false,
    i = 0;
  const src = text.replace(/^\uFEFF/, "");
  const end = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0].trim() === "")) out.push({ line: start, cells });
    cells = [];
    cell = "";
  };
  while (i < src.length) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i++;
        continue;
      }
      if (ch === "\n") line++;
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === "") {
      quoted = true;
      i++;
      continue;
    }
    if (ch === ",") {
      cells.push(cell);
      cell = "";
      i++;
      continue;
    }
    if (ch === "\r") {
      i++;
      continue;
    }
    if (ch === "\n") {
      end();
      line++;
      start = line;
      i++;
      continue;
    }
    cell += ch;
    i++;
  }
  if (cell !== "" || cells.length) end();
  return out;
}
