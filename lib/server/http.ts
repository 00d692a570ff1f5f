// JSON responses for route handlers: field errors as 400, a plain 404, and a 500 that logs the cause
// on the server and tells the client nothing about it.
export const badRequest = (fieldErrors: Record<string, string[]>, formErrors: string[] = []) =>
  Response.json({ error: "Invalid parameters", fieldErrors, formErrors }, { status: 400 });

export const notFound = (what: string) => Response.json({ error: `${what} not found` }, { status: 404 });

export function serverError(where: string, e: unknown) {
  console.error(`${where} failed:`, e);
  return Response.json({ error: "Something went wrong on the server. The error was logged." }, { status: 500 });
}
