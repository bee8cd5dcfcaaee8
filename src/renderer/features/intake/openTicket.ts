import { uuidv7 } from '@shared/ids';
import { streams } from '@shared/events/envelope';
import { unitKey, normaliseBuilding, normaliseRoom } from '@shared/domain/units';
import { TICKET_OPENED, ticketOpenedPayload, type TicketOpenedPayload } from '@shared/tickets/ticketEvents';
import { stationDay, ticketNumber } from '@shared/tickets/ticketNumber';
import type { DeskDatabase } from '../../db/database';
import type { EventStore } from '../../db/eventStore';

export type IntakeValues = Omit<TicketOpenedPayload, 'number' | 'unitKey'>;

/**
 * Saves a new request as a `ticket.opened` event. The day's sequence number is taken in the
 * same transaction as the event, so two saves can never share a number and a failed save
 * uses none.
 */
export async function openTicket(db: DeskDatabase, store: EventStore, timeZone: string, values: IntakeValues, actor: string, now = Date.now()): Promise<{ id: string; number: string }> {
  const id = uuidv7(now);
  const day = stationDay(now, timeZone);
  let number = '';
  const building = normaliseBuilding(values.building);
  const room = normaliseRoom(values.room);
  const draft = (n: string) => ({
    stream: streams.ticket(id),
    type: TICKET_OPENED,
    payload: ticketOpenedPayload.parse({ ...values, building, room, unitKey: unitKey({ building, room }), number: n }),
  });
  // Validate before the transaction, so bad input never touches the counter.
  draft(ticketNumber(store.station.code, day, 1));
  const drafts = [draft(ticketNumber(store.station.code, day, 0))];
  await store.append(drafts, actor, async (later) => {
    const key = `ticketCounter:${day}`;
    const last = ((await db.meta.get(key))?.value as number | undefined) ?? 0;
    later(db.meta.put({ key, value: last + 1 }));
    number = ticketNumber(store.station.code, day, last + 1);
    drafts[0] = draft(number);
  });
  return { id, number };
}
