// zod issues as field messages keyed by dotted path ("facts.sharePriceUsd.value", "values.weightS1") —
// the one shape the server's write results and the browser's own checks share.
import type { z } from "zod";

export interface FieldErrors {
  fieldErrors: Record<string, string[]>;
  formErrors: string[];
}

export function zodFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  // Built without a prototype (a key such as "valueOf" is just a key), returned as a plain object:
  // results cross to client components, which accept plain objects only.
  const fieldErrors: Record<string, string[]> = Object.create(null);
  const formErrors: string[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      formErrors.push(`Unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`);
      continue;
    }
    const key = issue.path.map(String).join(".");
    if (!key) formErrors.push(issue.message);
    else if (!(fieldErrors[key] ??= []).includes(issue.message)) fieldErrors[key].push(issue.message);
  }
  return { fieldErrors: { ...fieldErrors }, formErrors };
}

/** zod issues as "path — message" lines, e.g. "updates[3].source — Must be an http(s) URL". */
export function describeZodIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((i) => {
    const where = i.path.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), "");
    return `${where || "(file)"} — ${i.message}`;
  });
}
