import { streams } from '@shared/events/envelope';
import type { TicketStatus } from '@shared/domain/requestKinds';
import {
  TICKET_NOTED, TICKET_PHONE_REVEALED, TICKET_STATUS_CHANGED, ticketNotedPayload, ticketPhoneRevealedPayload, ticketStatusChangedPayload,
} from '@shared/tickets/ticketEvents';
import type { EventStore } from '../../db/eventStore';

export async function addNote(store: EventStore, ticketId: string, text: string, actor: string) {
  await store.append([{ stream: streams.ticket(ticketId), type: TICKET_NOTED, payload: ticketNotedPayload.parse({ text }) }], actor);
}

export async function changeStatus(store: EventStore, ticketId: string, status: TicketStatus, actor: string) {
  await store.append([{ stream: streams.ticket(ticketId), type: TICKET_STATUS_CHANGED, payload: ticketStatusChangedPayload.parse({ status }) }], actor);
}

/** R-CONFIDENTIAL (S6): the reveal is saved before the number is shown; if the save fails it stays masked. */
export async function revealTicketPhone(store: EventStore, ticketId: string, actor: string) {
  await store.append([{ stream: streams.ticket(ticketId), type: TICKET_PHONE_REVEALED, payload: ticketPhoneRevealedPayload.parse({}) }], actor);
}
