import { describe, expect, it } from 'vitest';
import { MINUTE, RECEIVED, opened, take } from '../tickets/handling/stepTesting';
import { DAY, HOUR, deadline, levels, times } from './deadlineTesting';

// The clocks of replies, reports up the line, complaints, written inquiries and special events
// (domain.md "Principles", "Emergency medical help", "Inquiries", "Complaints", "Security
// incidents"), on tickets folded from real steps, at a fake clock.

const R = RECEIVED;
const complaint = (major = false) => opened({ kind: 'complaint', ...(major ? { major } : {}) });
const triaged = () => take(complaint(), 'ticket.triaged', { at: R + MINUTE, category: 'valid', reason: 'rudeService' });

describe('case deadlines', () => {
  it('R-REPLY-5MIN: raised with the supervisor, the reply is due in 5 min (warned at 3, escalated to the supervisor at 10)', () => {
    const consulted = take(opened({ kind: 'inquiry' }), 'ticket.supervisorConsulted', { at: R + MINUTE, whom: '陈主管' });
    expect(deadline(opened({ kind: 'inquiry' }), 'R-REPLY-5MIN', R + HOUR)).toBeUndefined();
    expect(times(deadline(consulted, 'R-REPLY-5MIN', R + MINUTE))).toEqual({
      startedAt: R + MINUTE, warnAt: R + 4 * MINUTE, dueAt: R + 6 * MINUTE, overdueAt: R + 7 * MINUTE, escalateAfter: R + 11 * MINUTE, escalateTo: 'supervisor',
    });
    expect(levels(consulted, 'R-REPLY-5MIN', [R + 2 * MINUTE, R + 4 * MINUTE, R + 6 * MINUTE, R + 7 * MINUTE])).toEqual(['pending', 'warn', 'due', 'overdue']);
    const replied = take(consulted, 'ticket.replied', { at: R + 5 * MINUTE, text: '已回复住户' });
    expect(deadline(replied, 'R-REPLY-5MIN', R + HOUR)).toBeUndefined();
  });

  it('R-REPLY-5MIN: a reply given before the supervisor was consulted does not stop the new 5 minutes', () => {
    const replied = take(opened({ kind: 'inquiry' }), 'ticket.replied', { at: R + MINUTE, text: '先答复' });
    const consulted = take(replied, 'ticket.supervisorConsulted', { at: R + 2 * MINUTE, whom: '陈主管' });
    expect(deadline(consulted, 'R-REPLY-5MIN', R + 3 * MINUTE)).toMatchObject({ startedAt: R + 2 * MINUTE, dueAt: R + 7 * MINUTE });
  });

  it('R-MEDICAL-REPORT: a major medical case is reported to the supervisor at once; an ordinary one has no clock', () => {
    expect(deadline(opened({ kind: 'medical' }), 'R-MEDICAL-REPORT', R + HOUR)).toBeUndefined();
    const major = take(opened({ kind: 'medical' }), 'ticket.majorMarked', { at: R + 10 * MINUTE, reason: '心脏骤停' });
    expect(times(deadline(major, 'R-MEDICAL-REPORT', R + 10 * MINUTE))).toEqual({
      startedAt: R + 10 * MINUTE, warnAt: R + 13 * MINUTE, dueAt: R + 15 * MINUTE, overdueAt: R + 16 * MINUTE, escalateAfter: R + 20 * MINUTE, escalateTo: 'supervisor',
    });
    expect(levels(major, 'R-MEDICAL-REPORT', [R + 12 * MINUTE, R + 13 * MINUTE, R + 15 * MINUTE, R + HOUR])).toEqual(['pending', 'warn', 'due', 'overdue']);
    const told = take(major, 'ticket.reportedUp', { at: R + 12 * MINUTE, to: 'supervisor' });
    expect(deadline(told, 'R-MEDICAL-REPORT', R + HOUR)).toBeUndefined();
  });

  it('R-COMPLAINT-MAJOR: a major complaint is reported to the manager at once, escalating to the manager', () => {
    const major = complaint(true);
    expect(times(deadline(major, 'R-COMPLAINT-MAJOR', R))).toEqual({
      startedAt: R, warnAt: R + 3 * MINUTE, dueAt: R + 5 * MINUTE, overdueAt: R + 6 * MINUTE, escalateAfter: R + 10 * MINUTE, escalateTo: 'manager',
    });
    expect(levels(major, 'R-COMPLAINT-MAJOR', [R, R + 3 * MINUTE, R + 5 * MINUTE, R + 6 * MINUTE])).toEqual(['pending', 'warn', 'due', 'overdue']);
    const told = take(major, 'ticket.reportedUp', { at: R + 4 * MINUTE, to: 'manager' });
    expect(deadline(told, 'R-COMPLAINT-MAJOR', R + HOUR)).toBeUndefined();
  });

  it('R-COMPLAINT-CONTACT: solved within 3 days of the ring by default, warned 4 h before, escalated to the supervisor an hour after', () => {
    expect(times(deadline(complaint(), 'R-COMPLAINT-CONTACT', R))).toEqual({
      startedAt: R, warnAt: R + 3 * DAY - 4 * HOUR, dueAt: R + 3 * DAY, overdueAt: R + 3 * DAY + MINUTE, escalateAfter: R + 3 * DAY + HOUR, escalateTo: 'supervisor',
    });
    expect(levels(complaint(), 'R-COMPLAINT-CONTACT', [R + 2 * DAY, R + 3 * DAY - 4 * HOUR, R + 3 * DAY, R + 4 * DAY])).toEqual(['pending', 'warn', 'due', 'overdue']);
  });

  it('R-COMPLAINT-CONTACT: the promised date is the due; the resolution stops it', () => {
    const promised = take(triaged(), 'ticket.promised', { at: R + 30 * MINUTE, promisedAt: R + 2 * DAY });
    expect(deadline(promised, 'R-COMPLAINT-CONTACT', R + HOUR)).toMatchObject({ dueAt: R + 2 * DAY, warnAt: R + 2 * DAY - 4 * HOUR });
    const resolved = take(promised, 'ticket.resolved', { at: R + DAY, text: '已解决' }, 'clerk', R + DAY);
    expect(deadline(resolved, 'R-COMPLAINT-CONTACT', R + 5 * DAY)).toBeUndefined();
  });

  it('R-INQUIRY-WRITTEN: a written inquiry is answered in writing within 2 days, escalating to the manager', () => {
    const written = opened({ kind: 'inquiry', channel: 'written' });
    expect(deadline(opened({ kind: 'inquiry', channel: 'phone' }), 'R-INQUIRY-WRITTEN', R)).toBeUndefined();
    expect(times(deadline(written, 'R-INQUIRY-WRITTEN', R))).toEqual({
      startedAt: R, warnAt: R + 2 * DAY - 4 * HOUR, dueAt: R + 2 * DAY, overdueAt: R + 2 * DAY + MINUTE, escalateAfter: R + 2 * DAY + 4 * HOUR, escalateTo: 'manager',
    });
    expect(levels(written, 'R-INQUIRY-WRITTEN', [R + DAY, R + 2 * DAY - 4 * HOUR, R + 2 * DAY, R + 3 * DAY])).toEqual(['pending', 'warn', 'due', 'overdue']);
    const answered = take(written, 'ticket.writtenReplySent', { at: R + DAY, text: '书面答复' }, 'supervisor', R + DAY);
    expect(deadline(answered, 'R-INQUIRY-WRITTEN', R + 3 * DAY)).toBeUndefined();
  });

  it('R-SPECIAL-EVENT: counted from when it happened: due at 24 h, overdue only past 36 h, escalating to the manager', () => {
    const happened = R - 2 * HOUR;
    const theft = opened({ kind: 'security', details: { subtype: 'theft', happenedAt: happened } });
    expect(times(deadline(theft, 'R-SPECIAL-EVENT', R))).toEqual({
      startedAt: happened, warnAt: happened + 22 * HOUR, dueAt: happened + DAY, overdueAt: happened + 36 * HOUR, escalateAfter: happened + 25 * HOUR, escalateTo: 'manager',
    });
    expect(levels(theft, 'R-SPECIAL-EVENT', [happened + 21 * HOUR, happened + 22 * HOUR, happened + DAY, happened + 35 * HOUR, happened + 36 * HOUR]))
      .toEqual(['pending', 'warn', 'due', 'due', 'overdue']);
    // A disaster with no time of its own is counted from the ring.
    expect(deadline(opened({ kind: 'disaster' }), 'R-SPECIAL-EVENT', R)?.startedAt).toBe(R);
  });

  it('R-SPECIAL-EVENT: a phone report does not stop the clock, the written report does', () => {
    const theft = opened({ kind: 'security', details: { subtype: 'robbery' } });
    const report = (mode: 'phone' | 'written', at: number) => ({ at, mode, happenedAt: R, place: '车库', course: '经过', outcome: '结果' });
    const phoned = take(theft, 'ticket.specialReportSent', report('phone', R + 10 * MINUTE), 'supervisor');
    expect(deadline(phoned, 'R-SPECIAL-EVENT', R + HOUR)).toBeDefined();
    const written = take(phoned, 'ticket.specialReportSent', report('written', R + 30 * HOUR), 'manager', R + 30 * HOUR);
    expect(deadline(written, 'R-SPECIAL-EVENT', R + 40 * HOUR)).toBeUndefined();
  });

  it('R-FOLLOWUP: no clock until follow-up calls are recorded (a later issue): a resolved complaint does not ring for one', () => {
    const resolved = take(triaged(), 'ticket.resolved', { at: R + HOUR, text: '已解决' });
    expect(deadline(resolved, 'R-FOLLOWUP', R + 10 * DAY)).toBeUndefined();
  });
});
