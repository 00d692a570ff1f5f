// Named assumption sets: create (optionally as a copy), edit values and name, delete. Guarded by version.
import { assumptionSetCreateSchema, assumptionSetDeleteSchema, assumptionSetUpdateSchema } from "../../domain/forms";
import { ASSUMPTION_KEYS, withDefaults, type Assumptions } from "../../scoring/assumptions";
import type { Db } from "../db-client";
import { diff, RECORD, recordChanges } from "./audit";
import { ConflictError, FieldError, invalid, NotFoundError, runWrite, type WriteResult } from "./result";

const valueFields = ASSUMPTION_KEYS.map((k) => `values.${k}`);
const flatten = (name: string, values: Assumptions) => ({ name, ...Object.fromEntries(ASSUMPTION_KEYS.map((k) => [`values.${k}`, values[k]])) });

export async function createAssumptionSet(db: Db, raw: unknown, user: string | null): Promise<WriteResult<{ id: number; name: string }>> {
  const parsed = assumptionSetCreateSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, raw);
  const { name, values } = parsed.data;
  return runWrite("assumption set", raw, () =>
    db.$transaction(async (tx) => {
      if (await tx.assumptionSet.findUnique({ where: { name } })) throw new FieldError("name", `A set named "${name}" already exists`);
      const created = await tx.assumptionSet.create({ data: { name, values } });
      await recordChanges(tx, [{ entity: "AssumptionSet", entityId: created.id, companyId: null, field: RECORD, before: null, after: { name, values } }], user);
      return { id: created.id, name };
    }),
  );
}

export async function updateAssumptionSet(db: Db, raw: unknown, user: string | null): Promise<WriteResult<{ version: number; name: string }>> {
  const parsed = assumptionSetUpdateSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, raw);
  const { id, version, name, values } = parsed.data;
  return runWrite("assumption set", raw, () =>
    db.$transaction(async (tx) => {
      const before = await tx.assumptionSet.findUnique({ where: { id } });
      if (!before) throw new NotFoundError("That assumption set no longer exists");
      if (name !== before.name && (await tx.assumptionSet.findUnique({ where: { name } })))
        throw new FieldError("name", `A set named "${name}" already exists`);
      const claimed = await tx.assumptionSet.updateMany({ where: { id, version }, data: { name, values, version: { increment: 1 } } });
      if (claimed.count === 0)
        throw new ConflictError("Someone else saved this set after you opened it. Nothing was written.", { id, version: before.version, name: before.name, values: before.values });
      const oldValues = withDefaults(before.values) as Assumptions;
      await recordChanges(tx, diff("AssumptionSet", id, null, flatten(before.name, oldValues), flatten(name, values as Assumptions), ["name", ...valueFields]), user);
      return { version: before.version + 1, name };
    }),
  );
}

export async function deleteAssumptionSet(db: Db, raw: unknown, user: string | null): Promise<WriteResult<{ id: number }>> {
  const parsed = assumptionSetDeleteSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, raw);
  const { id, version } = parsed.data;
  return runWrite("assumption set removal", raw, () =>
    db.$transaction(async (tx) => {
      const before = await tx.assumptionSet.findUnique({ where: { id } });
      if (!before) throw new NotFoundError("That assumption set no longer exists");
      if (before.isDefault) throw new FieldError("id", "The default set cannot be deleted");
      const removed = await tx.assumptionSet.deleteMany({ where: { id, version } });
      if (removed.count === 0) throw new ConflictError("Someone else changed this set after you opened it.", { id, version: before.version, name: before.name });
      await recordChanges(tx, [{ entity: "AssumptionSet", entityId: id, companyId: null, field: RECORD, before: { name: before.name, values: before.values }, after: null }], user);
      return { id };
    }),
  );
}
