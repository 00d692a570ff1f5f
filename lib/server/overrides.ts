// A company's stored assumption overrides (a partial set), read back leniently: an override that no longer
// validates is ignored rather than breaking the company's page.
import { assumptionOverridesSchema, type AssumptionOverrides } from "../scoring/assumptions";

export function parseOverrides(json: unknown): AssumptionOverrides | null {
  // Most companies have none ({}): no need to run the schema for that (it adds up over thousands).
  if (json == null || (typeof json === "object" && !Array.isArray(json) && Object.keys(json).length === 0)) return null;
  const parsed = assumptionOverridesSchema.safeParse(json);
  return parsed.success && Object.keys(parsed.data).length > 0 ? parsed.data : null;
}
