import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../events/envelope';
import { formatHlc } from '../../hlc';
import { REQUEST_KINDS } from '../../domain/requestKinds';
import { foldTicket } from '../ticketFold';
import { MAX_TIME, STEP_TYPES } from './stepEvents';
import { foldStep } from './stepFold';
import { MINUTE, RECEIVED, STEP_SAMPLES, event, foldAll, opened, openedEvent } from './stepTesting';

// The fold never refuses (what arrives by sync was decided on its own station) and is a pure
// function of the events in (hlc, id) order: every station that holds the same events holds the
// same row, whatever order they arrived in.

const at = (minutes: number) => formatHlc({ millis: RECEIVED + minutes * MINUTE, counter: 0, node: '00000000000000fd' });
const byHlcThenId = (a: DeskEvent, b: DeskEvent) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A deterministic shuffle (a small LCG: the same runs every time). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A repair's whole life: ordered, not fixed, a new appointment, fixed, signed, confirmed, reopened, closed. */
const repairLog: DeskEvent[] = [
  openedEvent({ kind: 'repair', urgency: 'urgent' }),
  event('ticket.workOrderIssued', { at: RECEIVED + MINUTE, orderNumber: 'FD-W20261122-01', department: 'engineering' }, at(1)),
  event('ticket.technicianCalled', { at: RECEIVED + 2 * MINUTE, how: 'radio', technician: '刘师傅' }, at(2)),
  event('ticket.technicianOnSite', { at: RECEIVED + 12 * MINUTE }, at(12)),
  event('ticket.appointmentAgreed', { at: RECEIVED + 13 * MINUTE, appointmentAt: RECEIVED + 60 * MINUTE }, at(13)),
  event('ticket.repairReturned', { at: RECEIVED + 20 * MINUTE, result: 'notFixed', text: '缺配件' }, at(20)),
  event('ticket.appointmentAgreed', { at: RECEIVED + 21 * MINUTE, appointmentAt: RECEIVED + 120 * MINUTE }, at(21)),
  // Two events of one millisecond and counter (two stations): the id decides their order.
  event('ticket.chased', { at: RECEIVED + 90 * MINUTE, whom: '工程部' }, at(90), 'e-a'),
  event('ticket.feeAgreed', { at: RECEIVED + 90 * MINUTE, feeStandard: '材料费另计' }, at(90), 'e-b'),
  event('ticket.repairReturned', { at: RECEIVED + 130 * MINUTE, result: 'fixed', text: '已更换' }, at(130)),
  event('ticket.signedOff', { at: RECEIVED + 131 * MINUTE, by: 'resident' }, at(131)),
  event('ticket.confirmed', { at: RECEIVED + 140 * MINUTE }, at(140)),
  event('ticket.reopened', { at: RECEIVED + 200 * MINUTE, reason: '又漏了' }, at(200)),
  event('ticket.closed', { at: RECEIVED + 300 * MINUTE, outcome: 'referred', text: '属开发商保修', referral: { to: '开发商客服', how: '电话' } }, at(300)),
];

describe('the step fold', () => {
  it('gives the same row for the same events whatever order they arrived in (folded in (hlc, id) order)', () => {
    const expected = foldAll(repairLog);
    expect(expected).toMatchObject({ status: 'closed', active: 0, paid: true });
    expect(expected?.handling?.outcome).toEqual({ kind: 'referred', referral: { to: '开发商客服', how: '电话' } });
    for (let seed = 1; seed <= 50; seed++) {
      expect(foldAll(shuffled(repairLog, seed).sort(byHlcThenId))).toEqual(expected);
    }
  });

  it('never throws on steps out of order: a return that arrives before its order is recorded', () => {
    const [open, ordered, , , , , , , , fixed] = repairLog;
    const returnedFirst = foldAll([open!, fixed!]);
    expect(returnedFirst?.handling?.returned).toEqual({ at: RECEIVED + 130 * MINUTE, result: 'fixed' });
    expect(returnedFirst?.status).toBe('resolved');
    const thenOrdered = foldTicket(returnedFirst, ordered!);
    expect(thenOrdered?.handling?.workOrders?.map((o) => o.number)).toEqual(['FD-W20261122-01']);
    // The order going out does not undo the resolution that was recorded.
    expect(thenOrdered?.status).toBe('resolved');
  });

  it('never throws whatever order every step type arrives in, on every kind', () => {
    const steps = STEP_TYPES.map((type, i) => event(type, STEP_SAMPLES[type] as Record<string, unknown>, at(i + 1)));
    for (const kind of REQUEST_KINDS) {
      for (let seed = 1; seed <= 20; seed++) {
        const ticket = foldAll(shuffled(steps, seed), foldTicket(null, openedEvent({ kind })));
        expect(ticket?.kind).toBe(kind);
        expect(ticket?.active).toBe(ticket?.status === 'closed' ? 0 : 1);
      }
    }
  });

  it('a step whose payload its schema refuses leaves the row as it was (a ticket.closed without an outcome does not close)', () => {
    const ticket = opened();
    for (const payload of [{}, { at: -1, text: 'x' }, { at: 'now' }, { at: RECEIVED, outcome: 'done' }, { at: RECEIVED, text: 'x', outcome: 'referred' }]) {
      expect(foldTicket(ticket, event('ticket.closed', payload))).toBe(ticket);
    }
    expect(foldStep({}, 'open', event('ticket.madeUp', { at: RECEIVED }))).toBeNull();
  });

  it('a time no date can hold is not folded (a hostile station cannot break every screen that shows it)', () => {
    const ticket = opened({ kind: 'complaint' });
    expect(foldTicket(ticket, event('ticket.supervisorConsulted', { at: Number.MAX_SAFE_INTEGER, whom: '陈主管' }))).toBe(ticket);
    expect(foldTicket(ticket, event('ticket.promised', { at: RECEIVED, promisedAt: MAX_TIME + 1 }))).toBe(ticket);
    expect(foldTicket(ticket, event('ticket.promised', { at: RECEIVED, promisedAt: MAX_TIME }))?.handling?.promisedAt).toBe(MAX_TIME);
  });

  it('a late step on a closed request is recorded without opening it again; only a reopen does', () => {
    const closed = foldAll(repairLog);
    const late = foldTicket(closed, event('ticket.chased', { at: RECEIVED + 400 * MINUTE, whom: '工程部' }, at(400)));
    expect(late).toMatchObject({ status: 'closed', active: 0 });
    expect(late?.handling?.chases).toBe(2);
    const returned = foldTicket(closed, event('ticket.repairReturned', { at: RECEIVED + 400 * MINUTE, result: 'notFixed', text: '迟到的回单' }, at(400)));
    expect(returned).toMatchObject({ status: 'closed', active: 0 });
  });
});
