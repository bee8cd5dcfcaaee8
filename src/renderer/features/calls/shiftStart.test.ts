import { describe, expect, it } from 'vitest';
import type { ShiftDefinition } from '@shared/shifts/shiftPlan';
import { callLogShifts, shiftStart } from './shiftStart';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const TZ = 'Asia/Shanghai';

describe('the call log\'s shifts (issue 16)', () => {
  it('the default plan: 08:00 or 20:00 station time, the night shift reaching back to yesterday', () => {
    expect(iso(shiftStart(at('2026-11-22T03:15:10.500Z'), TZ))).toBe('2026-11-22T00:00:00.000Z');
    expect(iso(shiftStart(at('2026-11-22T13:00:00.000Z'), TZ))).toBe('2026-11-22T12:00:00.000Z');
    expect(iso(shiftStart(at('2026-11-22T17:30:00.000Z'), TZ))).toBe('2026-11-22T12:00:00.000Z');
    expect(iso(shiftStart(at('2026-11-21T23:30:00.000Z'), TZ))).toBe('2026-11-21T12:00:00.000Z');
  });

  it('R-MORNING-REVIEW: at 08:05 the log still holds the night (the previous shift, from 20:00 yesterday)', () => {
    const { current, previous, since } = callLogShifts(undefined, TZ, at('2026-11-22T00:05:00.000Z'));
    expect([current.shift.name, iso(current.startsAt)]).toEqual(['白班', '2026-11-22T00:00:00.000Z']);
    expect([previous.shift.name, iso(previous.startsAt), iso(previous.endsAt)]).toEqual(['夜班', '2026-11-21T12:00:00.000Z', '2026-11-22T00:00:00.000Z']);
    expect(iso(since)).toBe('2026-11-21T12:00:00.000Z');
  });

  it('the estate\'s own plan, not hours fixed in code: three shifts of eight hours from 07:00', () => {
    const plan: ShiftDefinition[] = [
      { id: 'early', name: '早班', start: '07:00', end: '15:00' },
      { id: 'late', name: '中班', start: '15:00', end: '23:00' },
      { id: 'night', name: '夜班', start: '23:00', end: '07:00' },
    ];
    // 08:30 station time: the early shift since 07:00; before it, the night from 23:00.
    const { current, previous } = callLogShifts(plan, TZ, at('2026-11-22T00:30:00.000Z'));
    expect([current.shift.id, iso(current.startsAt)]).toEqual(['early', '2026-11-21T23:00:00.000Z']);
    expect([previous.shift.id, iso(previous.startsAt)]).toEqual(['night', '2026-11-21T15:00:00.000Z']);
    expect(iso(shiftStart(at('2026-11-22T08:00:00.000Z'), TZ, plan))).toBe('2026-11-22T07:00:00.000Z');
  });
});
