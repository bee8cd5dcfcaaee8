import { describe, expect, it } from 'vitest';
import { MINUTE, RECEIVED, opened, take } from '../tickets/handling/stepTesting';
import { DAY, HOUR, deadline, levels } from './deadlineTesting';
import { pendingDeadlines } from './pendingDeadlines';
import { DEFAULT_TIMINGS } from './tuning';

// What every clock shares: back-filled requests (补单), closed tickets, pauses, the order of the
// list. Tickets are folded from real steps; the clock is a plain number.

const R = RECEIVED;
const repair = (urgency: 'urgent' | 'normal' = 'normal') => opened({ kind: 'repair', urgency });

describe('pending deadlines', () => {
  it('R-REPAIR-ORDER-5MIN: a back-filled repair entered after its 5 minutes is listed late and overdue, but does not ring', () => {
    // Rung at 00:00 (R - 8 h), entered in the morning (createdAt R).
    const night = opened({ kind: 'repair', receivedAt: R - 8 * HOUR, backfill: { reason: '夜间中控室受理' } });
    expect(night.createdAt).toBe(R);
    expect(deadline(night, 'R-REPAIR-ORDER-5MIN', R)).toMatchObject({ dueAt: R - 8 * HOUR + 5 * MINUTE, level: 'overdue', late: true, rings: false });
  });

  it('R-REPAIR-URGENT-15MIN: on a back-filled repair a clock still running when entered rings; one already past does not', () => {
    const night = opened({ kind: 'repair', urgency: 'urgent', receivedAt: R - 8 * HOUR, backfill: { reason: '夜间中控室受理' } });
    const calledLongAgo = take(night, 'ticket.technicianCalled', { at: R - 7 * HOUR, how: 'radio', technician: '刘师傅' });
    expect(deadline(calledLongAgo, 'R-REPAIR-URGENT-15MIN', R)).toMatchObject({ late: true, rings: false, level: 'overdue' });
    const calledNow = take(night, 'ticket.technicianCalled', { at: R + MINUTE, how: 'radio', technician: '刘师傅' });
    const running = deadline(calledNow, 'R-REPAIR-URGENT-15MIN', R + 2 * MINUTE);
    expect(running).toMatchObject({ level: 'pending', rings: true });
    expect(running).not.toHaveProperty('late');
  });

  it('R-COMPLAINT-CONTACT: a back-filled complaint whose 3 days are still running rings as usual', () => {
    const night = opened({ kind: 'complaint', receivedAt: R - 8 * HOUR, backfill: { reason: '夜间中控室受理' } });
    expect(deadline(night, 'R-COMPLAINT-CONTACT', R)).toMatchObject({ dueAt: R - 8 * HOUR + 3 * DAY, level: 'pending', rings: true });
  });

  it('R-REPAIR-ORDER-5MIN: a request entered late without back-fill rings overdue at once (overdue at start-up)', () => {
    expect(deadline(repair(), 'R-REPAIR-ORDER-5MIN', R + 2 * HOUR)).toMatchObject({ level: 'overdue', rings: true });
  });

  it('R-COMPLAINT-CONTACT, R-COMPLAINT-MAJOR: a closed ticket has no deadline; reopened, its clocks run again', () => {
    const major = opened({ kind: 'complaint', major: true });
    expect(pendingDeadlines(major, DEFAULT_TIMINGS, R).map((d) => d.ruleId)).toEqual(['R-COMPLAINT-MAJOR', 'R-COMPLAINT-CONTACT']);
    const withdrawn = take(major, 'ticket.closed', { at: R + MINUTE, outcome: 'withdrawn', text: '住户撤回' });
    expect(pendingDeadlines(withdrawn, DEFAULT_TIMINGS, R + 10 * DAY)).toEqual([]);
    const reopened = take(withdrawn, 'ticket.reopened', { at: R + 2 * MINUTE, reason: '住户再次来电' }, 'supervisor');
    expect(pendingDeadlines(reopened, DEFAULT_TIMINGS, R + 3 * MINUTE).map((d) => d.ruleId)).toEqual(['R-COMPLAINT-MAJOR', 'R-COMPLAINT-CONTACT']);
  });

  it('R-REPAIR-ORDER-5MIN: a pause does not count; due, warning and escalation move by its length', () => {
    const pauses = [{ rule: 'R-REPAIR-ORDER-5MIN' as const, from: R + 2 * MINUTE, to: R + 12 * MINUTE }];
    expect(deadline(repair(), 'R-REPAIR-ORDER-5MIN', R + 13 * MINUTE, undefined, pauses)).toMatchObject({
      warnAt: R + 13 * MINUTE, dueAt: R + 15 * MINUTE, overdueAt: R + 16 * MINUTE, escalateAfter: R + 25 * MINUTE, level: 'warn',
    });
    expect(levels(repair(), 'R-REPAIR-ORDER-5MIN', [R + 5 * MINUTE, R + 14 * MINUTE, R + 15 * MINUTE, R + 16 * MINUTE], pauses)).toEqual(['pending', 'warn', 'due', 'overdue']);
  });

  it('R-REPAIR-ORDER-5MIN: while a pause is open the clock stands still; resumed, it runs on from where it stood', () => {
    const open = [{ rule: 'R-REPAIR-ORDER-5MIN' as const, from: R + 4 * MINUTE }];
    // Paused in its warning: still warning an hour later, due one minute after it would resume.
    expect(deadline(repair(), 'R-REPAIR-ORDER-5MIN', R + HOUR, undefined, open)).toMatchObject({ level: 'warn', paused: true, dueAt: R + HOUR + MINUTE, warnAt: R + 3 * MINUTE });
    const resumed = [{ ...open[0]!, to: R + 2 * HOUR }];
    const after = deadline(repair(), 'R-REPAIR-ORDER-5MIN', R + 2 * HOUR + MINUTE, undefined, resumed);
    expect(after).toMatchObject({ level: 'due', dueAt: R + 2 * HOUR + MINUTE });
    expect(after).not.toHaveProperty('paused');
  });

  it('R-REPAIR-CHASE: a pause of another clock, or from before this one started, takes nothing off it', () => {
    const out = take(repair(), 'ticket.workOrderIssued', { at: R + 3 * MINUTE, orderNumber: 'FD-W20261122-01', department: 'engineering' });
    const pauses = [
      { rule: 'R-REPAIR-ORDER-5MIN' as const, from: R + 4 * MINUTE, to: R + 5 * HOUR },
      { rule: 'R-REPAIR-CHASE' as const, from: R - HOUR, to: R + 3 * MINUTE },
    ];
    expect(deadline(out, 'R-REPAIR-CHASE', R + HOUR, undefined, pauses)?.dueAt).toBe(R + 3 * MINUTE + DAY);
  });

  it('R-REPAIR-MAJOR, R-REPAIR-ORDER-5MIN: the list names the ticket and puts the soonest due first', () => {
    const major = take(repair(), 'ticket.majorMarked', { at: R + MINUTE, reason: '主管道爆裂' });
    const list = pendingDeadlines(major, DEFAULT_TIMINGS, R + 2 * MINUTE);
    expect(list.map((d) => [d.ruleId, d.dueAt])).toEqual([['R-REPAIR-ORDER-5MIN', R + 5 * MINUTE], ['R-REPAIR-MAJOR', R + 6 * MINUTE]]);
    expect(list.every((d) => d.ticketId === major.id && d.number === 'FD-20261122-001')).toBe(true);
  });
});
