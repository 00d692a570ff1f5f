// The screener table's keyboard moves (lib/view/grid-keys.ts), on a small grid written out by hand:
//   row 0 (header):  cells 0 1 2 3        → stops [0, 1, 2, 3]
//   row 1:           ticker cell has ✎   → stops [0, 1, 1, 2, 3]
//   row 2:           plain               → stops [0, 1, 2, 3]
//   row 3:           "no company" row    → stops [0]
import { describe, expect, it } from "vitest";
import { moveInGrid, PAGE_ROWS } from "./grid-keys";

const GRID = [[0, 1, 2, 3], [0, 1, 1, 2, 3], [0, 1, 2, 3], [0]];
const move = (row: number, stop: number, key: string, mods: Partial<Record<"ctrlKey" | "metaKey" | "altKey" | "shiftKey", boolean>> = {}) =>
  moveInGrid(GRID, { row, stop }, { key, ...mods });

describe("moveInGrid", () => {
  it("left and right walk the stops of a row, the ✎ included, and stop at its ends", () => {
    expect(move(1, 1, "ArrowRight")).toEqual({ row: 1, stop: 2 }); // ticker link → its ✎
    expect(move(1, 2, "ArrowRight")).toEqual({ row: 1, stop: 3 }); // ✎ → next cell
    expect(move(1, 4, "ArrowRight")).toEqual({ row: 1, stop: 4 });
    expect(move(1, 0, "ArrowLeft")).toEqual({ row: 1, stop: 0 });
  });

  it("up and down keep the cell, landing on its first stop", () => {
    expect(move(0, 2, "ArrowDown")).toEqual({ row: 1, stop: 3 }); // cell 2 is row 1's fourth stop
    expect(move(1, 2, "ArrowDown")).toEqual({ row: 2, stop: 1 }); // from the ✎ (cell 1) to cell 1
    expect(move(2, 3, "ArrowUp")).toEqual({ row: 1, stop: 4 });
    expect(move(0, 1, "ArrowUp")).toEqual({ row: 0, stop: 1 }); // no wrap at the top
    expect(move(2, 3, "ArrowDown")).toEqual({ row: 3, stop: 0 }); // a one-cell row: its only stop
    expect(move(3, 0, "ArrowDown")).toEqual({ row: 3, stop: 0 });
  });

  it("Home and End go to the ends of the row; with Ctrl (or ⌘), of the table", () => {
    expect(move(1, 2, "Home")).toEqual({ row: 1, stop: 0 });
    expect(move(1, 2, "End")).toEqual({ row: 1, stop: 4 });
    expect(move(2, 2, "Home", { ctrlKey: true })).toEqual({ row: 0, stop: 0 });
    expect(move(0, 0, "End", { metaKey: true })).toEqual({ row: 3, stop: 0 });
  });

  it(`Page Up and Page Down move ${PAGE_ROWS} rows, stopping at the first and last row`, () => {
    const tall = Array.from({ length: 25 }, () => [0, 1, 2]);
    expect(moveInGrid(tall, { row: 3, stop: 1 }, { key: "PageDown" })).toEqual({ row: 13, stop: 1 });
    expect(moveInGrid(tall, { row: 20, stop: 2 }, { key: "PageDown" })).toEqual({ row: 24, stop: 2 });
    expect(moveInGrid(tall, { row: 4, stop: 0 }, { key: "PageUp" })).toEqual({ row: 0, stop: 0 });
  });

  it("leaves other keys, and the browser's own shortcuts, to the browser", () => {
    for (const key of ["Tab", "Enter", " ", "a", "Escape"]) expect(move(1, 1, key)).toBeNull();
    expect(move(1, 1, "ArrowRight", { altKey: true })).toBeNull(); // Alt+← is back in history
    expect(move(1, 1, "ArrowDown", { shiftKey: true })).toBeNull();
    expect(move(1, 1, "PageDown", { ctrlKey: true })).toBeNull(); // next browser tab
    expect(moveInGrid([], { row: 0, stop: 0 }, { key: "ArrowDown" })).toBeNull();
  });

  it("clamps a position left over from a longer table (rows filtered away)", () => {
    expect(move(9, 9, "ArrowLeft")).toEqual({ row: 3, stop: 0 });
  });
});
