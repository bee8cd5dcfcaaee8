import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { parseHlc } from '@shared/hlc';
import { TICKET_NOTED } from '@shared/tickets/ticketEvents';
import { DeskDatabase } from '../db/database';
import { schemaV11 } from '../db/schema';
import { readMeta } from '../db/meta';
import { boot, CLOCK_OFFSET_KEY, lastHlc, openStore, type StationRecord } from '../desk/boot';
import { testDatabase, TEST_STATION, loggedEvents, loggedEvent } from '../testing/testStation';
import { completeJoin, deriveStationCode, joinReadiness } from '../features/setup/joinEstate';
import { FakeHub } from './fakeHub';
import { emptyStation, foundingStation, rows } from './syncTestKit';
import { feedJournal } from './journalFeed';
import { checkInstance } from './recovery';
import { createSyncEngine } from './syncEngine';
import { holdLeadership } from './leader';
import { META } from './syncMeta';

const YEAR = 365 * 24 * 3600_000;
const millis = (hlc: string) => parseHlc(hlc)!.millis;

describe('sync: the clock', () => {
  it('F1: the hub offset corrects new stamps, and is kept for the next start', async () => {
    const hub = new FakeHub();
    hub.offsetMs = 3600_000;
    const a = await foundingStation(hub);
    await a.engine.runOnce();
    const [event] = await a.store.append([{ stream: 'ticket:x', type: TICKET_NOTED, payload: { text: '时钟' } }], a.managerId).catch(() => [null]);
    const stamp = event ? event.hlc : (await a.openTicket(), (await loggedEvents(a.db).then((es) => es.at(-1)))!.hlc);
    expect(Math.abs(millis(stamp) - (Date.now() + 3600_000))).toBeLessThan(60_000);
    expect(await readMeta(a.db, CLOCK_OFFSET_KEY)).toBe(3600_000);
    expect(a.engine.status().clockOffsetMs).toBe(3600_000);
  });

  it('F2: a remote stamp a year ahead drags neither the clock nor, after a restart, the resumed clock', async () => {
    const hub = new FakeHub();
    const a = await foundingStation(hub);
    const ticket = await a.openTicket();
    await a.engine.runOnce();
    const future = new Date(Date.now() + YEAR).toISOString();
    hub.push('control-room', [{ id: 'future-note', stream: `ticket:${ticket}`, type: TICKET_NOTED, hlc: `${future}-0000-00000000000000aa`, station: 'control-room', actor: a.managerId, payload: { text: '来自未来' } }], false);
    expect((await a.engine.runOnce()).record.failure).toBeNull();
    expect(await loggedEvent(a.db, 'future-note')).toBeDefined();
    await a.openTicket();
    const latestOwn = (await loggedEvents(a.db)).filter((e) => e.station === 'front-desk').map((e) => e.hlc).sort().at(-1)!;
    expect(millis(latestOwn)).toBeLessThan(Date.now() + 60_000);
    // A restart resumes from our own latest stamp, not the year-ahead one.
    const resume = await lastHlc(a.db);
    expect(millis(resume!)).toBeLessThan(Date.now() + 60_000);
    const station = (await readMeta<StationRecord>(a.db, 'station'))!;
    const restarted = await openStore(a.db, station);
    const [next] = await restarted.append([{ stream: `ticket:${ticket}`, type: TICKET_NOTED, payload: { text: '重启后' } }], a.managerId);
    expect(millis(next!.hlc)).toBeLessThan(Date.now() + 60_000);
  });
});

describe('sync: the journal feed', () => {
  it('F14: a save goes to the host journal after the commit, then asks for a run: soon, or now for an urgent ticket; a failed append is retried', async () => {
    const hub = new FakeHub();
    const a = await foundingStation(hub);
    const feed = feedJournal(a.store, a.transport, () => undefined, 1);
    await a.openTicket({ urgency: 'normal' });
    await feed.flushed();
    expect(a.transport.journal).toHaveLength(1);
    expect(a.transport.requests).toEqual(['soon']);
    a.transport.failJournal = 1;
    await a.openTicket({ urgency: 'urgent' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    await feed.flushed();
    expect(a.transport.journal).toHaveLength(2);
    expect(a.transport.requests).toEqual(['soon', 'now']);
    expect(await a.db.outbox.count()).toBe(6);
    feed.stop();
  });
});

describe('sync: a reset store (F14)', () => {
  it('a wiped store is noticed, gets its station back from the host, replays the journal into log and outbox, and refills from the hub', async () => {
    const hub = new FakeHub();
    const a = await foundingStation(hub);
    const feed = feedJournal(a.store, a.transport, () => undefined, 1);
    await checkInstance(a.db, a.transport);
    await a.openTicket();
    await a.engine.runOnce(); // setup and the first ticket reach the hub
    a.transport.down = true;
    const unsynced = await a.openTicket({ description: '还没同步的请求' });
    await feed.flushed();
    feed.stop();
    expect(a.transport.journal.length).toBeGreaterThan(0);
    const expected = await rows(a.db, 'tickets');
    // IndexedDB wiped: a new empty database, the same host.
    const wiped = testDatabase();
    const booted = await boot(wiped, { check: (db) => checkInstance(db, a.transport) });
    expect(booted.reset).toBe(true);
    expect(booted.station).toMatchObject({ stationName: 'front-desk', stationCode: 'FD' });
    expect((await loggedEvents(wiped)).some((e) => e.stream === `ticket:${unsynced}`)).toBe(true);
    expect(await wiped.outbox.count()).toBe(a.transport.journal.length);
    a.transport.down = false;
    const engine = createSyncEngine({ db: wiped, transport: a.transport, clock: booted.store });
    expect((await engine.runOnce()).record.failure).toBeNull();
    expect(engine.status().resetDetectedAt).toEqual(expect.any(Number));
    expect(await rows(wiped, 'tickets')).toEqual(expected);
    expect(hub.events.some((e) => e.payload.description === '还没同步的请求')).toBe(true);
    // The next boot of the same store is not a reset.
    expect((await checkInstance(wiped, a.transport)).reset).toBe(false);
    // The notice stays, across a restart, until someone reads and closes it.
    const restarted = createSyncEngine({ db: wiped, transport: a.transport });
    await expect.poll(() => restarted.status().resetDetectedAt).toEqual(expect.any(Number));
    await restarted.dismissReset();
    expect(restarted.status().resetDetectedAt).toBeNull();
    const again = createSyncEngine({ db: wiped, transport: a.transport });
    await again.runOnce();
    expect(again.status().resetDetectedAt).toBeNull();
  });
});

describe('sync: joining an estate', () => {
  it('a new station pulls the estate, is ready once configuration and staff are here, and takes a code of its own', async () => {
    const hub = new FakeHub();
    const a = await foundingStation(hub);
    await a.engine.runOnce();
    const b = emptyStation(hub, 'control-room');
    expect((await joinReadiness(b.db)).ready).toBe(false);
    await b.engine.runOnce();
    expect(b.transport.pushes).toEqual([]);
    const readiness = await joinReadiness(b.db);
    expect(readiness).toMatchObject({ ready: true, codes: ['FD'], staffWithPin: 1, estate: { estateName: TEST_STATION.estateName, timeZone: 'Asia/Shanghai' } });
    const { store, station } = await completeJoin(b.db, { stationName: 'control-room' });
    expect(station).toMatchObject({ stationName: 'control-room', stationCode: 'CONT', estateName: TEST_STATION.estateName, countryCode: '86', areaCode: '755' });
    expect(store.station.nodeId).not.toBe((await readMeta<StationRecord>(a.db, 'station'))!.nodeId);
    expect(await b.db.staff.get(a.managerId)).toMatchObject({ name: TEST_STATION.managerName });
    expect(await b.engine.runOnce().then((r) => r.record.pushed)).toBe(1);
    expect(deriveStationCode('front-desk', ['FRON'])).toBe('FRON2');
    expect(deriveStationCode('1号岗', [])).toMatch(/^[A-Z][A-Z0-9]{1,5}$/);
  });
});

describe('sync: schema v12', () => {
  it('upgrades a v11 store: outbox rows keep and are read in hlc order; quarantine and unknownEvents exist', async () => {
    const name = `upgrade-${Math.random()}`;
    const old = new Dexie(name);
    old.version(11).stores(schemaV11);
    await old.open();
    await old.table('outbox').bulkAdd([{ id: 'b', hlc: '2026-01-02T00:00:00.000Z-0000-0000000000000001' }, { id: 'a', hlc: '2026-01-03T00:00:00.000Z-0000-0000000000000001' }, { id: 'c', hlc: '2026-01-01T00:00:00.000Z-0000-0000000000000001' }]);
    old.close();
    const db = new DeskDatabase(name);
    await db.open();
    expect((await db.outbox.orderBy('hlc').toArray()).map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(await db.quarantine.count()).toBe(0);
    expect(await db.unknownEvents.count()).toBe(0);
    db.close();
  });
});

describe('sync: one loop per workstation (F18)', () => {
  it('the second page waits for the lock and leads once the first releases it; without locks every page runs', async () => {
    const queue: (() => Promise<void>)[] = [];
    let busy = false;
    const locks = {
      request(_name: string, callback: () => Promise<void>) {
        const run = async () => {
          busy = true;
          await callback();
          busy = false;
          queue.shift()?.();
        };
        if (busy) return new Promise<void>((resolve) => queue.push(() => run().then(resolve)));
        return run();
      },
    };
    const led: string[] = [];
    const releaseFirst = holdLeadership(() => led.push('first'), locks);
    holdLeadership(() => led.push('second'), locks);
    await Promise.resolve();
    expect(led).toEqual(['first']);
    releaseFirst();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(led).toEqual(['first', 'second']);
    const alone: string[] = [];
    holdLeadership(() => alone.push('ran'), undefined);
    expect(alone).toEqual(['ran']);
  });
});

void META;
