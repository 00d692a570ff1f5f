"use client";
import Link from "next/link";
import { useTable } from "@tanstack/react-table";
import { memo, useEffect, useLayoutEffect, useMemo, useRef } from "react";
import { pct, usdCompact } from "@/lib/format";
import { FLAG_INFO } from "@/lib/scoring/flags";
import { columnDef, noFilters, sortTitle, type ColumnId } from "@/lib/view/columns";
import { displayColumns } from "@/lib/view/column-order";
import { serializeView, type View, viewQuery } from "@/lib/view/params";
import type { ScreenerRow } from "@/lib/view/rows";
import { matchHint } from "@/lib/view/search";
import { Tip } from "../components/Tip";
import { UserEnteredMark } from "../components/UserEnteredMark";
import { Value } from "../components/Value";
import { ColumnPicker } from "./ColumnPicker";
import { columnDefs, features, warmTextRanks, type ScreenerTableMeta } from "./table-model";
import type { BuildCosts } from "./Screener";
import { DensityToggle, useDensity } from "./TableDensity";
import { useRovingGrid } from "./useRovingGrid";
import { useRowWindow } from "./useRowWindow";

/** Above this many companies the table renders only the rows in view (the exports still have them all). */
export const VIRTUALIZE_ABOVE = 200;

type SetView = (patch: Partial<View>, mode?: "push" | "replace") => void;

/**
 * Memoized: the URL catching up with a change (useSearchParams) re-renders the screener with the same props.
 * `rows` are the rows in view (the screener filters once per view); `allRows` every row of the screen.
 */
export const ScreenerTable = memo(function ScreenerTable({
  rows,
  allRows,
  view,
  setView,
  buildCost,
}: {
  rows: ScreenerRow[];
  allRows: ScreenerRow[];
  view: View;
  setView: SetView;
  buildCost: BuildCosts;
}) {
  const sorting = useMemo(() => [{ id: view.sort.id, desc: view.sort.dir === "desc" }], [view.sort.id, view.sort.dir]);
  const { cols } = view;
  const meta = useMemo<ScreenerTableMeta>(() => ({ allRows }), [allRows]);

  const table = useTable({
    features,
    columns: columnDefs,
    data: rows,
    meta,
    getRowId: (r: ScreenerRow) => r.ticker,
    // no visibility state: the table draws the view's columns itself, in the view's order
    state: { sorting },
    enableSortingRemoval: false,
    enableMultiSort: false,
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const s = next[0];
      if (s) setView({ sort: { id: s.id as ColumnId, dir: s.desc ? "desc" : "asc" } });
    },
  });

  // In the view's order (the picker moves them). One array while the columns stay the same, so memoized
  // rows skip re-rendering (on scroll, on a sort).
  const visibleIds = useMemo(() => displayColumns(cols), [cols]);
  const modelRows = table.getRowModel().rows;
  const shown = modelRows.map((r) => r.original);
  const setQuery = viewQuery(view);

  // Thousands of rows: render the window in view of the scrolling table (sticky header and ticker). Decided
  // on the whole screen, so filtering does not switch the table between the two layouts.
  const virtual = allRows.length > VIRTUALIZE_ABOVE;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [density, setDensity] = useDensity();
  const win = useRowWindow(scrollRef, shown.length, virtual, density);
  // One tab stop for the whole table; the arrow keys move inside it.
  const tableRef = useRef<HTMLTableElement>(null);
  const grid = useRovingGrid(tableRef);
  // The sticky parts' sizes: the ticker column's left offset and the box's scroll padding (globals.css).
  // Read after React's commit, when the browser lays out anyway; written only when they change.
  useLayoutEffect(() => {
    const box = scrollRef.current,
      head = tableRef.current?.tHead;
    const [rank, ticker] = head?.rows[0]?.cells ?? [];
    if (!box || !head || !rank || !ticker) return;
    const set = (name: string, px: number) => {
      const v = `${Math.round(px)}px`;
      if (box.style.getPropertyValue(name) !== v) box.style.setProperty(name, v);
    };
    set("--rank-width", rank.offsetWidth);
    set("--sticky-left", rank.offsetWidth + ticker.offsetWidth);
    set("--head-height", head.offsetHeight);
  });
  const { scrollToTop } = win;
  // A new order or filter starts from the top, as a short table would show it.
  useEffect(() => scrollToTop(), [scrollToTop, sorting, rows]);
  // Long tables: rank the text columns while the browser is idle, so even the first sort by name is quick.
  useEffect(() => (virtual ? warmTextRanks(allRows) : undefined), [virtual, allRows]);
  const windowRows = virtual ? shown.slice(win.start, win.end) : shown;

  return (
    <section aria-labelledby="table-title" className="table-section">
      <div className="table-head">
        <h2 id="table-title">
          {sortTitle(view.sort)}{" "}
          <span className="muted small">
            ({shown.length} of {allRows.length} companies · build cost ${buildCost.low}–${buildCost.high}/W, base ${buildCost.base})
          </span>
        </h2>
        <div className="table-actions">
          <ColumnPicker view={view} setView={setView} />
          <DensityToggle density={density} onChange={setDensity} />
          <ExportLinks view={view} />
        </div>
      </div>
      {/* The box scrolls both ways (a max-height), so the sticky header and the sticky rank and ticker
          columns stay in view inside it. Not a tab stop itself: the table's one stop is (useRovingGrid).
          The skip link's target: the next Tab from there lands on that stop. */}
      <div
        ref={scrollRef}
        id="screener-table"
        className={virtual ? "table-scroll virtual" : "table-scroll"}
        role="region"
        aria-label="Screener table, scrolls down and sideways; arrow keys move between cells"
      >
        <table
          ref={tableRef}
          role="grid"
          aria-labelledby="table-title"
          className={`grid screener-table ${density}`}
          aria-rowcount={virtual ? shown.length + 1 : undefined}
          onKeyDown={grid.onKeyDown}
          onFocus={grid.onFocus}
        >
          <thead>
            <tr aria-rowindex={virtual ? 1 : undefined}>
              {visibleIds.map((id) => {
                const def = columnDef(id)!;
                const column = table.getColumn(id)!;
                const sorted = column.getIsSorted();
                const numeric = def.kind !== "text" && def.kind !== "flags" && def.kind !== "date" && def.kind !== "tier";
                return (
                  <th
                    key={id}
                    scope="col"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                    className={`${numeric ? "num" : ""} ${stickyClass(def.id)}`}
                  >
                    <button type="button" className="sort" onClick={column.getToggleSortingHandler()} title={def.description}>
                      {def.header}
                      <span aria-hidden="true" className="sort-mark">
                        {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : ""}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {virtual && win.padTop > 0 && <Spacer px={win.padTop} span={visibleIds.length} />}
            {windowRows.map((r, i) => (
              <Row
                key={r.ticker}
                row={r}
                ids={visibleIds}
                setQuery={setQuery}
                index={virtual ? win.start + i + 2 : undefined}
                height={virtual ? win.rowHeight : undefined}
                prefetch={!virtual}
                hint={view.q ? matchHint(r, view.q) : undefined}
              />
            ))}
            {virtual && win.padBottom > 0 && <Spacer px={win.padBottom} span={visibleIds.length} />}
            {shown.length === 0 && (
              <tr>
                <td colSpan={visibleIds.length} className="empty">
                  No company matches this view.{" "}
                  <button type="button" className="link" onClick={() => setView({ q: "", ...noFilters(), preset: undefined })}>
                    Clear filters
                  </button>
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
});

const stickyClass = (id: string) => (id === "rank" ? "sticky-rank" : id === "ticker" ? "sticky-ticker" : "");

/** Stands in for the rows outside the window, so the scroll height and position stay true. */
function Spacer({ px, span }: { px: number; span: number }) {
  return (
    <tr aria-hidden="true" className="spacer">
      <td colSpan={span} style={{ height: px, padding: 0, border: 0 }} />
    </tr>
  );
}

/** Analysts' notes on the company: a marker with the count (the notes are on the company page). */
function NotesMarker({ count }: { count: number }) {
  if (!count) return null;
  const label = `${count} analyst note${count === 1 ? "" : "s"} (on the company page)`;
  return (
    <span className="notes-marker" title={label} aria-label={label} role="img">
      ✍{count > 1 ? count : ""}
    </span>
  );
}

/**
 * `prefetch` off for long tables: every sort or scroll brings new rows into view, and each row's link
 * would ask the server for its company page. `hint`: what the search matched, under the name (or the
 * ticker when the name column is hidden).
 */
const Row = memo(function Row({
  row,
  ids,
  setQuery,
  index,
  height,
  prefetch,
  hint,
}: {
  row: ScreenerRow;
  ids: ColumnId[];
  setQuery: string;
  index?: number;
  height?: number;
  prefetch: boolean;
  hint?: string;
}) {
  const hintIn: ColumnId = ids.includes("name") ? "name" : "ticker";
  return (
    <tr data-ticker={row.ticker} aria-rowindex={index} style={height ? { height } : undefined}>
      {ids.map((id) => (
        <Cell key={id} row={row} id={id} setQuery={setQuery} prefetch={prefetch} hint={id === hintIn ? hint : undefined} />
      ))}
    </tr>
  );
});

function Cell({ row, id, setQuery, prefetch, hint }: { row: ScreenerRow; id: ColumnId; setQuery: string; prefetch: boolean; hint?: string }) {
  const def = columnDef(id)!;
  const cls = stickyClass(id);
  const numeric = def.kind !== "text" && def.kind !== "flags" && def.kind !== "date" && def.kind !== "tier";
  let content: React.ReactNode;
  switch (id) {
    case "ticker":
      content = (
        <Link href={`/companies/${row.ticker}${setQuery}`} className="ticker" prefetch={prefetch ? undefined : false}>
          {row.ticker}
        </Link>
      );
      return (
        <th scope="row" className={cls}>
          {content}
          <UserEnteredMark lines={row.userEntered} />
          <NotesMarker count={row.notes} />
          {hint && <span className="match-hint">{hint}</span>}
        </th>
      );
    case "name":
      content = (
        <>
          <Clipped text={row.name} />
          {hint && <span className="match-hint">{hint}</span>}
        </>
      );
      break;
    case "mainCounterparty":
      content =
        row.mainCounterparty == null ? (
          <Value kind="text" value={null} reason={row.reasons.mainCounterparty} />
        ) : (
          <Clipped text={row.mainCounterparty} />
        );
      break;
    case "rank":
      content =
        row.rankGroup === "ranked" ? (
          row.rank
        ) : (
          <Tip tip={row.rankGroup === "negative-ev" ? "Negative EV: ranked apart, after the others" : "Discount not computable: ranked last"}>
            {row.rank}
          </Tip>
        );
      break;
    case "tier":
      content = (
        <Tip tip={row.why} className={`tier tier-${row.tier}`}>
          T{row.tier}
        </Tip>
      );
      break;
    case "discountBase":
      content = (
        <>
          <Value kind="pct" value={row.discountBase} reason={row.reasons.discountBase} />
          {row.discountLow != null && row.discountHigh != null && (
            <span className="range">
              {pct(row.discountLow)} to {pct(row.discountHigh)}
            </span>
          )}
        </>
      );
      break;
    case "flags":
      // the flags wrap onto a second line rather than widen the table
      content = row.flags.length ? (
        <span className="flag-list">
          {row.flags.map((f) => (
            <span
              key={f}
              className={`flag flag-${f}`}
              title={`${FLAG_INFO[f].means} (${FLAG_INFO[f].rule})${f === "stale-data" ? `: ${row.staleFigures.join(", ")}` : ""}`}
            >
              {f}
            </span>
          ))}
        </span>
      ) : (
        <span className="muted">none</span>
      );
      break;
    case "evUsd":
      content =
        row.evSource === "published" ? (
          <Tip tip={`Published EV (${row.evPublishedAsOf}) used: our EV needs data that is missing (§10.8)`} className="published">
            <Value kind="usd" value={row.evUsd} />
            <sup>pub</sup>
          </Tip>
        ) : (
          <Value kind="usd" value={row.evUsd} reason={row.reasons.evUsd} />
        );
      break;
    case "evPublishedUsd":
      content =
        row.evPublishedUsd == null ? (
          <Value kind="usd" value={null} reason={row.reasons.evPublishedUsd} />
        ) : (
          <Tip tip={`Published, as of ${row.evPublishedAsOf}`}>{usdCompact(row.evPublishedUsd)}</Tip>
        );
      break;
    case "priceAsOf":
      content = row.priceSourceUrl ? (
        <a href={row.priceSourceUrl} target="_blank" rel="noopener noreferrer nofollow">
          {row.priceAsOf}
        </a>
      ) : (
        <Value kind="date" value={null} reason="missing:sharePrice" />
      );
      break;
    default:
      content = <Value kind={def.kind} value={row[id]} reason={row.reasons[id]} />;
  }
  return <td className={`${numeric ? "num" : ""} ${cls} ${id === "discountBase" ? tone(row.discountBase) : ""}`}>{content}</td>;
}

const tone = (d: number | null) => (d == null ? "" : d > 0 ? "good" : "bad");

/**
 * Long text (a company's name, a counterparty) cut to a compact column with "…"; the whole text is its
 * title (on hover) and stays in the page for screen readers and search.
 */
function Clipped({ text }: { text: string }) {
  return (
    <span className="clipped" title={text}>
      {text}
    </span>
  );
}

/** The current view as files, made on the server from the same URL parameters (GET /api/screen.csv, .xlsx). */
function ExportLinks({ view }: { view: View }) {
  const q = serializeView(view).toString();
  const href = (ext: "csv" | "xlsx") => `/api/screen.${ext}${q ? `?${q}` : ""}`;
  return (
    <span className="export-links">
      <span aria-hidden="true">Export</span>{" "}
      <a className="button-link" href={href("csv")} download aria-label="Export CSV" title="The visible columns, with the view's metadata">
        CSV
      </a>{" "}
      <a className="button-link" href={href("xlsx")} download aria-label="Export XLSX" title="Every column, inputs with sources, contracts, metadata">
        XLSX
      </a>
    </span>
  );
}
