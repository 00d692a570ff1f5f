// One order for the screen: the table sorts with TanStack (app/screener/table-model.ts: its sort function,
// text ranks, missing values last, ties by the order the rows come in), GET /api/screen and the exports
// with lib/view's sortRows. Two paths, so this test holds them together: for every column, both
// directions, on the real dataset at the snapshot and on the latest date, the table's order is sortRows'.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { useTable } from "@tanstack/react-table";
import { describe, expect, it } from "vitest";
import { SNAPSHOT_VIEW, snapshotCompanies, snapshotHistories } from "../prisma/snapshot";
import { columnDefs, features, type ScreenerTableMeta } from "../app/screener/table-model";
import { recordAt } from "../lib/domain/history";
import { toScoringCompany } from "../lib/domain/to-scoring";
import { DEFAULT_ASSUMPTIONS as A } from "../lib/scoring/assumptions";
import { screen } from "../lib/scoring/screen";
import { COLUMN_IDS, type ColumnId } from "../lib/view/columns";
import { applyView, sortRows } from "../lib/view/filter";
import { DEFAULT_VIEW } from "../lib/view/params";
import { toScreenerRow, type ScreenerRow } from "../lib/view/rows";

/** The table's order: the app's features and columns through useTable, rendered once on the server. */
function tableOrder(rows: ScreenerRow[], allRows: ScreenerRow[], id: ColumnId, desc: boolean): string[] {
  let order: string[] = [];
  const meta: ScreenerTableMeta = { allRows };
  function Probe() {
    const table = useTable({
      features,
      columns: columnDefs,
      data: rows,
      meta,
      getRowId: (r: ScreenerRow) => r.ticker,
      state: { sorting: [{ id, desc }] },
    });
    order = table.getRowModel().rows.map((r) => r.id);
    return null;
  }
  renderToString(createElement(Probe));
  return order;
}

const snapshot = screen(snapshotCompanies(), A, SNAPSHOT_VIEW).map(toScreenerRow);
const latest = (() => {
  const histories = snapshotHistories();
  const day = "2026-06-30";
  return screen(
    histories.map((h) => toScoringCompany(recordAt(h, day, SNAPSHOT_VIEW.viewDate))),
    A,
    { viewDate: day },
  ).map(toScreenerRow);
})();

describe("the table's order is the API's", () => {
  it.each([
    ["the snapshot", snapshot],
    ["2026-06-30", latest],
  ] as const)("on %s, every column both ways", (_d, rows) => {
    // the server sends the rows in rank order, which is what both break ties by
    expect(rows.map((r) => r.rank)).toEqual(rows.map((_r, i) => i + 1));
    for (const id of COLUMN_IDS)
      for (const dir of ["asc", "desc"] as const) {
        expect(tableOrder(rows, rows, id, dir === "desc"), `${id}.${dir}`).toEqual(sortRows(rows, { id, dir }).map((r) => r.ticker));
      }
  });

  it("also on the rows a filter leaves, with the text ranks of the whole screen", () => {
    const view = { ...DEFAULT_VIEW, tiers: [1, 2] as (1 | 2 | 3)[] };
    const shown = snapshot.filter((r) => r.tier !== 3);
    for (const id of ["name", "mainCounterparty", "ticker", "cqs", "flags"] as ColumnId[])
      for (const dir of ["asc", "desc"] as const) {
        expect(tableOrder(shown, snapshot, id, dir === "desc"), `${id}.${dir}`).toEqual(
          applyView(snapshot, { ...view, sort: { id, dir } }).map((r) => r.ticker),
        );
      }
  });
});
