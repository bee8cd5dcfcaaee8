import { describe, expect, it } from 'vitest';
import { ACTIVE_TERM_PREFIX } from '../../text/searchTerms';
import { FUTURE_SLACK_MS, refuseStep } from './stepGuards';
import { MINUTE, NOW, RECEIVED, opened, refusal, schemaAccepts, take } from './stepTesting';

// The steps every kind shares (domain.md "Principles", R-NO-BUCK-PASSING) and the rules every
// step keeps: a time between the request's arrival and now, nothing on a closed request.

describe('common steps', () => {
  it('R-NO-BUCK-PASSING: a request is never closed without an outcome', () => {
    expect(schemaAccepts('ticket.closed', { at: NOW, text: '已处理' })).toBe(false);
    expect(schemaAccepts('ticket.closed', { at: NOW, outcome: 'done', text: '' })).toBe(false);
    expect(schemaAccepts('ticket.closed', { at: NOW, outcome: 'dropped', text: '不管了' })).toBe(false);
  });

  it('R-NO-BUCK-PASSING: a referral names whom the resident was put in touch with and how', () => {
    const ticket = opened({ kind: 'other' });
    expect(schemaAccepts('ticket.closed', { at: NOW, outcome: 'referred', text: '非物业范围' })).toBe(false);
    expect(schemaAccepts('ticket.closed', { at: NOW, outcome: 'referred', text: '非物业范围', referral: { to: '', how: '电话' } })).toBe(false);
    expect(schemaAccepts('ticket.closed', { at: NOW, outcome: 'referred', text: '非物业范围', referral: { to: '燃气公司', how: '  ' } })).toBe(false);
    // The guard holds on its own too (a draft that skipped the schema).
    expect(refuseStep(ticket, { type: 'ticket.closed', payload: { at: NOW, outcome: 'referred', text: '非物业范围' } }, 'clerk', NOW)).toBe('referralMissing');
    const closed = take(ticket, 'ticket.closed', { at: NOW, outcome: 'referred', text: '非物业范围', referral: { to: '燃气公司', how: '给了住户燃气公司24小时电话' } });
    expect(closed).toMatchObject({ status: 'closed', active: 0 });
    expect(closed.handling?.outcome).toEqual({ kind: 'referred', referral: { to: '燃气公司', how: '给了住户燃气公司24小时电话' } });
    expect(closed.handling?.closedAt).toBe(NOW);
  });

  it('R-REPLY-NOW: answered at once starts the work and keeps when', () => {
    const answered = take(opened({ kind: 'inquiry' }), 'ticket.answered', { at: RECEIVED + 30_000, text: '停水至下午三点' });
    expect(answered).toMatchObject({ status: 'inProgress', active: 1 });
    expect(answered.handling?.answeredAt).toBe(RECEIVED + 30_000);
  });

  it('R-FOUR-CLEAR, R-PHONE: the intake keeps what was checked (listened, asked, read back, recorded) and to whom it was reported', () => {
    const ticket = opened({ checks: { listened: true, asked: true, readBack: true, recorded: false }, reportedTo: '工程部王主管' });
    expect(ticket.handling?.checks).toEqual({ listened: true, asked: true, readBack: true, recorded: false });
    expect(ticket.handling?.reportedTo).toBe('工程部王主管');
    // Requests saved before the checks existed carry none (nothing is invented for them).
    expect(opened().handling?.checks).toBeUndefined();
  });

  it('R-HELP: what the desk cannot solve is raised with the supervisor, a step of its own with whom and when', () => {
    const ticket = take(opened({ kind: 'other' }), 'ticket.supervisorConsulted', { at: RECEIVED + MINUTE, whom: '陈主管', text: '住户求助搬运大件' });
    expect(ticket.handling?.consultedAt).toBe(RECEIVED + MINUTE);
    expect(ticket.status).toBe('inProgress');
  });

  it('R-REPLY-5MIN: consulting the supervisor and the reply keep their own times', () => {
    let ticket = take(opened({ kind: 'inquiry' }), 'ticket.supervisorConsulted', { at: RECEIVED + MINUTE, whom: '陈主管' });
    ticket = take(ticket, 'ticket.replied', { at: RECEIVED + 4 * MINUTE, text: '主管答复:可以办理' });
    expect(ticket.handling).toMatchObject({ consultedAt: RECEIVED + MINUTE, repliedAt: RECEIVED + 4 * MINUTE });
    expect(ticket.status).toBe('inProgress');
  });

  it('a step happened before now: one later than this clock (beyond a fast clock elsewhere) is refused', () => {
    const ticket = opened();
    expect(refusal(ticket, 'ticket.answered', { at: NOW + FUTURE_SLACK_MS + 1, text: '已答复' })).toBe('inFuture');
    expect(refusal(ticket, 'ticket.answered', { at: NOW + FUTURE_SLACK_MS, text: '已答复' })).toBeNull();
  });

  it('a step happened after the request arrived: one before receivedAt is refused', () => {
    expect(refusal(opened(), 'ticket.answered', { at: RECEIVED - 1, text: '已答复' })).toBe('beforeReceived');
    // A back-filled request (补单) arrived at its real, earlier time: its steps may be that early.
    const night = RECEIVED - 6 * 3_600_000;
    const backfilled = opened({ receivedAt: night, backfill: { reason: '夜班纸质登记' } });
    expect(backfilled.backfilled).toBe(1);
    expect(refusal(backfilled, 'ticket.answered', { at: night + MINUTE, text: '已答复' })).toBeNull();
  });

  it('a closed request takes no step; a reopen is a supervisor\'s and makes it active again', () => {
    const closed = take(opened({ urgency: 'urgent' }), 'ticket.closed', { at: NOW, outcome: 'withdrawn', text: '住户取消' });
    expect(closed).toMatchObject({ status: 'closed', active: 0 });
    expect(closed.terms.some((t) => t.startsWith(ACTIVE_TERM_PREFIX))).toBe(false);
    expect(refusal(closed, 'ticket.answered', { at: NOW, text: '再答复' })).toBe('closedTicket');
    expect(refusal(closed, 'ticket.majorMarked', { at: NOW, reason: '重大' })).toBe('closedTicket');
    expect(refusal(closed, 'ticket.reopened', { at: NOW, reason: '住户再次来电' }, 'clerk')).toBe('notPermitted');
    expect(refusal(closed, 'ticket.reopened', { at: NOW, reason: '住户再次来电' }, 'controlRoom')).toBe('notPermitted');
    const reopened = take(closed, 'ticket.reopened', { at: NOW, reason: '住户再次来电' }, 'supervisor');
    expect(reopened).toMatchObject({ status: 'inProgress', active: 1, pinned: reopened.createdAt });
    expect(reopened.handling?.outcome).toBeUndefined();
    expect(reopened.handling?.closedAt).toBeUndefined();
    expect(reopened.terms.length).toBeGreaterThan(0);
    expect(reopened.terms.every((t) => t.startsWith(ACTIVE_TERM_PREFIX) || t.startsWith('~p:'))).toBe(true);
    expect(refusal(closed, 'ticket.reopened', { at: NOW, reason: '住户再次来电' }, 'manager')).toBeNull();
  });

  it('a reopen is taken only on a closed request, and not with a time in the future', () => {
    expect(refusal(opened(), 'ticket.reopened', { at: NOW, reason: '再查' }, 'supervisor')).toBe('notClosed');
    const closed = take(opened(), 'ticket.closed', { at: NOW, outcome: 'withdrawn', text: '住户取消' });
    expect(refusal(closed, 'ticket.reopened', { at: NOW + FUTURE_SLACK_MS + 1, reason: '再查' }, 'supervisor')).toBe('inFuture');
  });

  it('paid service: the fee standard told and accepted makes the request paid, with when', () => {
    const ticket = take(opened({ kind: 'other', paid: false }), 'ticket.feeAgreed', { at: RECEIVED + 2 * MINUTE, feeStandard: '清洗油烟机 80元/次' });
    expect(ticket.paid).toBe(true);
    expect(ticket.handling?.fee).toEqual({ standard: '清洗油烟机 80元/次', at: RECEIVED + 2 * MINUTE });
  });

  it('resolved awaits the resident\'s confirmation and is still active; confirmed closes it done', () => {
    const resolved = take(opened({ kind: 'other' }), 'ticket.resolved', { at: NOW - MINUTE, text: '已帮住户联系开锁' });
    expect(resolved).toMatchObject({ status: 'resolved', active: 1 });
    expect(refusal(opened({ kind: 'other' }), 'ticket.confirmed', { at: NOW })).toBe('notResolved');
    const confirmed = take(resolved, 'ticket.confirmed', { at: NOW, text: '住户确认' });
    expect(confirmed).toMatchObject({ status: 'closed', active: 0 });
    expect(confirmed.handling).toMatchObject({ confirmedAt: NOW, closedAt: NOW, outcome: { kind: 'done' } });
  });

  it('a transfer to a department keeps the department and when', () => {
    const ticket = take(opened({ kind: 'other' }), 'ticket.transferred', { at: NOW, department: 'cleaning' });
    expect(ticket.handling).toMatchObject({ department: 'cleaning', transferredAt: NOW });
    expect(ticket.status).toBe('inProgress');
  });

  it('a kind\'s own steps are refused on another kind', () => {
    expect(refusal(opened({ kind: 'complaint' }), 'ticket.technicianCalled', { at: NOW, how: 'phone', technician: '刘师傅' })).toBe('wrongKind');
    expect(refusal(opened({ kind: 'repair' }), 'ticket.triaged', { at: NOW, category: 'valid', reason: 'rudeService' })).toBe('wrongKind');
    expect(refusal(opened({ kind: 'repair' }), 'ticket.medicalBranchChosen', { at: NOW, branch: 'hospital' })).toBe('wrongKind');
  });
});

