// How a typed number is read, and the bounds a kind of figure keeps: one parser and one wording for every
// numeric field (the company forms, the assumption editor, update files and the server's schemas, through
// lib/number-schema.ts). It sits at lib/ beside lib/countries.ts rather than in lib/domain because the
// assumption bounds in lib/scoring use it too, and the scoring library may not import lib/domain.
// Pure: no imports, so the screener's bundle can use it without zod (decision 0008).

/**
 * The bounds of one kind of figure. `min`/`max` are hard: outside them a value is refused. `typical` is
 * where real figures fall: outside it (but inside the bounds) a form asks "is this right?" before saving,
 * since that is where a figure typed in millions, in $/W or in GW lands.
 */
export interface NumberRule {
  /** what the figure counts, for messages: "USD", "shares", "MW", "$/W", "fraction", "years", … */
  unit: string;
  min: number;
  max: number;
  /** the value must be above `min`, not equal to it (a price of $0 is no price) */
  aboveMin?: boolean;
  integer?: boolean;
  /** the usual range; 0 is never unusual (no debt, no bitcoin); a signed figure's size is compared */
  typical?: readonly [number, number];
  /** how to type the figure, said after a bound's message */
  hint?: string;
}

export type NumberRead = { ok: true; value: number } | { ok: false; message: string };

/** The one wording of the messages. */
export const NUMBER_MESSAGES = {
  notANumber: "Must be a number",
  wholeNumber: "Must be a whole number",
  tooLong: "Must be a number (at most 40 characters)",
  dots: "Must be a number: one dot for decimals, commas only between thousands (1,234,567.5)",
  comma: "Must be a number: a comma only separates thousands (1,234,567); use a dot for decimals (2.5)",
  /** "2,5": both readings are offered, since either may be meant */
  ambiguousComma: (asDecimal: string, asThousands: string) =>
    `Must be a number: write ${asDecimal} or ${asThousands} (a comma only separates thousands, as in 1,234,567)`,
  percent: (typed: string, asFraction: string) => `Must be a number: for ${typed} write ${asFraction}`,
  notDollars: (unit: string) => `Must be a number of ${unitWords(unit)}, without a $`,
  atLeast: (bound: string) => `Must be at least ${bound}`,
  moreThan: (bound: string) => `Must be more than ${bound}`,
  atMost: (bound: string) => `Must be at most ${bound}`,
  unusual: (low: string, high: string, signed: boolean) =>
    `Unusual value: ${signed ? "changes are" : "this figure is"} usually ${low} to ${high}${signed ? " either way" : ""}`,
} as const;

// k/M/bn: an analyst's shorthand, read exactly (4.8bn is 4,800,000,000, not 4.8 × 1e9 in floating point).
const SUFFIX_EXPONENT: Record<string, number> = { k: 3, m: 6, mm: 6, mn: 6, b: 9, bn: 9, t: 12, tn: 12 };
const MAX_CHARS = 40;

/**
 * Reads what a person typed as a number: digits with an optional sign, a leading `$`, commas between
 * thousands, one decimal dot, an exponent (1e6) or a k/M/bn/tn suffix. Refuses what could be read two ways
 * ("2,5" is 2.5 in Europe and 25 with a stray comma) and what is too large to be a number.
 */
export function readNumber(text: string): NumberRead & { dollar?: boolean; overflow?: -1 | 1 } {
  let t = text.trim().replace(/\u2212/g, "-");
  if (t === "") return { ok: false, message: NUMBER_MESSAGES.notANumber };
  if (t.length > MAX_CHARS) return { ok: false, message: NUMBER_MESSAGES.tooLong };
  if (t.endsWith("%")) {
    const pct = readNumber(t.slice(0, -1));
    return { ok: false, message: pct.ok ? NUMBER_MESSAGES.percent(t, String(+(pct.value / 100).toPrecision(12))) : NUMBER_MESSAGES.notANumber };
  }
  let sign: string | null = null; // "-", "" for "+", null while none was typed: one sign, before or after the $
  const takeSign = () => {
    const m = /^([+-])\s*/.exec(t);
    if (m && sign === null) {
      sign = m[1] === "-" ? "-" : "";
      t = t.slice(m[0].length);
    }
  };
  takeSign();
  const dollar = t.startsWith("$");
  if (dollar) {
    t = t.slice(1).trimStart();
    takeSign();
  }
  let exponent = 0;
  const suffix = /\s*([a-z]+)$/i.exec(t);
  if (suffix) {
    const e = /^e[+-]?\d+$/i.test(suffix[1]) ? undefined : SUFFIX_EXPONENT[suffix[1].toLowerCase()];
    if (e !== undefined) {
      exponent = e;
      t = t.slice(0, -suffix[0].length);
    }
  }
  const exp = /e([+-]?\d+)$/i.exec(t);
  if (exp && exponent === 0) {
    exponent = Number(exp[1]);
    t = t.slice(0, -exp[0].length);
  }
  if (!/^[\d.,]+$/.test(t) || !/\d/.test(t)) return { ok: false, message: NUMBER_MESSAGES.notANumber };
  if ((t.match(/\./g) ?? []).length > 1) return { ok: false, message: NUMBER_MESSAGES.dots };
  if (t.includes(",")) {
    // Only a plain thousands grouping is read: 1,234,567 and 12,000.5, never 0,500 or 1,23.
    if (!/^[1-9]\d{0,2}(,\d{3})+(\.\d*)?$/.test(t)) {
      const two = /^(\d+),(\d+)$/.exec(t);
      const readings = two && [String(Number(`${two[1]}.${two[2]}`)), String(Number(`${two[1]}${two[2]}`))];
      return { ok: false, message: readings ? NUMBER_MESSAGES.ambiguousComma(readings[0], readings[1]) : NUMBER_MESSAGES.comma };
    }
    t = t.replace(/,/g, "");
  }
  if (t.startsWith(".")) t = `0${t}`;
  if (t.endsWith(".")) t = t.slice(0, -1);
  // Number() of the decimal text rounds once, correctly: "4.8e9" is exactly 4,800,000,000.
  const value = Number(`${sign ?? ""}${t}e${exponent}`);
  if (!Number.isFinite(value)) return { ok: false, message: `${NUMBER_MESSAGES.notANumber} of a sensible size`, overflow: sign === "-" ? -1 : 1 };
  return { ok: true, value: value === 0 ? 0 : value, dollar };
}

/** A typed text or a number against a figure's rule: the value, or the message to show at the field. */
export function parseNumberInput(input: string | number, rule: NumberRule): NumberRead {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return { ok: false, message: NUMBER_MESSAGES.notANumber };
    return boundsOf(input, rule);
  }
  const r = readNumber(input);
  if (!r.ok) {
    if (r.overflow) return { ok: false, message: boundMessage(r.overflow > 0 ? "max" : "min", rule) };
    return r;
  }
  if (r.dollar && !isDollars(rule.unit)) return { ok: false, message: NUMBER_MESSAGES.notDollars(rule.unit) };
  return boundsOf(r.value, rule);
}

function boundsOf(value: number, rule: NumberRule): NumberRead {
  if (rule.aboveMin ? value <= rule.min : value < rule.min) return { ok: false, message: boundMessage("min", rule) };
  if (value > rule.max) return { ok: false, message: boundMessage("max", rule) };
  if (rule.integer && !Number.isInteger(value)) return { ok: false, message: NUMBER_MESSAGES.wholeNumber };
  return { ok: true, value };
}

function boundMessage(side: "min" | "max", rule: NumberRule): string {
  const bound = formatNumberIn(side === "min" ? rule.min : rule.max, rule.unit);
  const text = side === "max" ? NUMBER_MESSAGES.atMost(bound) : rule.aboveMin ? NUMBER_MESSAGES.moreThan(bound) : NUMBER_MESSAGES.atLeast(bound);
  return rule.hint ? `${text}. ${rule.hint}` : text;
}

/** Why a valid value deserves a second look (outside the figure's typical range), or null. */
export function unusualValue(value: number, rule: NumberRule): string | null {
  if (!rule.typical || value === 0 || !Number.isFinite(value)) return null;
  const signed = rule.min < 0;
  const size = signed ? Math.abs(value) : value;
  const [low, high] = rule.typical;
  if (size >= low && size <= high) return null;
  return NUMBER_MESSAGES.unusual(formatNumberIn(low, rule.unit), formatNumberIn(high, rule.unit), signed);
}

const isDollars = (unit: string) => unit === "USD" || unit.startsWith("USD ") || unit.startsWith("$");
const BARE_UNITS = new Set(["fraction", "0–1", "ratio", ""]);
function unitWords(unit: string): string {
  if (unit === "EH/s" || unit === "MW" || unit === "BTC" || unit === "gross MW") return unit;
  return BARE_UNITS.has(unit) ? "units" : unit;
}

const SCALES: [number, string][] = [
  [1e12, "trillion"],
  [1e9, "billion"],
  [1e6, "million"],
];
const plainNumber = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 6 });

/**
 * A number as a person reads it, exactly, in its unit: "$0.01", "$1 trillion", "100 billion shares",
 * "100,000 MW", "$12/W", "0.75". Millions and up are written in words when that loses nothing
 * ($4.8 billion), in digits otherwise ($4,812,345,678).
 */
export function formatNumberIn(value: number, unit: string): string {
  const abs = Math.abs(value);
  // cents as cents: $0.10, $17.50
  let n =
    isDollars(unit) && !Number.isInteger(abs) && abs < 1e6
      ? abs.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 6 })
      : plainNumber(abs);
  const [scale, word] = SCALES.find(([x]) => abs >= x) ?? [1, ""];
  const hundredths = (abs / scale) * 100;
  if (word && Math.abs(hundredths - Math.round(hundredths)) < 1e-6) n = `${plainNumber(Math.round(hundredths) / 100)} ${word}`;
  const sign = value < 0 ? "−" : "";
  if (unit === "USD") return `${sign}$${n}`;
  if (unit.startsWith("USD ")) return `${sign}$${n} ${unit.slice(4)}`;
  if (unit.startsWith("$/")) return `${sign}$${n}/${unit.slice(2)}`;
  if (BARE_UNITS.has(unit)) return `${sign}${n}`;
  return `${sign}${n} ${unit}`;
}
