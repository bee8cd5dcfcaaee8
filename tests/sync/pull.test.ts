import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { checkEvent } from '@shared/events/registry';
import { streams } from '@shared/events/envelope';
import { parseHlc } from '@shared/hlc';
import type { SyncClock } from '../../src/renderer/sync/engineTypes';
import { addNote, changeStatus } from '../../src/renderer/features/ticket/ticketCommands';
import { createTicket } from '../../src/renderer/features/intake/createTicket';
import { readMeta } from '../../src/renderer/db/meta';
import { joinedEstate, useSyncHub } from './support/estate';
import { pushRaw, rawTicket, stampAt } from './support/rawEvents';
import { snapshot } from './support/snapshot';
import { loggedEvents, loggedCount, loggedEvent } from '../../src/renderer/testing/testStation';
import { streamEvents } from '../../src/renderer/db/eventLog';

// Station-side pull failures of sync-research.md §3.1 against the real hub: F3, F4, F5, F7, F8, F12.

const CURSOR = 'sync:cursor';
const values = { channel: 'phone', kind: 'repair', urgency: 'normal', building: '3', room: '1502', callerName: '张三', callerPhone: '13800138000', description: '厨房漏水', paid: false, receivedAt: Date.now() } as const;

describe('pull failures', () => {
  const hub = useSyncHub();

  it('F7: a run cut after each page in turn never skips or half-applies a page: the events held are exactly those up to the cursor, and the last run completes the set', async () => {
    const estate = await joinedEstate(hub, 7, { names: ['front-desk', 'control-room'], pageLimit: 3 });
    const [fd, cr] = estate.stations;
    try {
      const now = Date.now();
      await pushRaw(estate.raw[0]!, Array.from({ length: 20 }, (_, i) => rawTicket(fd!.name, estate.manager, stampAt(now, i))));
      const onHub = await estate.raw[0]!.pullAll();
      for (let k = 1; k <= 30; k++) {
        cr!.net.cutAtPull = 1 + (k % 3);
        // The engine takes a transport that throws as the hub unreachable: the run ends there.
        const run = await cr!.sync();
        const finished = run !== 'cut' && run.ok;
        cr!.net.cutAtPull = null;
        // A restart between runs, as a killed renderer would have.
        if (k % 2) await cr!.restart();
        const cursor = (await readMeta<number>(cr!.db, CURSOR)) ?? 0;
        // Its own events (the join's station.configured) aside: those were saved here, not pulled.
        const held = new Set((await loggedEvents(cr!.db)).filter((e) => e.station !== cr!.name).map((e) => e.id));
        const upTo = onHub.filter((e) => (e.seq as number) <= cursor && e.station !== cr!.name).map((e) => e.id as string);
        expect(upTo.every((id) => held.has(id))).toBe(true);
        expect(held.size).toBe(upTo.length);
        if (finished) break;
      }
      expect(cr!.net.log.cuts).toBeGreaterThanOrEqual(5);
      await cr!.syncUntilQuiet();
      await fd!.syncUntilQuiet();
      expect(await snapshot(cr!.db)).toEqual(await snapshot(fd!.db));
      expect(await loggedCount(cr!.db)).toBe((await estate.raw[0]!.pullAll()).length);
      expect(await cr!.db.tickets.count()).toBe(20);
    } finally {
      estate.close();
    }
  });

  it('F3: a page whose last event fails to apply leaves the cursor, the data and the clock as they were; the next run applies it', async () => {
    const estate = await joinedEstate(hub, 3, { names: ['front-desk', 'control-room'], pageLimit: 2 });
    const [fd, cr] = estate.stations;
    try {
      const now = Date.now();
      // Four ordinary events, then one stamped 5 minutes ahead (within the 10 allowed): alone on the third page.
      const events = [...Array.from({ length: 4 }, (_, i) => rawTicket(fd!.name, estate.manager, stampAt(now, i))), rawTicket(fd!.name, estate.manager, stampAt(now + 5 * 60_000, 0))];
      await pushRaw(estate.raw[0]!, events);
      const failing = events[4]!;
      const failingTicket = failing.stream.slice('ticket:'.length);
      const hook = (_key: unknown, row: { id: string }) => {
        if (row.id === failingTicket) throw new Error('simulated: the fold write fails');
      };
      cr!.db.tickets.hook('creating', hook);
      const before = (await readMeta<number>(cr!.db, CURSOR)) ?? 0;
      const run = await cr!.sync();
      expect(run !== 'cut' && run.record.failure).toBe('local');
      const seqs = new Map((await estate.raw[0]!.pullAll()).map((e) => [e.id as string, e.seq as number]));
      expect(await readMeta<number>(cr!.db, CURSOR)).toBe(seqs.get(events[3]!.id));
      expect(before).toBeLessThan(seqs.get(events[3]!.id)!);
      expect(await loggedEvent(cr!.db, failing.id)).toBeUndefined();
      expect(await cr!.db.tickets.get(failingTicket)).toBeUndefined();
      // The clock did not take the failed page's stamp: a save now is stamped before it.
      const [note] = await cr!.store!.append([{ stream: streams.ticket(events[0]!.stream.slice(7)), type: 'ticket.noted', payload: { text: '已派人' } }], estate.manager);
      expect(note!.hlc < failing.hlc).toBe(true);
      cr!.db.tickets.hook('creating').unsubscribe(hook);
      await cr!.syncUntilQuiet();
      expect(await cr!.db.tickets.get(failingTicket)).toBeDefined();
      // Caught up: the cursor is the hub's last seq (the note saved meanwhile included).
      expect(await readMeta<number>(cr!.db, CURSOR)).toBe(Math.max(...(await estate.raw[0]!.pullAll()).map((e) => e.seq as number)));
    } finally {
      estate.close();
    }
  });

  it('F4: with a frozen clock, 2000 remote events of one millisecond (counters up to ffff) are taken with one receive per page, and a save still gets a later stamp', async () => {
    const frozen = Date.parse('2026-11-22T08:15:30.123Z');
    const estate = await joinedEstate(hub, 4, { names: ['front-desk', 'control-room'], pageLimit: 500, perStation: [{}, { frozenAt: frozen }] });
    const [fd, cr] = estate.stations;
    try {
      const events = Array.from({ length: 2000 }, (_, i) => rawTicket(fd!.name, estate.manager, stampAt(frozen, 0xffff - (i % 16))));
      await pushRaw(estate.raw[0]!, events);
      const received: string[] = [];
      const spy: SyncClock = { setClockOffset: (ms) => cr!.store!.setClockOffset(ms), receive: (hlc) => (received.push(hlc), cr!.store!.receive(hlc)) };
      cr!.engine.setClock(spy);
      await cr!.syncUntilQuiet();
      const pages = cr!.net.pullLog.filter((p) => p.events > 0 && p.limit === 500).length;
      expect(received.length).toBeLessThanOrEqual(pages);
      expect(received.length).toBeGreaterThanOrEqual(4);
      const max = events.map((e) => e.hlc).sort().at(-1)!;
      expect(received).toContain(max);
      const [saved] = await cr!.store!.append([{ stream: events[0]!.stream, type: 'ticket.noted', payload: { text: '已派人' } }], estate.manager);
      expect(saved!.hlc > max, `saved ${saved!.hlc}, max ${max}, offset ${cr!.store!.clockOffset()}, received ${received.join(' ')}`).toBe(true);
      expect(parseHlc(saved!.hlc)).not.toBeNull();
    } finally {
      estate.close();
    }
  });

  it('F5: events made offline arrive after newer ones: every station receives them and re-folds the stream to the same row', async () => {
    const estate = await joinedEstate(hub, 5, { names: ['front-desk', 'control-room'] });
    const [fd, cr] = estate.stations;
    try {
      const { id } = await createTicket(fd!.db, fd!.store!, 'Asia/Shanghai', values, estate.manager);
      await fd!.syncUntilQuiet();
      await cr!.syncUntilQuiet();
      cr!.net.down = true;
      await addNote(cr!.store!, id, '夜班已电话联系住户', estate.manager);
      await changeStatus(cr!.store!, id, 'closed', estate.manager);
      expect((await cr!.sync()) !== 'cut').toBe(true);
      // Meanwhile, later by the clock, the front desk works on it and syncs. Each station's clock
      // is corrected by its own measured offset to the hub (half a round trip of error each, more
      // under load), so "later" is waited for, not assumed: the front desk's corrected clock must
      // pass the control room's last stamp.
      const closedAt = parseHlc((await loggedEvents(cr!.db).then((es) => es.at(-1)))!.hlc)!.millis;
      while (Date.now() + fd!.store!.clockOffset() <= closedAt + 1) await new Promise((r) => setTimeout(r, 2));
      await changeStatus(fd!.store!, id, 'inProgress', estate.manager);
      await addNote(fd!.store!, id, '维修工上门', estate.manager);
      await fd!.syncUntilQuiet();
      await cr!.syncUntilQuiet();
      await fd!.syncUntilQuiet();
      const [a, b] = [await fd!.db.tickets.get(id), await cr!.db.tickets.get(id)];
      expect(a).toEqual(b);
      expect(a).toMatchObject({ status: 'inProgress' });
      expect((await streamEvents(cr!.db, `ticket:${id}`)).filter((e) => e.type === 'ticket.noted').length).toBe(2);
      expect((await snapshot(fd!.db)).events).toEqual((await snapshot(cr!.db)).events);
    } finally {
      estate.close();
    }
  });

  it('F8: a deleted cursor makes the station pull from 0: nothing duplicated, the same projections, and the cost bounded by paging', async () => {
    const estate = await joinedEstate(hub, 8, { names: ['front-desk', 'control-room'], pageLimit: 10 });
    const [fd, cr] = estate.stations;
    try {
      for (let i = 0; i < 25; i++) await createTicket(fd!.db, fd!.store!, 'Asia/Shanghai', values, estate.manager);
      await fd!.syncUntilQuiet();
      await cr!.syncUntilQuiet();
      const before = await snapshot(cr!.db);
      const onHub = await estate.raw[0]!.pullAll();
      await cr!.db.meta.delete(CURSOR);
      await cr!.restart();
      const pullsBefore = cr!.net.pullLog.length;
      await cr!.syncUntilQuiet();
      expect(await snapshot(cr!.db)).toEqual(before);
      expect(cr!.net.pullLog.slice(pullsBefore).filter((p) => p.after === 0)).toHaveLength(1);
      expect(cr!.net.pullLog.length - pullsBefore).toBeLessThanOrEqual(Math.ceil(onHub.length / 10) + 1);
      expect(await readMeta<number>(cr!.db, CURSOR)).toBe(Math.max(...onHub.map((e) => e.seq as number)));
      expect(await estate.raw[0]!.pullAll()).toEqual(onHub);
    } finally {
      estate.close();
    }
  });

  it('F12: events of a newer version (an unknown type, a payload this version refuses) are kept, not folded, counted "not understood", and folded once the station knows them', async () => {
    const escalate = (e: { type: string; payload: Record<string, unknown> }) => (e.type === 'ticket.escalated' ? { ok: true as const, payload: e.payload } : null);
    const estate = await joinedEstate(hub, 12, { names: ['front-desk', 'control-room'] });
    const [fd, cr] = estate.stations;
    try {
      const { id } = await createTicket(fd!.db, fd!.store!, 'Asia/Shanghai', values, estate.manager);
      await fd!.syncUntilQuiet();
      const now = Date.now();
      const newer = { ...rawTicket(fd!.name, estate.manager, stampAt(now, 1)), stream: streams.ticket(id), type: 'ticket.escalated', payload: { level: 2 } };
      const refused = { ...rawTicket(fd!.name, estate.manager, stampAt(now, 2)), stream: streams.ticket(id), type: 'ticket.noted', payload: { text: '', v2: true } };
      const ordinary = rawTicket(fd!.name, estate.manager, stampAt(now, 3));
      await pushRaw(estate.raw[0]!, [newer, refused, ordinary]);
      const run = await cr!.syncUntilQuiet();
      expect(run.record.notUnderstood).toBe(2);
      expect((await cr!.db.unknownEvents.toCollection().primaryKeys()).sort()).toEqual([newer.id, refused.id].sort());
      expect(await loggedEvent(cr!.db, newer.id)).toBeUndefined();
      expect(await cr!.db.tickets.get(ordinary.stream.slice(7))).toBeDefined();
      expect((await streamEvents(cr!.db, `ticket:${id}`)).filter((e) => e.type === 'ticket.noted').length).toBe(0);
      // "The upgrade": a version whose registry knows ticket.escalated starts on the same store.
      cr!.options.engine = { check: (e) => escalate(e) ?? checkEvent(e) };
      await cr!.restart();
      await cr!.syncUntilQuiet();
      expect(await loggedEvent(cr!.db, newer.id)).toMatchObject({ id: newer.id, type: 'ticket.escalated' });
      expect(await cr!.db.unknownEvents.toCollection().primaryKeys()).toEqual([refused.id]);
    } finally {
      estate.close();
    }
  });
});
