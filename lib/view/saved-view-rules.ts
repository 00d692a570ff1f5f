// The rules of a saved view's name, without zod: the screener's bundle checks a name as it is typed
// (zod stays out of that bundle, docs/decisions/0008), and the server's schema uses the same messages.
export const VIEW_NAME_MAX = 100;

/** Why a name cannot be saved (before the duplicate check, which needs the database), or null. */
export function viewNameProblem(name: string): string | null {
  const t = name.trim();
  if (t.length === 0) return "Name the view";
  if (t.length > VIEW_NAME_MAX) return `At most ${VIEW_NAME_MAX} characters (this one has ${t.length})`;
  return null;
}

/** Names are unique ignoring case and surrounding spaces. */
export const viewNameKey = (name: string) => name.trim().toLowerCase();
