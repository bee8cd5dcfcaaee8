import { uuidv7 } from '@shared/ids';
import { streams } from '@shared/events/envelope';
import type { EventDraft } from '@shared/events/registry';
import { unitKey, normaliseBuilding, normaliseRoom } from '@shared/domain/units';
import { TICKET_OPENED, ticketOpenedPayload, type TicketOpenedPayload } from '@shared/tickets/ticketEvents';
import { stationDay, ticketNumber } from '@shared/tickets/ticketNumber';
import { FUTURE_SLACK_MS } from '@shared/tickets/handling/stepGuards';
import type { DeskDatabase } from '../../db/database';
import { SaveError, type EventStore } from '../../db/eventStore';

export type IntakeValues = Omit<TicketOpenedPayload, 'number' | 'unitKey'>;

/**
 * Saves a new request as a `ticket.opened` event. The day's sequence number is taken in the
 * same transaction as the event, so two saves can never share a number and a failed save
 * uses none. `dropMetaKey`: the person's draft of this request (U5), removed in the same
 * transaction, so a saved request never comes back as a draft and a failed save keeps it.
 */
export async function createTicket(
  db: DeskDatabase, store: EventStore, timeZone: string, values: IntakeValues, actor: string, now = Date.now(), dropMetaKey?: string,
): Promise<{ id: string; number: string }> {
  const id = uuidv7(now);
  const day = stationDay(now, timeZone);
  const building = normaliseBuilding(values.building);
  const room = normaliseRoom(values.room);
  const draft = (n: string): EventDraft<typeof TICKET_OPENED> => ({
    stream: streams.ticket(id),
    type: TICKET_OPENED,
    // A place without a room has no unit key: the unit's request history (calls) never lists it.
    payload: ticketOpenedPayload.parse({ ...values, building, room, unitKey: values.place ? '' : unitKey({ building, room }), number: n }),
  });
  // Validate before the transaction, so bad input never touches the counter.
  draft(ticketNumber(store.station.code, day, 1));
  // 补单 sets the received time back, never ahead of this clock (the form refuses it first; this
  // keeps every caller of the command to it).
  if (values.receivedAt > now + FUTURE_SLACK_MS) throw new SaveError('invalid', new Error('receivedAt is in the future'));
  let number = '';
  await store.append([draft(ticketNumber(store.station.code, day, 0))], actor, async (later) => {
    const key = `ticketCounter:${day}`;
    const last = ((await db.meta.get(key))?.value as number | undefined) ?? 0;
    later(db.meta.put({ key, value: last + 1 }));
    if (dropMetaKey) later(db.meta.delete(dropMetaKey));
    number = ticketNumber(store.station.code, day, last + 1);
    return [draft(number)];
  });
  return { id, number };
}
