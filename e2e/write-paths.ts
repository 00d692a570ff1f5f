// Every write path of the app, found from the code: server actions from the build's
// server-reference manifest (cross-checked against the "use server" files in app/), and route handlers
// exporting POST/PUT/PATCH/DELETE under app/api.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export interface ActionPath {
  id: string;
  file: string;
  name: string;
  pagePath: string;
}
export interface RoutePath {
  file: string;
  method: string;
  urlPath: string;
}

/** Public by design: signing in and out. Everything else (sign out everywhere too) must refuse without a session. */
export const PUBLIC_ACTIONS = new Set(["signInAction", "signOutAction"]);

const SAMPLE_PARAMS: Record<string, string> = { ticker: "CORZ", name: "Base" };
const fill = (p: string) => p.replace(/\[(\w+)\]/g, (_, k: string) => SAMPLE_PARAMS[k] ?? "x");

function walk(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(f)) out.push(p);
  }
  return out;
}

/** "use server" modules and their exported async functions, straight from the source. */
export function serverActionsInSource(): { file: string; name: string }[] {
  return walk("app").flatMap((file) => {
    const src = readFileSync(file, "utf8");
    if (!/^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(src)) return [];
    return [...src.matchAll(/export\s+async\s+function\s+(\w+)/g)].map((m) => ({ file, name: m[1] }));
  });
}

export function serverActionsInBuild(distDir = process.env.NEXT_DIST_DIR || ".next"): ActionPath[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, a]) => {
    // a real page (an action used by the layout is listed under _not-found first, which answers 404)
    const pages = Object.keys(a.workers).filter((w) => w.endsWith("/page"));
    const worker = pages.find((w) => !w.includes("_not-found")) ?? pages[0] ?? Object.keys(a.workers)[0];
    const pagePath = fill(worker.replace(/^app/, "").replace(/\/page$/, "")) || "/";
    return { id, file: a.filename, name: a.exportedName, pagePath };
  });
}

export function writeRoutes(): RoutePath[] {
  return walk(path.join("app", "api"))
    .filter((f) => /route\.ts$/.test(f))
    .flatMap((file) => {
      const src = readFileSync(file, "utf8");
      const urlPath = fill(
        file
          .replace(/^app/, "")
          .replace(/\/route\.ts$/, "")
          .split(path.sep)
          .join("/"),
      );
      return ["POST", "PUT", "PATCH", "DELETE"]
        .filter((m) => new RegExp(`export\\s+async\\s+function\\s+${m}\\b`).test(src))
        .map((method) => ({ file, method, urlPath }));
    });
}

/** React's reply encoding for plain JSON: a string that starts with "$" is escaped as "$$". */
function encodeReply(v: unknown): unknown {
  if (typeof v === "string") return v.startsWith("$") ? `$${v}` : v;
  if (Array.isArray(v)) return v.map(encodeReply);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encodeReply(x)]));
  return v;
}

/** Calls a server action over HTTP the way the browser does (which always sends its Origin on a POST). */
export async function callAction(baseURL: string, a: ActionPath, args: unknown[], headers: Record<string, string> = {}) {
  const res = await fetch(new URL(a.pagePath, baseURL), {
    method: "POST",
    headers: {
      "Next-Action": a.id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: new URL(baseURL).origin,
      ...headers,
    },
    body: JSON.stringify(encodeReply(args)),
  });
  return { status: res.status, text: await res.text(), setCookie: res.headers.getSetCookie() };
}
