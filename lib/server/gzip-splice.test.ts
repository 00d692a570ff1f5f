import { describe, expect, it } from "vitest";
import { gunzipSync } from "node:zlib";
import fc from "fast-check";
import { gzipWith, plainWith, spliceable } from "./gzip-splice";

describe("a kept page with a fresh token per response", () => {
  it("gunzips to the body with the new token in every place of the old one", () => {
    const body = Buffer.from(`<script nonce="OLD">a</script>${"x".repeat(5000)}<script nonce="OLD"></script>OLD`);
    const s = spliceable(body, "OLD");
    expect(s.parts).toHaveLength(4);
    const expected = `<script nonce="NEW-NONCE">a</script>${"x".repeat(5000)}<script nonce="NEW-NONCE"></script>NEW-NONCE`;
    expect(gunzipSync(gzipWith(s, "NEW-NONCE")).toString()).toBe(expected);
    expect(plainWith(s, "NEW-NONCE").toString()).toBe(expected);
    // the page is compressed, not stored: 5 KB of x's take a few bytes
    expect(gzipWith(s, "NEW-NONCE").length).toBeLessThan(200);
  });

  it("for any body, token and placement (fast-check), including a token at either end and a long one", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "binary", maxLength: 3000 }), { minLength: 1, maxLength: 6 }),
        fc.string({ unit: "binary", minLength: 0, maxLength: 70_000 }),
        (pieces, fresh) => {
          const old = "\u0000OLD-TOKEN\u0000";
          const clean = pieces.map((p) => p.replaceAll(old, ""));
          const s = spliceable(Buffer.from(clean.join(old)), old);
          const want = clean.join(fresh);
          expect(gunzipSync(gzipWith(s, fresh)).toString()).toBe(want);
          expect(plainWith(s, fresh).toString()).toBe(want);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("without a token, the one part is the body", () => {
    const s = spliceable(Buffer.from('{"rows":[1,2,3]}'), null);
    expect(gunzipSync(gzipWith(s, "unused")).toString()).toBe('{"rows":[1,2,3]}');
  });
});
