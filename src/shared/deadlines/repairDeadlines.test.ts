import { describe, expect, it } from 'vitest';
import type { Ticket } from '../tickets/ticketFold';
import { TICKET_OPENED } from '../tickets/ticketEvents';
import { MINUTE, RECEIVED, event, foldAll, nextHlc, opened, openedEvent, take } from '../tickets/handling/stepTesting';
import { DAY, HOUR, deadline, levels, times } from './deadlineTesting';

// Repairs' clocks (domain.md "Repairs"), each on a ticket folded from real steps, at a fake clock.

const R = RECEIVED;
const repair = (urgency: 'urgent' | 'normal' = 'normal') => opened({ kind: 'repair', urgency });
const order = (ticket: Ticket, at: number, number = 'FD-W20261122-01') =>
  take(ticket, 'ticket.workOrderIssued', { at, orderNumber: number, department: 'engineering' }, 'clerk', at);

describe('repair deadlines', () => {
  it('R-REPAIR-ORDER-5MIN: a normal repair warns at 3 min, is due at 5, overdue after, escalates to the supervisor at 15', () => {
    expect(times(deadline(repair(), 'R-REPAIR-ORDER-5MIN', R))).toEqual({
      startedAt: R, warnAt: R + 3 * MINUTE, dueAt: R + 5 * MINUTE, overdueAt: R + 6 * MINUTE, escalateAfter: R + 15 * MINUTE, escalateTo: 'supervisor',
    });
    expect(levels(repair(), 'R-REPAIR-ORDER-5MIN', [R, R + 3 * MINUTE - 1, R + 3 * MINUTE, R + 5 * MINUTE, R + 6 * MINUTE, R + 2 * HOUR]))
      .toEqual(['pending', 'pending', 'warn', 'due', 'overdue', 'overdue']);
    expect(deadline(repair(), 'R-REPAIR-ORDER-5MIN', R + 2 * HOUR)?.rings).toBe(true);
  });

  it('R-REPAIR-ORDER-5MIN: the clock starts at the ring, not at the save', () => {
    const savedLater = foldAll([event(TICKET_OPENED, openedEvent({ kind: 'repair' }).payload, nextHlc(R + 2 * MINUTE))])!;
    expect(savedLater.createdAt).toBe(R + 2 * MINUTE);
    expect(deadline(savedLater, 'R-REPAIR-ORDER-5MIN', R + 2 * MINUTE)?.dueAt).toBe(R + 5 * MINUTE);
  });

  it('R-REPAIR-ORDER-5MIN: the first work order stops it; an urgent repair has no such clock', () => {
    expect(deadline(order(repair(), R + 4 * MINUTE), 'R-REPAIR-ORDER-5MIN', R + 10 * MINUTE)).toBeUndefined();
    expect(deadline(repair('urgent'), 'R-REPAIR-ORDER-5MIN', R + 10 * MINUTE)).toBeUndefined();
  });

  it('R-REPAIR-URGENT-15MIN: from the technician\'s call to on site, warning at 10 min, escalating 5 min after due', () => {
    const called = take(repair('urgent'), 'ticket.technicianCalled', { at: R + 2 * MINUTE, how: 'radio', technician: '刘师傅' });
    expect(deadline(repair('urgent'), 'R-REPAIR-URGENT-15MIN', R + MINUTE)).toBeUndefined();
    expect(times(deadline(called, 'R-REPAIR-URGENT-15MIN', R + 3 * MINUTE))).toEqual({
      startedAt: R + 2 * MINUTE, warnAt: R + 12 * MINUTE, dueAt: R + 17 * MINUTE, overdueAt: R + 18 * MINUTE, escalateAfter: R + 22 * MINUTE, escalateTo: 'supervisor',
    });
    expect(levels(called, 'R-REPAIR-URGENT-15MIN', [R + 11 * MINUTE, R + 12 * MINUTE, R + 17 * MINUTE, R + 30 * MINUTE])).toEqual(['pending', 'warn', 'due', 'overdue']);
    const onSite = take(called, 'ticket.technicianOnSite', { at: R + 14 * MINUTE });
    expect(deadline(onSite, 'R-REPAIR-URGENT-15MIN', R + 30 * MINUTE)).toBeUndefined();
  });

  it('R-REPAIR-APPOINTMENT: due at the agreed time, warned 30 min before; a fixed return stops it', () => {
    const agreed = take(order(repair(), R + 3 * MINUTE), 'ticket.appointmentAgreed', { at: R + 10 * MINUTE, appointmentAt: R + 4 * HOUR });
    expect(times(deadline(agreed, 'R-REPAIR-APPOINTMENT', R + HOUR))).toEqual({
      startedAt: R, warnAt: R + 3.5 * HOUR, dueAt: R + 4 * HOUR, overdueAt: R + 4 * HOUR + MINUTE, escalateAfter: R + 4.5 * HOUR, escalateTo: 'supervisor',
    });
    expect(levels(agreed, 'R-REPAIR-APPOINTMENT', [R + 3 * HOUR, R + 3.5 * HOUR, R + 4 * HOUR, R + 5 * HOUR])).toEqual(['pending', 'warn', 'due', 'overdue']);
    const fixed = take(agreed, 'ticket.repairReturned', { at: R + 3 * HOUR, result: 'fixed', text: '已修好' }, 'clerk', R + 3 * HOUR);
    expect(deadline(fixed, 'R-REPAIR-APPOINTMENT', R + 5 * HOUR)).toBeUndefined();
  });

  it('R-REPAIR-APPOINTMENT: not fixed, the old time no longer stands; a re-agreed time is the new due', () => {
    const agreed = take(order(repair(), R + 3 * MINUTE), 'ticket.appointmentAgreed', { at: R + 10 * MINUTE, appointmentAt: R + 2 * HOUR });
    const notFixed = take(agreed, 'ticket.repairReturned', { at: R + 3 * HOUR, result: 'notFixed', text: '缺配件' }, 'clerk', R + 3 * HOUR);
    expect(deadline(notFixed, 'R-REPAIR-APPOINTMENT', R + 3 * HOUR)).toBeUndefined();
    const again = take(notFixed, 'ticket.appointmentAgreed', { at: R + 3 * HOUR, appointmentAt: R + DAY }, 'clerk', R + 3 * HOUR);
    expect(deadline(again, 'R-REPAIR-APPOINTMENT', R + 3 * HOUR)).toMatchObject({ dueAt: R + DAY, level: 'pending' });
  });

  it('R-REPAIR-CHASE: 24 h from the last order out, a chase starts the next wait, its return stops it', () => {
    const out = order(repair(), R + 3 * MINUTE);
    const issued = R + 3 * MINUTE;
    expect(times(deadline(out, 'R-REPAIR-CHASE', R + HOUR))).toEqual({
      startedAt: issued, warnAt: issued + 23 * HOUR, dueAt: issued + DAY, overdueAt: issued + DAY + MINUTE, escalateAfter: issued + 26 * HOUR, escalateTo: 'supervisor',
    });
    expect(levels(out, 'R-REPAIR-CHASE', [issued + 22 * HOUR, issued + 23 * HOUR, issued + DAY, issued + 2 * DAY])).toEqual(['pending', 'warn', 'due', 'overdue']);
    const chasedAt = issued + 25 * HOUR;
    const chased = take(out, 'ticket.chased', { at: chasedAt, whom: '工程部' }, 'clerk', chasedAt);
    expect(deadline(chased, 'R-REPAIR-CHASE', chasedAt)).toMatchObject({ startedAt: chasedAt, dueAt: chasedAt + DAY, level: 'pending' });
    const back = take(chased, 'ticket.repairReturned', { at: chasedAt + HOUR, result: 'temporary', text: '临时措施' }, 'clerk', chasedAt + HOUR);
    expect(deadline(back, 'R-REPAIR-CHASE', chasedAt + 2 * DAY)).toBeUndefined();
    const second = order(back, chasedAt + 2 * HOUR, 'FD-W20261123-01');
    expect(deadline(second, 'R-REPAIR-CHASE', chasedAt + 2 * HOUR)).toMatchObject({ startedAt: chasedAt + 2 * HOUR });
  });

  it('R-REPAIR-MAJOR: a major repair is reported to the manager at once (5 min), escalating to the manager', () => {
    const major = opened({ kind: 'repair', major: true });
    expect(times(deadline(major, 'R-REPAIR-MAJOR', R))).toEqual({
      startedAt: R, warnAt: R + 3 * MINUTE, dueAt: R + 5 * MINUTE, overdueAt: R + 6 * MINUTE, escalateAfter: R + 10 * MINUTE, escalateTo: 'manager',
    });
    const marked = take(repair(), 'ticket.majorMarked', { at: R + 20 * MINUTE, reason: '主管道爆裂' });
    expect(deadline(marked, 'R-REPAIR-MAJOR', R + 26 * MINUTE)).toMatchObject({ startedAt: R + 20 * MINUTE, level: 'overdue' });
    // Telling the supervisor is not telling the manager.
    const supervisor = take(marked, 'ticket.reportedUp', { at: R + 22 * MINUTE, to: 'supervisor' });
    expect(deadline(supervisor, 'R-REPAIR-MAJOR', R + 26 * MINUTE)).toBeDefined();
    const manager = take(supervisor, 'ticket.reportedUp', { at: R + 23 * MINUTE, to: 'manager' });
    expect(deadline(manager, 'R-REPAIR-MAJOR', R + 26 * MINUTE)).toBeUndefined();
  });
});
