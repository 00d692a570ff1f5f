// Sign-in attempts per client address (the TCP peer, or what a configured trusted proxy saw; see
// clientAddress() in lib/server/request-guard.ts, which the front door applies). Each address gets a few free tries; after that every further failure
// doubles its wait (1 s, 2 s, 4 s, … up to 15 min), and a success clears it. Nobody else is blocked: the
// old global hard cap let 30 wrong guesses a minute from anyone lock every user out.
//
// The count of failures from all addresses lives outside the per-address table, so evicting addresses
// under a flood never resets it; when it is high (many addresses guessing at once) each address gets one
// free try instead of five. The table is an LRU of at most `maxKeys` addresses. In memory: one process.

export interface ThrottleOptions {
  freeTries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** failures are forgotten this long after an address's last one */
  forgetAfterMs: number;
  maxKeys: number;
  /** failures from all addresses within 60 s from which each address gets a single free try */
  busyFailuresPerMinute: number;
}

const DEFAULTS: ThrottleOptions = {
  freeTries: 5,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 15 * 60_000,
  maxKeys: 10_000,
  busyFailuresPerMinute: 30,
};

export type AttemptResult = { ok: true } | { ok: false; reason: "wrong" } | { ok: false; reason: "wait"; waitMs: number };

interface KeyState {
  failures: number;
  lastFailure: number;
}

export class SignInThrottle {
  private readonly opts: ThrottleOptions;
  /** Map order is recency order: the first key is the least recently used. */
  private readonly keys = new Map<string, KeyState>();
  /** failures from all addresses, one counter per second of the last minute */
  private readonly perSecond = new Array<number>(60).fill(0);
  private readonly secondOf = new Array<number>(60).fill(-1);

  constructor(opts: Partial<ThrottleOptions> = {}) {
    this.opts = { ...DEFAULTS, ...opts };
  }

  /**
   * Runs `check` (the password comparison) unless this address must wait, and records the outcome.
   * Synchronous from the wait check to the record, so parallel requests cannot all slip past the check.
   */
  attempt(key: string, check: () => boolean, now = Date.now()): AttemptResult {
    const waitMs = this.waitMs(key, now);
    if (waitMs > 0) return { ok: false, reason: "wait", waitMs };
    if (check()) {
      this.keys.delete(key);
      return { ok: true };
    }
    this.recordFailure(key, now);
    return { ok: false, reason: "wrong" };
  }

  /** 0 when `key` may try now, else how long it must wait. */
  waitMs(key: string, now = Date.now()): number {
    const s = this.keys.get(key);
    if (!s) return 0;
    if (now - s.lastFailure >= this.opts.forgetAfterMs) {
      this.keys.delete(key);
      return 0;
    }
    // An address that keeps trying stays the most recent, so a flood of other addresses cannot evict it.
    this.keys.delete(key);
    this.keys.set(key, s);
    const free = this.busy(now) ? 1 : this.opts.freeTries;
    if (s.failures < free) return 0;
    const delay = Math.min(this.opts.baseDelayMs * 2 ** (s.failures - free), this.opts.maxDelayMs);
    return Math.max(0, s.lastFailure + delay - now);
  }

  /** Failures from all addresses in the last 60 s. */
  recentFailures(now = Date.now()): number {
    const second = Math.floor(now / 1000);
    let n = 0;
    for (let i = 0; i < 60; i++) if (second - this.secondOf[i] < 60) n += this.perSecond[i];
    return n;
  }

  get size(): number {
    return this.keys.size;
  }

  private busy(now: number) {
    return this.recentFailures(now) >= this.opts.busyFailuresPerMinute;
  }

  private recordFailure(key: string, now: number) {
    const s = this.keys.get(key) ?? { failures: 0, lastFailure: now };
    this.keys.delete(key); // re-inserted below as the most recent
    this.keys.set(key, { failures: s.failures + 1, lastFailure: now });
    while (this.keys.size > this.opts.maxKeys) this.keys.delete(this.keys.keys().next().value!);
    const second = Math.floor(now / 1000);
    const slot = second % 60;
    if (this.secondOf[slot] !== second) {
      this.secondOf[slot] = second;
      this.perSecond[slot] = 0;
    }
    this.perSecond[slot]++;
  }
}

export function describeWait(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s < 90 ? `${s} second${s === 1 ? "" : "s"}` : `${Math.ceil(s / 60)} minutes`;
}
