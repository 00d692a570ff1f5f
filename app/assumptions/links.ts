// Addresses of the assumption-set pages and of the screener under a set (no parameter for the default).

/** A set named like a static route beside [name] ("compare") gets its first letter percent-encoded. */
const RESERVED = new Set(["compare"]);

export function editHref(name: string) {
  const seg = encodeURIComponent(name);
  return `/assumptions/${RESERVED.has(name) ? `%${name.charCodeAt(0).toString(16)}${seg.slice(1)}` : seg}`;
}
export const screenHref = (name: string, isDefault: boolean) => (isDefault ? "/" : `/?set=${encodeURIComponent(name)}`);
export const compareHref = (a: string, b: string) => `/assumptions/compare?${new URLSearchParams({ a, b })}`;
