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
import type { TicketHandling } from './handling/handlingState';
import { foldStep } from './handling/stepFold';
import { isStepType } from './handling/stepEvents';
import { foldClock } from '../deadlines/clockFold';

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
  /** Issue 14: the rulebook's steps so far (handling/handlingState.ts); absent before the first. */
  handling?: TicketHandling;
  /** Issue 14: the received time was set back (补单); also in `handling.backfill` with the reason. */
  backfilled?: 1;
}

/** What `ticket.opened` says about the handling (where, back-fill, the four checks, the kind's details). */
function openedHandling(p: ReturnType<typeof ticketOpenedPayload.parse>, at: number): TicketHandling | undefined {
  const h: TicketHandling = {};
  if (p.place) h.place = p.place;
  if (p.backfill) h.backfill = p.backfill;
  if (p.checks) h.checks = p.checks;
  if (p.reportedTo) h.reportedTo = p.reportedTo;
  if (p.details) h.details = p.details;
  if (p.major) h.major = { at, reason: '' };
  return Object.keys(h).length ? h : undefined;
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
    const parsed = ticketOpenedPayload.parse(event.payload);
    const { place: _place, backfill, checks: _checks, reportedTo: _reportedTo, details: _details, major: _major, ...p } = parsed;
    const handling = openedHandling(parsed, parsed.receivedAt);
    return withPinned({
      id: event.stream.slice('ticket:'.length),
      ...p,
      ...(handling ? { handling } : {}),
      ...(backfill ? { backfilled: 1 as const } : {}),
      status: 'open',
      active: 1,
      createdAt: at,
      updatedAt: at,
      createdBy: event.actor,
      station: event.station,
      lastHlc: event.hlc,
      // S6: the caller's number is indexed under its own prefix (searchTerms.ts PHONE_TERM_PREFIX).
      terms: withActiveTerms(ticketTerms(parsed), true),
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
  if (isStepType(event.type)) {
    const step = foldStep(ticket.handling ?? {}, ticket.status, event);
    if (!step) return ticket;
    const active = isActiveStatus(step.status);
    const terms = active === (ticket.active === 1) ? ticket.terms : withActiveTerms(ticket.terms, active);
    return withPinned({ ...touched, handling: step.handling, status: step.status, active: active ? 1 : 0, terms, ...(step.paid ? { paid: true } : {}) });
  }
  // Issue 15: a clock paused or resumed, an alarm acknowledged, snoozed or escalated: the status stays.
  const clocked = foldClock(ticket.handling ?? {}, event);
  if (clocked) return { ...touched, handling: clocked };
  // Types this version does not know are kept in the log and leave the projection as it is.
  return ticket;
}
