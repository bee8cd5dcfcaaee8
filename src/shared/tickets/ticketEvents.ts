import { z } from 'zod';
import { CHANNELS, REQUEST_KINDS, TICKET_STATUSES, URGENCIES } from '../domain/requestKinds';

// Ticket events: every change is an event, and a correction is another event, never an edit, so
// the log is the audit trail.

export const TICKET_OPENED = 'ticket.opened';
export const TICKET_NOTED = 'ticket.noted';
export const TICKET_STATUS_CHANGED = 'ticket.statusChanged';
/** R-CONFIDENTIAL (S6): who saw the caller's number in full, and when (the envelope's actor and hlc). */
export const TICKET_PHONE_REVEALED = 'ticket.phoneRevealed';

const trimmed = (max: number) => z.string().trim().max(max);

/**
 * The longest text each field of a request or note may hold, in characters (UTF-16 units, as
 * zod and the inputs count). The one place the forms read their counters and checks from (U3).
 */
export const TICKET_LIMITS = {
  building: 16,
  room: 16,
  callerName: 60,
  callerPhone: 40,
  description: 4000,
  note: 4000,
} as const;
export type LimitedField = keyof typeof TICKET_LIMITS;

export const ticketOpenedPayload = z.object({
  number: z.string().min(1).max(40),
  channel: z.enum(CHANNELS),
  kind: z.enum(REQUEST_KINDS),
  urgency: z.enum(URGENCIES),
  building: trimmed(TICKET_LIMITS.building),
  room: trimmed(TICKET_LIMITS.room),
  unitKey: trimmed(40),
  callerName: trimmed(TICKET_LIMITS.callerName),
  /** As typed; E.164 when the directory could normalise it. */
  callerPhone: trimmed(TICKET_LIMITS.callerPhone),
  description: trimmed(TICKET_LIMITS.description).min(1),
  paid: z.boolean(),
  /** When the resident reached the desk (the ring time for a call), epoch ms. */
  receivedAt: z.number().int().nonnegative(),
});
export type TicketOpenedPayload = z.infer<typeof ticketOpenedPayload>;

export const ticketNotedPayload = z.object({ text: trimmed(TICKET_LIMITS.note).min(1) });
export type TicketNotedPayload = z.infer<typeof ticketNotedPayload>;

export const ticketStatusChangedPayload = z.object({ status: z.enum(TICKET_STATUSES), reason: trimmed(400).optional() });
export type TicketStatusChangedPayload = z.infer<typeof ticketStatusChangedPayload>;

/** Nothing but the fact: the number is the ticket's own, so it is not copied into the log again. */
export const ticketPhoneRevealedPayload = z.object({}).strict();
export type TicketPhoneRevealedPayload = z.infer<typeof ticketPhoneRevealedPayload>;
