import { describe, expect, it } from 'vitest';
import { NOW, RECEIVED, opened, refusal, take } from './stepTesting';

// Inquiries (domain.md "Inquiries", R-INQUIRY-*): oral ones are answered at once or after
// consulting the supervisor; a written one is answered in writing by the supervisor.

const reply = { at: NOW, text: '关于停车位租赁的书面答复……' };

describe('inquiry steps', () => {
  it('R-INQUIRY-WRITTEN: a written reply is refused on an oral inquiry', () => {
    expect(refusal(opened({ kind: 'inquiry', channel: 'phone' }), 'ticket.writtenReplySent', reply, 'supervisor')).toBe('notWritten');
    expect(refusal(opened({ kind: 'inquiry', channel: 'visit' }), 'ticket.writtenReplySent', reply, 'manager')).toBe('notWritten');
  });

  it('R-INQUIRY-WRITTEN: the written reply is the supervisor\'s (or the manager\'s), not a clerk\'s', () => {
    const written = opened({ kind: 'inquiry', channel: 'written' });
    expect(refusal(written, 'ticket.writtenReplySent', reply, 'clerk')).toBe('notPermitted');
    expect(refusal(written, 'ticket.writtenReplySent', reply, 'controlRoom')).toBe('notPermitted');
    expect(refusal(written, 'ticket.writtenReplySent', reply, 'manager')).toBeNull();
    const answered = take(written, 'ticket.writtenReplySent', reply, 'supervisor');
    expect(answered.handling).toMatchObject({ writtenReplyAt: NOW, repliedAt: NOW });
    expect(answered).toMatchObject({ status: 'resolved', active: 1 });
  });

  it('R-INQUIRY-WRITTEN: a written reply belongs to an inquiry', () => {
    expect(refusal(opened({ kind: 'complaint', channel: 'written' }), 'ticket.writtenReplySent', reply, 'supervisor')).toBe('wrongKind');
  });

  it('R-INQUIRY-ORAL: what the desk cannot answer goes to the supervisor, then the reply, each with its time', () => {
    let ticket = take(opened({ kind: 'inquiry' }), 'ticket.supervisorConsulted', { at: RECEIVED + 60_000, whom: '陈主管', text: '车位能否转租' });
    ticket = take(ticket, 'ticket.replied', { at: RECEIVED + 240_000, text: '不可转租' });
    expect(ticket.handling).toMatchObject({ consultedAt: RECEIVED + 60_000, repliedAt: RECEIVED + 240_000 });
  });
});
