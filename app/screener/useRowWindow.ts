"use client";
// Row windowing for long tables: only the rows in (and near) the visible part of a scrolling container
// are rendered; spacer rows above and below keep the scroll height. Rows are made one height (the
// tallest seen, measured after each render), so positions are exact without measuring every row.
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";

/** First guess of a row's height (px), used on the server and until the first rows are measured. */
const ESTIMATED_ROW_PX = 52;
/** Viewport assumed on the server, where there is none. */
const SERVER_VIEWPORT_PX = 900;
const OVERSCAN = 8;
/** Guess of a row's height after the rows' layout changes (a denser one): low, so the measure raises it. */
const MIN_ROW_PX = 24;

export interface RowWindow {
  start: number;
  end: number;
  padTop: number;
  padBottom: number;
  rowHeight: number;
  scrollToTop(): void;
}

/**
 * The rows to render out of `count` inside the scrolling element `scrollRef` (its `thead`, a sticky
 * header, is measured and allowed for). With `enabled` false every row is rendered and nothing is read.
 * A new `layout` (the table's density) starts the measure again: the row height only ever grows otherwise.
 */
export function useRowWindow(scrollRef: RefObject<HTMLElement | null>, count: number, enabled: boolean, layout = ""): RowWindow {
  const [rowHeight, setRowHeight] = useState(ESTIMATED_ROW_PX);
  const measuredFor = useRef(layout);
  useEffect(() => {
    if (measuredFor.current === layout) return;
    measuredFor.current = layout;
    setRowHeight(MIN_ROW_PX);
  }, [layout]);
  const [view, setView] = useState({ top: 0, height: SERVER_VIEWPORT_PX, header: 0 });
  const frame = useRef(0);

  const read = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const header = el.querySelector("thead")?.getBoundingClientRect().height ?? 0;
    setView((v) =>
      v.top === el.scrollTop && v.height === el.clientHeight && v.header === header ? v : { top: el.scrollTop, height: el.clientHeight, header },
    );
  }, [scrollRef]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!enabled || !el) return;
    read();
    const onScroll = () => {
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(read);
    };
    el.addEventListener("scroll", onScroll, { passive: true });
    const ro = new ResizeObserver(onScroll);
    ro.observe(el);
    return () => {
      el.removeEventListener("scroll", onScroll);
      ro.disconnect();
      cancelAnimationFrame(frame.current);
    };
  }, [enabled, read, scrollRef]);

  // Rows taller than the current height (a second line, a larger font) raise it for all rows. Read after
  // paint (not in a layout effect), so a render never forces an extra synchronous layout. No dependency
  // list on purpose: any render can change a row's height, and the check stops once the height holds.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => {
    const el = scrollRef.current;
    if (!enabled || !el) return;
    let tallest = 0;
    for (const tr of el.querySelectorAll<HTMLElement>("tbody tr[data-ticker]")) tallest = Math.max(tallest, tr.getBoundingClientRect().height);
    if (tallest > rowHeight + 0.5) setRowHeight(Math.ceil(tallest));
  });

  const scrollToTop = useCallback(() => {
    const el = scrollRef.current;
    if (el && el.scrollTop !== 0) el.scrollTop = 0;
  }, [scrollRef]);

  if (!enabled) return { start: 0, end: count, padTop: 0, padBottom: 0, rowHeight, scrollToTop };
  const first = Math.floor(Math.max(0, view.top - view.header) / rowHeight);
  const visible = Math.ceil(view.height / rowHeight) + 1;
  const start = Math.max(0, Math.min(count, first - OVERSCAN));
  const end = Math.min(count, first + visible + OVERSCAN);
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight, rowHeight, scrollToTop };
}
