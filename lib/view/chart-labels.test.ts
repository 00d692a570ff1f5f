// The chart's label placement (lib/view/chart-labels.ts): a label takes the first free place beside its
// dot, never covers another label, another dot or a build-cost line's label, and stays in the plot.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BASELINE, placeLabels, type Box, type LabelledDot, type LabelPlace } from "./chart-labels";

const BOUNDS: Box = { x: 0, y: 0, width: 400, height: 300 };
const R = 6,
  CH = 7,
  LH = 12; // dot radius, character width, line height
const layout = (obstacles: Box[] = []) => ({ bounds: BOUNDS, obstacles, dotRadius: R, charWidth: CH, lineHeight: LH });

/** The box a placed label covers, worked back from its anchor (the baseline is 0.8 of the line down). */
function boxOf(d: LabelledDot, p: LabelPlace): Box {
  const w = d.text.length * CH;
  const x = p.anchor === "start" ? d.x + p.dx : p.anchor === "end" ? d.x + p.dx - w : d.x - w / 2;
  return { x, y: d.y + p.dy - BASELINE * LH, width: w, height: LH };
}
// Boxes that only touch do not overlap. boxOf works a box back from its anchor in floating point (0.8 × 12
// is 9.600000000000001), so a label placed flush against another can come back 1e-15 px into it: overlap
// counts from a nanopixel.
const EPS = 1e-9;
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width - EPS && b.x < a.x + a.width - EPS && a.y < b.y + b.height - EPS && b.y < a.y + a.height - EPS;

describe("placeLabels", () => {
  it("puts a lone label right of its dot, vertically centred on it", () => {
    const d = { id: "IREN", x: 100, y: 100, text: "IREN" };
    const p = placeLabels([d], layout()).get("IREN")!;
    // right: 6 px radius + 2 px gap; the baseline 12 × 0.8 − 6 = 3.6 px below the centre
    expect(p.anchor).toBe("start");
    expect(p.dx).toBe(8);
    expect(p.dy).toBeCloseTo(3.6, 10);
    expect(boxOf(d, p)).toEqual({ x: 108, y: 94, width: 28, height: 12 });
  });

  it("a measured width counts instead of the characters", () => {
    // 4 characters would be 28 px and reach APLD's dot at 140 − 6; measured at 20 px they do not
    const dots = [
      { id: "IREN", x: 100, y: 100, text: "IREN", width: 20 },
      { id: "APLD", x: 140, y: 100, text: "APLD" },
    ];
    expect(placeLabels(dots, layout()).get("IREN")!.anchor).toBe("start");
    expect(placeLabels([{ ...dots[0], width: undefined }, dots[1]], layout()).get("IREN")!.anchor).toBe("end");
  });

  it("two dots side by side: the first keeps the right, the second goes where the first's label is not", () => {
    // CORZ's label to the right (x 108–136) would cover APLD's dot at 120 ± 6: it goes left instead
    const dots = [
      { id: "CORZ", x: 100, y: 100, text: "CORZ" },
      { id: "APLD", x: 120, y: 100, text: "APLD" },
    ];
    const placed = placeLabels(dots, layout());
    expect(placed.get("CORZ")!.anchor).toBe("end");
    expect(placed.get("APLD")!.anchor).toBe("start");
  });

  it("at the plot's right edge the label goes left; a build-cost label in the way is avoided", () => {
    expect(placeLabels([{ id: "HUT", x: 390, y: 100, text: "HUT" }], layout()).get("HUT")!.anchor).toBe("end");
    const line: Box = { x: 100, y: 90, width: 300, height: 14 }; // "build base $12/W" along y ≈ 100
    const p = placeLabels([{ id: "WULF", x: 200, y: 100, text: "WULF" }], layout([line])).get("WULF")!;
    expect(overlaps(boxOf({ id: "WULF", x: 200, y: 100, text: "WULF" }, p), line)).toBe(false);
    expect(p.dy).toBeGreaterThan(0); // below the line's label
  });

  it("a dot with no free place gets no label rather than an overlapping one", () => {
    // a 5 × 5 block of dots 14 px apart: the inner dots have no room
    const dots = Array.from({ length: 25 }, (_, i) => ({ id: `D${i}`, x: 150 + (i % 5) * 14, y: 100 + Math.floor(i / 5) * 14, text: "WXYZ" }));
    const placed = placeLabels(dots, layout());
    expect(placed.get("D12")).toBeNull(); // the centre
    expect([...placed.values()].filter((p) => p === null).length).toBeGreaterThan(0);
  });

  it("never overlaps, stays in the plot, and does not depend on the input order (random dots)", () => {
    const dot = fc.record({
      x: fc.integer({ min: 0, max: 400 }),
      y: fc.integer({ min: 0, max: 300 }),
      text: fc.constantFrom("IREN", "HUT", "BTDR", "GLXY", "T"),
    });
    fc.assert(
      fc.property(fc.array(dot, { minLength: 1, maxLength: 30 }), fc.integer(), (raw, seed) => {
        const dots = raw.map((d, i) => ({ ...d, id: `${d.text}${i}` }));
        const placed = placeLabels(dots, layout());
        const boxes = dots.flatMap((d) => (placed.get(d.id) ? [{ id: d.id, box: boxOf(d, placed.get(d.id)!) }] : []));
        for (const a of boxes) {
          expect(a.box.x).toBeGreaterThanOrEqual(-1e-9);
          expect(a.box.y).toBeGreaterThanOrEqual(-1e-9);
          expect(a.box.x + a.box.width).toBeLessThanOrEqual(400 + 1e-9);
          expect(a.box.y + a.box.height).toBeLessThanOrEqual(300 + 1e-9);
          for (const b of boxes) if (a !== b) expect(overlaps(a.box, b.box)).toBe(false);
          for (const d of dots) if (d.id !== a.id) expect(overlaps(a.box, { x: d.x - R, y: d.y - R, width: 2 * R, height: 2 * R })).toBe(false);
        }
        const shuffled = [...dots].sort((p, q) => ((p.x * 31 + p.y + seed) % 7) - ((q.x * 31 + q.y + seed) % 7));
        expect(placeLabels(shuffled, layout())).toEqual(placed);
      }),
      { numRuns: 200 },
    );
  });
});
