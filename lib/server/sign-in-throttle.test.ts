import { describe, expect, it } from "vitest";
import { describeWait, SignInThrottle } from "./sign-in-throttle";

const wrong = () => false;
const right = () => true;
const t0 = 1_000_000_000;

describe("sign-in throttle", () => {
  it("gives five free tries, then doubles the wait after each failure (1 s, 2 s, 4 s)", () => {
    const th = new SignInThrottle();
    for (let i = 0; i < 5; i++) expect(th.attempt("1.2.3.4", wrong, t0 + i)).toEqual({ ok: false, reason: "wrong" });
    // 5 failures, the last at t0+4: the 6th try must wait 1 s from then
    expect(th.attempt("1.2.3.4", right, t0 + 10)).toEqual({ ok: false, reason: "wait", waitMs: 994 });
    expect(th.attempt("1.2.3.4", wrong, t0 + 1004)).toEqual({ ok: false, reason: "wrong" }); // 6th failure
    expect(th.waitMs("1.2.3.4", t0 + 1004)).toBe(2000); // 2^(6-5) s
    th.attempt("1.2.3.4", wrong, t0 + 3004); // 7th
    expect(th.waitMs("1.2.3.4", t0 + 3004)).toBe(4000);
    // the wait never passes 15 minutes
    const capped = new SignInThrottle();
    for (let i = 0; i < 40; i++) capped.attempt("k", wrong, t0 + i * 20 * 60_000 - 1); // each after the previous wait
    expect(capped.waitMs("k", t0 + 40 * 20 * 60_000)).toBeLessThanOrEqual(15 * 60_000);
  });

  it("a right password while not throttled signs in and clears the address", () => {
    const th = new SignInThrottle();
    for (let i = 0; i < 4; i++) th.attempt("a", wrong, t0);
    expect(th.attempt("a", right, t0)).toEqual({ ok: true });
    expect(th.waitMs("a", t0)).toBe(0);
    expect(th.size).toBe(0);
  });

  it("does not run the password check while an address must wait (no guessing through the wait)", () => {
    const th = new SignInThrottle();
    for (let i = 0; i < 5; i++) th.attempt("a", wrong, t0);
    let checked = 0;
    th.attempt(
      "a",
      () => {
        checked++;
        return true;
      },
      t0 + 1,
    );
    expect(checked).toBe(0);
  });

  it("one guessing address never locks out another (the old global cap did, after 30 a minute)", () => {
    const th = new SignInThrottle();
    for (let i = 0; i < 500; i++) th.attempt("attacker", wrong, t0 + i);
    expect(th.attempt("colleague", right, t0 + 600)).toEqual({ ok: true });
  });

  it("while many addresses guess at once, each gets one free try instead of five", () => {
    const th = new SignInThrottle();
    for (let i = 0; i < 30; i++) th.attempt(`spoof-${i}`, wrong, t0);
    expect(th.recentFailures(t0)).toBe(30);
    expect(th.attempt("fresh", wrong, t0 + 1)).toEqual({ ok: false, reason: "wrong" }); // its one free try
    expect(th.attempt("fresh", right, t0 + 2)).toMatchObject({ ok: false, reason: "wait" });
    // a minute later the burst is over: back to five
    expect(th.recentFailures(t0 + 61_000)).toBe(0);
  });

  it("stays bounded under a flood of addresses without forgetting the global count or recent guessers", () => {
    const th = new SignInThrottle({ maxKeys: 1000 });
    for (let i = 0; i < 5; i++) th.attempt("persistent", wrong, t0);
    for (let i = 0; i < 5000; i++) {
      th.attempt(`flood-${i}`, wrong, t0 + 10);
      if (i % 500 === 0) th.waitMs("persistent", t0 + 10); // still active: stays in the table
    }
    expect(th.size).toBe(1000);
    expect(th.recentFailures(t0 + 10)).toBe(5005); // the old limiter cleared its map, global bucket included
    expect(th.waitMs("persistent", t0 + 11)).toBeGreaterThan(0);
  });

  it("forgets an address 15 minutes after its last failure", () => {
    const th = new SignInThrottle();
    for (let i = 0; i < 5; i++) th.attempt("a", wrong, t0);
    expect(th.waitMs("a", t0 + 15 * 60_000)).toBe(0);
    expect(th.size).toBe(0);
  });

  it("describes waits in words", () => {
    expect(describeWait(994)).toBe("1 second");
    expect(describeWait(4000)).toBe("4 seconds");
    expect(describeWait(15 * 60_000)).toBe("15 minutes");
  });
});
