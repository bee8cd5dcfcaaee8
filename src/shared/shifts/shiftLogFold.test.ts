import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../events/envelope';
import { formatHlc } from '../hlc';
import { MAX_PAYLOAD_BYTES } from '../protocol/limits';
import { utf8ByteLength } from '../protocol/text';
import { HANDOVER_LIMITS, handoverFormWrittenPayload, handoverItemMarkedPayload } from './handoverEvents';
import { foldShiftStream } from './shiftStreamFold';
import { foldShiftLog, readingOrder, type ShiftLogRow } from './shiftLogFold';
import { refuseIncomingSignature, refuseItemStep, refuseOutgoingSignature } from './handoverGuards';
import type { HandoverForm } from './dutyFold';

// Issue 16: a shift's log folded from its handover events, the same way on every station.

const STARTS = Date.parse('2026-12-06T08:00:00+08:00');
const STREAM = 'shift:2026-12-06|day';
let n = 0;
const ev = (type: string, payload: object, actor: string | null = 'day-clerk', millis = STARTS + 3_600_000 + n * 1000): DeskEvent => {
  n += 1;
  return { id: `h${n}`, stream: STREAM, type, hlc: formatHlc({ millis, counter: 0, node: '00000000000000fd' }), station: 'front-desk', actor, payload: { startsAt: STARTS, at: millis, ...payload } as Record<string, unknown> };
};
const fold = (events: DeskEvent[]) => events.reduce<ShiftLogRow | null>(foldShiftLog, null);
const added = (itemId: string, text: string) => ev('handover.itemAdded', { itemId, text });

describe('shift log fold', () => {
  it('R-HANDOVER-READ step 6: items passed on make the shift\'s row, listed by kind and start', () => {
    const row = fold([added('a', '3栋电梯异响,维保明早来'), ev('handover.itemAdded', { itemId: 'b', text: '5-201 投诉回访', ticketId: 't1', ticketNumber: 'FD-20261206-003' })]);
    expect(row).toMatchObject({ id: '2026-12-06|day', kind: 'shift', day: '2026-12-06', shiftId: 'day', startsAt: STARTS });
    expect(row?.items?.map((i) => [i.id, i.text, i.addedBy])).toEqual([['a', '3栋电梯异响,维保明早来', 'day-clerk'], ['b', '5-201 投诉回访', 'day-clerk']]);
    expect(row?.items?.[1]).toMatchObject({ ticketId: 't1', ticketNumber: 'FD-20261206-003' });
  });

  it('R-HANDOVER-READ steps 2–5: each sorting and mark is kept with its actor; passed to the manager, then OK', () => {
    const row = fold([
      added('a', '电梯异响'),
      ev('handover.itemSorted', { itemId: 'a', urgency: 'urgent' }, 'night-clerk'),
      ev('handover.itemMarked', { itemId: 'a', mark: 'toManager' }, 'night-clerk'),
      ev('handover.itemMarked', { itemId: 'a', mark: 'ok' }, 'night-clerk'),
    ]);
    const item = row!.items![0]!;
    expect(item.urgency).toBe('urgent');
    expect(item.sortedBy).toBe('night-clerk');
    expect(item.marks.map((m) => [m.mark, m.by])).toEqual([['toManager', 'night-clerk'], ['ok', 'night-clerk']]);
  });

  it('R-HANDOVER-READ step 5: "not today" needs its reason', () => {
    expect(handoverItemMarkedPayload.safeParse({ at: STARTS, startsAt: STARTS, itemId: 'a', mark: 'notToday' }).success).toBe(false);
    expect(handoverItemMarkedPayload.safeParse({ at: STARTS, startsAt: STARTS, itemId: 'a', mark: 'notToday', reason: '配件要明天到' }).success).toBe(true);
  });

  it('R-HANDOVER-READ step 3: urgent first — unsorted items in the order written, then urgent, normal, not for now; settled last', () => {
    const row = fold([
      added('a', 'a'), added('b', 'b'), added('c', 'c'), added('d', 'd'), added('e', 'e'),
      ev('handover.itemSorted', { itemId: 'a', urgency: 'notNow' }),
      ev('handover.itemSorted', { itemId: 'b', urgency: 'normal' }),
      ev('handover.itemSorted', { itemId: 'd', urgency: 'urgent' }),
      ev('handover.itemSorted', { itemId: 'e', urgency: 'urgent' }),
      ev('handover.itemMarked', { itemId: 'e', mark: 'ok' }),
    ]);
    expect(readingOrder(row!.items!).map((i) => i.id)).toEqual(['c', 'd', 'b', 'a', 'e']);
  });

  it('the same events in any arrival order, once sorted by hlc, give the same row; an unknown item or a bad payload changes nothing', () => {
    const events = [added('a', 'x'), ev('handover.itemSorted', { itemId: 'a', urgency: 'normal' }), ev('handover.itemMarked', { itemId: 'a', mark: 'notToday', reason: '业主不在家' })];
    const row = fold(events);
    const shuffled = [events[2]!, events[0]!, events[1]!].sort((x, y) => (x.hlc < y.hlc ? -1 : 1));
    expect(fold(shuffled)).toEqual(row);
    expect(foldShiftLog(row, ev('handover.itemSorted', { itemId: 'nope', urgency: 'urgent' }))).toBe(row);
    expect(foldShiftLog(row, ev('handover.itemSorted', { itemId: 'a', urgency: 'soon' }))).toBe(row);
    expect(foldShiftLog(row, ev('handover.itemAdded', { itemId: 'a', text: 'again' }))).toBe(row);
    expect(foldShiftLog(null, ev('handover.itemSorted', { itemId: 'a', urgency: 'urgent' }))).toBeNull();
    expect(foldShiftLog(row, ev('ticket.opened', {}))).toBe(row);
    // A stream that does not name a day and a shift makes no row.
    expect(foldShiftLog(null, { ...added('z', 'x'), stream: 'shift:nonsense' })).toBeNull();
  });

  it('R-HANDOVER-SIGN: the form stays on the shift\'s row; the biggest form fits the protocol\'s payload limit', () => {
    const long = '机'.repeat(HANDOVER_LIMITS.formText);
    const id = 'x'.repeat(36);
    const form = {
      at: STARTS, startsAt: STARTS, formId: id, outgoing: id, incoming: id,
      requests: Array.from({ length: HANDOVER_LIMITS.requests }, () => ({ ticketId: id, number: 'FD-20261206-9999', kind: 'complaint', status: 'inProgress', nextDueAt: STARTS, nextRule: 'R-COMPLAINT-CONTACT-XXXXXXXXXX' })),
      alarms: Array.from({ length: HANDOVER_LIMITS.alarms }, () => ({ ticketId: id, number: 'FD-20261206-9999', rule: 'R-REPAIR-URGENT-15MIN-XXXXXXXX', dueAt: STARTS })),
      calls: Array.from({ length: HANDOVER_LIMITS.calls }, () => ({ callId: id, at: STARTS, number: '*'.repeat(20), outcome: 'pending' })),
      keys: Array.from({ length: HANDOVER_LIMITS.keys }, () => ({ keyId: id, label: '钥'.repeat(HANDOVER_LIMITS.keyLabel) })),
      more: { requests: 5, alarms: 0, calls: 0, keys: 0 },
      equipment: long, notes: long,
    };
    const parsed = handoverFormWrittenPayload.parse(form);
    expect(utf8ByteLength(JSON.stringify(parsed))).toBeLessThan(MAX_PAYLOAD_BYTES);
    const row = fold([ev('handover.formWritten', form)]);
    expect(row?.form).toMatchObject({ formId: id, equipment: long, writtenBy: 'day-clerk', more: { requests: 5 } });
  });

  it('the shifts table dispatches a shift\'s log here, and who holds the desk elsewhere', () => {
    const row = foldShiftStream(null, added('a', '电梯异响'));
    expect(row).toMatchObject({ kind: 'shift', items: [{ id: 'a' }] });
  });
});

describe('handover guards', () => {
  const row = fold([added('a', '电梯异响'), added('b', '路灯不亮'), ev('handover.itemSorted', { itemId: 'b', urgency: 'normal' }), ev('handover.itemMarked', { itemId: 'b', mark: 'ok' })]);
  const mark = (itemId: string) => ({ type: 'handover.itemMarked' as const, payload: { at: STARTS, startsAt: STARTS, itemId, mark: 'ok' as const } });

  it('R-HANDOVER-READ: an item is sorted before it is marked; an OK item is finished; an unknown one refused', () => {
    expect(refuseItemStep(row, mark('a'), false)).toBe('notSorted');
    expect(refuseItemStep(row, mark('b'), false)).toBe('settled');
    expect(refuseItemStep(row, { type: 'handover.itemSorted', payload: { at: STARTS, startsAt: STARTS, itemId: 'b', urgency: 'urgent' } }, false)).toBe('settled');
    expect(refuseItemStep(row, mark('zz'), false)).toBe('unknownItem');
    expect(refuseItemStep(row, { type: 'handover.itemSorted', payload: { at: STARTS, startsAt: STARTS, itemId: 'a', urgency: 'urgent' } }, false)).toBeNull();
  });

  it('R-HANDOVER-READ step 6: items are passed on until the shift is handed over', () => {
    const add = { type: 'handover.itemAdded' as const, payload: { at: STARTS, startsAt: STARTS, itemId: 'c', text: 'x' } };
    expect(refuseItemStep(row, add, false)).toBeNull();
    expect(refuseItemStep(row, add, true)).toBe('handedOver');
  });

  it('R-HANDOVER-SIGN: nobody hands over to themselves; a shift is handed over once; the second signature is the named person\'s, once', () => {
    const form: HandoverForm = { formId: 'f', outgoing: 'day-clerk', incoming: 'night-clerk', shiftId: 'day', shiftDay: '2026-12-06' };
    const ref = { outgoing: 'day-clerk', incoming: 'night-clerk', shiftDay: '2026-12-06', shiftId: 'day' };
    expect(refuseOutgoingSignature([], { ...ref, incoming: 'day-clerk' })).toBe('samePerson');
    expect(refuseOutgoingSignature([{ ...form, outgoingSignedAt: 1 }], ref)).toBeNull();
    expect(refuseOutgoingSignature([{ ...form, outgoingSignedAt: 1, incomingSignedAt: 2 }], ref)).toBe('handedOver');
    expect(refuseIncomingSignature(undefined, 'night-clerk')).toBe('noForm');
    expect(refuseIncomingSignature(form, 'night-clerk')).toBe('notSignedByOutgoing');
    expect(refuseIncomingSignature({ ...form, outgoingSignedAt: 1 }, 'intruder')).toBe('wrongSigner');
    expect(refuseIncomingSignature({ ...form, outgoingSignedAt: 1 }, 'night-clerk')).toBeNull();
    expect(refuseIncomingSignature({ ...form, outgoingSignedAt: 1, incomingSignedAt: 2 }, 'night-clerk')).toBe('alreadySigned');
  });
});
