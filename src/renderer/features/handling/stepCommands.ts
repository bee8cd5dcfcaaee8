import { streams } from '@shared/events/envelope';
import type { EventDraft } from '@shared/events/registry';
import type { Role } from '@shared/domain/roles';
import type { Ticket } from '@shared/tickets/ticketFold';
import { STEP_PAYLOADS, TICKET_WORK_ORDER_ISSUED, type StepPayload, type StepType } from '@shared/tickets/handling/stepEvents';
import { refuseStep, type StepRefusal } from '@shared/tickets/handling/stepGuards';
import { stationDay } from '@shared/tickets/ticketNumber';
import { workOrderNumber } from '@shared/tickets/handling/workOrderNumber';
import type { DeskDatabase } from '../../db/database';
import { RefusedError, type EventStore } from '../../db/eventStore';

/** A step the rulebook refuses now: the UI shows `handling.refused.<code>` and keeps what was typed. */
export class StepRefusedError extends RefusedError {
  constructor(override readonly code: StepRefusal) {
    super(code);
  }
}

export interface Actor {
  id: string;
  role: Role;
}

/**
 * Takes one step of a request's handling: checked against the rulebook (stepGuards.ts) on the
 * row as it is in the same transaction, then appended. A work order gets its number from the
 * station's counter of the day in that transaction (two saves never share one; a refused or
 * failed save uses none).
 */
export async function takeStep<T extends StepType>(
  db: DeskDatabase, store: EventStore, ticketId: string, type: T, payload: StepPayload<T>, actor: Actor, timeZone: string, now = Date.now(),
): Promise<{ orderNumber?: string }> {
  // A work order's number is given in the transaction below; until then it holds a placeholder.
  const given = type === TICKET_WORK_ORDER_ISSUED ? { ...(payload as object), orderNumber: 'pending' } : payload;
  const parsed = STEP_PAYLOADS[type].parse(given) as StepPayload<T>;
  const draft = (p: unknown): EventDraft => ({ stream: streams.ticket(ticketId), type, payload: p } as EventDraft);
  let orderNumber: string | undefined;
  await store.append([draft(parsed)], actor.id, async (later) => {
    const ticket = (await db.tickets.get(ticketId)) as Ticket | undefined;
    if (!ticket) throw new StepRefusedError('notPermitted');
    const refusal = refuseStep(ticket, { type, payload: parsed }, actor.role, now);
    if (refusal) throw new StepRefusedError(refusal);
    if (type !== TICKET_WORK_ORDER_ISSUED) return;
    const day = stationDay(now, timeZone);
    const key = `workOrderCounter:${day}`;
    const last = ((await db.meta.get(key))?.value as number | undefined) ?? 0;
    later(db.meta.put({ key, value: last + 1 }));
    orderNumber = workOrderNumber(store.station.code, day, last + 1);
    return [draft({ ...(parsed as object), orderNumber })];
  });
  return orderNumber ? { orderNumber } : {};
}
