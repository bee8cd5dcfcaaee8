import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatHlc, parseHlc } from '@shared/hlc';
import { itemLeftoverId, ticketLeftoverId } from '@shared/shifts/leftoverEvents';
import type { LeftoverRow } from '@shared/shifts/leftoverFold';
import { TEST_STATION, testDatabase, loggedCount, loggedEvents } from '../../testing/testStation';
import { project } from '../../db/projections';
import { setupStation } from '../setup/setupStation';
import { addStaff } from '../staff/staffCommands';
import { createTicket, type IntakeValues } from '../intake/createTicket';
import { changeStatus } from '../ticket/ticketCommands';
import { markItem, passOnItem, sortItem } from '../handover/handoverCommands';
import { fileOnce, itemFiling, ticketFiling } from './leftoverCommands';
import { LONG_OPEN_SHOWN, longOpenRequests } from './longOpenQueries';
import { streamEvents } from '../../db/eventLog';

// R-LEFTOVER on a real store: an item sorted 一时无法解决 is filed in the same save, once however
// often it is sorted or on however many stations; requests open for long are listed from an index
// range with a limit, without those already filed, and filed once.

const TZ = TEST_STATION.timeZone;
const DAY = 86_400_000;
const NOW = Date.parse('2026-12-06T19:50:00+08:00');
const SHIFT = { day: '2026-12-06', shiftId: 'day', startsAt: Date.parse('2026-12-06T08:00:00+08:00') };
const request = (values: Partial<IntakeValues> = {}): IntakeValues => ({
  channel: 'phone', kind: 'repair', urgency: 'normal', building: '3', room: '1502', callerName: '张三',
  callerPhone: '13800138000', description: '厨房水管漏水', paid: false, receivedAt: Date.now(), ...values,
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW - 60 * DAY);
});
afterEach(() => {
  vi.useRealTimers();
});

async function desk() {
  const db = testDatabase();
  const { store, managerId } = await setupStation(db, TEST_STATION);
  const clerk = await addStaff(db, store, { name: '王芳', role: 'clerk', language: 'zh-CN', pin: '1234' }, managerId);
  /** A request saved at `savedAt` (received then, or at `receivedAt` for a back-fill). */
  const open = async (savedAt: number, values: Partial<IntakeValues> = {}) => {
    vi.setSystemTime(savedAt);
    return createTicket(db, store, TZ, request({ receivedAt: savedAt, ...values }), clerk, savedAt);
  };
  return { db, store, clerk, open };
}

describe('R-LEFTOVER: a handover item that cannot be solved for now is filed', () => {
  it('R-LEFTOVER: sorting an item 一时无法解决 files it in the same save, with its text, shift and request', async () => {
    const { db, store, clerk, open } = await desk();
    const ticket = await open(NOW - 2 * DAY);
    vi.setSystemTime(NOW);
    const itemId = await passOnItem(db, store, SHIFT, { text: '5栋电梯配件未到,厂家下周来', ticketId: ticket.id, ticketNumber: ticket.number }, clerk, NOW);
    const before = await loggedCount(db);
    await sortItem(db, store, SHIFT, itemId, 'notNow', clerk, TZ, NOW);
    const written = await loggedEvents(db).then((es) => es.slice(-2).reverse());
    expect(await loggedCount(db)).toBe(before + 2);
    // One save: the sort and the filing carry consecutive stamps of one append.
    expect(written.map((e) => e.type).sort()).toEqual(['handover.itemSorted', 'leftover.filed']);
    // An item naming a request is filed as that request's issue: the long-open list then leaves it out.
    expect(await db.leftovers.get(itemLeftoverId(itemId))).toBeUndefined();
    expect(await db.leftovers.get(ticketLeftoverId(ticket.id))).toMatchObject({
      open: 1, month: '2026-12', text: '5栋电梯配件未到,厂家下周来', fromShift: '2026-12-06|day', fromTicket: { id: ticket.id, number: ticket.number }, filedBy: clerk,
    });
    expect(await fileOnce(db, store, TZ, [ticketFiling(ticket)], clerk, NOW + 1000)).toBe(0);
  });

  it('R-LEFTOVER: sorted 一时无法解决 twice (or urgent, then back), or filed by hand too, it is filed once', async () => {
    const { db, store, clerk } = await desk();
    vi.setSystemTime(NOW);
    const itemId = await passOnItem(db, store, SHIFT, { text: '天台防水层起鼓' }, clerk, NOW);
    await sortItem(db, store, SHIFT, itemId, 'notNow', clerk, TZ, NOW);
    await sortItem(db, store, SHIFT, itemId, 'urgent', clerk, TZ, NOW + 1000);
    await sortItem(db, store, SHIFT, itemId, 'notNow', clerk, TZ, NOW + 2000);
    const log = (await db.shifts.get('2026-12-06|day')) as { items: { urgency?: string }[] };
    expect(await fileOnce(db, store, TZ, [itemFiling({ id: itemId, text: '天台防水层起鼓' }, SHIFT)], clerk, NOW + 3000)).toBe(0);
    const filings = (await streamEvents(db, `leftover:${itemLeftoverId(itemId)}`));
    expect(filings).toHaveLength(1);
    expect(log.items[0]?.urgency).toBe('notNow');
  });

  it('R-LEFTOVER: an urgent or normal item is not filed; any item not yet OK may be filed by hand; an OK item is not sorted again', async () => {
    const { db, store, clerk } = await desk();
    vi.setSystemTime(NOW);
    const urgent = await passOnItem(db, store, SHIFT, { text: '电梯困人' }, clerk, NOW);
    const done = await passOnItem(db, store, SHIFT, { text: '路灯不亮' }, clerk, NOW);
    await sortItem(db, store, SHIFT, urgent, 'urgent', clerk, TZ, NOW);
    expect(await db.leftovers.get(itemLeftoverId(urgent))).toBeUndefined();
    expect(await fileOnce(db, store, TZ, [itemFiling({ id: urgent, text: '电梯困人' }, SHIFT)], clerk, NOW)).toBe(1);
    expect(await db.leftovers.get(itemLeftoverId(urgent))).toMatchObject({ text: '电梯困人', fromShift: '2026-12-06|day' });
    await sortItem(db, store, SHIFT, done, 'normal', clerk, TZ, NOW);
    await markItem(db, store, SHIFT, done, 'ok', undefined, clerk, NOW);
    await expect(sortItem(db, store, SHIFT, done, 'notNow', clerk, TZ, NOW)).rejects.toMatchObject({ code: 'settled' });
    // The refused save wrote neither the sort nor the filing.
    expect(await db.leftovers.get(itemLeftoverId(done))).toBeUndefined();
  });

  it('R-LEFTOVER: two stations filing the same item, in either arrival order, leave one issue (the first filing)', async () => {
    const { db, store, clerk } = await desk();
    vi.setSystemTime(NOW);
    const itemId = await passOnItem(db, store, SHIFT, { text: '地下车库照明不足' }, clerk, NOW);
    await sortItem(db, store, SHIFT, itemId, 'notNow', clerk, TZ, NOW);
    const id = itemLeftoverId(itemId);
    const ours = (await db.leftovers.get(id)) as LeftoverRow;
    const millis = parseHlc(ours.lastHlc)!.millis;
    const remote = (n: number, offset: number, text: string) => ({
      id: `remote-${n}`, stream: `leftover:${id}`, type: 'leftover.filed', hlc: formatHlc({ millis: millis + offset, counter: 0, node: '00000000000000cc' }),
      station: 'control-room', actor: clerk, payload: { at: NOW + offset, month: '2026-12', text, fromShift: '2026-12-06|day' },
    });
    // The control room's filing stamped after ours, then one stamped before ours (it re-folds).
    for (const event of [remote(1, 5_000, '后到的登记'), remote(2, -5_000, '先到的登记')]) {
      await db.transaction('rw', db.tables, async () => {
        await db.events.add(event);
        await project(db, event);
      });
    }
    const rows = await db.leftovers.where('[open+month]').equals([1, '2026-12']).toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id, text: '先到的登记' });
  });
});

describe('R-LEFTOVER: requests open for long', () => {
  it('R-LEFTOVER: lists the open requests received before the cutoff, a back-fill by its received time; not the recent, done or filed ones', async () => {
    const { db, store, clerk, open } = await desk();
    const old = await open(NOW - 10 * DAY, { description: '外墙渗水' });
    const resolved = await open(NOW - 12 * DAY);
    const closed = await open(NOW - 12 * DAY);
    const filed = await open(NOW - 20 * DAY);
    const recent = await open(NOW - 2 * DAY);
    const backfill = await open(NOW - DAY, { receivedAt: NOW - 9 * DAY, backfill: { reason: '夜班纸质登记' } });
    const recentBackfill = await open(NOW - DAY, { receivedAt: NOW - 3 * DAY, backfill: { reason: '夜班纸质登记' } });
    vi.setSystemTime(NOW);
    await changeStatus(store, resolved.id, 'resolved', clerk);
    await changeStatus(store, closed.id, 'closed', clerk);
    await fileOnce(db, store, TZ, [ticketFiling({ id: filed.id, number: filed.number, description: '消防栓漏水' })], clerk, NOW);
    const list = await longOpenRequests(db, NOW, 7);
    expect(list.requests.map((t) => t.id)).toEqual([old.id, backfill.id]);
    expect(list.more).toBe(false);
    expect(list.requests.map((t) => t.id)).not.toContain(recent.id);
    expect(list.requests.map((t) => t.id)).not.toContain(recentBackfill.id);
    // A shorter setting reaches the recent ones too.
    expect((await longOpenRequests(db, NOW, 1)).requests.map((t) => t.id)).toEqual([old, backfill, recentBackfill, recent].map((t) => t.id));
  });

  it('R-LEFTOVER: shows the first 50 and says "more", read through index ranges with limits (no whole table, no count)', async () => {
    const { db, store, clerk, open } = await desk();
    const tickets = [];
    for (let i = 0; i < LONG_OPEN_SHOWN + 3; i++) tickets.push(await open(NOW - 30 * DAY + i * 60_000));
    const where = vi.spyOn(db.tickets, 'where');
    const toArray = vi.spyOn(db.tickets, 'toArray');
    const count = vi.spyOn(db.tickets, 'count');
    const list = await longOpenRequests(db, NOW, 7);
    expect(list.requests).toHaveLength(LONG_OPEN_SHOWN);
    expect(list.requests[0]?.id).toBe(tickets[0]?.id);
    expect(list.more).toBe(true);
    expect(where.mock.calls.every(([index]) => index === '[active+createdAt]')).toBe(true);
    expect(toArray).not.toHaveBeenCalled();
    expect(count).not.toHaveBeenCalled();
    // "All listed" files those 50 in one save; the rest are then listed, and "more" is gone.
    vi.setSystemTime(NOW);
    expect(await fileOnce(db, store, TZ, list.requests.map(ticketFiling), clerk, NOW)).toBe(LONG_OPEN_SHOWN);
    const rest = await longOpenRequests(db, NOW, 7);
    expect(rest.requests.map((t) => t.id)).toEqual(tickets.slice(LONG_OPEN_SHOWN).map((t) => t.id));
    expect(rest.more).toBe(false);
    // Filed again (another station's list, a double click): nothing more is written.
    const events = await loggedCount(db);
    expect(await fileOnce(db, store, TZ, list.requests.map(ticketFiling), clerk, NOW)).toBe(0);
    expect(await loggedCount(db)).toBe(events);
    expect(await db.leftovers.get(ticketLeftoverId(tickets[0]!.id))).toMatchObject({ open: 1, month: '2026-12', fromTicket: { id: tickets[0]!.id, number: tickets[0]!.number } });
  });

  it('R-LEFTOVER: more than a page of filed requests before the unfiled ones: these are still listed', async () => {
    const { db, store, clerk, open } = await desk();
    const tickets = [];
    for (let i = 0; i < 130; i++) tickets.push(await open(NOW - 40 * DAY + i * 60_000, { description: `报修 ${i}` }));
    vi.setSystemTime(NOW);
    await fileOnce(db, store, TZ, tickets.slice(0, 125).map((t) => ticketFiling({ ...t, description: '已登记' })), clerk, NOW);
    const list = await longOpenRequests(db, NOW, 7);
    expect(list.requests.map((t) => t.id)).toEqual(tickets.slice(125).map((t) => t.id));
    expect(list.more).toBe(false);
  }, 30_000);
});
