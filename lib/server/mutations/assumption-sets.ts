// Named assumption sets: create (optionally as a copy), edit values and name, delete. Guarded by version.
import { assumptionSetCreateSchema, assumptionSetDeleteSchema, assumptionSetUpdateSchema } from "../../domain/forms";
import { ASSUMPTION_KEYS, withDefaults, type Assumptions } from "../../scoring/assumptions";
import { diff, RECORD, recordChanges } from "./audit";
import { ConflictError, defineWrite, FieldError, NotFoundError } from "./result";

const valueFields = ASSUMPTION_KEYS.map((k) => `values.${k}`);
const flatten = (name: string, values: Assumptions) => ({ name, ...Object.fromEntries(ASSUMPTION_KEYS.map((k) => [`values.${k}`, values[k]])) });

export const createAssumptionSet = defineWrite(
  "assumption set",
  assumptionSetCreateSchema,
  async (tx, { name, values }, user): Promise<{ id: number; name: string }> => {
    if (await tx.assumptionSet.findUnique({ where: { name } })) throw new FieldError("name", `A set named "${name}" already exists`);
    const created = await tx.assumptionSet.create({ data: { name, values } });
    await recordChanges(
      tx,
      [{ entity: "AssumptionSet", entityId: created.id, companyId: null, field: RECORD, before: null, after: { name, values } }],
      user,
    );
    return { id: created.id, name };
  },
);

export const updateAssumptionSet = defineWrite(
  "assumption set",
  assumptionSetUpdateSchema,
  async (tx, { id, version, name, values }, user): Promise<{ version: number; name: string }> => {
    const before = await tx.assumptionSet.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("That assumption set no longer exists");
    if (name !== before.name && (await tx.assumptionSet.findUnique({ where: { name } })))
      throw new FieldError("name", `A set named "${name}" already exists`);
    const claimed = await tx.assumptionSet.updateMany({ where: { id, version }, data: { name, values, version: { increment: 1 } } });
    if (claimed.count === 0)
      throw new ConflictError("Someone else saved this set after you opened it. Nothing was written.", {
        id,
        version: before.version,
        name: before.name,
        values: before.values,
      });
    const oldValues = withDefaults(before.values) as Assumptions;
    await recordChanges(
      tx,
      diff("AssumptionSet", id, null, flatten(before.name, oldValues), flatten(name, values as Assumptions), ["name", ...valueFields]),
      user,
    );
    return { version: before.version + 1, name };
  },
);

export const deleteAssumptionSet = defineWrite(
  "assumption set removal",
  assumptionSetDeleteSchema,
  async (tx, { id, version }, user): Promise<{ id: number }> => {
    const before = await tx.assumptionSet.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("That assumption set no longer exists");
    if (before.isDefault) throw new FieldError("id", "The default set cannot be deleted");
    const removed = await tx.assumptionSet.deleteMany({ where: { id, version } });
    if (removed.count === 0)
      throw new ConflictError("Someone else changed this set after you opened it.", { id, version: before.version, name: before.name });
    await recordChanges(
      tx,
      [{ entity: "AssumptionSet", entityId: id, companyId: null, field: RECORD, before: { name: before.name, values: before.values }, after: null }],
      user,
    );
    return { id };
  },
);
