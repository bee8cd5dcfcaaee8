import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../events/envelope';
import { formatHlc } from '../hlc';
import { foldDuty, holdsDesk, type DutyRow } from './dutyFold';

// Issue 16: who holds the desk, folded from shift:desk the same way on every station.

const T = Date.parse('2026-12-06T20:00:00+08:00');
let n = 0;
const ev = (type: string, payload: object, actor: string | null, station = 'front-desk', millis = T + n * 1000): DeskEvent => {
  n += 1;
  return { id: `d${n}`, stream: 'shift:desk', type, hlc: formatHlc({ millis, counter: 0, node: '00000000000000fd' }), station, actor, payload: payload as Record<string, unknown> };
};
const form = { formId: 'f1', outgoing: 'day-clerk', incoming: 'night-clerk', shiftId: 'day', shiftDay: '2026-12-06' };
const fold = (events: DeskEvent[]) => events.reduce<DutyRow | null>(foldDuty, null);

describe('duty fold', () => {
  it('R-HANDOVER-SIGN: the incoming person holds the desk once both have signed, in either order', () => {
    const out = ev('duty.handoverSigned', { ...form, at: T, side: 'outgoing' }, 'day-clerk');
    const inn = ev('duty.handoverSigned', { ...form, at: T + 60_000, side: 'incoming' }, 'night-clerk');
    const once = fold([out]);
    expect(once?.holder.staffId).toBeNull();
    expect(once?.forms).toEqual([{ ...form, outgoingSignedAt: T }]);
    const both = fold([out, inn]);
    expect(both?.holder).toEqual({ station: 'front-desk', staffId: 'night-clerk', since: T + 60_000 });
    expect(fold([inn, out])?.holder).toEqual(both?.holder);
  });

  it('a signature by someone else than the person it names, or a form whose names change, is not taken', () => {
    expect(fold([ev('duty.handoverSigned', { ...form, at: T, side: 'incoming' }, 'day-clerk')])).toBeNull();
    const out = ev('duty.handoverSigned', { ...form, at: T, side: 'outgoing' }, 'day-clerk');
    const swapped = ev('duty.handoverSigned', { ...form, incoming: 'intruder', at: T, side: 'incoming' }, 'intruder');
    expect(fold([out, swapped])?.holder.staffId).toBeNull();
  });

  it('R-NIGHT-TRANSFER: the desk goes to the control room\'s station and comes back in the morning', () => {
    const night = fold([ev('duty.transferred', { at: T, toStation: 'control-room' }, 'day-clerk')]);
    expect(night?.holder).toEqual({ station: 'control-room', staffId: null, since: T });
    expect(holdsDesk(night, 'control-room', false)).toBe(true);
    expect(holdsDesk(night, 'front-desk', true)).toBe(false);
    const morning = foldDuty(night, ev('duty.takenBack', { at: T + 12 * 3_600_000, fromStation: 'control-room', readConfirmed: true }, 'day-clerk', 'front-desk'));
    expect(morning?.holder).toEqual({ station: 'front-desk', staffId: 'day-clerk', since: T + 12 * 3_600_000 });
  });

  it('until anyone holds the desk, the station setting says who rings; an unreadable event changes nothing', () => {
    expect(holdsDesk(null, 'front-desk', true)).toBe(true);
    expect(holdsDesk(null, 'control-room', false)).toBe(false);
    const row = fold([ev('duty.transferred', { at: T, toStation: 'control-room' }, 'x')]);
    expect(foldDuty(row, ev('duty.transferred', { at: 'tonight', toStation: '' }, 'x'))).toBe(row);
    expect(foldDuty(row, ev('duty.deleted', {}, 'x'))).toBe(row);
  });
});
