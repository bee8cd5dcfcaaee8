import type { Transaction } from 'dexie';
import type { Ticket } from '@shared/tickets/ticketFold';
import { plainTerms, ticketTerms, tokenize, withActiveTerms } from '@shared/text/searchTerms';

/**
 * Schema v8 (S6 / R-CONFIDENTIAL): a caller's number was indexed as plain digits, so any role
 * found a request by it. The tickets that carry one (an index range on `callerPhone`) whose
 * terms hold its digits get their terms rebuilt from their own fields, the number now only
 * under PHONE_TERM_PREFIX; the others are left as they are.
 */
export function movePhoneTerms(tx: Transaction) {
  return tx.table<Ticket, string>('tickets').where('callerPhone').above('').modify((ticket) => {
    const old = new Set(tokenize(ticket.callerPhone));
    if (!plainTerms(ticket.terms).some((term) => old.has(term))) return;
    const fields = {
      number: ticket.number ?? '', unitKey: ticket.unitKey ?? '', building: ticket.building ?? '', room: ticket.room ?? '',
      callerName: ticket.callerName ?? '', callerPhone: ticket.callerPhone, description: ticket.description ?? '',
    };
    ticket.terms = withActiveTerms(ticketTerms(fields), ticket.active === 1);
  });
}
