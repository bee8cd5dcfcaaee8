import Dexie, { type Transaction } from 'dexie';
import type { Ticket } from '@shared/tickets/ticketFold';

/**
 * Schema v10 (U20): the urgent open tickets get `pinned` (their createdAt), the field of the
 * sparse index the queue reads them through first. Only the open tickets are read (an index
 * range); a closed ticket never carries it.
 */
export function pinUrgentTickets(tx: Transaction) {
  return tx.table<Ticket, string>('tickets').where('[active+createdAt]').between([1, Dexie.minKey], [1, Dexie.maxKey]).modify((ticket) => {
    if (ticket.urgency === 'urgent') ticket.pinned = ticket.createdAt;
  });
}
