// Bulk-update text, JSON and CSV: each row checked with its line, bad rows reported without hiding good ones.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseUpdateText, toCsv } from "./update-text";

const H1 = readFileSync(path.join(__dirname, "..", "..", "..", "shared", "data", "updates", "2026-h1.json"), "utf8");

describe("update files (JSON)", () => {
  it("reads the real 2026-h1 file: 37 rows, all valid, each at the line its object starts", () => {
    const p = parseUpdateText(H1);
    expect(p.fileProblems).toEqual([]);
    expect(p.rows).toHaveLength(37);
    expect(p.rows.every((r) => r.row && r.problems.length === 0)).toBe(true);
    // the file has one key per line: row 1 opens on line 5, and every row is 8 lines (7 keys + braces) or 7
    const textLines = H1.split("\n");
    for (const r of p.rows) expect(textLines[r.line - 1].trim()).toBe("{");
    expect(p.rows[0].line).toBe(5);
  });

  it("names the line and field of each bad row; braces and quotes inside notes do not move the lines", () => {
    const text = `{"format": "watt-screener.fact-updates/1", "description": "t",
 "updates": [
  {"ticker": "IREN", "field": "cash", "value": 1, "asOf": "2026-01-31", "source": "https://a.example/x", "note": "a { brace \\" and ] bracket"},
  {"ticker": "IREN", "field": "cash", "value": "lots", "asOf": "2026-13-01", "source": "ftp://x"},
  {"ticker": "IREN", "field": "madeUp", "value": 1, "asOf": "2026-01-31", "source": "https://a.example/x"},
  {"ticker": "IREN", "field": "sharePrice", "value": 0, "asOf": "2026-01-31", "source": "https://a.example/x"},
  {"ticker": "IREN", "field": "cash", "value": 2, "asOf": "2026-01-31", "source": "https://a.example/y"},
  7
 ]}`;
    const p = parseUpdateText(text);
    expect(p.rows.map((r) => r.line)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(p.rows[0].problems).toEqual([]);
    const fields = (i: number) => p.rows[i].problems.map((x) => x.field).sort();
    expect(fields(1)).toEqual(["asOf", "source", "value"]);
    expect(p.rows[2].problems[0]).toMatchObject({ field: "field", message: expect.stringMatching(/^Unknown field/) });
    expect(p.rows[3].problems).toEqual([{ field: "value", message: "Must be at least $0.01" }]);
    expect(p.rows[4].problems).toEqual([{ field: "asOf", message: "Duplicate of line 3: one row per ticker, field and as-of" }]);
    expect(p.rows[5].problems).toEqual([{ field: "(row)", message: "Each row must be an object" }]);
  });

  it("a file that is not the format, or not JSON, is a file problem", () => {
    expect(parseUpdateText(`{"format": "other", "description": "", "updates": []}`).fileProblems[0]).toMatch(/^Not a fact-update file/);
    expect(parseUpdateText(`{"format": `).fileProblems[0]).toMatch(/^Not valid JSON/);
  });
});

describe("the same rows as CSV", () => {
  it("reads quoted notes with commas, quotes and newlines; lines are where each record starts", () => {
    const csv = [
      "ticker,field,value,asOf,source,note",
      'IREN,cash,3260000000,2025-12-31,https://a.example/x,"a note, with ""quotes""',
      'and a second line"',
      "IREN,sharePrice,abc,2026-02,https://a.example/x,",
      "ZZZ,cash,1,2026-02-30,https://a.example/x,",
      "IREN,cash,1",
    ].join("\n");
    const p = parseUpdateText(csv);
    expect(p.format).toBe("csv");
    expect(p.rows.map((r) => r.line)).toEqual([2, 4, 5, 6]);
    expect(p.rows[0].row).toMatchObject({ ticker: "IREN", field: "cash", value: 3_260_000_000, note: 'a note, with "quotes"\nand a second line' });
    expect(p.rows[1].problems).toEqual([{ field: "value", message: "Must be a number" }]);
    expect(p.rows[2].problems).toEqual([{ field: "asOf", message: "No such day in that month" }]); // an unknown ticker is the database's call
    expect(p.rows[3].problems).toEqual([{ field: "(row)", message: "Expected 6 cells, found 3" }]);
  });

  it("a header without the columns is a file problem", () => {
    expect(parseUpdateText("ticker,value\nIREN,1\n").fileProblems[0]).toMatch(
      /^Line 1: the header must name the columns .*\(missing: field, asOf, source, note\)/,
    );
  });

  it("toCsv writes what parseUpdateText reads back", () => {
    const rows = parseUpdateText(H1).rows.map((r) => r.row!);
    const back = parseUpdateText(toCsv(rows)).rows.map((r) => r.row);
    expect(back).toEqual(rows.map((r) => ({ ...r, note: r.note ?? null })));
  });
});
