// The view parser is hand-written (it runs in the browser, where zod would weigh more than the screener
// itself; docs/decisions/0008). This is the zod schema it replaced, kept as the oracle: for any query
// string, both must accept the same views and report the same messages, field by field, in order.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FLAGS } from "../scoring/types";
import { COLUMN_IDS, DEFAULT_VISIBLE, type ColumnId } from "./columns";
import { DEFAULT_SORT, parseView, type ParamsInput, type ParseViewResult, type SortDir } from "./params";
import { PRESET_IDS, type PresetId } from "./presets";
import type { Tier } from "../scoring/types";

const list = <T extends string>(allowed: readonly T[], what: string) =>
  z.string().max(500).transform((s, ctx) => {
    const items = s.split(",").map((x) => x.trim()).filter(Boolean);
    const bad = items.filter((x) => !(allowed as readonly string[]).includes(x));
    if (bad.length) ctx.addIssue({ code: "custom", message: `Unknown ${what}: ${bad.join(", ")}` });
    return [...new Set(items)] as T[];
  });
const finite = (min: number, max: number) =>
  z.string().max(20).transform((s, ctx) => {
    const n = Number(s);
    if (s.trim() === "" || !Number.isFinite(n)) ctx.addIssue({ code: "custom", message: "Must be a number" });
    else if (n < min || n > max) ctx.addIssue({ code: "custom", message: `Must be between ${min} and ${max}` });
    return n;
  });
const dayExists = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return true;
  const [y, m, d] = v.split("-").map(Number);
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
};
const oracleSchema = z.strictObject({
  set: z.string().trim().min(1).max(60).optional(),
  asOf: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: "Use YYYY-MM-DD" }).refine(dayExists, { error: "No such day in that month" }).optional(),
  q: z.string().max(100).optional(),
  sort: z.string().regex(new RegExp(`^(${COLUMN_IDS.join("|")})\\.(asc|desc)$`), { error: "Use <column>.asc or <column>.desc with a known column" }).optional(),
  tier: list(["1", "2", "3"] as const, "tier").optional(),
  flag: list(FLAGS, "flag").optional(),
  minDiscount: finite(-10_000, 100).optional(),
  minContracted: finite(0, 1_000_000).optional(),
  preset: z.enum(PRESET_IDS as [PresetId, ...PresetId[]]).optional(),
  cols: list(COLUMN_IDS, "column").optional(),
  x: z.enum(["contracted", "tier"]).optional(),
});

function oracle(input: ParamsInput): ParseViewResult {
  const record: Record<string, string> = Object.create(null);
  const repeated: string[] = [];
  const entries = input instanceof URLSearchParams ? [...input.entries()] : Object.entries(input).flatMap(([k, v]) =>
    v === undefined ? [] : Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]]);
  for (const [k, v] of entries) {
    if (k in record) repeated.push(k);
    record[k] = v;
  }
  const parsed = oracleSchema.safeParse(record);
  const fieldErrors: Record<string, string[]> = Object.create(null);
  for (const k of repeated) (fieldErrors[k] ??= []).push("Given more than once");
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    for (const [k, msgs] of Object.entries(flat.fieldErrors)) (fieldErrors[k] ??= []).push(...(msgs as string[]));
    for (const issue of parsed.error.issues)
      if (issue.code === "unrecognized_keys") for (const k of issue.keys) (fieldErrors[k] ??= []).push("Unknown parameter");
    return { ok: false, fieldErrors: { ...fieldErrors }, formErrors: [] };
  }
  if (repeated.length) return { ok: false, fieldErrors: { ...fieldErrors }, formErrors: [] };
  const p = parsed.data;
  const [sortId, sortDir] = (p.sort ?? `${DEFAULT_SORT.id}.${DEFAULT_SORT.dir}`).split(".") as [ColumnId, SortDir];
  return {
    ok: true,
    view: {
      set: p.set, asOf: p.asOf, q: p.q ?? "", sort: { id: sortId, dir: sortDir }, tiers: (p.tier ?? []).map(Number).sort() as Tier[],
      flags: p.flag ?? [], minDiscountPct: p.minDiscount, minContractedMw: p.minContracted,
      preset: p.preset, cols: p.cols && p.cols.length ? p.cols : DEFAULT_VISIBLE, chartX: p.x ?? "contracted",
    },
  };
}

/** Same result, same field order, same messages in the same order; -0 stays -0. */
function expectSame(input: ParamsInput) {
  const a = parseView(input), b = oracle(input);
  expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  if (a.ok && b.ok) {
    expect(Object.keys(a.view)).toEqual(Object.keys(b.view));
    expect(Object.is(a.view.minDiscountPct, b.view.minDiscountPct) && Object.is(a.view.minContractedMw, b.view.minContractedMw)).toBe(true);
  }
}

const NAMES = ["set", "asOf", "q", "sort", "tier", "flag", "minDiscount", "minContracted", "preset", "cols", "x", "bogus", "__proto__", "constructor", "Set"];
const VALUES = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom("", " ", "  Bear ", "1", "1,2", "3,1,1", "7", ",,,", "1, 2 ,", "-0", "1e3", "1e7", "0x10", " 5 ", "Infinity", "NaN", "-10000", "100.5",
    "ticker.asc", "discountBase.desc", "password.asc", "ticker.up", "tier", "contracted", "Tier", "gpu-funding", "gpu-funding,cheap",
    "rank,ticker,cqs", "rank,zzz", "below-build-cost, no-price", "2026-06-30", "2025-02-30", "2026-6-30", "2026-02-29", "2024-02-29",
    "ig", "stale", "contracted", "below-cost", "IG", " ig", "ig,stale"),
  fc.integer({ min: 0, max: 700 }).map((n) => "9,".repeat(n)),
  fc.integer({ min: 15, max: 130 }).map((n) => "a".repeat(n)),
  fc.integer({ min: 15, max: 25 }).map((n) => "1".repeat(n)),
);

describe("hand-written view parser vs the zod schema it replaced", () => {
  it("agrees on generated query strings", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom(...NAMES), VALUES), { maxLength: 6 }), (pairs) => {
      expectSame(new URLSearchParams(pairs));
      expectSame(Object.fromEntries(pairs));
    }), { numRuns: 3000 });
  });

  it("agrees on Next's searchParams records (arrays for repeated names)", () => {
    expectSame({ q: ["a", "b"], set: "Bear", tier: undefined });
    expectSame({ sort: "ticker.asc", cols: ["rank", "zzz"] });
  });
});
