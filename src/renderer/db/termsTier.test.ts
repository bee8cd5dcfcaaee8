import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '@shared/tickets/ticketFold';
import { TEST_STATION, testDatabase } from '../testing/testStation';
import { setupStation } from '../features/setup/setupStation';
import { createTicket, type IntakeValues } from '../features/intake/createTicket';
import { changeStatus } from '../features/ticket/ticketCommands';
import { queryQueue, type QueueScope } from '../features/queue/queueQuery';
import { FakeHub } from '../sync/fakeHub';
import { emptyStation, foundingStation, rows } from '../sync/syncTestKit';
import type { DeskDatabase } from './database';
import { mergeFreshTerms } from './termsTier';
import { startTermsMerger } from './termsMerger';

// Issue 13: a ticket written lately keeps its search terms in a small fresh region of the term
// index, merged into the big rest when the desk is idle. Whichever tier a ticket is in, search
// finds it the same way, a masked role still cannot find it by number (S6), and every reader
// sees the row as the fold made it.

const leak: IntakeValues = {
  channel: 'phone', kind: 'repair', urgency: 'normal', building: '3', room: '1502', callerName: '张三',
  callerPhone: '13812345678', description: '厨房漏水', paid: false, receivedAt: Date.parse('2026-11-22T08:00:00Z'),
};

type Stored = Ticket & { fresh?: string[] };

/** The row as IndexedDB holds it (no reading hook). */
async function stored(db: DeskDatabase, id: string): Promise<Stored> {
  return (await db.tickets.where(':id').equals(id).raw().first())!;
}

/** Fresh: no term key in the row, its terms aside and in a record of the fresh tier. */
const inFreshTier = (row: Stored) => row.terms.length === 0 && (row.fresh?.length ?? 0) > 0;
const inBigIndex = (row: Stored) => row.terms.length > 0 && row.fresh === undefined;

/** Merges until the fresh tier is empty, `max` tickets a transaction; how many moved. */
async function mergeAll(db: DeskDatabase, max = 25): Promise<number> {
  let moved = 0;
  for (let step = await mergeFreshTerms(db, max); !step.done; step = await mergeFreshTerms(db, max)) moved += step.moved;
  return moved;
}

async function found(db: DeskDatabase, search: string, scope: QueueScope, phones = false): Promise<string[]> {
  return (await queryQueue(db, { kind: null, scope, search, limit: 50, phones })).tickets.map((t) => t.id);
}

/** What a clerk would search for the leak, in each scope it should or should not show in. */
async function searches(db: DeskDatabase, id: string, open: boolean) {
  const mine = open ? 'active' : 'closed';
  const other = open ? 'closed' : 'active';
  for (const [query, scope, phones, hit] of [
    ['漏水', mine, false, true], ['漏水', 'all', false, true], ['漏水', other, false, false],
    ['厨房 漏水', mine, false, true], ['3栋1502', mine, false, true], ['3-15', 'all', false, true], ['张三', 'all', false, true],
    ['13812345678', 'all', false, false], ['1381234', 'all', false, false], ['13812345678', 'all', true, true], ['1381234', mine, true, true],
    ['停电', 'all', false, false],
  ] as const) {
    expect(await found(db, query, scope, phones), `${query} (${scope}${phones ? ', may unmask' : ''})`).toEqual(hit ? [id] : []);
  }
}

describe('the fresh tier of the search terms', () => {
  it('a new request is in the fresh tier, found as any other; merged, it is in the big index and found the same', async () => {
    const db = testDatabase();
    const { store, managerId } = await setupStation(db, TEST_STATION);
    const { id } = await createTicket(db, store, TEST_STATION.timeZone, leak, managerId);
    const fresh = await stored(db, id);
    expect(inFreshTier(fresh)).toBe(true);
    const records = await db.freshTerms.toArray();
    expect(records.map((r) => r.ids)).toEqual([[id]]);
    expect(new Set(records[0]!.terms)).toEqual(new Set(fresh.fresh));
    // Every reader sees the terms as the fold made them.
    const read = (await db.tickets.get(id))!;
    expect(read.terms).toEqual(fresh.fresh);
    expect('fresh' in read).toBe(false);
    expect((await db.tickets.toArray())[0]).toEqual(read);
    await searches(db, id, true);

    expect(await mergeAll(db)).toBe(1);
    const merged = await stored(db, id);
    expect(inBigIndex(merged)).toBe(true);
    expect(merged).toEqual(read);
    expect(await db.freshTerms.count()).toBe(0);
    await searches(db, id, true);
    expect(await mergeAll(db)).toBe(0);
  });

  it('a fresh request closed stays fresh; a merged one closed stays in the big index; both are found as closed', async () => {
    const db = testDatabase();
    const { store, managerId } = await setupStation(db, TEST_STATION);
    const a = (await createTicket(db, store, TEST_STATION.timeZone, leak, managerId)).id;
    expect(await mergeAll(db)).toBe(1);
    const b = (await createTicket(db, store, TEST_STATION.timeZone, { ...leak, description: '客厅停电' }, managerId)).id;
    await changeStatus(store, a, 'closed', managerId);
    await changeStatus(store, b, 'closed', managerId);
    expect(inBigIndex(await stored(db, a))).toBe(true);
    expect(inFreshTier(await stored(db, b))).toBe(true);
    expect((await db.tickets.get(b))!.active).toBe(0);
    expect(await found(db, '漏水', 'closed')).toEqual([a]);
    expect(await found(db, '停电', 'closed')).toEqual([b]);
    expect(await found(db, '13812345678', 'closed')).toEqual([]);
    expect((await found(db, '13812345678', 'closed', true)).sort()).toEqual([a, b].sort());
    expect(await found(db, '漏水', 'active')).toEqual([]);
    // Newest first across both tiers.
    expect(await found(db, '张三', 'all')).toEqual([b, a]);
  });

  it('merges a pulled page\'s record in batches, found all along', async () => {
    const hub = new FakeHub();
    const a = await foundingStation(hub);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await a.openTicket({ room: String(1500 + i) }));
    expect((await a.engine.runOnce()).ok).toBe(true);
    const b = emptyStation(hub, 'control-room');
    expect((await b.engine.runOnce()).ok).toBe(true);
    // One page: one record naming the seven.
    expect((await b.db.freshTerms.toArray()).map((r) => r.ids.length)).toEqual([7]);
    expect(await mergeFreshTerms(b.db, 3)).toEqual({ moved: 3, done: false });
    expect((await found(b.db, '漏水', 'all')).length).toBe(7);
    expect(await mergeFreshTerms(b.db, 3)).toEqual({ moved: 3, done: false });
    expect(await mergeFreshTerms(b.db, 3)).toEqual({ moved: 1, done: false });
    expect(await mergeFreshTerms(b.db, 3)).toEqual({ moved: 0, done: true });
    for (const id of ids) expect(inBigIndex(await stored(b.db, id)), id).toBe(true);
    expect((await found(b.db, '漏水', 'all')).length).toBe(7);
  });

  it('a save between merge batches is neither lost nor left out', async () => {
    const db = testDatabase();
    const { store, managerId } = await setupStation(db, TEST_STATION);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await createTicket(db, store, TEST_STATION.timeZone, { ...leak, room: String(1500 + i) }, managerId)).id);
    expect(await mergeFreshTerms(db, 1)).toEqual({ moved: 1, done: false });
    // The first, merged, and the third, still fresh, are closed: one stays in the big index, the other fresh (a second record names it).
    await changeStatus(store, ids[0]!, 'closed', managerId);
    await changeStatus(store, ids[2]!, 'closed', managerId);
    expect(inBigIndex(await stored(db, ids[0]!))).toBe(true);
    expect(inFreshTier(await stored(db, ids[2]!))).toBe(true);
    expect((await found(db, '漏水', 'closed')).sort()).toEqual([ids[0], ids[2]].sort());
    expect((await found(db, '漏水', 'active')).sort()).toEqual([ids[1], ids[3]].sort());
    expect(await mergeAll(db, 3)).toBe(3);
    for (const id of ids) expect(inBigIndex(await stored(db, id)), id).toBe(true);
    expect(await db.freshTerms.count()).toBe(0);
    expect((await found(db, '漏水', 'closed')).sort()).toEqual([ids[0], ids[2]].sort());
    expect((await found(db, '漏水', 'active')).sort()).toEqual([ids[1], ids[3]].sort());
  });

  it('the merger runs only while the desk is idle and it may, and stops when someone is back', async () => {
    const db = testDatabase();
    const { store, managerId } = await setupStation(db, TEST_STATION);
    for (let i = 0; i < 5; i++) await createTicket(db, store, TEST_STATION.timeZone, { ...leak, room: String(1500 + i) }, managerId);
    const flags = { busy: true, allowed: true };
    let checks = 0;
    const merger = startTermsMerger(db, {
      busy: () => {
        // Someone comes back to the desk after the second batch.
        if (++checks === 3) flags.busy = true;
        return flags.busy;
      },
      allowed: () => flags.allowed,
      everyMs: 3_600_000,
      batch: 2,
    });
    try {
      expect(await merger.runNow()).toBe(0);
      flags.busy = false;
      flags.allowed = false;
      expect(await merger.runNow()).toBe(0);
      flags.allowed = true;
      checks = 0;
      expect(await merger.runNow()).toBe(4);
      flags.busy = false;
      expect(await merger.runNow()).toBe(1);
      const all = await db.tickets.where(':id').above('').raw().toArray();
      expect(all.every(inBigIndex)).toBe(true);
    } finally {
      merger.stop();
    }
  });

  it('a first pull puts the tickets of pages with more to come into the big index, the last page\'s into the fresh tier; the rows read the same', async () => {
    const hub = new FakeHub();
    const a = await foundingStation(hub);
    for (let i = 0; i < 6; i++) await a.openTicket({ room: String(1500 + i) });
    expect((await a.engine.runOnce()).ok).toBe(true);
    const b = emptyStation(hub, 'control-room', { pageLimit: 4 });
    expect((await b.engine.runOnce()).ok).toBe(true);
    const raw = await b.db.tickets.where(':id').above('').raw().toArray();
    expect(raw).toHaveLength(6);
    expect(raw.filter(inBigIndex).length).toBeGreaterThan(0);
    expect(raw.filter(inFreshTier).length).toBeGreaterThan(0);
    expect(raw.every((row) => inBigIndex(row) || inFreshTier(row))).toBe(true);
    expect(await rows(b.db, 'tickets')).toEqual(await rows(a.db, 'tickets'));
    expect(await found(b.db, '漏水', 'active')).toEqual(await found(a.db, '漏水', 'active'));
  });
});
