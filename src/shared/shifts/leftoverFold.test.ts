import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../events/envelope';
import { formatHlc } from '../hlc';
import { foldLeftover, type LeftoverRow } from './leftoverFold';
import { monthOf } from './leftoverEvents';

// Issue 16, R-LEFTOVER: the leftover-issues file's fold.

const T = Date.parse('2026-11-20T09:00:00+08:00');
let n = 0;
const ev = (type: string, payload: object, millis = T + n * 1000, actor: string | null = 'clerk'): DeskEvent => {
  n += 1;
  return { id: `l${n}`, stream: 'leftover:L1', type, hlc: formatHlc({ millis, counter: 0, node: '00000000000000fd' }), station: 'front-desk', actor, payload: payload as Record<string, unknown> };
};
const fold = (events: DeskEvent[]) => events.reduce<LeftoverRow | null>(foldLeftover, null);
const filed = () => ev('leftover.filed', { at: T, month: '2026-11', text: '5栋电梯异响,厂家配件未到', fromShift: '2026-11-20|day' });

describe('leftover-issues file (R-LEFTOVER)', () => {
  it('R-LEFTOVER: filed, progress noted, "OK"; a carry of a closed issue changes nothing', () => {
    const row = fold([filed(), ev('leftover.progressed', { at: T + 1, text: '厂家答复下周到货' })]);
    expect(row).toMatchObject({ id: 'L1', open: 1, month: '2026-11', fromShift: '2026-11-20|day', progress: [{ text: '厂家答复下周到货', actor: 'clerk' }] });
    const ok = foldLeftover(row, ev('leftover.resolved', { at: T + 2 }));
    expect(ok).toMatchObject({ open: 0, resolved: { at: T + 2 } });
    expect(foldLeftover(ok, ev('leftover.carried', { at: T + 3, fromMonth: '2026-11', toMonth: '2026-12' }, undefined, null))?.month).toBe('2026-11');
  });

  it('R-LEFTOVER: what is open at month end is carried into the next month once, by the system, whichever station writes it and how often', () => {
    const row = fold([filed()]);
    const carried = foldLeftover(row, ev('leftover.carried', { at: T + 1, fromMonth: '2026-11', toMonth: '2026-12' }, undefined, null));
    expect(carried).toMatchObject({ month: '2026-12', filedMonth: '2026-11', carried: [{ from: '2026-11', to: '2026-12' }] });
    const second = foldLeftover(carried, ev('leftover.carried', { at: T + 2, fromMonth: '2026-11', toMonth: '2026-12' }, undefined, null));
    expect(second).toMatchObject({ month: '2026-12', carried: [{ from: '2026-11', to: '2026-12' }] });
    // Never backwards.
    expect(foldLeftover(carried, ev('leftover.carried', { at: T + 3, fromMonth: '2026-12', toMonth: '2026-10' }))?.month).toBe('2026-12');
  });

  it('the same events sorted by hlc give the same row whatever order they arrived in', () => {
    const events = [filed(), ev('leftover.carried', { at: T, fromMonth: '2026-11', toMonth: '2026-12' }), ev('leftover.carried', { at: T, fromMonth: '2026-12', toMonth: '2027-01' }), ev('leftover.resolved', { at: T })];
    const expected = fold(events);
    expect(expected).toMatchObject({ month: '2027-01', open: 0 });
    const shuffled = [events[3]!, events[1]!, events[0]!, events[2]!].sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
    expect(fold(shuffled)).toEqual(expected);
  });

  it('an unreadable event or one before the filing changes nothing; the month is the station zone\'s', () => {
    expect(fold([ev('leftover.progressed', { at: T, text: 'x' })])).toBeNull();
    const row = fold([filed()]);
    expect(foldLeftover(row, ev('leftover.carried', { at: T, fromMonth: '2026-13', toMonth: '2027-01' }))).toBe(row);
    expect(foldLeftover(row, ev('leftover.filed', { at: T, month: '2027-01', text: 'again' }))).toBe(row);
    expect(monthOf(Date.parse('2026-11-30T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-12');
  });
});
