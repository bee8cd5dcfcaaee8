import { describe, expect, it } from 'vitest';
import { DEFAULT_SHIFTS, planProblem, previousShift, shiftAt, shiftPlanSchema, type ShiftDefinition } from './shiftPlan';

// Issue 16: shifts per estate, not assumed in code. Times in the station's zone.

const SH = 'Asia/Shanghai';
const at = (iso: string) => Date.parse(iso);

describe('shift plan', () => {
  it('the defaults: day 08:00–20:00, night 20:00–08:00 belongs to the evening it began', () => {
    expect(shiftAt(DEFAULT_SHIFTS, SH, at('2026-12-06T09:30:00+08:00'))).toMatchObject({ shift: { id: 'day' }, day: '2026-12-06', startsAt: at('2026-12-06T08:00:00+08:00'), endsAt: at('2026-12-06T20:00:00+08:00') });
    // 03:00 on the 7th is the night shift of the 6th.
    expect(shiftAt(DEFAULT_SHIFTS, SH, at('2026-12-07T03:00:00+08:00'))).toMatchObject({ shift: { id: 'night' }, day: '2026-12-06', startsAt: at('2026-12-06T20:00:00+08:00'), endsAt: at('2026-12-07T08:00:00+08:00') });
    // The boundary belongs to the shift that starts there.
    expect(shiftAt(DEFAULT_SHIFTS, SH, at('2026-12-07T08:00:00+08:00')).shift.id).toBe('day');
  });

  it('a manager\'s three shifts of eight hours, and the one before each', () => {
    const plan: ShiftDefinition[] = [
      { id: 'early', name: '早班', start: '07:00', end: '15:00' },
      { id: 'late', name: '中班', start: '15:00', end: '23:00' },
      { id: 'night', name: '夜班', start: '23:00', end: '07:00' },
    ];
    expect(shiftPlanSchema.safeParse(plan).success).toBe(true);
    const late = shiftAt(plan, SH, at('2026-12-06T16:00:00+08:00'));
    expect(late.shift.id).toBe('late');
    expect(previousShift(plan, SH, late)).toMatchObject({ shift: { id: 'early' }, startsAt: at('2026-12-06T07:00:00+08:00') });
    expect(previousShift(plan, SH, shiftAt(plan, SH, at('2026-12-06T08:00:00+08:00')))).toMatchObject({ shift: { id: 'night' }, day: '2026-12-05' });
  });

  it('refuses a plan with a gap, an overlap, two alike, or none; the clock then runs on the defaults', () => {
    const gap = [{ id: 'day', name: '白班', start: '08:00', end: '18:00' }, { id: 'night', name: '夜班', start: '20:00', end: '08:00' }];
    const overlap = [{ id: 'day', name: '白班', start: '08:00', end: '21:00' }, { id: 'night', name: '夜班', start: '20:00', end: '08:00' }];
    expect(planProblem(gap)).toBe('gapOrOverlap');
    expect(planProblem(overlap)).toBe('gapOrOverlap');
    expect(planProblem([{ ...DEFAULT_SHIFTS[0]! }, { ...DEFAULT_SHIFTS[1]!, id: 'day' }])).toBe('duplicateId');
    expect(planProblem([])).toBe('empty');
    expect(shiftPlanSchema.safeParse(gap).success).toBe(false);
    expect(shiftAt(gap, SH, at('2026-12-06T19:00:00+08:00')).shift.id).toBe('day');
  });

  it('one shift of 24 hours tiles the day', () => {
    expect(planProblem([{ id: 'all', name: '全天', start: '08:00', end: '08:00' }])).toBeNull();
    expect(shiftAt([{ id: 'all', name: '全天', start: '08:00', end: '08:00' }], SH, at('2026-12-07T07:59:00+08:00'))).toMatchObject({ day: '2026-12-06' });
  });

  it('across a DST change the night shift is an hour longer or shorter, and every instant has a shift', () => {
    const NY = 'America/New_York';
    // 2026-11-01 02:00 EDT → 01:00 EST: the night of Oct 31 lasts 13 h.
    const night = shiftAt(DEFAULT_SHIFTS, NY, at('2026-11-01T05:30:00-05:00'));
    expect(night.day).toBe('2026-10-31');
    expect((night.endsAt - night.startsAt) / 3_600_000).toBe(13);
    // 2027-03-14 02:00 EST → 03:00 EDT: that night lasts 11 h.
    const spring = shiftAt(DEFAULT_SHIFTS, NY, at('2027-03-14T02:30:00-04:00'));
    expect((spring.endsAt - spring.startsAt) / 3_600_000).toBe(11);
    for (let t = at('2027-03-13T12:00:00Z'); t < at('2027-03-15T12:00:00Z'); t += 15 * 60_000) {
      const o = shiftAt(DEFAULT_SHIFTS, NY, t);
      expect(o.startsAt <= t && t < o.endsAt, new Date(t).toISOString()).toBe(true);
    }
  });
});
