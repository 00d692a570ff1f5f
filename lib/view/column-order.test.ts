// The order of the screener's columns: the picker's moves, where a column shown again goes, and that the
// URL keeps the order (a link reproduces the table as it was arranged).
import { describe, expect, it } from "vitest";
import { DEFAULT_VISIBLE, type ColumnId } from "./columns";
import { displayColumns, hideColumn, moveColumn, showColumn } from "./column-order";
import { DEFAULT_VIEW, parseView, serializeView } from "./params";

// DEFAULT_VISIBLE begins rank, ticker, name, tier, priceUsd, impliedPriceBaseUsd, marketCapUsd, evUsd,
// evPerWEffectiveIt, discountBase, … (lib/view/columns.ts)
describe("column order", () => {
  it("puts rank and ticker first, wherever the list has them, then the chosen columns in the list's order", () => {
    expect(displayColumns(["cqs", "ticker", "name"])).toEqual(["rank", "ticker", "cqs", "name"]);
    expect(displayColumns([])).toEqual(["rank", "ticker"]);
  });

  it("moves a column one place left or right among the chosen ones, and not past either end", () => {
    expect(moveColumn(DEFAULT_VISIBLE, "tier", -1).slice(0, 5)).toEqual(["rank", "ticker", "tier", "name", "priceUsd"]);
    expect(moveColumn(DEFAULT_VISIBLE, "name", 1).slice(0, 5)).toEqual(["rank", "ticker", "tier", "name", "priceUsd"]);
    // name is the first chosen column: it does not move in front of the ticker; the last does not wrap
    expect(moveColumn(DEFAULT_VISIBLE, "name", -1)).toEqual(DEFAULT_VISIBLE);
    expect(moveColumn(DEFAULT_VISIBLE, "priceAsOf", 1)).toEqual(DEFAULT_VISIBLE);
    // rank and ticker are not moved; a hidden column has nowhere to go
    expect(moveColumn(DEFAULT_VISIBLE, "ticker", 1)).toEqual(DEFAULT_VISIBLE);
    expect(moveColumn(DEFAULT_VISIBLE, "evPerWTotalGross", -1)).toEqual(DEFAULT_VISIBLE);
  });

  it("shows a column beside its neighbour in the registry, keeping an order the user made", () => {
    // EV/W gross follows EV/W eff. IT in the registry
    const shown = showColumn(DEFAULT_VISIBLE, "evPerWTotalGross");
    expect(shown.indexOf("evPerWTotalGross")).toBe(shown.indexOf("evPerWEffectiveIt") + 1);
    expect(shown.filter((c) => c !== "evPerWTotalGross")).toEqual(DEFAULT_VISIBLE);
    // after moving EV/W eff. IT to the front, EV/W gross still comes right after it
    const arranged = moveColumn(
      moveColumn(moveColumn(["name", "tier", "evPerWEffectiveIt"], "evPerWEffectiveIt", -1), "evPerWEffectiveIt", -1),
      "evPerWEffectiveIt",
      -1,
    );
    expect(arranged).toEqual(["rank", "ticker", "evPerWEffectiveIt", "name", "tier"]);
    expect(showColumn(arranged, "evPerWTotalGross")).toEqual(["rank", "ticker", "evPerWEffectiveIt", "evPerWTotalGross", "name", "tier"]);
    // no shown column precedes it in the registry: it goes first; shown twice: once
    expect(showColumn(["cqs"], "name")).toEqual(["rank", "ticker", "name", "cqs"]);
    expect(showColumn(["cqs"], "cqs")).toEqual(["rank", "ticker", "cqs"]);
  });

  it("hides a chosen column, never rank or ticker", () => {
    expect(hideColumn(["rank", "ticker", "name", "cqs"], "name")).toEqual(["rank", "ticker", "cqs"]);
    expect(hideColumn(["rank", "ticker", "name"], "ticker")).toEqual(["rank", "ticker", "name"]);
  });

  it("the URL keeps the order: a rearranged default set is written out and read back in that order", () => {
    const swapped = moveColumn(DEFAULT_VISIBLE, "tier", -1);
    const qs = serializeView({ ...DEFAULT_VIEW, cols: swapped });
    expect(qs.get("cols")).toBe(swapped.join(","));
    const back = parseView(qs);
    expect(back.ok && back.view.cols).toEqual(swapped);
    // the default order stays out of the address
    expect(serializeView({ ...DEFAULT_VIEW, cols: [...DEFAULT_VISIBLE] }).has("cols")).toBe(false);
    const custom: ColumnId[] = ["cqs", "name", "flags"];
    const read = parseView(new URLSearchParams(`cols=${custom.join(",")}`));
    expect(read.ok && displayColumns(read.view.cols)).toEqual(["rank", "ticker", "cqs", "name", "flags"]);
  });
});
