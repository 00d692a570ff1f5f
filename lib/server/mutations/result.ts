// What every write returns. Invalid input and version conflicts come back with the submitted values, so
// the form keeps what the user typed; unexpected errors become one plain sentence (the cause is logged).
import { z } from "zod";
import { zodFieldErrors } from "../../domain/field-errors";
import type { Db } from "../db-client";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type WriteResult<T = unknown> =
  | { ok: true; data: T; message?: string }
  | { ok: false; kind: "invalid"; fieldErrors: Record<string, string[]>; formErrors: string[]; submitted: unknown }
  | { ok: false; kind: "conflict"; message: string; current: unknown; submitted: unknown }
  | { ok: false; kind: "not-found"; message: string }
  | { ok: false; kind: "unauthorized"; message: string }
  | { ok: false; kind: "error"; message: string };

/** Field errors keyed by dotted path ("facts.sharePriceUsd.value"), so nested forms can place them. */
export function invalid(error: z.ZodError, submitted: unknown): WriteResult<never> {
  return { ok: false, kind: "invalid", ...zodFieldErrors(error.issues), submitted };
}

export const fieldError = (field: string, message: string, submitted: unknown, others: Record<string, string[]> = {}): WriteResult<never> => ({
  ok: false,
  kind: "invalid",
  fieldErrors: { ...others, [field]: [message] },
  formErrors: [],
  submitted,
});

/** Thrown inside a transaction to roll it back and report a conflict. */
export class ConflictError extends Error {
  constructor(
    message: string,
    public readonly current: unknown,
  ) {
    super(message);
  }
}

export class NotFoundError extends Error {}

/** Thrown inside a transaction to roll it back and report a field error (and, optionally, more of them). */
export class FieldError extends Error {
  constructor(
    public readonly field: string,
    message: string,
    public readonly others: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

/** Thrown inside a transaction to roll it back and refuse the write with a message about the whole form. */
export class FormError extends Error {}

/** Thrown inside a transaction when a check that needs the database refuses the input as a schema would. */
export class InvalidInput extends Error {
  constructor(public readonly error: z.ZodError) {
    super("invalid input");
  }
}

/**
 * Runs a write and turns the known failures into results. Anything else is logged on the server and
 * reported as a plain message — no stack trace or database text reaches the user.
 */
export async function runWrite<T>(what: string, submitted: unknown, fn: () => Promise<T>): Promise<WriteResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (e) {
    if (e instanceof ConflictError) return { ok: false, kind: "conflict", message: e.message, current: e.current, submitted };
    if (e instanceof NotFoundError) return { ok: false, kind: "not-found", message: e.message };
    if (e instanceof FieldError) return fieldError(e.field, e.message, submitted, e.others);
    if (e instanceof InvalidInput) return invalid(e.error, submitted);
    if (e instanceof FormError) return { ok: false, kind: "invalid", fieldErrors: {}, formErrors: [e.message], submitted };
    if (isUniqueViolation(e)) return { ok: false, kind: "invalid", fieldErrors: {}, formErrors: ["That name or code is already taken."], submitted };
    console.error(`[write] ${what} failed:`, e);
    return { ok: false, kind: "error", message: `Could not save (${what}). Nothing was changed; the error was logged on the server.` };
  }
}

function isUniqueViolation(e: unknown) {
  const code = (e as { code?: string })?.code;
  const msg = String((e as { message?: string })?.message ?? "");
  return code === "P2002" || /UNIQUE constraint failed/.test(msg);
}

export const versionField = z.number({ error: "Missing version" }).int().min(1);

/**
 * The one shape of a write: parse the input with the form's own schema (a refusal keeps what was sent),
 * then run the change in one transaction — which checks the record's version and audits what it changes —
 * and turn the known failures into a typed result. Who may write is checked before, by the caller
 * (`guarded()` for server actions, `requireWriter()` for API routes), which passes the writer's name in.
 */
export function defineWrite<S extends z.ZodType, T>(
  what: string,
  schema: S,
  run: (tx: Tx, input: z.infer<S>, user: string | null) => Promise<T>,
  /** `echo: false`: a refusal does not send the input back (an update file may be 64 MB; the page keeps it) */
  opts: { timeoutMs?: number; echo?: boolean } = {},
) {
  return async (db: Db, raw: unknown, user: string | null): Promise<WriteResult<T>> => {
    const submitted = opts.echo === false ? null : raw;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, submitted);
    const input = parsed.data as z.infer<S>;
    return runWrite(what, submitted, () => db.$transaction((tx) => run(tx, input, user), opts.timeoutMs ? { timeout: opts.timeoutMs } : undefined));
  };
}
