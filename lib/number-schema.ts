// The zod side of lib/number-input.ts: one schema for a numeric field, which takes a number (JSON, the
// API, the dataset) or what a person typed (the forms send their text) and reads both with the same
// parser and bounds. Each such schema is registered with its rule, so a form can ask the schema which of
// its values are unusual instead of declaring the rules a second time.
import { z } from "zod";
import { NUMBER_MESSAGES, parseNumberInput, readNumber, unusualValue, type NumberRule } from "./number-input";

const numberRules = z.registry<NumberRule>();

/**
 * A number inside the rule's bounds, given as a number or as typed text; `{ text: false }` takes JSON
 * numbers only (a stored column, checked as it will be inserted).
 */
export function numberSchema(rule: NumberRule, { text = true } = {}) {
  const input = text ? z.union([z.number(), z.string()], { error: NUMBER_MESSAGES.notANumber }) : z.number({ error: NUMBER_MESSAGES.notANumber });
  const schema = input.transform((input: number | string, ctx) => {
    const r = parseNumberInput(input, rule);
    if (r.ok) return r.value;
    ctx.addIssue({ code: "custom", message: r.message, input });
    return z.NEVER;
  });
  schema.register(numberRules, rule);
  return schema;
}

/**
 * A number of a kind not known yet (an update row's value, before its field says which figure it is):
 * read like any other, bounded later by that figure's schema.
 */
export const anyNumberSchema = z.union([z.number(), z.string()], { error: NUMBER_MESSAGES.notANumber }).transform((input, ctx) => {
  const r =
    typeof input === "number"
      ? Number.isFinite(input)
        ? { ok: true as const, value: input }
        : { ok: false as const, message: NUMBER_MESSAGES.notANumber }
      : readNumber(input);
  if (r.ok) return r.value;
  ctx.addIssue({ code: "custom", message: r.message, input });
  return z.NEVER;
});

export interface UnusualValue {
  path: string;
  value: number;
  unit: string;
  message: string;
}

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType>; options?: z.ZodType[] };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/**
 * The numbers of a parsed value that lie outside their field's typical range, with the path the schema's
 * issues would use ("facts.sharePriceUsd.value"). Only values that differ from `before` (what the form
 * loaded) are reported: a figure that was already unusual is not asked about again on every save.
 */
export function unusualValues(schema: z.ZodType, value: unknown, before?: unknown): UnusualValue[] {
  const out: UnusualValue[] = [];
  visit(schema, value, before, [], out);
  return out;
}

function visit(schema: z.ZodType, value: unknown, before: unknown, path: (string | number)[], out: UnusualValue[]) {
  const rule = numberRules.get(schema);
  if (rule) {
    if (typeof value !== "number" || value === before) return;
    const message = unusualValue(value, rule);
    if (message) out.push({ path: path.join("."), value, unit: rule.unit, message });
    return;
  }
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return visit(def.innerType!, value, before, path, out);
    case "pipe":
      return visit(def.in!, value, before, path, out);
    case "object":
      if (value && typeof value === "object")
        for (const [k, s] of Object.entries(def.shape!))
          visit(s, (value as Record<string, unknown>)[k], (before as Record<string, unknown> | null | undefined)?.[k], [...path, k], out);
      return;
    case "array":
      if (Array.isArray(value)) value.forEach((x, i) => visit(def.element!, x, (before as unknown[] | null | undefined)?.[i], [...path, i], out));
      return;
    case "union":
      // a union of objects (none here today): look at every branch
      for (const o of def.options ?? []) visit(o, value, before, path, out);
  }
}

/** The rule of the number at a path of a parsed value (for formatting it in its unit), if any. */
export function numberRuleAt(schema: z.ZodType, path: readonly (string | number)[]): NumberRule | undefined {
  let s: z.ZodType | undefined = schema;
  let i = 0;
  while (s) {
    const rule = numberRules.get(s);
    if (rule) return i === path.length ? rule : undefined;
    const def = defOf(s);
    if (["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"].includes(def.type)) s = def.innerType;
    else if (def.type === "pipe") s = def.in;
    else if (def.type === "object" && i < path.length) s = def.shape![String(path[i++])];
    else if (def.type === "array" && i < path.length) {
      s = def.element;
      i++;
    } else return undefined;
  }
  return undefined;
}
