import { describe, expect, it } from 'vitest';
import { foldTicket } from '../tickets/ticketFold';
import { MINUTE, RECEIVED, event, foldAll, opened, openedEvent } from '../tickets/handling/stepTesting';
import { pendingDeadlines } from './pendingDeadlines';
import { DEFAULT_TIMINGS } from './tuning';
import { DAY } from './deadlineTesting';

// Issue 15: what people do to a clock, folded from the ticket's own stream. The fold never
// refuses and gives the same row whatever order the events arrive in (the store folds in hlc
// order; these fold in the order given, as the store does once sorted).

const complaint = () => opened({ kind: 'complaint' });
const DUE = RECEIVED + 3 * DAY;

describe('clock events on the ticket (clockFold)', () => {
  it('R-COMPLAINT-CONTACT: a pause for the resident moves the due time by the paused span; resuming restarts the clock', () => {
    const paused = foldAll([event('ticket.clockPaused', { at: RECEIVED + DAY, rule: 'R-COMPLAINT-CONTACT', reason: 'resident' })], complaint())!;
    expect(paused.status).toBe('open');
    const during = pendingDeadlines(paused, DEFAULT_TIMINGS, RECEIVED + 2 * DAY).find((d) => d.ruleId === 'R-COMPLAINT-CONTACT')!;
    expect(during).toMatchObject({ paused: true, dueAt: DUE + DAY });
    const resumed = foldAll([event('ticket.clockResumed', { at: RECEIVED + 2 * DAY, rule: 'R-COMPLAINT-CONTACT' })], paused)!;
    const after = pendingDeadlines(resumed, DEFAULT_TIMINGS, RECEIVED + 3 * DAY).find((d) => d.ruleId === 'R-COMPLAINT-CONTACT')!;
    expect(after.paused).toBeUndefined();
    expect(after.dueAt).toBe(DUE + DAY);
    expect(resumed.handling?.clocks?.['R-COMPLAINT-CONTACT']?.pauses).toEqual([{ from: RECEIVED + DAY, to: RECEIVED + 2 * DAY, reason: 'resident', by: 'staff-1' }]);
  });

  it('a second pause while waiting and a resume with nothing paused change nothing', () => {
    const once = foldAll([event('ticket.clockPaused', { at: RECEIVED + MINUTE, rule: 'R-COMPLAINT-CONTACT', reason: 'parts' })], complaint())!;
    const twice = foldAll([event('ticket.clockPaused', { at: RECEIVED + 2 * MINUTE, rule: 'R-COMPLAINT-CONTACT', reason: 'resident' })], once)!;
    expect(twice.handling?.clocks).toEqual(once.handling?.clocks);
    const stray = foldAll([event('ticket.clockResumed', { at: RECEIVED + MINUTE, rule: 'R-INQUIRY-WRITTEN' })], complaint())!;
    expect(stray.handling?.clocks?.['R-INQUIRY-WRITTEN']).toBeUndefined();
  });

  it('an acknowledgement silences its round only, by whom; a later round (a new promised date) is not acknowledged', () => {
    const acked = foldAll([event('ticket.alarmAcknowledged', { at: DUE + MINUTE, rule: 'R-COMPLAINT-CONTACT', dueAt: DUE })], complaint())!;
    const listed = pendingDeadlines(acked, DEFAULT_TIMINGS, DUE + 2 * MINUTE).find((d) => d.ruleId === 'R-COMPLAINT-CONTACT')!;
    expect(listed).toMatchObject({ level: 'overdue', acknowledged: { at: DUE + MINUTE, by: 'staff-1' } });
    const promised = foldAll([event('ticket.promised', { at: DUE + 3 * MINUTE, promisedAt: DUE + DAY })], acked)!;
    const next = pendingDeadlines(promised, DEFAULT_TIMINGS, DUE + DAY + 2 * MINUTE).find((d) => d.ruleId === 'R-COMPLAINT-CONTACT')!;
    expect(next.acknowledged).toBeUndefined();
  });

  it('two stations acknowledging one round: the first folded stands on both, whatever order they arrive in', () => {
    const a = event('ticket.alarmAcknowledged', { at: DUE + MINUTE, rule: 'R-COMPLAINT-CONTACT', dueAt: DUE }, undefined, 'ack-a');
    const b = { ...event('ticket.alarmAcknowledged', { at: DUE + 2 * MINUTE, rule: 'R-COMPLAINT-CONTACT', dueAt: DUE }, undefined, 'ack-b'), actor: 'staff-2' };
    // The store folds in (hlc, id) order on every station, so both see a then b.
    const row = foldAll([openedEvent({ kind: 'complaint' }), a, b])!;
    expect(row.handling?.clocks?.['R-COMPLAINT-CONTACT']?.acked).toEqual({ dueAt: DUE, at: DUE + MINUTE, by: 'staff-1' });
  });

  it('snoozes count per round; an escalation is recorded once per round, by the system (no actor)', () => {
    const snoozes = [1, 2].map((i) => event('ticket.alarmSnoozed', { at: DUE + i * MINUTE, rule: 'R-COMPLAINT-CONTACT', dueAt: DUE, until: DUE + (i + 10) * MINUTE, reason: '住户电话未接通' }));
    const escalation = { ...event('ticket.alarmEscalated', { at: DUE + 61 * MINUTE, rule: 'R-COMPLAINT-CONTACT', dueAt: DUE, to: 'supervisor' }), actor: null };
    const again = { ...event('ticket.alarmEscalated', { at: DUE + 62 * MINUTE, rule: 'R-COMPLAINT-CONTACT', dueAt: DUE, to: 'manager' }), actor: null };
    const row = foldAll([...snoozes, escalation, again], complaint())!;
    const d = pendingDeadlines(row, DEFAULT_TIMINGS, DUE + 5 * MINUTE).find((x) => x.ruleId === 'R-COMPLAINT-CONTACT')!;
    expect(d).toMatchObject({ snoozes: 2, snoozedUntil: DUE + 12 * MINUTE, escalated: { at: DUE + 61 * MINUTE, to: 'supervisor' } });
    expect(pendingDeadlines(row, DEFAULT_TIMINGS, DUE + 13 * MINUTE).find((x) => x.ruleId === 'R-COMPLAINT-CONTACT')!.snoozedUntil).toBeUndefined();
  });

  it('a snooze longer than 15 minutes or an unknown rule is not a clock event the fold takes', () => {
    const row = complaint();
    const long = foldTicket(row, event('ticket.alarmSnoozed', { at: DUE, rule: 'R-COMPLAINT-CONTACT', dueAt: DUE, until: DUE + 16 * MINUTE, reason: 'x' }))!;
    const unknown = foldTicket(row, event('ticket.clockPaused', { at: DUE, rule: 'R-NOPE', reason: 'parts' }))!;
    expect(long.handling?.clocks).toBeUndefined();
    expect(unknown.handling?.clocks).toBeUndefined();
  });

  it('a clock event leaves the status and the active set as they were', () => {
    const closed = foldAll([event('ticket.closed', { at: RECEIVED + MINUTE, outcome: 'withdrawn', text: '住户撤回' })], complaint())!;
    const after = foldAll([event('ticket.alarmAcknowledged', { at: RECEIVED + 2 * MINUTE, rule: 'R-COMPLAINT-CONTACT', dueAt: DUE })], closed)!;
    expect(after).toMatchObject({ status: 'closed', active: 0 });
    expect(pendingDeadlines(after, DEFAULT_TIMINGS, DUE)).toEqual([]);
  });
});
