// The generated tables of docs/methodology.md (assumptions; what changed from v1) match the code and data.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DOC, withTables } from "../scripts/docs-tables";

describe("docs/methodology.md", () => {
  it("its generated tables are current (npm run docs:tables)", () => {
    const doc = readFileSync(DOC, "utf8");
    expect(withTables(doc)).toBe(doc);
  });
});
