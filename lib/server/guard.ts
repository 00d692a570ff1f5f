// The wrapper every server action goes through: sign-in check (when a password is configured), the
// write itself (which validates with the shared schema), then a refresh of every page that shows the
// numbers.
import "server-only";
import { revalidatePath } from "next/cache";
import { requireWriter, UNAUTHORIZED } from "./auth";
import type { WriteResult } from "./mutations/result";

export async function guarded<T>(write: (user: string | null) => Promise<WriteResult<T>>): Promise<WriteResult<T>> {
  const writer = await requireWriter();
  if (!writer.ok) return UNAUTHORIZED;
  const result = await write(writer.user);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
