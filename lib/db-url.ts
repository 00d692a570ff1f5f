// DATABASE_URL names the engine: `file:` is the embedded SQLite file, `postgresql://` (or `postgres://`) a
// PostgreSQL server (docs/decisions/0019-postgresql-second-engine.md). Pure functions, shared by the
// environment check, the client factory and the scripts. A URL may hold a password, so anything shown to a
// person goes through `describeDatabase` and never the URL itself.

export type Engine = "sqlite" | "postgres";

const POSTGRES = /^postgres(ql)?:\/\//i;

export function engineOf(url: string): Engine {
  return POSTGRES.test(url) ? "postgres" : "sqlite";
}

/** Why a DATABASE_URL cannot be used, in words that do not repeat it; null when it can. */
export function databaseUrlProblem(url: string): string | null {
  if (/^file:/.test(url)) return url.length > "file:".length ? null : "a file: URL needs a path, e.g. file:./prisma/dev.db";
  if (!POSTGRES.test(url))
    return "must be a SQLite file: URL (file:./prisma/dev.db) or a PostgreSQL URL (postgresql://USER:PASSWORD@HOST:5432/DATABASE)";
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return "is not a well-formed PostgreSQL URL; expected postgresql://USER:PASSWORD@HOST:5432/DATABASE (percent-encode special characters in the password)";
  }
  if (!u.hostname && !u.searchParams.get("host")) return "names no host; expected postgresql://USER:PASSWORD@HOST:5432/DATABASE";
  if (u.port && !(Number(u.port) >= 1 && Number(u.port) <= 65535)) return "has a port outside 1–65535";
  if (u.pathname.replace(/^\//, "") === "") return "names no database; expected postgresql://USER:PASSWORD@HOST:5432/DATABASE";
  return null;
}

/** "PostgreSQL database watt on db.internal:5432 as watt" or "SQLite file prisma/dev.db": never a password. */
export function describeDatabase(url: string): string {
  if (engineOf(url) === "sqlite") return `SQLite file ${url.replace(/^file:/, "").split("?")[0]}`;
  try {
    const u = new URL(url);
    const db = decodeURIComponent(u.pathname.replace(/^\//, ""));
    const user = u.username ? ` as ${decodeURIComponent(u.username)}` : "";
    return `PostgreSQL database ${db} on ${u.hostname || u.searchParams.get("host")}:${u.port || 5432}${user}`;
  } catch {
    return "PostgreSQL database (unreadable URL)";
  }
}

/** The text with the URL's password (raw and percent-decoded) and the URL itself blanked out. */
export function redactSecrets(text: string, url: string): string {
  let out = text.split(url).join("<DATABASE_URL>");
  try {
    const { password } = new URL(url);
    for (const p of new Set([password, decodeURIComponent(password)])) if (p) out = out.split(p).join("***");
  } catch {}
  return out;
}

/**
 * One line for a failure to reach or use the database: what went wrong and where, never the URL, a
 * password or a stack trace. Knows the errors of pg (Node's socket codes, PostgreSQL SQLSTATEs) and of
 * Prisma's driver adapters, which wrap them.
 */
export function describeDatabaseError(e: unknown, url: string): string {
  const where = describeDatabase(url);
  const codes: string[] = [];
  const messages: string[] = [];
  for (let x: unknown = e, i = 0; x && typeof x === "object" && i < 5; x = (x as { cause?: unknown }).cause, i++) {
    const c = (x as { code?: unknown }).code;
    if (typeof c === "string") codes.push(c);
    const m = (x as { message?: unknown }).message;
    if (typeof m === "string") messages.push(m);
    const meta = (x as { meta?: { driverAdapterError?: { cause?: { originalCode?: string; originalMessage?: string; kind?: string } } } }).meta;
    const cause = meta?.driverAdapterError?.cause;
    if (cause?.originalCode) codes.push(cause.originalCode);
    if (cause?.kind) codes.push(cause.kind);
    if (cause?.originalMessage) messages.push(cause.originalMessage);
  }
  const has = (...cs: string[]) => cs.some((c) => codes.includes(c));
  let why: string;
  if (has("ECONNREFUSED")) why = "connection refused (is the server running and listening there?)";
  else if (has("ENOTFOUND", "EAI_AGAIN")) why = "the host name does not resolve";
  else if (has("ETIMEDOUT", "ECONNRESET")) why = "the connection timed out or was reset";
  else if (has("28P01", "AuthenticationFailed")) why = "the password was refused";
  else if (has("28000")) why = "the server refused this role or client (pg_hba.conf)";
  else if (has("3D000", "DatabaseDoesNotExist")) why = "the database does not exist (create it first: README, Team setup)";
  else if (has("42501")) why = "the role lacks a privilege it needs";
  else why = (messages[0] ?? String(e)).split("\n")[0];
  return redactSecrets(`Cannot use the ${where}: ${why}`, url);
}
