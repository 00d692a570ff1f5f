// The screener view as URL parameters: one whitelist for the page, the client and GET /api/screen.
// Unknown names, repeated names and bad values are rejected with field-level messages.
import { z } from "zod";
import { FLAGS, type Flag, type Tier } from "../scoring/types";
import { COLUMN_IDS, DEFAULT_VISIBLE, type ColumnId } from "./columns";

export type SortDir = "asc" | "desc";
export interface View {
  set?: string;
  q: string;
  sort: { id: ColumnId; dir: SortDir };
  tiers: Tier[];
  flags: Flag[];
  minDiscountPct?: number;
  minContractedMw?: number;
  cols: ColumnId[];
  chartX: "contracted" | "tier";
}

export const DEFAULT_SORT = { id: "discountBase", dir: "desc" } as const satisfies View["sort"];
/** Every key present (optional ones as undefined), so spreading it over a view resets everything. */
export const DEFAULT_VIEW: View = {
  set: undefined, q: "", sort: DEFAULT_SORT, tiers: [], flags: [], minDiscountPct: undefined, minContractedMw: undefined,
  cols: DEFAULT_VISIBLE, chartX: "contracted",
};

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

/** Parameter name → schema. These names, and only these, are accepted. */
export const viewParamsSchema = z.strictObject({
  set: z.string().trim().min(1).max(60).optional(),
  q: z.string().max(100).optional(),
  sort: z
    .string()
    .regex(new RegExp(`^(${COLUMN_IDS.join("|")})\\.(asc|desc)$`), { error: "Use <column>.asc or <column>.desc with a known column" })
    .optional(),
  tier: list(["1", "2", "3"] as const, "tier").optional(),
  flag: list(FLAGS, "flag").optional(),
  minDiscount: finite(-10_000, 100).optional(),
  minContracted: finite(0, 1_000_000).optional(),
  cols: list(COLUMN_IDS, "column").optional(),
  x: z.enum(["contracted", "tier"]).optional(),
});
export const VIEW_PARAM_NAMES = Object.keys(viewParamsSchema.shape);

export type ParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

function toRecord(input: ParamsInput): { record: Record<string, string>; repeated: string[] } {
  // Null-prototype objects: parameter names such as "__proto__" or "valueOf" are plain keys here.
  const record: Record<string, string> = Object.create(null);
  const repeated: string[] = [];
  const entries = input instanceof URLSearchParams ? [...input.entries()] : Object.entries(input).flatMap(([k, v]) =>
    v === undefined ? [] : Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]]);
  for (const [k, v] of entries) {
    if (k in record) repeated.push(k);
    record[k] = v;
  }
  return { record, repeated };
}

export type ParseViewResult =
  | { ok: true; view: View }
  | { ok: false; fieldErrors: Record<string, string[]>; formErrors: string[] };

export function parseView(input: ParamsInput): ParseViewResult {
  const { record, repeated } = toRecord(input);
  const parsed = viewParamsSchema.safeParse(record);
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
      set: p.set,
      q: p.q ?? "",
      sort: { id: sortId, dir: sortDir },
      tiers: (p.tier ?? []).map(Number).sort() as Tier[],
      flags: p.flag ?? [],
      minDiscountPct: p.minDiscount,
      minContractedMw: p.minContracted,
      cols: p.cols && p.cols.length ? p.cols : DEFAULT_VISIBLE,
      chartX: p.x ?? "contracted",
    },
  };
}

/** The view as URL parameters, leaving out defaults so shared links stay short. */
export function serializeView(view: View): URLSearchParams {
  const out = new URLSearchParams();
  if (view.set) out.set("set", view.set);
  if (view.q) out.set("q", view.q);
  if (view.sort.id !== DEFAULT_SORT.id || view.sort.dir !== DEFAULT_SORT.dir) out.set("sort", `${view.sort.id}.${view.sort.dir}`);
  if (view.tiers.length) out.set("tier", view.tiers.join(","));
  if (view.flags.length) out.set("flag", view.flags.join(","));
  if (view.minDiscountPct !== undefined) out.set("minDiscount", String(view.minDiscountPct));
  if (view.minContractedMw !== undefined) out.set("minContracted", String(view.minContractedMw));
  const sameCols = view.cols.length === DEFAULT_VISIBLE.length && view.cols.every((c) => DEFAULT_VISIBLE.includes(c));
  if (!sameCols) out.set("cols", view.cols.join(","));
  if (view.chartX !== "contracted") out.set("x", view.chartX);
  return out;
}
