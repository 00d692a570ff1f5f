// Named screener views shared by every user of the instance. Parse with the form's schema (the query must
// be a view the screener accepts), refuse a name already taken (ignoring case), write, audit.
import type { Db } from "../db-client";
import { deleteSavedViewSchema, savedViewFormSchema, viewNameKey } from "../../view/saved-views";
import { RECORD, recordChanges } from "./audit";
import { ConflictError, defineWrite, FieldError, NotFoundError } from "./result";

export const saveView = defineWrite(
  "saved view",
  savedViewFormSchema,
  async (tx, { name, query }, user): Promise<{ id: number; name: string; query: string }> => {
    const taken = await tx.savedView.findUnique({ where: { nameKey: viewNameKey(name) } });
    if (taken) throw new FieldError("name", `A view named “${taken.name}” exists already; choose another name or delete that one first`);
    const created = await tx.savedView.create({ data: { name, nameKey: viewNameKey(name), query, createdBy: user } });
    await recordChanges(
      tx,
      [{ entity: "SavedView", entityId: created.id, companyId: null, field: RECORD, before: null, after: { name, query } }],
      user,
    );
    return { id: created.id, name, query };
  },
);

export const deleteView = defineWrite("saved view removal", deleteSavedViewSchema, async (tx, { id, version }, user): Promise<{ id: number }> => {
  const before = await tx.savedView.findUnique({ where: { id } });
  if (!before) throw new NotFoundError("That view no longer exists");
  const removed = await tx.savedView.deleteMany({ where: { id, version } });
  if (removed.count === 0) throw new ConflictError("Someone else changed this view after you opened it. Nothing was deleted.", before);
  await recordChanges(
    tx,
    [{ entity: "SavedView", entityId: id, companyId: null, field: RECORD, before: { name: before.name, query: before.query }, after: null }],
    user,
  );
  return { id };
});

export async function loadSavedViews(db: Pick<Db, "savedView">) {
  return db.savedView.findMany({ orderBy: [{ nameKey: "asc" }] });
}
