import { streams } from '@shared/events/envelope';
import type { TicketStatus } from '@shared/domain/requestKinds';
import { TICKET_NOTED, TICKET_STATUS_CHANGED, ticketNotedPayload, ticketStatusChangedPayload } from '@shared/tickets/ticketEvents';
import type { DeskDatabase } from '../../db/database';
import type { EventStore } from '../../db/eventStore';

export async function addNote(store: EventStore, ticketId: string, text: string, actor: string) {
  await store.append([{ stream: streams.ticket(ticketId), type: TICKET_NOTED, payload: ticketNotedPayload.parse({ text }) }], actor);
}

export async function changeStatus(store: EventStore, ticketId: string, status: TicketStatus, actor: string) {
  await store.append([{ stream: streams.ticket(ticketId), type: TICKET_STATUS_CHANGED, payload: ticketStatusChangedPayload.parse({ status }) }], actor);
}

/** The ticket's events in hlc order, through the [stream+hlc] index. */
export function ticketTimeline(db: DeskDatabase, ticketId: string) {
  const stream = streams.ticket(ticketId);
  return db.events.where('[stream+hlc]').between([stream, ''], [stream, '\uffff']).toArray();
}
