import { z } from 'zod';
import { CHANNELS, REQUEST_KINDS, TICKET_STATUSES, URGENCIES } from '../domain/requestKinds';

// Ticket events (design.md: every change is an event; a correction is an event).

export const TICKET_OPENED = 'ticket.opened';
export const TICKET_NOTED = 'ticket.noted';
export const TICKET_STATUS_CHANGED = 'ticket.statusChanged';
/** R-CONFIDENTIAL (S6): who saw the caller's number in full, and when (the envelope's actor and hlc). */
export const TICKET_PHONE_REVEALED = 'ticket.phoneRevealed';

const trimmed = (max: number) => z.string().trim().max(max);

export const ticketOpenedPayload = z.object({
  number: z.string().min(1).max(40),
  channel: z.enum(CHANNELS),
  kind: z.enum(REQUEST_KINDS),
  urgency: z.enum(URGENCIES),
  building: trimmed(16),
  room: trimmed(16),
  unitKey: trimmed(40),
  callerName: trimmed(60),
  /** As typed; E.164 when the directory could normalise it. */
  callerPhone: trimmed(40),
  description: trimmed(4000).min(1),
  paid: z.boolean(),
  /** When the resident reached the desk (the ring time for a call), epoch ms. */
  receivedAt: z.number().int().nonnegative(),
});
export type TicketOpenedPayload = z.infer<typeof ticketOpenedPayload>;

export const ticketNotedPayload = z.object({ text: trimmed(4000).min(1) });
export type TicketNotedPayload = z.infer<typeof ticketNotedPayload>;

export const ticketStatusChangedPayload = z.object({ status: z.enum(TICKET_STATUSES), reason: trimmed(400).optional() });
export type TicketStatusChangedPayload = z.infer<typeof ticketStatusChangedPayload>;

/** Nothing but the fact: the number is the ticket's own, so it is not copied into the log again. */
export const ticketPhoneRevealedPayload = z.object({}).strict();
export type TicketPhoneRevealedPayload = z.infer<typeof ticketPhoneRevealedPayload>;
