// Hostile input over HTTP against the running server and its real database: every write path (server
// actions, found from the build; the JSON write API) and the read API. FUZZ_RUNS inputs per endpoint
// (CI: a small number; long mode: FUZZ_RUNS=10000). No 5xx, no stack or database text in any answer,
// every rejection names its fields, and the database is byte-for-byte unchanged afterwards.
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { expect, test } from "./test";
import type { z } from "zod";
import * as forms from "../lib/domain/forms";
import { deleteSavedViewSchema, savedViewFormSchema } from "../lib/view/saved-views";
import { dumpDatabase } from "./db-dump";
import { E2E_DB_FILE } from "./fixtures";
import { callAction, serverActionsInBuild } from "./write-paths";

const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
test.setTimeout(Math.max(60_000, RUNS * 500));

const dataset = JSON.parse(readFileSync("prisma/miners-2025-11.json", "utf8"));
const iren = dataset.companies[0];
const LEAKS = /\bat [\w.<>]+ \(|node_modules|SQLITE_|PrismaClient|prisma:|stack/i;

const ACTION_SCHEMAS: Record<string, [z.ZodType, unknown]> = {
  saveMarketFiguresAction: [
    forms.marketFiguresSchema,
    {
      ticker: "CORZ",
      version: 1,
      facts: {
        sharePriceUsd: { value: 17, asOf: "2025-11-21", source: "https://a.test" },
        sharesOutstanding: null,
        totalDebtUsd: null,
        cashUsd: null,
        preferredEquityUsd: null,
        committedFinancingUsd: null,
        btcHeld: null,
      },
    },
  ],
  saveOverridesAction: [forms.overridesFormSchema, { ticker: "CORZ", version: 1, overrides: { itPerGrossMw: 0.75 } }],
  saveSiteAction: [forms.siteFormSchema, { ticker: "CORZ", site: iren.sites[0] }],
  deleteSiteAction: [forms.deleteSchema, { ticker: "CORZ", id: 1, version: 1 }],
  saveContractAction: [forms.contractFormSchema, { ticker: "CORZ", contract: iren.contracts[0] }],
  deleteContractAction: [forms.deleteSchema, { ticker: "CORZ", id: 1, version: 1 }],
  saveBalanceSheetEventAction: [forms.balanceSheetEventFormSchema, { ticker: "CORZ", event: iren.balanceSheetEvents[0] }],
  deleteBalanceSheetEventAction: [forms.deleteSchema, { ticker: "CORZ", id: 1, version: 1 }],
  saveSiteChangeAction: [
    forms.siteChangeFormSchema,
    { ticker: "IREN", change: { site: "Childress", date: "2026-05-01", stage: "operating", source: "https://a.test/s" } },
  ],
  deleteSiteChangeAction: [forms.deleteSchema, { ticker: "IREN", id: 1, version: 1 }],
  checkUpdateAction: [forms.updateTextFormSchema, { text: "ticker,field,value,asOf,source,note\n", name: "fuzz.csv", onlyValid: false }],
  applyUpdateAction: [forms.updateTextFormSchema, { text: "ticker,field,value,asOf,source,note\n", name: "fuzz.csv", onlyValid: false }],
  applyEventAction: [forms.applyEventSchema, { ticker: "HUT", eventId: 1, version: 1 }],
  revertAction: [forms.revertSchema, { auditId: 1 }],
  createSetAction: [forms.assumptionSetCreateSchema, { name: "Fuzz", values: {} }],
  updateSetAction: [forms.assumptionSetUpdateSchema, { id: 1, version: 1, name: "Base", values: {} }],
  deleteSetAction: [forms.assumptionSetDeleteSchema, { id: 1, version: 1 }],
  saveNoteAction: [forms.noteFormSchema, { ticker: "CORZ", note: { figure: "cashUsd", body: "fuzz" } }],
  deleteNoteAction: [forms.deleteSchema, { ticker: "CORZ", id: 1, version: 1 }],
  saveViewAction: [savedViewFormSchema, { name: "Fuzz view", query: "tier=1" }],
  deleteViewAction: [deleteSavedViewSchema, { id: 1, version: 1 }],
};

const junk = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  fc.constant(-1),
  fc.constant(1e308),
  fc.constant("=1+1"),
  fc.constant("<script>x</script>"),
  fc.constant("javascript:alert(1)"),
  fc.constant("__proto__"),
  fc.constant("2025-02-30x"),
  fc.double({ noNaN: true }),
  fc.integer(),
  fc.string({ maxLength: 40 }),
  fc.boolean(),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  fc.constant("\uD800"),
  fc.constant("x\uDC00"), // lone surrogates: the database cannot store them
  // numbers as text, read by the forms' parser on the server too: ambiguous, overflowing, suffixed
  fc.constant("2,5"),
  fc.constant("1e309"),
  fc.constant("4.8bn"),
  fc.constant("-$1,234.5"),
);

function mutate(value: unknown, path: number[], replacement: unknown, op: number): unknown {
  if (value === null || typeof value !== "object") return replacement;
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as never) : { ...(value as object) };
  const keys = Object.keys(copy);
  if (!keys.length) return replacement;
  const key = keys[path[0] % keys.length];
  if (path.length === 1) {
    if (op % 4 === 0 && !Array.isArray(copy)) delete copy[key];
    else if (op % 4 === 1 && !Array.isArray(copy)) copy[`extra${op}`] = replacement;
    else copy[key] = replacement;
  } else copy[key] = mutate(copy[key], path.slice(1), replacement, op);
  return copy;
}

/**
 * Inputs the schema rejects: random JSON, or a valid record with one leaf broken. `asServerSees` applies
 * what the endpoint adds before parsing (the PUT route takes the ticker from the URL).
 */
const invalidFor = (schema: z.ZodType, sample: unknown, asServerSees: (v: unknown) => unknown = (v) => v) =>
  fc
    .oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), junk, fc.nat()).map(([p, r, op]) => mutate(sample, p, r, op)),
    )
    .filter((v) => !schema.safeParse(asServerSees(v)).success);

/**
 * A request whose connection was reset before any answer (undici "other side closed" on a reused
 * keep-alive socket) is sent again once; an HTTP answer, including any 5xx, is never retried.
 */
async function withRetry<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    return send();
  }
}

test.describe.serial("hostile input over HTTP", () => {
  let before = "";
  test.beforeAll(() => {
    before = dumpDatabase(E2E_DB_FILE);
  });
  test.afterAll(() => {
    expect(dumpDatabase(E2E_DB_FILE), "the database changed").toBe(before);
  });

  test("every server action in the build is fuzzed", () => {
    // sign in/out are public and signOutEverywhereAction takes no input: e2e/security.spec.ts covers them
    const built = serverActionsInBuild()
      .map((a) => a.name)
      .filter((n) => !["signInAction", "signOutAction", "signOutEverywhereAction"].includes(n));
    expect(built.sort()).toEqual(Object.keys(ACTION_SCHEMAS).sort());
  });

  // FUZZ_ACTIONS=regex limits the long mode to some actions (the other endpoints always run).
  const only = process.env.FUZZ_ACTIONS ? new RegExp(process.env.FUZZ_ACTIONS) : null;
  for (const name of Object.keys(ACTION_SCHEMAS).filter((n) => !only || only.test(n))) {
    test(`server action ${name} rejects invalid input with field errors`, async ({ baseURL }) => {
      const a = serverActionsInBuild().find((x) => x.name === name)!;
      const [schema, sample] = ACTION_SCHEMAS[name];
      await fc.assert(
        fc.asyncProperty(invalidFor(schema, sample), async (input) => {
          const r = await withRetry(() => callAction(baseURL!, a, [input]));
          expect(r.status, `${name}: ${r.text.slice(0, 200)}`).toBeLessThan(500);
          expect(r.text).toContain('"kind":"invalid"');
          expect(r.text).not.toMatch(LEAKS);
        }),
        { numRuns: RUNS },
      );
    });
  }

  test("PUT /api/companies/[ticker]/figures: 400 with field errors, 413 when too large", async ({ baseURL }) => {
    const [schema, sample] = ACTION_SCHEMAS.saveMarketFiguresAction;
    const { ticker: _t, ...body } = sample as Record<string, unknown>;
    const withTicker = (v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? { ...v, ticker: "CORZ" } : v);
    await fc.assert(
      fc.asyncProperty(invalidFor(schema, body, withTicker), fc.constantFrom("CORZ", "IREN", "nope", "%00"), async (input, ticker) => {
        const res = await withRetry(() =>
          fetch(`${baseURL}/api/companies/${ticker}/figures`, {
            method: "PUT",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(input),
          }),
        );
        const text = await res.text();
        expect(res.status, text.slice(0, 200)).toBeLessThan(500);
        expect(text).not.toMatch(LEAKS);
        if (res.status === 400) {
          const j = JSON.parse(text);
          expect(Object.keys(j.fieldErrors).length + j.formErrors.length).toBeGreaterThan(0);
        } else expect([404, 409]).toContain(res.status); // unknown ticker, or the version check ran first
      }),
      { numRuns: RUNS },
    );
    const big = await fetch(`${baseURL}/api/companies/CORZ/figures`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ note: "x".repeat(300_000) }),
    });
    expect(big.status).toBe(413);
    const notJson = await fetch(`${baseURL}/api/companies/CORZ/figures`, { method: "PUT", body: "{nope" });
    expect(notJson.status).toBe(400);
  });

  test("a lone UTF-16 surrogate in otherwise valid input is a field error, not a 500", async ({ baseURL }) => {
    // Before the shared text schema refused it, this passed validation and the database threw.
    const site = serverActionsInBuild().find((x) => x.name === "saveSiteAction")!;
    const r = await callAction(baseURL!, site, [{ ticker: "CORZ", site: { ...iren.sites[0], name: "Surrogate test", note: "bad \uD800 note" } }]);
    expect(r.status).toBe(200);
    expect(r.text).toContain('"kind":"invalid"');
    expect(r.text).toContain('"site.note":["Contains an invalid character (a lone UTF-16 surrogate)"]');
    const form = await (await fetch(`${baseURL}/api/companies/CORZ/figures`)).json();
    form.facts.sharePriceUsd.note = "\uDC00";
    const { ticker: _t, ...body } = form;
    const put = await fetch(`${baseURL}/api/companies/CORZ/figures`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(put.status).toBe(400);
    expect((await put.json()).fieldErrors["facts.sharePriceUsd.note"]).toEqual(["Contains an invalid character (a lone UTF-16 surrogate)"]);
  });

  test("read API: 200, 400 with field errors, or 404 — never 5xx", async ({ baseURL }) => {
    const names = fc.constantFrom("set", "q", "sort", "tier", "flag", "minDiscount", "minContracted", "cols", "x", "__proto__", "valueOf", "zzz");
    const values = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom("1,2", "ticker.asc", "gpu-funding", "-5", "1e999", "Base", "cqs,ticker"));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(names, values), { maxLength: 4 }), async (pairs) => {
        const qs = new URLSearchParams(pairs).toString();
        const res = await withRetry(() => fetch(`${baseURL}/api/screen?${qs}`));
        const text = await res.text();
        expect(res.status, `${qs} → ${text.slice(0, 200)}`).toBeLessThan(500);
        expect([200, 400]).toContain(res.status);
        if (res.status === 400) expect(Object.keys(JSON.parse(text).fieldErrors).length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 15 }), async (t) => {
        const res = await withRetry(() => fetch(`${baseURL}/api/companies/${encodeURIComponent(t)}`));
        expect(res.status).toBeLessThan(500);
        expect([200, 400, 404]).toContain(res.status);
      }),
      { numRuns: RUNS },
    );
  });
});
