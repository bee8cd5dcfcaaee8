import { z } from 'zod';
import { CHANNELS, REQUEST_KINDS, TICKET_STATUSES, URGENCIES } from '../domain/requestKinds';
import { INCIDENT_SUBTYPES } from './handling/checklists';
import { MAX_TIME } from './handling/stepEvents';

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
  place: 60,
  reason: 400,
  reportedTo: 60,
  faultLocation: 200,
  accessTime: 200,
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
  receivedAt: z.number().int().nonnegative().max(MAX_TIME),
  // Issue 14 (all optional: events written before them stay valid).
  /** Where, when not a unit: a common area (settings' list) or as typed; building and room are then empty. */
  place: trimmed(TICKET_LIMITS.place).optional(),
  /** 补单: the received time was set back (a night's paper or radio request entered in the morning), with why. */
  backfill: z.object({ reason: trimmed(TICKET_LIMITS.reason).min(1) }).optional(),
  /** R-FOUR-CLEAR: listened, asked, read back, recorded clearly. */
  checks: z.object({ listened: z.boolean(), asked: z.boolean(), readBack: z.boolean(), recorded: z.boolean() }).optional(),
  /** R-FOUR-CLEAR (一报告): to whom it was reported at intake. */
  reportedTo: trimmed(TICKET_LIMITS.reportedTo).optional(),
  /** Kind by kind: R-REPAIR-FIELDS for a repair; the subtype and when it happened for an incident (R-SPECIAL-EVENT). */
  details: z
    .object({
      faultLocation: trimmed(TICKET_LIMITS.faultLocation).optional(),
      anyoneHome: z.enum(['yes', 'no', 'unknown']).optional(),
      spareKey: z.enum(['none', 'mayUse', 'keptNoUse']).optional(),
      accessTime: trimmed(TICKET_LIMITS.accessTime).optional(),
      subtype: z.enum(INCIDENT_SUBTYPES).optional(),
      happenedAt: z.number().int().nonnegative().max(MAX_TIME).optional(),
    })
    .optional(),
  /** A major case from the first word (R-MEDICAL-REPORT, R-REPAIR-MAJOR, R-COMPLAINT-MAJOR). */
  major: z.boolean().optional(),
});
export type TicketOpenedPayload = z.infer<typeof ticketOpenedPayload>;

export const ticketNotedPayload = z.object({ text: trimmed(TICKET_LIMITS.note).min(1) });
export type TicketNotedPayload = z.infer<typeof ticketNotedPayload>;

export const ticketStatusChangedPayload = z.object({ status: z.enum(TICKET_STATUSES), reason: trimmed(400).optional() });
export type TicketStatusChangedPayload = z.infer<typeof ticketStatusChangedPayload>;

/** Nothing but the fact: the number is the ticket's own, so it is not copied into the log again. */
export const ticketPhoneRevealedPayload = z.object({}).strict();
export type TicketPhoneRevealedPayload = z.infer<typeof ticketPhoneRevealedPayload>;
