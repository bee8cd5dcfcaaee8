import { describe, expect, it } from 'vitest';
import { MINUTE, NOW, RECEIVED, event, opened, refusal, schemaAccepts, take } from './stepTesting';
import { foldTicket } from '../ticketFold';

// Complaints (domain.md "Complaints", R-COMPLAINT-*): triage with the rulebook's reasons, the
// promised date, the resolution, the resident's confirmation.

const complaint = () => opened({ kind: 'complaint', description: '保洁不打扫楼道' });
const triaged = () => take(complaint(), 'ticket.triaged', { at: RECEIVED + MINUTE, category: 'valid', reason: 'cleaningQuality' });

describe('complaint steps', () => {
  it('R-COMPLAINT-TRIAGE: a complaint is not resolved before it is triaged', () => {
    expect(refusal(complaint(), 'ticket.resolved', { at: NOW, text: '已安排保洁' })).toBe('notTriaged');
    const ticket = triaged();
    expect(ticket.handling?.triage).toEqual({ category: 'valid', reason: 'cleaningQuality' });
    expect(refusal(ticket, 'ticket.resolved', { at: NOW, text: '已安排保洁' })).toBeNull();
  });

  it('R-COMPLAINT-TRIAGE: the reason belongs to the category picked, also when it arrives by sync', () => {
    expect(schemaAccepts('ticket.triaged', { at: NOW, category: 'excessive', reason: 'cleaningQuality' })).toBe(false);
    expect(schemaAccepts('ticket.triaged', { at: NOW, category: 'assist', reason: 'otherResidentViolation' })).toBe(true);
    expect(schemaAccepts('ticket.triaged', { at: NOW, category: 'assist', reason: 'other', text: '楼上装修噪音' })).toBe(true);
    const ticket = complaint();
    expect(foldTicket(ticket, event('ticket.triaged', { at: NOW, category: 'excessive', reason: 'cleaningQuality' }))).toBe(ticket);
  });

  it('R-COMPLAINT-CONTACT: the promised date is kept; a date already past is refused', () => {
    const promised = RECEIVED + 3 * 24 * 3_600_000;
    const ticket = take(triaged(), 'ticket.promised', { at: RECEIVED + 5 * MINUTE, promisedAt: promised });
    expect(ticket.handling?.promisedAt).toBe(promised);
    expect(refusal(triaged(), 'ticket.promised', { at: NOW, promisedAt: NOW - MINUTE })).toBe('promiseInPast');
  });

  it('R-COMPLAINT-CONTACT: a complaint is closed done only once resolved', () => {
    expect(refusal(triaged(), 'ticket.closed', { at: NOW, outcome: 'done', text: '结束' })).toBe('complaintNotResolved');
    const resolved = take(triaged(), 'ticket.resolved', { at: NOW, text: '已安排保洁每日两次' });
    expect(resolved).toMatchObject({ status: 'resolved', active: 1 });
    expect(resolved.handling?.resolvedAt).toBe(NOW);
    expect(refusal(resolved, 'ticket.closed', { at: NOW, outcome: 'done', text: '结束' })).toBeNull();
  });

  it('R-COMPLAINT-CONTACT: a reopened complaint is closed done only after it is resolved again', () => {
    const resolved = take(triaged(), 'ticket.resolved', { at: NOW - 10 * MINUTE, text: '已安排保洁' });
    const closed = take(resolved, 'ticket.confirmed', { at: NOW - 5 * MINUTE });
    const reopened = take(closed, 'ticket.reopened', { at: NOW, reason: '住户说仍未打扫' }, 'supervisor');
    expect(reopened.handling?.resolvedAt).toBeUndefined();
    expect(refusal(reopened, 'ticket.closed', { at: NOW, outcome: 'done', text: '结束' })).toBe('complaintNotResolved');
    expect(refusal(reopened, 'ticket.confirmed', { at: NOW })).toBe('notResolved');
  });

  it('R-COMPLAINT-LISTEN: each update to the resident is kept with when', () => {
    const ticket = take(triaged(), 'ticket.residentContacted', { at: NOW, purpose: 'update', text: '告知明日处理' });
    expect(ticket.handling?.lastContactAt).toBe(NOW);
  });

  it('R-COMPLAINT-MAJOR: a major complaint goes to the manager, with when', () => {
    let ticket = take(complaint(), 'ticket.majorMarked', { at: RECEIVED + MINUTE, reason: '多户联名投诉' });
    ticket = take(ticket, 'ticket.reportedUp', { at: RECEIVED + 2 * MINUTE, to: 'manager' });
    expect(ticket.handling).toMatchObject({ major: { reason: '多户联名投诉' }, reportedUp: { manager: RECEIVED + 2 * MINUTE } });
  });
});
