// Applying a later event that carries a contract: the contract is created (validated with the same
// contract schema as the form) and the event records when it was applied.
import { applyEventSchema } from "../../domain/forms";
import { contractSchema } from "../../domain/schemas";
import { recordChanges } from "./audit";
import { ConflictError, defineWrite, NotFoundError } from "./result";
import { insertContract } from "./sites-contracts";

export const applyEvent = defineWrite("event", applyEventSchema, async (tx, { ticker, eventId, version }, user): Promise<{ contractId: number }> => {
  const event = await tx.event.findFirst({ where: { id: eventId, company: { ticker } } });
  if (!event) throw new NotFoundError("That event no longer exists");
  if (event.contractJson == null) throw new NotFoundError("This event carries no contract to apply");
  const current = { eventId, version: event.version, appliedAt: event.appliedAt };
  if (event.appliedAt) throw new ConflictError("This event was already applied.", current);
  const claimed = await tx.event.updateMany({
    where: { id: eventId, version, appliedAt: null },
    data: { appliedAt: new Date(), version: { increment: 1 } },
  });
  if (claimed.count === 0) throw new ConflictError("Someone else changed this event after you opened it.", current);
  const contract = contractSchema.parse(event.contractJson);
  const created = await insertContract(tx, event.companyId, contract, user, event.id);
  const applied = await tx.event.findUniqueOrThrow({ where: { id: eventId } });
  await recordChanges(
    tx,
    [{ entity: "Event", entityId: eventId, companyId: event.companyId, field: "appliedAt", before: null, after: applied.appliedAt!.toISOString() }],
    user,
  );
  return { contractId: created.id };
});
