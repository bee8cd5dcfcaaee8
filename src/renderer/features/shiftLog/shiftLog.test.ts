import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18next from 'i18next';
import { DEFAULT_SHIFTS } from '@shared/shifts/shiftPlan';
import { dayStart, nextDay } from '@shared/registers/registerRange';
import type { ReviewedShiftLogRow, DayReportRow } from '@shared/shifts/reviewFold';
import { TEST_STATION, testDatabase, loggedCount } from '../../testing/testStation';
import { setupStation } from '../setup/setupStation';
import { addStaff } from '../staff/staffCommands';
import { createTicket, type IntakeValues } from '../intake/createTicket';
import { zhCN } from '../../i18n/zh-CN';
import type { Translate } from '../ticket/timelineText';
import { readLogPage, readWholeLog } from './shiftLogQuery';
import { shiftOn } from './shiftChoice';
import { loadLog } from './useShiftLog';
import { unfinishedItems } from './unfinished';
import { dayReport } from './dayReport';
import { reviewShift, signDayReport, markItem, signWithPin } from './reviewCommands';
import { logRows } from './logRows';
import { streamEvents } from '../../db/eventLog';

// Issue 16, R-MORNING-REVIEW / R-DAILY-REPORT: the shift log read from the events' hlc index over
// the shift's time (only its range, in order, a page at a time), the review and the signature
// through the EventStore, as a station saves them.

const TZ = TEST_STATION.timeZone;
const at = (iso: string) => Date.parse(iso);
const request = (values: Partial<IntakeValues> = {}): IntakeValues => ({
  channel: 'phone', kind: 'repair', urgency: 'normal', building: '3', room: '1502', callerName: '张三',
  callerPhone: '13800138000', description: '厨房水管漏水', paid: false, receivedAt: Date.now(), ...values,
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A day shift and a night of 2026-12-06 (08:00–20:00–08:00 in Shanghai), each with its requests and a call. */
async function desk() {
  vi.setSystemTime(at('2026-12-06T07:00:00+08:00'));
  const db = testDatabase();
  const { store, managerId } = await setupStation(db, TEST_STATION);
  const clerkId = await addStaff(db, store, { name: '王芳', role: 'clerk', language: 'zh-CN', pin: '1234' }, managerId);
  const supervisorId = await addStaff(db, store, { name: '陈主管', role: 'supervisor', language: 'zh-CN', pin: '135790' }, managerId);
  const open = async (iso: string, values: Partial<IntakeValues> = {}) => {
    vi.setSystemTime(at(iso));
    return (await createTicket(db, store, TZ, request(values), clerkId, Date.now())).id;
  };
  const note = async (iso: string, ticketId: string, text: string) => {
    vi.setSystemTime(at(iso));
    await store.append([{ stream: `ticket:${ticketId}`, type: 'ticket.noted', payload: { text } }], clerkId);
  };
  const earlier = await open('2026-12-06T07:59:00+08:00', { description: '前一夜班的报修' });
  const dayTicket = await open('2026-12-06T10:00:00+08:00', { urgency: 'urgent', description: '电梯困人' });
  await note('2026-12-06T19:59:59.999+08:00', dayTicket, '维修工已到场');
  const nightTicket = await open('2026-12-06T20:00:00.000+08:00', { kind: 'complaint', description: '楼上噪音' });
  vi.setSystemTime(at('2026-12-06T22:30:00+08:00'));
  const callId = 'call-night-1';
  await store.append([{ stream: `call:${callId}`, type: 'call.received', payload: { number: '13800138000', e164: '+8613800138000', name: null, withheld: false, numberStatus: 'present', at: Date.now(), unitKeys: ['3-1502'] } }], null);
  // Not part of a shift's log: the estate's settings.
  vi.setSystemTime(at('2026-12-06T23:00:00+08:00'));
  await store.append([{ stream: 'settings', type: 'settings.changed', payload: { idleLockMinutes: 10 } }], managerId);
  const morning = await open('2026-12-07T08:00:00+08:00', { description: '早班报修' });
  vi.setSystemTime(at('2026-12-07T08:40:00+08:00'));
  const day = shiftOn(DEFAULT_SHIFTS, TZ, '2026-12-06', 'day')!;
  const night = shiftOn(DEFAULT_SHIFTS, TZ, '2026-12-06', 'night')!;
  return { db, store, clerkId, supervisorId, earlier, dayTicket, nightTicket, callId, morning, day, night };
}

const spanOf = (o: { startsAt: number; endsAt: number }) => ({ start: o.startsAt, end: o.endsAt });

async function translator(): Promise<Translate> {
  const instance = i18next.createInstance();
  await instance.init({ lng: 'zh-CN', fallbackLng: false, resources: { 'zh-CN': { translation: zhCN } }, interpolation: { escapeValue: false } });
  return instance.t.bind(instance) as unknown as Translate;
}

describe('the shift log (R-MORNING-REVIEW)', () => {
  it('R-MORNING-REVIEW: a shift\'s log is what was saved in its time, in order: the last millisecond in, the next shift\'s first out', async () => {
    const d = await desk();
    const dayLog = await readWholeLog(d.db, spanOf(d.day));
    expect(dayLog.truncated).toBe(false);
    expect(dayLog.events.map((e) => [e.stream, e.type])).toEqual([
      [`ticket:${d.dayTicket}`, 'ticket.opened'],
      [`ticket:${d.dayTicket}`, 'ticket.noted'],
    ]);
    const nightLog = await readWholeLog(d.db, spanOf(d.night));
    // The settings change is in the night's time but not in its log; the 08:00 request is the next shift's.
    expect(nightLog.events.map((e) => [e.stream, e.type])).toEqual([
      [`ticket:${d.nightTicket}`, 'ticket.opened'],
      [`call:${d.callId}`, 'call.received'],
    ]);
    const stamps = nightLog.events.map((e) => e.hlc);
    expect([...stamps].sort()).toEqual(stamps);
  });

  it('R-MORNING-REVIEW: read a bounded page at a time; the pages together are the whole log; a cap says it was cut', async () => {
    const d = await desk();
    const span = { start: d.day.startsAt, end: d.night.endsAt };
    const pages: string[][] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page: Awaited<ReturnType<typeof readLogPage>> = await readLogPage(d.db, span, after, 2);
      expect(page.events.length).toBeLessThanOrEqual(2);
      pages.push(page.events.map((e) => e.id));
      if (!page.next) break;
      after = page.next;
    }
    const whole = await readWholeLog(d.db, span);
    expect(pages.flat()).toEqual(whole.events.map((e) => e.id));
    expect(whole.events).toHaveLength(4);
    expect(await readWholeLog(d.db, span, 3)).toMatchObject({ truncated: true, events: whole.events.slice(0, 3) });
  });

  it('R-MORNING-REVIEW, R-CONFIDENTIAL: the log\'s lines come from the ticket timeline, with the request; a call\'s number is masked', async () => {
    const d = await desk();
    const log = await loadLog(d.db, spanOf(d.night));
    const rows = logRows(log, log.entries, await translator(), { timeZone: TZ, language: 'zh-CN', phone: { countryCode: '86', areaCode: '755' } });
    expect(rows.map((r) => r.kind)).toEqual(['request', 'call']);
    expect(rows[0]!.request).toMatch(/^FD-?\S* 投诉求助$/);
    expect(rows[0]!.line).toContain('王芳');
    expect(rows[1]!.line).toContain('来电');
    expect(rows[1]!.line).not.toContain('13800138000');
    expect(rows[1]!.line).toMatch(/8000/);
  });
});

describe('the morning review and the daily report (R-MORNING-REVIEW, R-DAILY-REPORT)', () => {
  it('R-MORNING-REVIEW: unfinished first; the supervisor\'s review is an event on the shift\'s stream that makes its row; a clerk\'s is refused, nothing written', async () => {
    const d = await desk();
    const log = await loadLog(d.db, spanOf(d.night));
    const items = unfinishedItems(log.entries, log.tickets, log.calls, log.timings, Date.now());
    expect(items.map((i) => i.ref)).toContain(`ticket:${d.nightTicket}`);
    expect(items.map((i) => i.ref)).toContain(`call:${d.callId}`);
    const shift = { day: d.night.day, shiftId: d.night.shift.id, startsAt: d.night.startsAt };

    const before = await loggedCount(d.db);
    await expect(reviewShift(d.store, { id: d.clerkId, role: 'clerk' }, shift, items.length)).rejects.toThrow(/notPermitted/);
    expect(await loggedCount(d.db)).toBe(before);
    expect(await d.db.shifts.get('2026-12-06|night')).toBeUndefined();

    await markItem(d.store, { id: d.supervisorId, role: 'supervisor' }, shift, `ticket:${d.nightTicket}`, 'chased');
    await reviewShift(d.store, { id: d.supervisorId, role: 'supervisor' }, shift, items.length);
    const row = (await d.db.shifts.get('2026-12-06|night')) as ReviewedShiftLogRow;
    expect(row).toMatchObject({ kind: 'shift', day: '2026-12-06', shiftId: 'night', startsAt: d.night.startsAt, review: { by: d.supervisorId, unfinished: items.length } });
    expect(row.marks?.[`ticket:${d.nightTicket}`]).toMatchObject({ mark: 'chased', by: d.supervisorId });
    // The review is on the shift's own stream, so it is in the log of the shift it was written in, not the night's.
    const reviewed = await streamEvents(d.db, 'shift:2026-12-06|night');
    expect(reviewed.map((e) => e.type)).toEqual(['shift.itemMarked', 'shift.reviewed']);
  });

  it('R-DAILY-REPORT: the day\'s figures from the day\'s events; the supervisor signs them; the signature keeps who, when and what was signed', async () => {
    const d = await desk();
    const span = { start: dayStart('2026-12-06', TZ), end: dayStart(nextDay('2026-12-06'), TZ) };
    const log = await loadLog(d.db, span);
    const report = dayReport(log.entries, log.tickets, log.calls, log.timings, Date.now());
    expect(report.figures).toMatchObject({ opened: 3, closed: 0, stillOpen: 3, backfills: 0, calls: 1, callsWithoutRequest: 1 });
    expect(report.byKind).toEqual([
      { kind: 'repair', opened: 2, closed: 0, stillOpen: 2 },
      { kind: 'complaint', opened: 1, closed: 0, stillOpen: 1 },
    ]);
    await expect(signDayReport(d.store, { id: d.clerkId, role: 'clerk' }, { day: '2026-12-06', startsAt: span.start }, report.figures)).rejects.toThrow(/notPermitted/);
    await signDayReport(d.store, { id: d.supervisorId, role: 'supervisor' }, { day: '2026-12-06', startsAt: span.start }, report.figures);
    const row = (await d.db.shifts.get('day|2026-12-06')) as DayReportRow;
    expect(row).toMatchObject({ kind: 'day', day: '2026-12-06', startsAt: span.start, signed: { by: d.supervisorId, at: Date.now(), figures: report.figures } });
  });
});

describe('signatures with a PIN (R-MORNING-REVIEW, R-DAILY-REPORT)', () => {
  it('R-MORNING-REVIEW: the review is signed by the person chosen with their PIN, whoever is signed in; a wrong PIN counts as an attempt and writes nothing', async () => {
    const d = await desk();
    const shift = { day: d.night.day, shiftId: d.night.shift.id, startsAt: d.night.startsAt };
    const act = (signer: { id: string; role: 'clerk' | 'supervisor' | 'manager' | 'controlRoom' }) => reviewShift(d.store, signer, shift, 2);
    const before = await loggedCount(d.db);

    expect(await signWithPin(d.db, d.store, d.supervisorId, '000000', act)).toEqual({ ok: false, reason: 'wrongPin', triesLeft: 4 });
    expect(await d.db.pinAttempts.get(d.supervisorId)).toMatchObject({ failures: 1 });
    expect(await loggedCount(d.db)).toBe(before);
    expect(await d.db.shifts.get('2026-12-06|night')).toBeUndefined();

    // A clerk is refused before a PIN is tried: no attempt counted against them, nothing written.
    await expect(signWithPin(d.db, d.store, d.clerkId, '1234', act)).rejects.toThrow(/notPermitted/);
    expect(await d.db.pinAttempts.get(d.clerkId)).toBeUndefined();
    expect(await loggedCount(d.db)).toBe(before);

    expect(await signWithPin(d.db, d.store, d.supervisorId, '135790', act)).toEqual({ ok: true });
    const row = (await d.db.shifts.get('2026-12-06|night')) as ReviewedShiftLogRow;
    expect(row.review).toMatchObject({ by: d.supervisorId, unfinished: 2 });
    const [event] = await streamEvents(d.db, 'shift:2026-12-06|night');
    expect(event).toMatchObject({ type: 'shift.reviewed', actor: d.supervisorId });
    // The right PIN clears the failures, as signing in does.
    expect(await d.db.pinAttempts.get(d.supervisorId)).toMatchObject({ failures: 0 });
  });

  it('R-DAILY-REPORT: the day\'s report is signed as the supervisor who gave their PIN', async () => {
    const d = await desk();
    const span = { start: dayStart('2026-12-06', TZ), end: dayStart(nextDay('2026-12-06'), TZ) };
    const log = await loadLog(d.db, span, undefined, false);
    const report = dayReport(log.entries, log.tickets, log.calls, log.timings, Date.now());
    const result = await signWithPin(d.db, d.store, d.supervisorId, '135790', (signer) => signDayReport(d.store, signer, { day: '2026-12-06', startsAt: span.start }, report.figures));
    expect(result).toEqual({ ok: true });
    expect(await d.db.shifts.get('day|2026-12-06')).toMatchObject({ signed: { by: d.supervisorId, figures: report.figures } });
  });
});

describe('back-fills in the shift they were received in (R-NIGHT-TRANSFER 补单, R-MORNING-REVIEW)', () => {
  /** The desk, and in the morning a request the control room took at 23:30 entered by the clerk at 08:40. */
  async function withBackfill() {
    const d = await desk();
    vi.setSystemTime(at('2026-12-07T08:40:00+08:00'));
    const received = at('2026-12-06T23:30:00+08:00');
    const { id } = await createTicket(d.db, d.store, TZ, request({ receivedAt: received, description: '夜间对讲机报修', backfill: { reason: '中控室夜间接报,早班补录' } }), d.clerkId, Date.now());
    return { ...d, backfill: id, received };
  }

  it('R-NIGHT-TRANSFER: the night\'s log shows the back-fill at its received time, marked 补单 with when and by whom it was entered', async () => {
    const d = await withBackfill();
    const log = await loadLog(d.db, spanOf(d.night));
    expect(log.entries.map((e) => [e.kind, e.ticketId ?? e.event.stream])).toEqual([
      ['request', d.nightTicket],
      ['call', `call:${d.callId}`],
      ['backfill', d.backfill],
    ]);
    expect(log.entries[2]).toMatchObject({ receivedHere: d.received, savedAt: at('2026-12-07T08:40:00+08:00') });
    const rows = logRows(log, log.entries, await translator(), { timeZone: TZ, language: 'zh-CN', phone: { countryCode: '86', areaCode: '755' } });
    expect(rows[2]).toMatchObject({ kind: 'backfill', time: expect.stringMatching(/12.06.*23:30/) });
    expect(rows[2]!.line).toMatch(/^补单：王芳 于 2026\/12\/07 08:40:00 补录，实际受理时间 2026\/12\/06 23:30:00$/);
    expect(rows[2]!.details).toContain('补单原因:中控室夜间接报,早班补录');
    // Still open: the supervisor chases it with the night's work.
    expect(unfinishedItems(log.entries, log.tickets, log.calls, log.timings, Date.now()).map((i) => i.ref)).toContain(`ticket:${d.backfill}`);
  });

  it('R-NIGHT-TRANSFER: the log of the shift it was entered in still shows it, as a back-fill for its received time; it is in no other shift\'s log', async () => {
    const d = await withBackfill();
    const morning = shiftOn(DEFAULT_SHIFTS, TZ, '2026-12-07', 'day')!;
    const log = await loadLog(d.db, spanOf(morning));
    const rows = logRows(log, log.entries, await translator(), { timeZone: TZ, language: 'zh-CN', phone: { countryCode: '86', areaCode: '755' } });
    const entered = rows.filter((r) => r.ticketId === d.backfill);
    expect(entered).toHaveLength(1);
    expect(entered[0]).toMatchObject({ kind: 'backfill', time: expect.stringMatching(/08:40/) });
    expect(entered[0]!.line).toContain('王芳 补单登记(实际受理时间 2026/12/06 23:30:00)');
    const dayLog = await loadLog(d.db, spanOf(d.day));
    expect(dayLog.entries.some((e) => e.ticketId === d.backfill)).toBe(false);
    // The daily report counts what was done on its day: the 6th's leaves out what was entered on the 7th.
    const sixth = await loadLog(d.db, { start: dayStart('2026-12-06', TZ), end: dayStart('2026-12-07', TZ) }, undefined, false);
    expect(sixth.entries.some((e) => e.ticketId === d.backfill)).toBe(false);
  });

  it('R-NIGHT-TRANSFER: a back-fill entered within the shift it was received in is listed once, at its save', async () => {
    const d = await desk();
    vi.setSystemTime(at('2026-12-07T08:45:00+08:00'));
    const { id } = await createTicket(d.db, d.store, TZ, request({ receivedAt: at('2026-12-07T08:10:00+08:00'), backfill: { reason: '对讲机报修' } }), d.clerkId, Date.now());
    const log = await loadLog(d.db, spanOf(shiftOn(DEFAULT_SHIFTS, TZ, '2026-12-07', 'day')!));
    expect(log.entries.filter((e) => e.ticketId === id)).toEqual([expect.objectContaining({ kind: 'backfill', savedAt: at('2026-12-07T08:45:00+08:00') })]);
    expect(log.entries.find((e) => e.ticketId === id)!.receivedHere).toBeUndefined();
  });
});
