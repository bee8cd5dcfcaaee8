// The event registry (P2): every event type the desk writes, with its payload schema, the kind
// of stream it belongs to and the permission its actor must hold (S7). The store checks every
// draft against it before anything is written; the sync apply checks remote events with
// `checkEvent`. To add an event type: see docs/architecture.md "How to add an event type".
import type { z } from 'zod';
import type { Permission } from '../domain/roles';
import { streamKind, type DeskEvent } from './envelope';
import {
  TICKET_NOTED, TICKET_OPENED, TICKET_PHONE_REVEALED, TICKET_STATUS_CHANGED, ticketNotedPayload, ticketOpenedPayload, ticketPhoneRevealedPayload, ticketStatusChangedPayload,
} from '../tickets/ticketEvents';
import {
  STAFF_ADDED, STAFF_LOCKED_OUT, STAFF_LOCKOUT_LIFTED, STAFF_PIN_SET, STAFF_SIGNED_IN, STAFF_SIGNED_OUT, STAFF_UPDATED,
  staffAddedPayload, staffLockedOutPayload, staffLockoutLiftedPayload, staffPinSetPayload, staffSignedOutPayload, staffSignInPayload, staffUpdatedPayload,
} from '../staff/staffEvents';
import { DEADLINE_TUNED, SETTINGS_CHANGED, STATION_CONFIGURED, deadlineTunedPayload, settingsChangedPayload, stationConfiguredPayload } from '../station/stationEvents';
import {
  DIRECTORY_EXPORTED, PHONE_REVEALED, RESIDENT_ADDED, RESIDENT_UPDATED, UNIT_ADDED, UNIT_UPDATED,
  directoryExportedPayload, phoneRevealedPayload, residentAddedPayload, residentUpdatedPayload, unitAddedPayload, unitUpdatedPayload,
} from '../directory/directoryEvents';
import { STEP_PAYLOADS, SUPERVISOR_STEPS, type StepType } from '../tickets/handling/stepEvents';
import { CLOCK_PAYLOADS, TICKET_ALARM_ESCALATED, type ClockEventType } from '../deadlines/clockEvents';
import type { KindSpecs } from './kindSpecs';
import { DUTY_SPECS } from '../shifts/dutyEvents';
import { HANDOVER_SPECS } from '../shifts/handoverEvents';
import { REVIEW_SPECS } from '../shifts/reviewEvents';
import { LEFTOVER_SPECS } from '../shifts/leftoverEvents';
import { KEY_SPECS } from '../keys/keyEvents';
import { REGISTER_EXPORTED, registerExportedPayload } from '../registers/registerEvents';
import { CALL_DISMISSED, CALL_LINKED, CALL_RECEIVED, callDismissedPayload, callLinkedPayload, callReceivedPayload } from '../calls/callEvents';

export const STREAM_KINDS = ['ticket', 'staff', 'unit', 'resident', 'call', 'settings', 'station', 'directory', 'shift', 'key', 'leftover'] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];

export interface EventSpec {
  schema: z.ZodTypeAny;
  stream: StreamKind;
  /** What the actor must hold at the event's hlc for folds to apply it; null: anyone, or the system. */
  permission: Permission | null;
}

const spec = <S extends z.ZodTypeAny>(schema: S, stream: StreamKind, permission: Permission | null) => ({ schema, stream, permission });

/** Issue 14: the rulebook's steps of a request (tickets/handling/stepEvents.ts), on its ticket stream. */
type StepSpecs = { [T in StepType]: { schema: (typeof STEP_PAYLOADS)[T]; stream: 'ticket'; permission: Permission } };
const stepSpecs = Object.fromEntries(
  (Object.keys(STEP_PAYLOADS) as StepType[]).map((type) => [type, spec(STEP_PAYLOADS[type], 'ticket', SUPERVISOR_STEPS.includes(type) ? 'ticket.supervise' : 'ticket.update')]),
) as StepSpecs;

/**
 * Issue 15: what people do to a running clock (deadlines/clockEvents.ts), on the ticket stream. An
 * escalation is written by the ringing station whoever is signed in, or nobody (the screen locked
 * at 3 a.m. is exactly when it matters): it needs no permission and only lists the alarm for a role.
 */
type ClockSpecs = { [T in ClockEventType]: { schema: (typeof CLOCK_PAYLOADS)[T]; stream: 'ticket'; permission: Permission | null } };
const clockSpecs = Object.fromEntries(
  (Object.keys(CLOCK_PAYLOADS) as ClockEventType[]).map((type) => [type, spec(CLOCK_PAYLOADS[type], 'ticket', type === TICKET_ALARM_ESCALATED ? null : 'ticket.update')]),
) as ClockSpecs;

/** A feature's specs (events/kindSpecs.ts) on its stream kind. */
function on<S extends KindSpecs>(stream: StreamKind, specs: S) {
  return Object.fromEntries(Object.entries(specs).map(([type, s]) => [type, spec(s.schema, stream, s.permission)])) as { [T in keyof S]: { schema: S[T]['schema']; stream: StreamKind; permission: Permission | null } };
}

export const eventRegistry = {
  [TICKET_OPENED]: spec(ticketOpenedPayload, 'ticket', 'ticket.create'),
  [TICKET_NOTED]: spec(ticketNotedPayload, 'ticket', 'ticket.update'),
  [TICKET_STATUS_CHANGED]: spec(ticketStatusChangedPayload, 'ticket', 'ticket.update'),
  // S6: who saw a request's caller number in full; changes no projection.
  [TICKET_PHONE_REVEALED]: spec(ticketPhoneRevealedPayload, 'ticket', 'phone.unmask'),
  ...stepSpecs,
  ...clockSpecs,
  // staff.added: also the setup bootstrap; staff.pinSet: also a person's own PIN (staff/authority.ts).
  [STAFF_ADDED]: spec(staffAddedPayload, 'staff', 'staff.manage'),
  [STAFF_UPDATED]: spec(staffUpdatedPayload, 'staff', 'staff.manage'),
  [STAFF_PIN_SET]: spec(staffPinSetPayload, 'staff', 'staff.manage'),
  // Records of who was on duty: they change no projection.
  [STAFF_SIGNED_IN]: spec(staffSignInPayload, 'staff', null),
  [STAFF_SIGNED_OUT]: spec(staffSignedOutPayload, 'staff', null),
  [STAFF_LOCKED_OUT]: spec(staffLockedOutPayload, 'staff', null),
  // U10: lifts a lock-out (folded: staffFold.ts lockout); a PIN reset lifts it too.
  [STAFF_LOCKOUT_LIFTED]: spec(staffLockoutLiftedPayload, 'staff', 'staff.manage'),
  [STATION_CONFIGURED]: spec(stationConfiguredPayload, 'station', 'settings.manage'),
  [SETTINGS_CHANGED]: spec(settingsChangedPayload, 'settings', 'settings.manage'),
  // Issue 15: one rule's durations for the estate (one key per rule, last writer wins per rule).
  [DEADLINE_TUNED]: spec(deadlineTunedPayload, 'settings', 'deadline.tune'),
  [UNIT_ADDED]: spec(unitAddedPayload, 'unit', 'directory.edit'),
  [UNIT_UPDATED]: spec(unitUpdatedPayload, 'unit', 'directory.edit'),
  [RESIDENT_ADDED]: spec(residentAddedPayload, 'resident', 'directory.edit'),
  [RESIDENT_UPDATED]: spec(residentUpdatedPayload, 'resident', 'directory.edit'),
  [PHONE_REVEALED]: spec(phoneRevealedPayload, 'resident', 'phone.unmask'),
  [DIRECTORY_EXPORTED]: spec(directoryExportedPayload, 'directory', 'directory.browse'),
  // Issue 14, R-CONFIDENTIAL: a register exported to xlsx, logged on the same exports stream.
  [REGISTER_EXPORTED]: spec(registerExportedPayload, 'directory', 'ticket.create'),
  // A call is logged as it rings, signed in or not (actor null while the screen is locked).
  [CALL_RECEIVED]: spec(callReceivedPayload, 'call', null),
  [CALL_LINKED]: spec(callLinkedPayload, 'call', 'ticket.create'),
  [CALL_DISMISSED]: spec(callDismissedPayload, 'call', 'ticket.create'),
  // Issue 16: who holds the desk (shift:desk), a shift's log and review (shift:<day>|<shiftId>), the
  // daily report (shift:day|<date>), the leftover-issues file, the key register.
  ...on('shift', DUTY_SPECS),
  ...on('shift', HANDOVER_SPECS),
  ...on('shift', REVIEW_SPECS),
  ...on('leftover', LEFTOVER_SPECS),
  ...on('key', KEY_SPECS),
} as const satisfies Record<string, EventSpec>;

type Registry = typeof eventRegistry;
export type EventType = keyof Registry;
/** What a command hands over (before the schema's trimming and defaults). */
export type PayloadOf<T extends EventType> = z.input<Registry[T]['schema']>;

/** What a feature hands to the store; the store stamps id, hlc, station and actor. */
export type EventDraft<T extends EventType = EventType> = { [K in T]: { stream: string; type: K; payload: PayloadOf<K> } }[T];

export function specOf(type: string): EventSpec | undefined {
  return Object.prototype.hasOwnProperty.call(eventRegistry, type) ? (eventRegistry as Record<string, EventSpec>)[type] : undefined;
}

export type CheckResult = { ok: true; payload: Record<string, unknown> } | { ok: false; reason: 'unknownType' | 'wrongStream' | 'invalidPayload'; detail: string };

/**
 * Checks a draft or an event against the registry: a known type, a stream of its kind with an
 * id where the kind has ids, a payload its schema accepts. `payload` is the parsed payload
 * (trimmed, as stored).
 */
export function checkEvent(event: Pick<DeskEvent, 'stream' | 'type' | 'payload'>): CheckResult {
  const found = specOf(event.type);
  if (!found) return { ok: false, reason: 'unknownType', detail: event.type };
  const kind = streamKind(event.stream);
  const singleton = found.stream === 'settings';
  const idOk = singleton ? event.stream === kind : event.stream.length > kind.length + 1;
  if (kind !== found.stream || !idOk) return { ok: false, reason: 'wrongStream', detail: `${event.type} in ${event.stream}` };
  const parsed = found.schema.safeParse(event.payload);
  if (!parsed.success) return { ok: false, reason: 'invalidPayload', detail: `${event.type}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}` };
  return { ok: true, payload: parsed.data as Record<string, unknown> };
}
