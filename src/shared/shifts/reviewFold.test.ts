import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../events/envelope';
import { formatHlc } from '../hlc';
import { foldDayReport, foldShiftReview, type DayReportRow, type ReviewedShiftLogRow } from './reviewFold';
import type { ShiftLogRow } from './shiftLogFold';

// Issue 16, R-MORNING-REVIEW / R-DAILY-REPORT: the review's and the signature's folds, pure.

const NIGHT = Date.parse('2026-12-06T20:00:00+08:00');
const MORNING = Date.parse('2026-12-07T08:40:00+08:00');
const DAY_START = Date.parse('2026-12-07T00:00:00+08:00');
let n = 0;
const ev = (stream: string, type: string, payload: object, actor: string | null = 'sup', millis = MORNING + n * 1000): DeskEvent => {
  n += 1;
  return { id: `r${n}`, stream, type, hlc: formatHlc({ millis, counter: 0, node: '00000000000000aa' }), station: 'front-desk', actor, payload: payload as Record<string, unknown> };
};
const LOG = 'shift:2026-12-06|night';
const REPORT = 'shift:day|2026-12-07';
const figures = { opened: 3, closed: 1, stillOpen: 2, overdue: 1, alarms: 2, escalations: 1, backfills: 1, calls: 4, callsWithoutRequest: 1 };
const foldLog = (events: DeskEvent[]) => events.reduce<ShiftLogRow | null>(foldShiftReview, null) as ReviewedShiftLogRow | null;
const foldDay = (events: DeskEvent[]) => events.reduce<DayReportRow | null>(foldDayReport, null);

describe('the morning review fold (R-MORNING-REVIEW)', () => {
  it('R-MORNING-REVIEW: the review makes the shift\'s row when none exists, with its day, shift and start; the read receipt says who and when', () => {
    const row = foldLog([ev(LOG, 'shift.reviewed', { at: MORNING, startsAt: NIGHT, unfinished: 2 })]);
    expect(row).toMatchObject({ id: '2026-12-06|night', kind: 'shift', day: '2026-12-06', shiftId: 'night', startsAt: NIGHT, review: { by: 'sup', at: MORNING, unfinished: 2 } });
  });

  it('R-MORNING-REVIEW: items are marked (the last mark wins), an existing row keeps its fields and its start', () => {
    const existing: ShiftLogRow = { id: '2026-12-06|night', kind: 'shift', day: '2026-12-06', shiftId: 'night', startsAt: NIGHT, lastHlc: '2026-12-06T12:00:00.000Z-0000-00000000000000aa' };
    const events = [
      ev(LOG, 'shift.itemMarked', { at: MORNING, startsAt: 0, ref: 'ticket:t1', mark: 'noted' }),
      ev(LOG, 'shift.itemMarked', { at: MORNING + 60_000, startsAt: 0, ref: 'ticket:t1', mark: 'chased' }, 'mgr'),
      ev(LOG, 'shift.itemMarked', { at: MORNING, startsAt: 0, ref: 'alarm:t2|R-REPAIR-URGENT-15MIN|1', mark: 'noted' }),
    ];
    const row = events.reduce<ShiftLogRow | null>(foldShiftReview, existing) as ReviewedShiftLogRow;
    expect(row.startsAt).toBe(NIGHT);
    expect(row.marks?.['ticket:t1']).toEqual({ mark: 'chased', by: 'mgr', at: MORNING + 60_000 });
    expect(Object.keys(row.marks ?? {})).toHaveLength(2);
    expect(row.lastHlc).toBe(events[2]!.hlc);
  });

  it('an unreadable event, one with no actor, a daily report\'s event or another stream kind changes nothing (the same row)', () => {
    const row = foldLog([ev(LOG, 'shift.reviewed', { at: MORNING, startsAt: NIGHT, unfinished: 0 })])!;
    expect(foldShiftReview(row, ev(LOG, 'shift.reviewed', { at: 'morning', startsAt: NIGHT, unfinished: -1 }))).toBe(row);
    expect(foldShiftReview(row, ev(LOG, 'shift.reviewed', { at: MORNING, startsAt: NIGHT, unfinished: 1 }, null))).toBe(row);
    expect(foldShiftReview(row, ev(LOG, 'shift.dayReportSigned', { at: MORNING, day: '2026-12-06', startsAt: NIGHT, figures }))).toBe(row);
    expect(foldShiftReview(row, ev(LOG, 'duty.transferred', { at: MORNING, toStation: 'control-room' }))).toBe(row);
    expect(foldShiftReview(null, ev('shift:desk', 'shift.reviewed', { at: MORNING, startsAt: NIGHT, unfinished: 0 }))).toBeNull();
  });

  it('R-MORNING-REVIEW: the same row whatever order the events arrived in, once sorted by hlc (a second review is the later one)', () => {
    const events = [
      ev(LOG, 'shift.itemMarked', { at: MORNING, startsAt: NIGHT, ref: 'ticket:t1', mark: 'chased' }),
      ev(LOG, 'shift.reviewed', { at: MORNING + 1, startsAt: NIGHT, unfinished: 3 }),
      ev(LOG, 'shift.reviewed', { at: MORNING + 2, startsAt: NIGHT, unfinished: 1, text: '已跟进' }, 'mgr'),
      ev(LOG, 'shift.logExported', { at: MORNING + 3, startsAt: NIGHT, what: 'log', rows: 12 }, 'clerk'),
    ];
    const sorted = [...events].reverse().sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
    expect(foldLog(sorted)).toEqual(foldLog(events));
    expect(foldLog(events)).toMatchObject({ review: { by: 'mgr', unfinished: 1, text: '已跟进' }, exports: 1 });
  });
});

describe('the daily report fold (R-DAILY-REPORT)', () => {
  it('R-DAILY-REPORT: signed by the supervisor with the figures checked; the later signature wins; the row is the day\'s', () => {
    const first = ev(REPORT, 'shift.dayReportSigned', { at: MORNING, day: '2026-12-07', startsAt: DAY_START, figures });
    const again = ev(REPORT, 'shift.dayReportSigned', { at: MORNING + 3_600_000, day: '2026-12-07', startsAt: DAY_START, figures: { ...figures, closed: 2 } }, 'mgr');
    expect(foldDay([first])).toMatchObject({ id: 'day|2026-12-07', kind: 'day', day: '2026-12-07', startsAt: DAY_START, signed: { by: 'sup', at: MORNING, figures } });
    expect(foldDay([first, again])?.signed).toMatchObject({ by: 'mgr', figures: { closed: 2 } });
  });

  it('R-DAILY-REPORT: a signature naming another day, missing a figure, or with no actor is not taken', () => {
    expect(foldDay([ev(REPORT, 'shift.dayReportSigned', { at: MORNING, day: '2026-12-08', startsAt: DAY_START, figures })])).toBeNull();
    const { calls: _dropped, ...short } = figures;
    expect(foldDay([ev(REPORT, 'shift.dayReportSigned', { at: MORNING, day: '2026-12-07', startsAt: DAY_START, figures: short })])).toBeNull();
    expect(foldDay([ev(REPORT, 'shift.dayReportSigned', { at: MORNING, day: '2026-12-07', startsAt: DAY_START, figures }, null)])).toBeNull();
    const row = foldDay([ev(REPORT, 'shift.logExported', { at: MORNING, startsAt: DAY_START, what: 'dayReport', rows: 9 })]);
    expect(row).toMatchObject({ exports: 1 });
    expect(foldDayReport(row, ev(REPORT, 'shift.reviewed', { at: MORNING, startsAt: DAY_START, unfinished: 0 }))).toBe(row);
  });
});
