import { z } from 'zod';
import { MAX_TIME } from '../tickets/handling/stepEvents';
import { DEADLINE_RULE_IDS } from './deadlineRules';

// Issue 15: what people do to a running clock, as events on the request's own stream (so an
// acknowledgement on one station stops the ring on every station: the fold, clockFold.ts, is the
// same everywhere). `dueAt` names the round of the alarm an acknowledgement, a snooze or an
// escalation is about: a re-agreed or re-tuned due time is a new round that rings again.

const at = z.number().int().nonnegative().max(MAX_TIME);
const rule = z.enum(DEADLINE_RULE_IDS);
const text = (max: number) => z.string().trim().max(max);

/** Why a clock waits (R-COMPLAINT-CONTACT, R-REPAIR-CHASE: the resident, parts; or as typed). */
export const PAUSE_REASONS = ['resident', 'parts', 'other'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

/** Only the clocks that can honestly wait on someone else; "at once" and the 5/15 minutes never pause. */
export const PAUSABLE_RULES = ['R-REPAIR-CHASE', 'R-COMPLAINT-CONTACT', 'R-INQUIRY-WRITTEN', 'R-FOLLOWUP'] as const;

/** A snooze is short and rare: at most 15 minutes, three times per round of an alarm. */
export const SNOOZE_LIMITS = { maxMinutes: 15, perRound: 3 } as const;

export const TICKET_CLOCK_PAUSED = 'ticket.clockPaused';
export const ticketClockPausedPayload = z
  .object({ at, rule, reason: z.enum(PAUSE_REASONS), text: text(400).optional() })
  .refine((p) => p.reason !== 'other' || Boolean(p.text), { message: 'say why', path: ['text'] });

export const TICKET_CLOCK_RESUMED = 'ticket.clockResumed';
export const ticketClockResumedPayload = z.object({ at, rule });

/** Someone heard the alarm and takes it on: it stops ringing on every station (not the clock). */
export const TICKET_ALARM_ACKNOWLEDGED = 'ticket.alarmAcknowledged';
export const ticketAlarmAcknowledgedPayload = z.object({ at, rule, dueAt: at });

/** Quiet until `until`, with a reason; limited in length and number (SNOOZE_LIMITS). */
export const TICKET_ALARM_SNOOZED = 'ticket.alarmSnoozed';
export const ticketAlarmSnoozedPayload = z
  .object({ at, rule, dueAt: at, until: at, reason: text(400).min(1) })
  .refine((p) => p.until > p.at && p.until - p.at <= SNOOZE_LIMITS.maxMinutes * 60_000, { message: `1 ms to ${SNOOZE_LIMITS.maxMinutes} minutes`, path: ['until'] });

/** Nobody acknowledged it in time: the role is told (listed for it on every station). Written by the ringing station, signed in or not. */
export const TICKET_ALARM_ESCALATED = 'ticket.alarmEscalated';
export const ticketAlarmEscalatedPayload = z.object({ at, rule, dueAt: at, to: z.enum(['supervisor', 'manager']) });

export const CLOCK_PAYLOADS = {
  [TICKET_CLOCK_PAUSED]: ticketClockPausedPayload,
  [TICKET_CLOCK_RESUMED]: ticketClockResumedPayload,
  [TICKET_ALARM_ACKNOWLEDGED]: ticketAlarmAcknowledgedPayload,
  [TICKET_ALARM_SNOOZED]: ticketAlarmSnoozedPayload,
  [TICKET_ALARM_ESCALATED]: ticketAlarmEscalatedPayload,
} as const;
export type ClockEventType = keyof typeof CLOCK_PAYLOADS;
export const CLOCK_EVENT_TYPES = Object.keys(CLOCK_PAYLOADS) as ClockEventType[];
export type ClockPayload<T extends ClockEventType> = z.infer<(typeof CLOCK_PAYLOADS)[T]>;

export function isClockEventType(type: string): type is ClockEventType {
  return Object.prototype.hasOwnProperty.call(CLOCK_PAYLOADS, type);
}
