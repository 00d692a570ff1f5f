import { describe, expect, it } from "vitest";
import { readEnv } from "../env";
import { hashPassword, parsePasswordHash, verifyPassword } from "./password-hash";

const HASH = hashPassword("correct horse battery");
const [, cost, salt, key] = HASH.split("$");

describe("password hash", () => {
  it("stores only a salted hash with its scrypt cost, and verifies it", () => {
    expect(HASH).toMatch(/^scrypt\$N=16384,r=8,p=1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(HASH).not.toContain("correct horse");
    expect(hashPassword("correct horse battery")).not.toBe(HASH); // salted
    expect(verifyPassword("correct horse battery", HASH)).toBe(true);
    expect(verifyPassword("wrong", HASH)).toBe(false);
    expect(parsePasswordHash(HASH)).toMatchObject({ N: 16384, r: 8, p: 1 });
  });

  it("uses the cost written in the hash (a stronger one verifies too)", () => {
    const strong = hashPassword("pw-12345678", { N: 2 ** 15, r: 8, p: 1 });
    expect(strong).toMatch(/^scrypt\$N=32768,r=8,p=1\$/);
    expect(verifyPassword("pw-12345678", strong)).toBe(true);
    // the same salt and key under another cost is another hash: it must not verify
    expect(verifyPassword("pw-12345678", strong.replace("N=32768", "N=16384"))).toBe(false);
  });

  it("the truncated hash that let any password in is refused at start and never verifies", () => {
    // The red-team value: the key part decodes to 0 bytes, and two empty buffers compared equal.
    const truncated = `scrypt$${salt}$j`;
    for (const pw of ["", "x", "anything at all", "correct horse battery"]) expect(verifyPassword(pw, truncated)).toBe(false);
    expect(() => readEnv({ WATT_PASSWORD_HASH: truncated })).toThrow(
      /WATT_PASSWORD_HASH is not usable \(the key is not canonical base64.*npm run auth:hash/,
    );
    expect(() => readEnv({ WATT_PASSWORD_HASH: `scrypt$${cost}$${salt}$` })).toThrow(/not usable/);
  });

  it.each([
    ["a plain password", "plaintext-password", /expected scrypt\$/],
    ["a short key (31 bytes)", `scrypt$${cost}$${salt}$${Buffer.alloc(31, 7).toString("base64")}`, /key is 31 bytes, expected 32/],
    ["a long key (64 bytes)", `scrypt$${cost}$${salt}$${Buffer.alloc(64, 7).toString("base64")}`, /key is 64 bytes/],
    ["a short salt", `scrypt$${cost}$${Buffer.alloc(4, 1).toString("base64")}$${key}`, /salt is 4 bytes/],
    ["non-base64 characters", `scrypt$${cost}$${salt}$${key.slice(0, -4)}!!!=`, /not base64/],
    ["N not a power of two", `scrypt$N=20000,r=8,p=1$${salt}$${key}`, /power of two/],
    ["a cost that would need 1 GiB", `scrypt$N=1048576,r=8,p=1$${salt}$${key}`, /MiB/],
    ["r below 8", `scrypt$N=16384,r=1,p=1$${salt}$${key}`, /r must be/],
    ["extra parts", `${HASH}$more`, /expected scrypt\$/],
  ])("refuses %s at start", (_what, value, message) => {
    expect(() => readEnv({ WATT_PASSWORD_HASH: value })).toThrow(message);
    expect(verifyPassword("correct horse battery", value)).toBe(false);
  });

  it("still reads the first format (no cost part), with the same length checks", () => {
    const legacy = `scrypt$${salt}$${key}`;
    expect(() => readEnv({ WATT_PASSWORD_HASH: legacy })).not.toThrow();
    expect(verifyPassword("correct horse battery", legacy)).toBe(true);
    expect(verifyPassword("wrong", legacy)).toBe(false);
  });
});
