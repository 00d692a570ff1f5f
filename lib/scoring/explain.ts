// The explanation a score carries: what each rule did to a number (with the source of its input) and
// the warnings about the data. Off for callers that read the numbers only (a sweep), where it records
// nothing; the numbers are the same either way (a property test holds it to that).
import type { Adjustment, RuleRef } from "./types";

export class Explanation {
  readonly adjustments: Adjustment[] = [];
  readonly warnings: string[] = [];
  constructor(readonly on: boolean) {}
  /** Records nothing: for the numbers alone. */
  static readonly OFF = new Explanation(false);

  /** A rule's effect, with the sources of the inputs it used (each once, in order). */
  adjust(rule: RuleRef, text: string, ...sourceUrls: (string | null | undefined)[]) {
    if (this.on) this.adjustments.push({ rule, text, sourceUrls: [...new Set(sourceUrls.filter((u): u is string => !!u))] });
  }

  warn(text: string) {
    if (this.on) this.warnings.push(text);
  }
}

/** "12.3 MW": MW in explanation text, to a tenth. */
export const mwText = (mw: number) => `${Math.round(mw * 10) / 10} MW`;
