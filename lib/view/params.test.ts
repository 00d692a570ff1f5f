// The screener's URL parameters by example: a query, the view it gives and what it reports. Each
// expected view and message is written out by hand (the messages are the product: a person reads them
// in the screener's banner and a client in the API's 400). One property stays, a real one: writing a
// valid view into the URL and reading it back gives the same view.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FLAGS, type Flag, type Tier } from "../scoring/types";
import { COLUMN_FILTERS, COLUMN_IDS, DEFAULT_VISIBLE, type AtLeastFilter, type ColumnId } from "./columns";
import { DEFAULT_VIEW, fieldErrorsOf, parseView, readMinimum, serializeView, VIEW_PARAM_NAMES, type View, type ViewProblem } from "./params";
import { problemText } from "./problem-text";
import { PRESET_IDS } from "./presets";

const view = (p: Partial<View>): View => ({ ...DEFAULT_VIEW, ...p });
const problem = (param: string, value: string, message: string, ignored?: string[]): ViewProblem => ({
  param,
  values: [value],
  message,
  ...(ignored ? { ignored } : {}),
});
const parse = (qs: string) => parseView(new URLSearchParams(qs));

const TIERS = "use 1, 2 or 3";
const ALL_FLAGS =
  "use below-build-cost, gpu-funding, short-tenor, financing-gap, no-ig-tenant, mixed-dates, stale-data, published-ev, no-price, no-power or negative-ev";
const PARAMS = "they are set, asOf, q, sort, tier, flag, minDiscount, minContracted, preset, cols or x";

describe("one bad parameter leaves the others in force", () => {
  // The two addresses of issue 14: each showed all 18 companies, as if no parameter had been given.
  it("tier=1,2&sort=evPerWEffectiveIt:asc keeps Tiers 1 and 2 and says why the sort is not used", () => {
    expect(parse("tier=1,2&sort=evPerWEffectiveIt:asc")).toEqual({
      ok: false,
      view: view({ tiers: [1, 2] }),
      problems: [problem("sort", "evPerWEffectiveIt:asc", "Use column.asc or column.desc, e.g. evPerWEffectiveIt.asc")],
    });
  });

  it("tier=1&minDiscount=abc keeps Tier 1 and says the minimum is not a number", () => {
    expect(parse("tier=1&minDiscount=abc")).toEqual({
      ok: false,
      view: view({ tiers: [1] }),
      problems: [problem("minDiscount", "abc", "Not a number; use one from -10,000% to 100%, e.g. 20%")],
    });
  });

  it("several bad ones: each named, in the order of the parameters, unknown names last", () => {
    const r = parse("nope=1&x=bars&asOf=2026-02-30&q=core&minContracted=-5");
    expect(r.view).toEqual(view({ q: "core" }));
    expect(r.problems.map((p) => p.param)).toEqual(["asOf", "minContracted", "x", "nope"]);
  });
});

// [query, the view (what differs from the default), the problems]
const EXAMPLES: [string, Partial<View>, ViewProblem[]][] = [
  ["", {}, []],
  // set: trimmed; blank or too long is left out
  ["set=%20Bear%20", { set: "Bear" }, []],
  ["set=%20%20", {}, [problem("set", "  ", "Name an assumption set, or leave set out for the default one")]],
  [`set=${"b".repeat(61)}`, {}, [problem("set", "b".repeat(61), "An assumption set's name has at most 60 characters (this one has 61)")]],
  // asOf: a real day
  ["asOf=2026-03-31", { asOf: "2026-03-31" }, []],
  ["asOf=2024-02-29", { asOf: "2024-02-29" }, []],
  ["asOf=2026-3-31", {}, [problem("asOf", "2026-3-31", "Use a day as YYYY-MM-DD, e.g. 2026-03-31")]],
  ["asOf=2025-02-29", {}, [problem("asOf", "2025-02-29", "No such day in that month")]],
  // q: as typed, up to 100 characters
  ["q=%20core%20", { q: " core " }, []],
  [`q=${"a".repeat(101)}`, {}, [problem("q", "a".repeat(101), "A search has at most 100 characters (this one has 101)")]],
  // sort: column.asc or column.desc; a near miss is answered with what was probably meant
  ["sort=ticker.asc", { sort: { id: "ticker", dir: "asc" } }, []],
  ["sort=discountBase.desc", {}, []],
  ["sort=Ticker.ASC", {}, [problem("sort", "Ticker.ASC", "Use column.asc or column.desc, e.g. ticker.asc")]],
  ["sort=ticker", {}, [problem("sort", "ticker", "Use column.asc or column.desc, e.g. ticker.asc")]],
  ["sort=cqs", {}, [problem("sort", "cqs", "Use column.asc or column.desc, e.g. cqs.desc")]],
  ["sort=cqs%20desc", {}, [problem("sort", "cqs desc", "Use column.asc or column.desc, e.g. cqs.desc")]],
  [
    "sort=password.asc",
    {},
    [problem("sort", "password.asc", "No column “password”; use column.asc or column.desc with a column of the table, e.g. discountBase.desc")],
  ],
  ["sort=up", {}, [problem("sort", "up", "Use column.asc or column.desc, e.g. discountBase.desc")]],
  // tier and flag: the options in their declared order, without repeats; unknown items are left out, the rest kept
  ["tier=3,1,1", { tiers: [1, 3] }, []],
  ["tier=%201%2C%202%20%2C", { tiers: [1, 2] }, []],
  ["tier=,,,", {}, []],
  ["tier=1,7", { tiers: [1] }, [problem("tier", "1,7", `Unknown tier 7; ${TIERS}`, ["7"])]],
  ["tier=7,9,7", {}, [problem("tier", "7,9,7", `Unknown tiers 7, 9; ${TIERS}`, ["7", "9"])]],
  ["flag=stale-data,gpu-funding", { flags: ["gpu-funding", "stale-data"] }, []],
  ["flag=cheap,gpu-funding", { flags: ["gpu-funding"] }, [problem("flag", "cheap,gpu-funding", `Unknown flag cheap; ${ALL_FLAGS}`, ["cheap"])]],
  // minimums: a plain decimal within the column's bounds
  ["minDiscount=20", { minDiscountPct: 20 }, []],
  ["minDiscount=%20-12.5%20", { minDiscountPct: -12.5 }, []],
  ["minDiscount=-0", { minDiscountPct: 0 }, []],
  ["minDiscount=1e1", { minDiscountPct: 10 }, []],
  ["minDiscount=-10000", { minDiscountPct: -10_000 }, []],
  ["minDiscount=100.5", {}, [problem("minDiscount", "100.5", "Must be 100% or less")]],
  ["minDiscount=0x10", {}, [problem("minDiscount", "0x10", "Not a number; use one from -10,000% to 100%, e.g. 20%")]],
  ["minDiscount=Infinity", {}, [problem("minDiscount", "Infinity", "Not a number; use one from -10,000% to 100%, e.g. 20%")]],
  ["minDiscount=", {}, [problem("minDiscount", "", "Not a number; use one from -10,000% to 100%, e.g. 20%")]],
  ["minContracted=500", { minContractedMw: 500 }, []],
  ["minContracted=-5", {}, [problem("minContracted", "-5", "Must be 0 MW or more")]],
  ["minContracted=1000001", {}, [problem("minContracted", "1000001", "Must be 1,000,000 MW or less")]],
  ["minContracted=2%2C5", {}, [problem("minContracted", "2,5", "Not a number; use one from 0 MW to 1,000,000 MW, e.g. 200 MW")]],
  // preset and chart axis: one of their values
  ["preset=ig", { preset: "ig" }, []],
  ["preset=IG", {}, [problem("preset", "IG", "No such preset; use contracted, ig, below-cost or stale")]],
  ["x=tier", { chartX: "tier" }, []],
  ["x=Tier", {}, [problem("x", "Tier", "Use contracted or tier")]],
  // cols: in the table's order, without repeats; none left means the default columns
  ["cols=cqs,rank,cqs", { cols: ["cqs", "rank"] }, []], // the order given (the table shows it), each once
  ["cols=rank,zzz", { cols: ["rank"] }, [problem("cols", "rank,zzz", `Unknown column zzz; the columns are ${COLUMN_IDS.join(", ")}`, ["zzz"])]],
  ["cols=zzz", {}, [problem("cols", "zzz", `Unknown column zzz; the columns are ${COLUMN_IDS.join(", ")}`, ["zzz"])]],
  // names: only the screener's, each once
  ["q=a&q=b&tier=2", { tiers: [2] }, [{ param: "q", values: ["a", "b"], message: "Given 2 times; give it once" }]],
  ["bogus=1", {}, [problem("bogus", "1", `Not a screener parameter; ${PARAMS}`)]],
  [
    "Set=Bear&MinDiscount=5",
    {},
    [
      problem("Set", "Bear", "Not a screener parameter; did you mean set?"),
      problem("MinDiscount", "5", "Not a screener parameter; did you mean minDiscount?"),
    ],
  ],
  [
    "__proto__=1&valueOf=2",
    {},
    [problem("__proto__", "1", `Not a screener parameter; ${PARAMS}`), problem("valueOf", "2", `Not a screener parameter; ${PARAMS}`)],
  ],
];

describe("examples", () => {
  it.each(EXAMPLES)("%j", (qs, patch, problems) => {
    expect(parse(qs)).toEqual({ ok: problems.length === 0, view: view(patch), problems });
  });

  it("reads Next's searchParams records too (an array for a repeated name)", () => {
    expect(parseView({ q: ["a", "b"], set: "Bear", tier: undefined })).toEqual({
      ok: false,
      view: view({ set: "Bear" }),
      problems: [{ param: "q", values: ["a", "b"], message: "Given 2 times; give it once" }],
    });
    expect(parseView({ sort: "ticker.asc", cols: "rank,cqs" })).toEqual({
      ok: true,
      view: view({ sort: { id: "ticker", dir: "asc" }, cols: ["rank", "cqs"] }),
      problems: [],
    });
  });

  it("a parameter named __proto__ stays a parameter: nothing leaks onto objects", () => {
    const r = parse("__proto__=x&constructor=y");
    expect(Object.getPrototypeOf(r.view)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.keys(fieldErrorsOf(r.problems))).toEqual(["__proto__", "constructor"]);
  });

  it("accepts every preset and every declared option", () => {
    for (const id of PRESET_IDS) expect(parse(`preset=${id}`).view.preset).toBe(id);
    expect(parse(`flag=${FLAGS.join(",")}`).view.flags).toEqual([...FLAGS]);
  });
});

describe("how the problems read", () => {
  it("on the page: the parameter, its value, why, and what is ignored", () => {
    expect(parse("tier=1,2&sort=evPerWEffectiveIt:asc").problems.map(problemText)).toEqual([
      "sort “evPerWEffectiveIt:asc”: use column.asc or column.desc, e.g. evPerWEffectiveIt.asc — ignored",
    ]);
    expect(parse("tier=1,7&q=a&q=b").problems.map(problemText)).toEqual([
      "q “a”, “b”: given 2 times; give it once — ignored",
      `tier “1,7”: unknown tier 7; ${TIERS} — 7 ignored`,
    ]);
    // a long value is cut short with an ellipsis
    expect(problemText(parse(`q=${"a".repeat(120)}`).problems[0])).toBe(
      `q “${"a".repeat(59)}…”: a search has at most 100 characters (this one has 120) — ignored`,
    );
  });

  it("in the API: messages by parameter", () => {
    expect(fieldErrorsOf(parse("tier=9&minDiscount=abc&nope=1").problems)).toEqual({
      tier: [`Unknown tier 9; ${TIERS}`],
      minDiscount: ["Not a number; use one from -10,000% to 100%, e.g. 20%"],
      nope: [`Not a screener parameter; ${PARAMS}`],
    });
  });

  it("the toolbar's minimum fields use the same words", () => {
    const contracted = COLUMN_FILTERS.find((f) => f.param === "minContracted") as AtLeastFilter;
    expect(readMinimum(contracted, "-5")).toEqual({ problem: "Must be 0 MW or more" });
    expect(readMinimum(contracted, " 250.5 ")).toEqual({ value: 250.5 });
    expect(readMinimum(contracted, "1e")).toEqual({ problem: "Not a number; use one from 0 MW to 1,000,000 MW, e.g. 200 MW" });
  });
});

describe("serializeView", () => {
  it("leaves the defaults out", () => {
    expect(serializeView(DEFAULT_VIEW).toString()).toBe("");
  });

  it("writes the parameters in one order, whatever order they came in (saved views are stored so)", () => {
    const r = parse(
      "x=tier&cols=cqs,rank&preset=ig&minContracted=50&minDiscount=10&flag=stale-data,gpu-funding&tier=2,1&sort=ticker.asc&q=core&asOf=2026-03-31&set=Bear",
    );
    expect(r.ok).toBe(true);
    expect(serializeView(r.view).toString()).toBe(
      "set=Bear&asOf=2026-03-31&q=core&sort=ticker.asc&tier=1%2C2&flag=gpu-funding%2Cstale-data&minDiscount=10&minContracted=50&preset=ig&cols=cqs%2Crank&x=tier", // columns keep their order: it is the table's
    );
    expect(VIEW_PARAM_NAMES).toEqual(["set", "asOf", "q", "sort", "tier", "flag", "minDiscount", "minContracted", "preset", "cols", "x"]);
  });

  // Any valid view: what serializeView writes, parseView reads back as the same view, with no problem.
  const subset = <T>(all: readonly T[]) => fc.subarray([...all]);
  const validView: fc.Arbitrary<View> = fc
    .record({
      set: fc.option(
        fc
          .string({ minLength: 1, maxLength: 60 })
          .map((s) => s.trim())
          .filter(Boolean),
        { nil: undefined },
      ),
      asOf: fc.option(
        fc.date({ min: new Date("2025-11-21"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        { nil: undefined },
      ),
      q: fc.string({ maxLength: 100 }),
      sort: fc.record({ id: fc.constantFrom(...COLUMN_IDS), dir: fc.constantFrom("asc" as const, "desc" as const) }),
      tiers: subset<Tier>([1, 2, 3]),
      flags: subset<Flag>(FLAGS),
      // -0 is written "0" and read as 0: the parser never gives -0, so neither does a valid view
      minDiscountPct: fc.option(
        fc.double({ min: -10_000, max: 100, noNaN: true }).map((n) => n || 0),
        { nil: undefined },
      ),
      minContractedMw: fc.option(
        fc.double({ min: 0, max: 1_000_000, noNaN: true }).map((n) => n || 0),
        { nil: undefined },
      ),
      preset: fc.option(fc.constantFrom(...PRESET_IDS), { nil: undefined }),
      cols: subset<ColumnId>(COLUMN_IDS).filter((c) => c.length > 0),
      chartX: fc.constantFrom("contracted" as const, "tier" as const),
    })
    .map((v) => ({ ...v, cols: sameMembers(v.cols, DEFAULT_VISIBLE) ? DEFAULT_VISIBLE : v.cols }));

  it("parseView reads back every valid view it writes", () => {
    fc.assert(
      fc.property(validView, (v) => {
        expect(parseView(serializeView(v))).toEqual({ ok: true, view: v, problems: [] });
      }),
      { numRuns: 2000 },
    );
  });

  it("parameters it does not know leave a valid view as it is", () => {
    const junkName = fc.string({ minLength: 1, maxLength: 12 }).filter((n) => !VIEW_PARAM_NAMES.includes(n));
    fc.assert(
      fc.property(validView, fc.array(fc.tuple(junkName, fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 3 }), (v, junk) => {
        const qs = serializeView(v);
        for (const [k, x] of junk) qs.append(k, x);
        const r = parseView(qs);
        expect(r.view).toEqual(v);
        expect(r.problems.map((p) => p.param)).toEqual([...new Set(junk.map(([k]) => k))]);
      }),
      { numRuns: 500 },
    );
  });
});

const sameMembers = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
