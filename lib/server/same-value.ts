// Whether two stored values are the same, for the write path's "changed?" and "changed since?" checks.
// Objects compare by their keys and values whatever the key order: PostgreSQL's jsonb keeps objects with
// their keys sorted its own way (shortest first), SQLite keeps the text as written, and a value read back
// from either must equal the one that was written. Arrays keep their order.
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a ?? null) === canonical(b ?? null);
}

function canonical(v: unknown): string {
  return JSON.stringify(v, (_key, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x) && !(x instanceof Date)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0)))
      : x,
  );
}
