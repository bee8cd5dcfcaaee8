import { describe, expect, it } from 'vitest';
import type { Ticket } from '../ticketFold';
import { MINUTE, NOW, RECEIVED, opened, refusal, take } from './stepTesting';

// Repairs (domain.md "Repairs", R-REPAIR-*): the work order or the technician's call, on site,
// the appointment, the return and its result, chasing, the sign-off.

const repair = (urgency: 'urgent' | 'normal' = 'normal') => opened({ kind: 'repair', urgency, details: { faultLocation: '厨房水槽下', anyoneHome: 'yes' } });
const order = (ticket: Ticket, at = RECEIVED + 3 * MINUTE) =>
  take(ticket, 'ticket.workOrderIssued', { at, orderNumber: 'FD-W20261122-01', department: 'engineering', technician: '刘师傅' });

describe('repair steps', () => {
  it('R-REPAIR-ORDER-5MIN: the work order is kept with its number, department, technician and time', () => {
    const ticket = order(repair());
    expect(ticket.handling?.workOrders).toEqual([{ number: 'FD-W20261122-01', department: 'engineering', technician: '刘师傅', issuedAt: RECEIVED + 3 * MINUTE }]);
    expect(ticket.handling?.department).toBe('engineering');
    expect(ticket).toMatchObject({ status: 'inProgress', active: 1 });
  });

  it('R-REPAIR-URGENT-15MIN: on site is refused before the technician was called; both times are kept', () => {
    const ticket = repair('urgent');
    expect(refusal(ticket, 'ticket.technicianOnSite', { at: RECEIVED + 10 * MINUTE })).toBe('technicianNotCalled');
    const called = take(ticket, 'ticket.technicianCalled', { at: RECEIVED + MINUTE, how: 'radio', technician: '刘师傅' });
    const onSite = take(called, 'ticket.technicianOnSite', { at: RECEIVED + 12 * MINUTE });
    expect(onSite.handling).toMatchObject({ technicianCalledAt: RECEIVED + MINUTE, technician: '刘师傅', onSiteAt: RECEIVED + 12 * MINUTE });
    // The 15 minutes stop once: a second "on site" would move the time the deadline was met.
    expect(refusal(onSite, 'ticket.technicianOnSite', { at: RECEIVED + 20 * MINUTE })).toBe('alreadyDone');
  });

  it('R-REPAIR-RETURN: a repair is returned only after an order went out or a technician was called', () => {
    const ticket = repair();
    expect(refusal(ticket, 'ticket.repairReturned', { at: NOW, result: 'fixed', text: '已修好' })).toBe('notOrdered');
    expect(refusal(order(ticket), 'ticket.repairReturned', { at: NOW, result: 'fixed', text: '已修好' })).toBeNull();
    const called = take(repair('urgent'), 'ticket.technicianCalled', { at: RECEIVED + MINUTE, how: 'phone', technician: '刘师傅' });
    expect(refusal(called, 'ticket.repairReturned', { at: NOW, result: 'fixed', text: '已修好' })).toBeNull();
  });

  it('R-REPAIR-RETURN: not fixed clears the appointment (a new visit is booked) and keeps the repair in progress', () => {
    let ticket = take(order(repair()), 'ticket.appointmentAgreed', { at: RECEIVED + 5 * MINUTE, appointmentAt: RECEIVED + 2 * 3_600_000 });
    expect(ticket.handling?.appointmentAt).toBe(RECEIVED + 2 * 3_600_000);
    ticket = take(ticket, 'ticket.repairReturned', { at: NOW, result: 'notFixed', text: '缺配件' }, 'clerk', NOW + 3_600_000);
    expect(ticket.handling?.appointmentAt).toBeUndefined();
    expect(ticket.handling?.returned).toEqual({ at: NOW, result: 'notFixed' });
    expect(ticket.handling?.workOrders?.[0]?.returned).toEqual({ at: NOW, result: 'notFixed' });
    expect(ticket).toMatchObject({ status: 'inProgress', active: 1 });
    expect(refusal(ticket, 'ticket.closed', { at: NOW, outcome: 'done', text: '结束' })).toBe('repairNotDone');
  });

  it('R-REPAIR-RETURN: fixed resolves the repair (awaiting the resident) with when', () => {
    const ticket = take(order(repair()), 'ticket.repairReturned', { at: NOW, result: 'fixed', text: '更换水管' });
    expect(ticket).toMatchObject({ status: 'resolved', active: 1 });
    expect(ticket.handling?.resolvedAt).toBe(NOW);
    expect(refusal(ticket, 'ticket.closed', { at: NOW, outcome: 'done', text: '结束' })).toBeNull();
  });

  it('R-REPAIR-RETURN: a repair is not closed done before it came back', () => {
    expect(refusal(order(repair()), 'ticket.closed', { at: NOW, outcome: 'done', text: '结束' })).toBe('repairNotDone');
    // A temporary measure is an outcome the rule allows (explained, on the daily report).
    const temporary = take(order(repair()), 'ticket.repairReturned', { at: NOW, result: 'temporary', text: '已关阀门临时止水' });
    expect(temporary.status).toBe('inProgress');
    expect(refusal(temporary, 'ticket.closed', { at: NOW, outcome: 'done', text: '结束' })).toBeNull();
  });

  it('R-REPAIR-RETURN: a repair is not resolved (and so not confirmed closed) before it came back', () => {
    expect(refusal(order(repair()), 'ticket.resolved', { at: NOW, text: '已解决' })).toBe('repairNotDone');
    const notFixed = take(order(repair()), 'ticket.repairReturned', { at: NOW, result: 'notFixed', text: '缺配件' });
    expect(refusal(notFixed, 'ticket.resolved', { at: NOW, text: '已解决' })).toBe('repairNotDone');
    const temporary = take(order(repair()), 'ticket.repairReturned', { at: NOW, result: 'temporary', text: '临时止水' });
    expect(take(temporary, 'ticket.resolved', { at: NOW, text: '住户接受临时措施' }).status).toBe('resolved');
  });

  it('R-REPAIR-RETURN: a reopened repair is closed done only after it came back again', () => {
    const fixed = take(order(repair()), 'ticket.repairReturned', { at: NOW - 10 * MINUTE, result: 'fixed', text: '更换水管' });
    const closed = take(fixed, 'ticket.confirmed', { at: NOW - 5 * MINUTE });
    const reopened = take(closed, 'ticket.reopened', { at: NOW, reason: '又漏水了' }, 'supervisor');
    expect(refusal(reopened, 'ticket.closed', { at: NOW, outcome: 'done', text: '结束' })).toBe('repairNotDone');
    // The order's own record of its return stays (the repair register prints it).
    expect(reopened.handling?.workOrders?.[0]?.returned).toEqual({ at: NOW - 10 * MINUTE, result: 'fixed' });
  });

  it('R-REPAIR-RETURN: the sign-off (resident or reporter) is refused before the repair came back', () => {
    const ordered = order(repair());
    expect(refusal(ordered, 'ticket.signedOff', { at: NOW, by: 'reporter', name: '保安李' })).toBe('notReturned');
    const signed = take(take(ordered, 'ticket.repairReturned', { at: NOW, result: 'fixed', text: '灯已换' }), 'ticket.signedOff', { at: NOW, by: 'reporter', name: '保安李' });
    expect(signed.handling?.signedOff).toEqual({ at: NOW, by: 'reporter' });
  });

  it('R-REPAIR-CHASE: chasing is refused before an order went out; each chase is counted with when', () => {
    expect(refusal(repair(), 'ticket.chased', { at: NOW, whom: '工程部主管' })).toBe('notOrdered');
    let ticket = take(order(repair()), 'ticket.chased', { at: NOW - 10 * MINUTE, whom: '工程部主管' });
    ticket = take(ticket, 'ticket.chased', { at: NOW, whom: '工程部主管' });
    expect(ticket.handling).toMatchObject({ chases: 2, lastChasedAt: NOW });
  });

  it('R-REPAIR-APPOINTMENT: an appointment already past when agreed is refused', () => {
    expect(refusal(order(repair()), 'ticket.appointmentAgreed', { at: NOW, appointmentAt: NOW - 10 * MINUTE })).toBe('promiseInPast');
  });

  it('R-REPAIR-MAJOR: a major repair is marked with why and the manager told, with when', () => {
    let ticket = take(repair('urgent'), 'ticket.majorMarked', { at: RECEIVED + MINUTE, reason: '主水管爆裂' });
    ticket = take(ticket, 'ticket.reportedUp', { at: RECEIVED + 2 * MINUTE, to: 'manager' });
    expect(ticket.handling).toMatchObject({ major: { at: RECEIVED + MINUTE, reason: '主水管爆裂' }, reportedUp: { manager: RECEIVED + 2 * MINUTE } });
  });
});
