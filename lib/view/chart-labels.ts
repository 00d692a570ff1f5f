// Where each dot's ticker goes on the screener chart, so labels do not cover each other, the dots or the
// build-cost lines' own labels. Greedy: each dot in turn takes the first free place of right, left,
// above, below (then the four corners); a dot with no free place gets no label (its ticker is still its
// link's name, and hovering or focusing it shows its details under the chart). Pixels, SVG coordinates.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
/** `width`: the text's measured width; without it, `charWidth` per character. */
export interface LabelledDot {
  id: string;
  x: number;
  y: number;
  text: string;
  width?: number;
}
/** The text's anchor point relative to the dot, and its alignment (SVG text-anchor). */
export interface LabelPlace {
  dx: number;
  dy: number;
  anchor: "start" | "middle" | "end";
}

export interface LabelLayout {
  /** the plot area: labels stay inside it */
  bounds: Box;
  /** boxes labels must not cover (the reference lines' labels) */
  obstacles?: readonly Box[];
  dotRadius: number;
  /** a character's width (when a dot's width is not measured) and a line's height at the label's font */
  charWidth?: number;
  lineHeight?: number;
}

const GAP = 2;
/** Where SVG text's baseline sits in its line box, from the top: below it hang the descenders. */
export const BASELINE = 0.8;

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;

/** The candidate places of a label `w` × `h` beside a dot of radius `r`, best first, with the box each covers. */
function candidates(d: LabelledDot, w: number, h: number, r: number): { place: LabelPlace; box: Box }[] {
  const side = r + GAP;
  const base = h * BASELINE;
  const mid = { y: d.y - h / 2, dy: base - h / 2 };
  const up = { y: d.y - side - h, dy: -side - (h - base) };
  const down = { y: d.y + side, dy: side + base };
  return [
    { place: { dx: side, dy: mid.dy, anchor: "start" }, box: { x: d.x + side, y: mid.y, width: w, height: h } },
    { place: { dx: -side, dy: mid.dy, anchor: "end" }, box: { x: d.x - side - w, y: mid.y, width: w, height: h } },
    { place: { dx: 0, dy: up.dy, anchor: "middle" }, box: { x: d.x - w / 2, y: up.y, width: w, height: h } },
    { place: { dx: 0, dy: down.dy, anchor: "middle" }, box: { x: d.x - w / 2, y: down.y, width: w, height: h } },
    { place: { dx: side, dy: up.dy, anchor: "start" }, box: { x: d.x + side, y: up.y, width: w, height: h } },
    { place: { dx: -side, dy: up.dy, anchor: "end" }, box: { x: d.x - side - w, y: up.y, width: w, height: h } },
    { place: { dx: side, dy: down.dy, anchor: "start" }, box: { x: d.x + side, y: down.y, width: w, height: h } },
    { place: { dx: -side, dy: down.dy, anchor: "end" }, box: { x: d.x - side - w, y: down.y, width: w, height: h } },
  ];
}

/**
 * Each dot's label place (or null: no room), by id. Dots are taken left to right, then top to bottom,
 * so the result does not depend on the order they come in.
 */
export function placeLabels(dots: readonly LabelledDot[], layout: LabelLayout): Map<string, LabelPlace | null> {
  const { bounds, dotRadius: r, charWidth = 7.5, lineHeight = 13 } = layout;
  const dotBoxes = dots.map((d) => ({ id: d.id, box: { x: d.x - r, y: d.y - r, width: 2 * r, height: 2 * r } }));
  const taken: Box[] = [...(layout.obstacles ?? [])];
  const out = new Map<string, LabelPlace | null>();
  const order = [...dots].sort((a, b) => a.x - b.x || a.y - b.y || (a.id < b.id ? -1 : 1));
  for (const d of order) {
    const w = d.width ?? d.text.length * charWidth;
    const free = candidates(d, w, lineHeight, r).find(
      ({ box }) => inside(box, bounds) && !taken.some((t) => overlaps(box, t)) && !dotBoxes.some((o) => o.id !== d.id && overlaps(box, o.box)),
    );
    out.set(d.id, free ? free.place : null);
    if (free) taken.push(free.box);
  }
  return out;
}
