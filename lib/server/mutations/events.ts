// Applying a later event that carries a contract: the contract is created (validated with the same
// contract schema as the form) and the event records when it was applied.
import { applyEventSchema } from "../../domain/forms";
import { contractSchema } from "../../domain/schemas";
import type { Db } from "../db-client";
import { recordChanges } from "./audit";
import { ConflictError, invalid, NotFoundError, runWrite, type WriteResult } from "./result";
import { insertContract } from "./sites-contracts";

export async function applyEvent(db: Db, raw: unknown, user: string | null): Promise<WriteResult<{ contractId: number }>> {
  const parsed = applyEventSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, raw);
  const { ticker, eventId, version } = parsed.data;
  return runWrite("event", raw, () =>
    db.$transaction(async (tx) => {
      const event = await tx.event.findFirst({ where: { id: eventId, company: { ticker } } });
      if (!event) throw new NotFoundError("That event no longer exists");
      if (event.contractJson == null) throw new NotFoundError("This event carries no contract to apply");
      const current = { eventId, version: event.version, appliedAt: event.appliedAt };
      if (event.appliedAt) throw new ConflictError("This event was already applied.", current);
      const claimed = await tx.event.updateMany({ where: { id: eventId, version, appliedAt: null }, data: { appliedAt: new Date(), version: { increment: 1 } } });
      if (claimed.count === 0) throw new ConflictError("Someone else changed this event after you opened it.", current);
      const contract = contractSchema.parse(event.contractJson);
      const created = await insertContract(tx, event.companyId, contract, user, event.id);
      const applied = await tx.event.findUniqueOrThrow({ where: { id: eventId } });
      await recordChanges(tx, [{ entity: "Event", entityId: eventId, companyId: event.companyId, field: "appliedAt", before: null, after: applied.appliedAt!.toISOString() }], user);
      return { contractId: created.id };
    }),
  );
}
