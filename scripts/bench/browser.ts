// Browser side of the benchmark (Playwright, Debian's chromium): how long the screener takes to load, and
// how long a sort click, a search keystroke and an assumption-set change take to show the updated table.
//
// Measured from the test side, inside the page: a capture listener takes the triggering event's
// timeStamp (click / keydown / input), a MutationObserver on the table section notes when the table first
// shows the new state (a predicate on the DOM), and a requestAnimationFrame followed by a MessageChannel
// message marks the end of the next frame after that. "updated" = event → that frame; "dom" = event →
// the DOM mutation. Nothing is added to the app.
import { chromium, type Browser, type Page } from "@playwright/test";
import { existsSync } from "node:fs";
import { median, percentile, round } from "./stats";

const CHROMIUM = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"],
  });
}

/**
 * The in-page harness, installed before the app's scripts run. Plain JavaScript in a string: functions
 * written here in TypeScript would be serialized with tsx's name helpers, which the page does not have.
 */
const HARNESS = `
window.__bench = {
  // Resolves with timings once predicate() holds after an event of eventType.
  arm(eventType, predicateSrc, timeoutMs) {
    const predicate = new Function("return (" + predicateSrc + ")();");
    return new Promise((resolve) => {
      let start = null;
      let done = false;
      function onEvent(e) { if (start === null) start = e.timeStamp; }
      window.addEventListener(eventType, onEvent, { capture: true });
      function finish(r) {
        if (done) return;
        done = true;
        mo.disconnect();
        window.removeEventListener(eventType, onEvent, { capture: true });
        resolve(r);
      }
      function check() {
        if (start === null || done || !predicate()) return;
        const dom = performance.now();
        mo.disconnect();
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => finish({ dom: dom - start, frame: performance.now() - start });
          ch.port2.postMessage(null);
        });
      }
      const mo = new MutationObserver(check);
      mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      setTimeout(() => finish({ error: "timeout after " + timeoutMs + " ms" }), timeoutMs);
    });
  },
};
`;

/** Tickers of the first rows, the "shown of total" text and the build-cost text of the table heading. */
const SIGNATURE = `() => {
  const rows = [...document.querySelectorAll(".screener-table tbody tr[data-ticker]")].slice(0, 5).map((r) => r.getAttribute("data-ticker")).join(",");
  const head = document.querySelector("#table-title")?.textContent ?? "";
  return rows + "|" + head;
}`;

async function signature(page: Page, sig = SIGNATURE): Promise<string> {
  return page.evaluate(`(${sig})()`) as Promise<string>;
}

/** Arms the harness, runs `act`, and waits for the table (or `sig`) to differ from before (and `extra`, if given). */
async function timed(page: Page, eventType: string, act: () => Promise<void>, extra = "() => true", timeoutMs = 120_000, sig = SIGNATURE) {
  const before = await signature(page, sig);
  const predicate = `() => (${sig})() !== ${JSON.stringify(before)} && (${extra})()`;
  const pending = page.evaluate(`window.__bench.arm(${JSON.stringify(eventType)}, ${JSON.stringify(predicate)}, ${timeoutMs})`);
  pending.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled meanwhile
  await page.waitForTimeout(20); // the listener is in place before the input arrives
  await act();
  const r = (await pending) as { dom: number; frame: number } | { error: string };
  if ("error" in r) throw new Error(`${eventType}: ${r.error}`);
  // let trailing renders (URL sync) settle before the next measurement
  await page.waitForTimeout(300);
  return r;
}

export interface InteractionStats { runs: number; updatedMedianMs: number; updatedMaxMs: number; domMedianMs: number; samplesMs: number[] }
const stats = (xs: { dom: number; frame: number }[]): InteractionStats => ({
  runs: xs.length,
  updatedMedianMs: round(median(xs.map((x) => x.frame)), 1),
  updatedMaxMs: round(percentile(xs.map((x) => x.frame), 100), 1),
  domMedianMs: round(median(xs.map((x) => x.dom)), 1),
  samplesMs: xs.map((x) => round(x.frame, 1)),
});

export interface BrowserResult {
  url: string;
  companies: number;
  loadMs: number;
  renderedRows: number;
  jsRequests: number;
  jsTransferBytes: number;
  jsDecodedBytes: number;
  sort: InteractionStats;
  search: InteractionStats;
  setChange: InteractionStats;
}

/**
 * Loads the screener at `baseUrl` and times the three interactions. `searchKeys` are typed one at a time
 * (each must change the rows shown) and then erased with Backspace, which counts as keystrokes too.
 */
export async function browserBench(browser: Browser, baseUrl: string, opts: { altSet: string; baseSet: string; searchKeys: string; rounds?: number }): Promise<BrowserResult> {
  const rounds = opts.rounds ?? 3;
  // bypassCSP: the harness compiles its DOM predicates from strings, which the app's CSP (no eval) refuses.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await context.addInitScript({ content: HARNESS });
  const page = await context.newPage();
  page.setDefaultTimeout(180_000);
  const note = (m: string) => console.error(`bench: browser ${baseUrl}: ${m}`);
  // Every script the page fetches (the lazy chart chunk too), counted by the browser itself: bytes on the
  // wire (encoded, headers included) and decoded.
  let jsRequests = 0, jsTransferBytes = 0, jsDecodedBytes = 0;
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const scripts = new Map<string, number>();
  cdp.on("Network.responseReceived", (e) => { if (e.type === "Script") scripts.set(e.requestId, 0); });
  cdp.on("Network.dataReceived", (e) => { if (scripts.has(e.requestId)) scripts.set(e.requestId, scripts.get(e.requestId)! + e.dataLength); });
  cdp.on("Network.loadingFinished", (e) => {
    if (!scripts.has(e.requestId)) return;
    jsRequests++;
    jsTransferBytes += e.encodedDataLength;
    jsDecodedBytes += scripts.get(e.requestId)!;
  });
  try {
    const t0 = Date.now();
    await page.goto(baseUrl + "/", { waitUntil: "load", timeout: 180_000 });
    await page.locator(".screener-table tbody tr[data-ticker]").first().waitFor({ timeout: 180_000 });
    // hydrated: the sort buttons respond (React attaches handlers on hydration)
    await page.waitForFunction(`(() => {
      const b = document.querySelector(".screener-table thead button");
      return !!b && Object.keys(b).some((k) => k.startsWith("__reactProps"));
    })()`, undefined, { timeout: 180_000 });
    const loadMs = Date.now() - t0;
    note(`loaded in ${loadMs} ms`);
    await page.waitForLoadState("networkidle", { timeout: 180_000 }).catch(() => {});
    await page.waitForTimeout(2000); // a person reads the page before the first click; idle work (text ranks) runs meanwhile
    const companies = Number(await page.evaluate(`Number(/of (\\d+) companies/.exec(document.querySelector("#table-title")?.textContent ?? "")?.[1] ?? NaN)`));
    const renderedRows = await page.locator(".screener-table tbody tr[data-ticker]").count();

    const sort: { dom: number; frame: number }[] = [];
    const tickerButton = page.getByRole("button", { name: "Ticker", exact: true });
    for (let i = 0; i < rounds * 2; i++) sort.push(await timed(page, "click", () => tickerButton.click()));
    note(`sort ${sort.map((x) => Math.round(x.frame)).join(", ")} ms`);
    // back to the default order (discount, descending) without timing it
    await page.getByRole("button", { name: /Discount to build cost/ }).click();
    await page.waitForTimeout(300);

    const search: { dom: number; frame: number }[] = [];
    const box = page.getByRole("searchbox", { name: "Search" });
    await box.focus();
    for (let i = 0; i < rounds; i++) {
      for (const key of opts.searchKeys) search.push(await timed(page, "keydown", () => page.keyboard.press(key)));
      for (let k = 0; k < opts.searchKeys.length; k++) search.push(await timed(page, "keydown", () => page.keyboard.press("Backspace")));
    }

    note(`search ${search.map((x) => Math.round(x.frame)).join(", ")} ms`);
    const setChange: { dom: number; frame: number }[] = [];
    const select = page.getByLabel("Assumptions");
    for (let i = 0; i < rounds; i++) {
      for (const name of [opts.altSet, opts.baseSet]) {
        setChange.push(await timed(page, "input", () => select.selectOption(name).then(() => undefined),
          `() => document.querySelector(".screener")?.getAttribute("aria-busy") !== "true"`));
      }
    }
    note(`set change ${setChange.map((x) => Math.round(x.frame)).join(", ")} ms`);
    return {
      url: baseUrl, companies, loadMs, renderedRows, jsRequests, jsTransferBytes, jsDecodedBytes,
      sort: stats(sort), search: stats(search), setChange: stats(setChange),
    };
  } finally {
    await context.close();
  }
}

/** The sensitivity chart's x values and its first line's numbers: what a change of range redraws. */
const SWEEP_SIGNATURE = `() => {
  const chart = document.querySelector("svg.sweep-chart");
  return (chart?.getAttribute("data-values") ?? "") + "|" + (chart?.querySelector("g[data-series]")?.getAttribute("data-values") ?? "");
}`;

/**
 * /sensitivity on `baseUrl`: the time from typing a new end of the range (one input event, 101 values ×
 * every company re-scored in the page) to the redrawn chart and tables.
 */
export async function sensitivityBench(browser: Browser, baseUrl: string, rounds = 3): Promise<{ companies: number; points: number; change: InteractionStats }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await context.addInitScript({ content: HARNESS });
  const page = await context.newPage();
  try {
    await page.goto(baseUrl + "/sensitivity", { waitUntil: "load" });
    const to = page.getByLabel("To", { exact: true }).first();
    await page.waitForFunction(`(() => { const i = document.querySelector("#sens-to"); return !!i && Object.keys(i).some((k) => k.startsWith("__reactProps")); })()`);
    await page.waitForTimeout(1000);
    const samples: { dom: number; frame: number }[] = [];
    for (let i = 0; i < rounds * 4; i++) samples.push(await timed(page, "input", () => to.fill(i % 2 ? "16" : "15"), undefined, 60_000, SWEEP_SIGNATURE));
    const companies = await page.locator("svg.sweep-chart g[data-series]").count();
    const points = ((await page.locator("svg.sweep-chart").getAttribute("data-values")) ?? "").split(",").length;
    console.error(`bench: sensitivity ${baseUrl}: ${samples.map((x) => Math.round(x.frame)).join(", ")} ms`);
    return { companies, points, change: stats(samples) };
  } finally {
    await context.close();
  }
}

/**
 * The cost of scoring in the browser (the alternative to a server round trip when the assumption set
 * changes): `bundle` is scripts/bench/client-scoring.ts built for the browser; the companies are passed
 * in as JSON, the size the page would have to receive.
 */
export async function clientScoringBench(browser: Browser, bundle: string, companies: unknown[], assumptions: unknown, rounds = 5) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.setContent("<!doctype html><title>client scoring</title>");
    await page.addScriptTag({ content: bundle });
    const json = JSON.stringify(companies);
    const r = (await page.evaluate(`(() => { const c = JSON.parse(${JSON.stringify(json)}); return window.__scoreInPage(c, ${JSON.stringify(assumptions)}, ${rounds}); })()`)) as { ms: number[]; n: number };
    return { companies: companies.length, inputJsonBytes: Buffer.byteLength(json), medianMs: round(median(r.ms), 1), samplesMs: r.ms.map((x) => round(x, 1)) };
  } finally {
    await context.close();
  }
}
