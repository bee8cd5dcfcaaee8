import type { DeskEvent } from '../events/envelope';
import { parseHlc } from '../hlc';
import { isActiveStatus, type Channel, type RequestKind, type TicketStatus, type Urgency } from '../domain/requestKinds';
import {
  TICKET_NOTED,
  TICKET_OPENED,
  TICKET_STATUS_CHANGED,
  ticketNotedPayload,
  ticketOpenedPayload,
  ticketStatusChangedPayload,
} from './ticketEvents';
import { ticketTerms, withActiveTerms } from '../text/searchTerms';

/** The ticket projection row the work queue reads (indexed fields only what queries need). */
export interface Ticket {
  id: string;
  number: string;
  kind: RequestKind;
  channel: Channel;
  urgency: Urgency;
  status: TicketStatus;
  /** 1 while the ticket needs work: the queue's default filter uses it as an index key. */
  active: 0 | 1;
  building: string;
  room: string;
  unitKey: string;
  callerName: string;
  callerPhone: string;
  description: string;
  paid: boolean;
  receivedAt: number;
  createdAt: number;
  updatedAt: number;
  createdBy: string | null;
  station: string;
  /** hlc of the last event folded in: a remote event older than this means a refold. */
  lastHlc: string;
  terms: string[];
  /**
   * U20: createdAt while the ticket is urgent and open, absent otherwise: a sparse index, so the
   * queue reads the few urgent open tickets first and an ordinary ticket's save writes no key.
   */
  pinned?: number;
}

/** The ticket with `pinned` set (urgent and open) or removed. */
function withPinned(ticket: Ticket): Ticket {
  const { pinned: _old, ...rest } = ticket;
  return ticket.urgency === 'urgent' && ticket.active === 1 ? { ...rest, pinned: ticket.createdAt } : rest;
}

function hlcMillis(hlc: string): number {
  return parseHlc(hlc)?.millis ?? 0;
}

/**
 * Folds one ticket event into the ticket. Pure: the store calls it inside the transaction
 * that appends the event, and re-folds a stream from its events when one arrives out of order.
 */
export function foldTicket(ticket: Ticket | null, event: DeskEvent): Ticket | null {
  const at = hlcMillis(event.hlc);
  if (event.type === TICKET_OPENED) {
    if (ticket) return ticket;
    const p = ticketOpenedPayload.parse(event.payload);
    return withPinned({
      id: event.stream.slice('ticket:'.length),
      ...p,
      status: 'open',
      active: 1,
      createdAt: at,
      updatedAt: at,
      createdBy: event.actor,
      station: event.station,
      lastHlc: event.hlc,
      // S6: the caller's number is indexed under its own prefix (searchTerms.ts PHONE_TERM_PREFIX).
      terms: withActiveTerms(ticketTerms(p), true),
    });
  }
  if (!ticket) return null;
  if (event.type === TICKET_NOTED) {
    // A note lives in the log (the timeline reads it there) and leaves the row as it is, the same
    // object: no row write, so none of its ~28 index keys is rewritten for the commonest event
    // of all (a save's cost, and most of a new station's first pull).
    ticketNotedPayload.parse(event.payload);
    return ticket;
  }
  const touched = { ...ticket, updatedAt: Math.max(ticket.updatedAt, at), lastHlc: event.hlc > ticket.lastHlc ? event.hlc : ticket.lastHlc };
  if (event.type === TICKET_STATUS_CHANGED) {
    const { status } = ticketStatusChangedPayload.parse(event.payload);
    const active = isActiveStatus(status);
    return withPinned({ ...touched, status, active: active ? 1 : 0, terms: withActiveTerms(ticket.terms, active) });
  }
  // Types this version does not know are kept in the log and leave the projection as it is.
  return ticket;
}
