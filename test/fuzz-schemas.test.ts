// Property-based fuzzing of every zod schema that guards input: random values and random mutations of
// valid records never throw, rejections always name a field (or the record), and whatever is accepted
// is clean (finite numbers, known enum values) and parses again to the same value.
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import * as forms from "../lib/domain/forms";
import * as schemas from "../lib/domain/schemas";
import { isWellFormedText } from "../lib/domain/schemas";
import { assumptionOverridesSchema, assumptionsSchema, DEFAULT_ASSUMPTIONS } from "../lib/scoring/assumptions";
import { parseView } from "../lib/view/params";

const RUNS = Number(process.env.FUZZ_SCHEMA_RUNS ?? 500);
const dataset = JSON.parse(readFileSync("prisma/miners-2025-11.json", "utf8"));
const irenRaw = dataset.companies[0];

/** Valid samples to mutate, one per schema. */
const SAMPLES: Record<string, [z.ZodType, unknown]> = {
  datasetSchema: [schemas.datasetSchema, dataset],
  companySchema: [schemas.companySchema, irenRaw],
  siteSchema: [schemas.siteSchema, irenRaw.sites[0]],
  contractSchema: [schemas.contractSchema, irenRaw.contracts[0]],
  eventSchema: [schemas.eventSchema, irenRaw.events[4]],
  figureSchema: [schemas.figureSchema("totalDebtUsd"), irenRaw.totalDebt],
  assumptionsSchema: [assumptionsSchema, DEFAULT_ASSUMPTIONS],
  assumptionOverridesSchema: [assumptionOverridesSchema, { buildCostBaseUsdPerW: 12 }],
  marketFiguresSchema: [
    forms.marketFiguresSchema,
    {
      ticker: "IREN",
      version: 1,
      facts: {
        sharePriceUsd: { value: 47.47, asOf: "2025-11-25", source: "https://a.test/x" },
        sharesOutstanding: null,
        totalDebtUsd: null,
        cashUsd: null,
        preferredEquityUsd: null,
        committedFinancingUsd: null,
        btcHeld: null,
      },
    },
  ],
  siteFormSchema: [forms.siteFormSchema, { ticker: "IREN", site: irenRaw.sites[0] }],
  contractFormSchema: [forms.contractFormSchema, { ticker: "IREN", id: 1, version: 1, contract: irenRaw.contracts[0] }],
  overridesFormSchema: [forms.overridesFormSchema, { ticker: "IREN", version: 1, overrides: { itPerGrossMw: 0.75 } }],
  applyEventSchema: [forms.applyEventSchema, { ticker: "IREN", eventId: 3, version: 1 }],
  assumptionSetCreateSchema: [forms.assumptionSetCreateSchema, { name: "Bear", values: DEFAULT_ASSUMPTIONS }],
  assumptionSetUpdateSchema: [forms.assumptionSetUpdateSchema, { id: 1, version: 1, name: "Bear", values: DEFAULT_ASSUMPTIONS }],
  revertSchema: [forms.revertSchema, { auditId: 1 }],
};

const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(NaN),
  fc.constant(Infinity),
  fc.constant(-0),
  fc.constant(""),
  fc.constant("=cmd|' /C calc'!A0"),
  fc.constant("javascript:alert(1)"),
  fc.constant("__proto__"),
  fc.constant("2025-13-45"),
  fc.double(),
  fc.integer(),
  fc.string(),
  fc.boolean(),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
  fc.string({ unit: "binary", maxLength: 50 }),
  // Lone UTF-16 surrogates: valid JS strings that the database cannot store (they once gave a 500).
  fc.constant("\uD800"),
  fc.constant("note \uDC00 end"),
  fc.constant("https://a.test/\uD83D"),
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 3 }),
  // numbers typed as text: read by the one parser (lib/number-input.ts) or refused with its message
  fc.constant("2,5"),
  fc.constant("1e309"),
  fc.constant("4.8bn"),
  fc.constant("-$1,234.5"),
  fc.constant("1,234,567"),
  fc.constant(1e308),
);

/** Replace one leaf (or drop a key, or add an unknown key) somewhere in a copy of `value`. */
function mutate(value: unknown, path: number[], replacement: unknown, op: number): unknown {
  if (value === null || typeof value !== "object") return replacement;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as object) };
  const keys = Object.keys(copy);
  if (keys.length === 0) return copy;
  const key = keys[path[0] % keys.length];
  if (path.length === 1) {
    if (op % 5 === 0 && !Array.isArray(copy)) delete (copy as Record<string, unknown>)[key];
    else if (op % 5 === 1 && !Array.isArray(copy)) (copy as Record<string, unknown>)[`x${op}`] = replacement;
    else (copy as Record<string, unknown>)[key as never] = replacement;
    return copy;
  }
  (copy as Record<string, unknown>)[key as never] = mutate((copy as Record<string, unknown>)[key], path.slice(1), replacement, op);
  return copy;
}

function assertClean(v: unknown): void {
  if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
  else if (typeof v === "string") expect(isWellFormedText(v), JSON.stringify(v)).toBe(true);
  else if (Array.isArray(v)) v.forEach(assertClean);
  else if (v && typeof v === "object") Object.values(v).forEach(assertClean);
}

describe.each(Object.entries(SAMPLES))("%s", (_name, [schema, sample]) => {
  it("accepts its valid sample", () => {
    const r = schema.safeParse(sample);
    expect(r.success, JSON.stringify(r.error?.issues?.slice(0, 2))).toBe(true);
  });

  it("never throws on arbitrary values; rejections carry messages", () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (v) => {
        const r = schema.safeParse(v);
        if (!r.success) expect(r.error.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });

  it("mutated valid records: a clear issue, or a clean value that parses the same again", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), junk, fc.nat(), (path, replacement, op) => {
        const candidate = mutate(sample, path, replacement, op);
        const r = schema.safeParse(candidate);
        if (!r.success) {
          for (const i of r.error.issues) expect(typeof i.message).toBe("string");
          return;
        }
        assertClean(r.data);
        expect(schema.safeParse(r.data).success).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("lone UTF-16 surrogates", () => {
  // Accepted by zod's plain string, then refused by the database (a 500 before this was checked).
  it.each([
    ["site note", forms.siteFormSchema, { ticker: "IREN", site: { ...irenRaw.sites[0], note: "x\uD800" } }, "site.note"],
    [
      "contract counterparty",
      forms.contractFormSchema,
      { ticker: "IREN", contract: { ...irenRaw.contracts[0], counterparty: "\uDC00Microsoft" } },
      "contract.counterparty",
    ],
    [
      "contract source URL",
      forms.contractFormSchema,
      { ticker: "IREN", contract: { ...irenRaw.contracts[0], sources: ["https://a.test/\uD800"] } },
      "contract.sources.0",
    ],
    ["form ticker", forms.deleteSchema, { ticker: "\uD800", id: 1, version: 1 }, "ticker"],
    ["event summary", schemas.eventSchema, { ...irenRaw.events[4], summary: "ok \uD83D" }, "summary"],
  ] as const)("in a %s is a field error", (_what, schema, input, field) => {
    const r = (schema as z.ZodType).safeParse(input);
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path.join(".") === field);
    expect(issue?.message).toBe("Contains an invalid character (a lone UTF-16 surrogate)");
  });

  it("a surrogate pair (an emoji) is fine", () => {
    expect(forms.siteFormSchema.safeParse({ ticker: "IREN", site: { ...irenRaw.sites[0], note: "⚡ \uD83D\uDE00" } }).success).toBe(true);
  });
});

describe("view parameters", () => {
  it("never throw and only accept whitelisted names", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 30 }), { maxKeys: 5 }), (params) => {
        const r = parseView(params);
        if (r.ok)
          for (const k of Object.keys(params)) expect(["set", "q", "sort", "tier", "flag", "minDiscount", "minContracted", "cols", "x"]).toContain(k);
        else expect(r.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS * 4 },
    );
  });
});
