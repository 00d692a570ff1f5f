// JSON responses for route handlers: field errors as 400, a plain 404, and a 500 that logs the cause
// on the server and tells the client nothing about it.
import type { WriteResult } from "./mutations/result";

export const badRequest = (fieldErrors: Record<string, string[]>, formErrors: string[] = []) =>
  Response.json({ error: "Invalid parameters", fieldErrors, formErrors }, { status: 400 });

export const notFound = (what: string) => Response.json({ error: `${what} not found` }, { status: 404 });

export function serverError(where: string, e: unknown) {
  console.error(`${where} failed:`, e);
  return Response.json({ error: "Something went wrong on the server. The error was logged." }, { status: 500 });
}

/** Reads a JSON body up to `limit` bytes; anything larger, or not JSON, is refused before parsing. */
export async function readJson(req: Request, limit = 256 * 1024): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limit) return { ok: false, response: Response.json({ error: `Request body over ${limit} bytes` }, { status: 413 }) };
  const reader = req.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        return { ok: false, response: Response.json({ error: `Request body over ${limit} bytes` }, { status: 413 }) };
      }
      chunks.push(value);
    }
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString("utf8")) };
  } catch {
    return { ok: false, response: badRequest({}, ["Body must be JSON"]) };
  }
}

/** A write's result as an HTTP answer: 200 with the data, 400 field errors, 409 with what is stored, 404, 401. */
export function writeResponse<T>(where: string, r: WriteResult<T>): Response {
  if (r.ok) return Response.json(r.data);
  switch (r.kind) {
    case "invalid":
      return badRequest(r.fieldErrors, r.formErrors);
    case "conflict":
      return Response.json({ error: r.message, current: r.current }, { status: 409 });
    case "not-found":
      return Response.json({ error: r.message }, { status: 404 });
    case "unauthorized":
      return Response.json({ error: r.message }, { status: 401 });
    default:
      return serverError(where, r.message);
  }
}
