// The sign-in mode read from the environment, and where sign-in returns to.
import { describe, expect, it } from "vitest";
import { readEnv } from "../env";
import { readsArePrivate, signInReturnPath } from "./auth-core";
import { hashPassword } from "./password-hash";

const HASH = hashPassword("correct horse battery");

describe("readsArePrivate", () => {
  it.each([
    ["true", true],
    ["1", true],
    ["false", false],
    ["0", false],
    ["", false],
    [undefined, false],
  ])("WATT_PRIVATE_READS=%s with a password → %s", (value, expected) => {
    expect(readsArePrivate(readEnv({ WATT_PASSWORD_HASH: HASH, WATT_PRIVATE_READS: value }))).toBe(expected);
  });

  it("never without a password (the server then answers only on loopback)", () => {
    expect(readsArePrivate(readEnv({ WATT_PRIVATE_READS: "1" }))).toBe(false);
  });
});

describe("signInReturnPath", () => {
  it.each([
    ["/companies/IREN", "/companies/IREN"],
    // a screener view as the proxy passes it on: commas, colons and dates in the query
    ["/?tier=1,2&sort=evPerWEffectiveIt:asc", "/?tier=1,2&sort=evPerWEffectiveIt:asc"],
    ["/changes?from=2025-11-21&to=2026-06-30", "/changes?from=2025-11-21&to=2026-06-30"],
    ["/companies/IREN/edit#contracts", "/companies/IREN/edit#contracts"],
    ["/sensitivity?key=weightS4&q=Keel Infrastructure", "/sensitivity?key=weightS4&q=Keel%20Infrastructure"],
  ])("returns to %s", (next, expected) => {
    expect(signInReturnPath(next)).toBe(expected);
  });

  it.each([
    ["https://evil.example/"],
    ["//evil.example/x"],
    ["/\\evil.example"],
    ["\\\\evil.example"],
    ["javascript:alert(1)"],
    ["/\u0000x"],
    ["/a\nb"],
    ["evil.example"],
    [""],
    ["/signin?next=/signin"],
  ])("refuses %j → /", (next) => {
    expect(signInReturnPath(next)).toBe("/");
  });

  it("refuses what is not one string (a repeated parameter arrives as a list)", () => {
    expect(signInReturnPath(["/a", "/b"])).toBe("/");
    expect(signInReturnPath(undefined)).toBe("/");
  });
});
