import Dexie from 'dexie';
import { streams } from '@shared/events/envelope';
import type { EventDraft } from '@shared/events/registry';
import * as C from '@shared/deadlines/clockEvents';
import { refuseClockStep, type ClockRefusal } from '@shared/deadlines/clockGuards';
import type { EscalationRole } from '@shared/deadlines/deadlineRules';
import type { PendingDeadline } from '@shared/deadlines/pendingDeadlines';
import type { DeskDatabase } from '../../db/database';
import { RefusedError, type EventStore } from '../../db/eventStore';
import { timingsOf } from '../../db/deadlineProjection';
import type { Actor } from '../handling/stepCommands';

/** A clock step the rules refuse now: the UI shows `deadlines.refused.<code>`. */
export class ClockRefusedError extends RefusedError {
  constructor(override readonly code: ClockRefusal) {
    super(code);
  }
}

/**
 * Takes one clock step (pause, resume, acknowledge, snooze, escalate), checked against the row
 * and the estate's timings as they are in the save's own transaction (clockGuards.ts), as
 * `takeStep` does for the handling steps. `actor` null: nobody is signed in (only an escalation).
 */
export async function takeClockStep<T extends C.ClockEventType>(
  db: DeskDatabase, store: EventStore, ticketId: string, type: T, payload: C.ClockPayload<T>, actor: Actor | null, now = Date.now(),
): Promise<void> {
  const parsed = C.CLOCK_PAYLOADS[type].parse(payload) as C.ClockPayload<T>;
  const draft = { stream: streams.ticket(ticketId), type, payload: parsed } as EventDraft;
  await store.append([draft], actor?.id ?? null, async () => {
    // Dexie's own promise: it keeps the transaction's zone.
    const [ticket, settings] = await Dexie.Promise.all([db.tickets.get(ticketId), db.settings.get('desk')]);
    if (!ticket) throw new ClockRefusedError('notRunning');
    const refusal = refuseClockStep(ticket, { type, payload: parsed }, actor?.role ?? null, timingsOf(settings), now);
    if (refusal) throw new ClockRefusedError(refusal);
  });
}

type Round = Pick<PendingDeadline, 'ticketId' | 'ruleId' | 'dueAt'>;

/** Someone heard the alarm of this round and takes it on (it stops ringing on every station). */
export function acknowledgeAlarm(db: DeskDatabase, store: EventStore, round: Round, actor: Actor, now = Date.now()) {
  return takeClockStep(db, store, round.ticketId, C.TICKET_ALARM_ACKNOWLEDGED, { at: now, rule: round.ruleId, dueAt: round.dueAt }, actor, now);
}

/** Quiet for `minutes` (≤ SNOOZE_LIMITS.maxMinutes), with a reason. */
export function snoozeAlarm(db: DeskDatabase, store: EventStore, round: Round, minutes: number, reason: string, actor: Actor, now = Date.now()) {
  return takeClockStep(db, store, round.ticketId, C.TICKET_ALARM_SNOOZED, { at: now, rule: round.ruleId, dueAt: round.dueAt, until: now + minutes * 60_000, reason }, actor, now);
}

/** Nobody acknowledged it in time: written by the ringing station, signed in or not. */
export function escalateAlarm(db: DeskDatabase, store: EventStore, round: Round, to: EscalationRole, actor: Actor | null, now = Date.now()) {
  return takeClockStep(db, store, round.ticketId, C.TICKET_ALARM_ESCALATED, { at: now, rule: round.ruleId, dueAt: round.dueAt, to }, actor, now);
}

export function pauseClock(db: DeskDatabase, store: EventStore, round: Pick<Round, 'ticketId' | 'ruleId'>, reason: C.PauseReason, text: string | undefined, actor: Actor, now = Date.now()) {
  return takeClockStep(db, store, round.ticketId, C.TICKET_CLOCK_PAUSED, { at: now, rule: round.ruleId, reason, ...(text ? { text } : {}) } as C.ClockPayload<typeof C.TICKET_CLOCK_PAUSED>, actor, now);
}

export function resumeClock(db: DeskDatabase, store: EventStore, round: Pick<Round, 'ticketId' | 'ruleId'>, actor: Actor, now = Date.now()) {
  return takeClockStep(db, store, round.ticketId, C.TICKET_CLOCK_RESUMED, { at: now, rule: round.ruleId }, actor, now);
}
