import { describe, expect, it } from 'vitest';
import type { Role } from '../domain/roles';
import { foldTicket, type Ticket } from '../tickets/ticketFold';
import { MINUTE, RECEIVED, event, opened, take } from '../tickets/handling/stepTesting';
import { CLOCK_PAYLOADS, SNOOZE_LIMITS, type ClockEventType, type ClockPayload } from './clockEvents';
import { refuseClockStep } from './clockGuards';
import { DAY } from './deadlineTesting';
import { DEFAULT_TIMINGS } from './tuning';

// The clock commands' guard on tickets folded from real steps, at a fake clock: each refusal
// keeps a rule of the rulebook or of the alarm (issue 15).

const R = RECEIVED;
/** R-REPAIR-ORDER-5MIN of a normal repair is due at R + 5 min. */
const DUE = R + 5 * MINUTE;

function refused<T extends ClockEventType>(ticket: Ticket, type: T, payload: ClockPayload<T>, role: Role | null = 'clerk', now = DUE + MINUTE) {
  return refuseClockStep(ticket, { type, payload: CLOCK_PAYLOADS[type].parse(payload) as ClockPayload<T> }, role, DEFAULT_TIMINGS, now);
}

/** Folds a clock event as the store would once the guard let it through. */
function apply<T extends ClockEventType>(ticket: Ticket, type: T, payload: ClockPayload<T>, actor: string | null = 'staff-1'): Ticket {
  return foldTicket(ticket, { ...event(type, payload as Record<string, unknown>), actor })!;
}

const repair = () => opened({ kind: 'repair' });
const complaint = () => opened({ kind: 'complaint' });
const ack = (dueAt = DUE, at = DUE + MINUTE) => ({ at, rule: 'R-REPAIR-ORDER-5MIN' as const, dueAt });
const snooze = (n = 0) => ({ at: DUE + MINUTE + n, rule: 'R-REPAIR-ORDER-5MIN' as const, dueAt: DUE, until: DUE + 10 * MINUTE, reason: '正在联系工程部' });

describe('refuseClockStep', () => {
  it('R-REPAIR-ORDER-5MIN: a ringing round is acknowledged once; a second acknowledgement is refused', () => {
    const t = repair();
    expect(refused(t, 'ticket.alarmAcknowledged', ack())).toBeNull();
    expect(refused(apply(t, 'ticket.alarmAcknowledged', ack()), 'ticket.alarmAcknowledged', ack())).toBe('alreadyAcknowledged');
  });

  it('R-REPAIR-ORDER-5MIN: before it is due nothing rings, so nothing is acknowledged or snoozed (a warning is not the alarm)', () => {
    expect(refused(repair(), 'ticket.alarmAcknowledged', ack(DUE, R + 4 * MINUTE), 'clerk', R + 4 * MINUTE)).toBe('notRinging');
    expect(refused(repair(), 'ticket.alarmSnoozed', { ...snooze(), at: R + 4 * MINUTE }, 'clerk', R + 4 * MINUTE)).toBe('notRinging');
  });

  it('R-REPAIR-ORDER-5MIN: an acknowledgement naming another due time (an older round) is stale', () => {
    expect(refused(repair(), 'ticket.alarmAcknowledged', ack(DUE - MINUTE))).toBe('staleRound');
  });

  it('R-REPAIR-ORDER-5MIN: the work order stops the clock, closing stops every clock', () => {
    const ordered = take(repair(), 'ticket.workOrderIssued', { at: R + 4 * MINUTE, orderNumber: 'FD-W20261122-01', department: 'engineering' }, 'clerk', R + 4 * MINUTE);
    expect(refused(ordered, 'ticket.alarmAcknowledged', ack())).toBe('notRunning');
    const closed = take(opened({ kind: 'other' }), 'ticket.closed', { at: R + MINUTE, outcome: 'referred', text: '非物业范围', referral: { to: '社区居委会', how: '电话' } } as never, 'clerk', R + MINUTE);
    expect(closed.status).toBe('closed');
    expect(refused(closed, 'ticket.alarmAcknowledged', ack())).toBe('closedTicket');
  });

  it('R-REPAIR-ORDER-5MIN: a snooze needs a ringing round and ends after SNOOZE_LIMITS.perRound', () => {
    let t = repair();
    for (let i = 0; i < SNOOZE_LIMITS.perRound; i++) {
      expect(refused(t, 'ticket.alarmSnoozed', snooze(i))).toBeNull();
      t = apply(t, 'ticket.alarmSnoozed', snooze(i));
    }
    expect(refused(t, 'ticket.alarmSnoozed', snooze(9))).toBe('snoozeLimit');
    // Acknowledging is always there, however often it was snoozed.
    expect(refused(t, 'ticket.alarmAcknowledged', ack())).toBeNull();
  });

  it('R-COMPLAINT-CONTACT: a complaint\'s clock pauses and resumes once each; the 5 minutes of a work order never pause', () => {
    const now = R + DAY;
    const pause = { at: now, rule: 'R-COMPLAINT-CONTACT' as const, reason: 'resident' as const };
    expect(refused(complaint(), 'ticket.clockPaused', pause, 'clerk', now)).toBeNull();
    const paused = apply(complaint(), 'ticket.clockPaused', pause);
    expect(refused(paused, 'ticket.clockPaused', pause, 'clerk', now)).toBe('alreadyPaused');
    expect(refused(complaint(), 'ticket.clockResumed', { at: now, rule: 'R-COMPLAINT-CONTACT' }, 'clerk', now)).toBe('notPaused');
    expect(refused(paused, 'ticket.clockResumed', { at: now + MINUTE, rule: 'R-COMPLAINT-CONTACT' }, 'clerk', now + MINUTE)).toBeNull();
    expect(refused(repair(), 'ticket.clockPaused', { at: R + MINUTE, rule: 'R-REPAIR-ORDER-5MIN', reason: 'parts' }, 'clerk', R + MINUTE)).toBe('notPausable');
    // A clock that is not running on this ticket (a repair has no complaint clock).
    expect(refused(repair(), 'ticket.clockPaused', { ...pause, at: R + MINUTE }, 'clerk', R + MINUTE)).toBe('notRunning');
  });

  it('R-REPAIR-ORDER-5MIN: escalation needs no one signed in, only once per round, and not before its time', () => {
    const escalateAfter = DUE + 10 * MINUTE;
    const escalate = { at: escalateAfter, rule: 'R-REPAIR-ORDER-5MIN' as const, dueAt: DUE, to: 'supervisor' as const };
    expect(refused(repair(), 'ticket.alarmEscalated', escalate, null, escalateAfter)).toBeNull();
    expect(refused(repair(), 'ticket.alarmEscalated', { ...escalate, at: DUE }, null, DUE)).toBe('notRinging');
    const escalated = apply(repair(), 'ticket.alarmEscalated', escalate, null);
    expect(refused(escalated, 'ticket.alarmEscalated', escalate, null, escalateAfter)).toBe('alreadyEscalated');
    // Acknowledged in time: nobody is told.
    expect(refused(apply(repair(), 'ticket.alarmAcknowledged', ack()), 'ticket.alarmEscalated', escalate, null, escalateAfter)).toBe('alreadyAcknowledged');
  });

  it('R-CONFIDENTIAL: acknowledging needs a signed-in person with ticket.update; a time ahead of this clock is refused', () => {
    expect(refused(repair(), 'ticket.alarmAcknowledged', ack(), null)).toBe('notPermitted');
    expect(refused(repair(), 'ticket.alarmAcknowledged', ack(), 'controlRoom')).toBeNull();
    expect(refused(repair(), 'ticket.alarmAcknowledged', ack(DUE, DUE + 10 * MINUTE), 'clerk', DUE + MINUTE)).toBe('inFuture');
  });
});
