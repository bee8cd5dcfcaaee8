import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createTicket } from '../../src/renderer/features/intake/createTicket';
import { addNote } from '../../src/renderer/features/ticket/ticketCommands';
import { changeDeskSettings } from '../../src/renderer/features/settings/settingsCommands';
import { EventStore } from '../../src/renderer/db/eventStore';
import { lastHlc, type StationRecord } from '../../src/renderer/desk/boot';
import { readMeta } from '../../src/renderer/db/meta';
import { createSyncEngine } from '../../src/renderer/sync/syncEngine';
import { holdLeadership, SYNC_LOCK } from '../../src/renderer/sync/leader';
import { joinedEstate, useSyncHub } from './support/estate';
import { snapshot } from './support/snapshot';
import { loggedEvents } from '../../src/renderer/testing/testStation';
import { streamEvents } from '../../src/renderer/db/eventLog';

// Several loops and cloned identities (sync-research.md §3.1 F18, F20).

const values = { channel: 'phone', kind: 'repair', urgency: 'normal', building: '3', room: '1502', callerName: '张三', callerPhone: '13800138000', description: '厨房漏水', paid: false, receivedAt: Date.now() } as const;

/** A Web Lock manager as the browser has it: one holder per name, the others queued in order. */
function fakeLocks() {
  const queues = new Map<string, (() => void)[]>();
  const held = new Set<string>();
  const next = (name: string) => {
    const waiting = queues.get(name)?.shift();
    if (waiting) waiting();
    else held.delete(name);
  };
  return {
    request(name: string, callback: () => Promise<void>): Promise<unknown> {
      return new Promise((resolve, reject) => {
        const grant = () => {
          held.add(name);
          callback().then(resolve, reject).finally(() => next(name));
        };
        if (held.has(name)) queues.set(name, [...(queues.get(name) ?? []), grant]);
        else grant();
      });
    },
  };
}

describe('several loops, cloned identities', () => {
  const hub = useSyncHub();

  it('F18: with navigator.locks one tab leads; the next takes over when it closes', async () => {
    const locks = fakeLocks();
    const leaders: string[] = [];
    const releaseA = holdLeadership(() => leaders.push('A'), locks);
    const releaseB = holdLeadership(() => leaders.push('B'), locks);
    await new Promise((r) => setTimeout(r, 10));
    expect(leaders).toEqual(['A']);
    releaseA();
    await new Promise((r) => setTimeout(r, 10));
    expect(leaders).toEqual(['A', 'B']);
    releaseB();
    expect(SYNC_LOCK).toBe('dutydesk-sync');
  });

  it('F18: two loops on one database without the lock (two windows) run at once, repeatedly, while saves go on: the hub holds each id once and every station converges', async () => {
    const estate = await joinedEstate(hub, 18, { names: ['front-desk', 'control-room'], pageLimit: 4 });
    const [fd, cr] = estate.stations;
    const second = createSyncEngine({ db: cr!.db, transport: cr!.transport, clock: cr!.store, pageLimit: 3, pushBytes: 4096, now: cr!.now });
    try {
      const { id } = await createTicket(fd!.db, fd!.store!, 'Asia/Shanghai', values, estate.manager);
      await fd!.syncUntilQuiet();
      for (let round = 0; round < 6; round++) {
        await createTicket(fd!.db, fd!.store!, 'Asia/Shanghai', values, estate.manager);
        await fd!.sync();
        await Promise.all([
          cr!.engine.runOnce(), second.runOnce(),
          addNote(cr!.store!, id, `第${round}次回访`, estate.manager), createTicket(cr!.db, cr!.store!, 'Asia/Shanghai', values, estate.manager),
        ]);
      }
      await Promise.all([cr!.engine.runOnce(), second.runOnce()]);
      await cr!.syncUntilQuiet();
      await fd!.syncUntilQuiet();
      const onHub = (await estate.raw[0]!.pullAll()).map((e) => e.id as string);
      expect(new Set(onHub).size).toBe(onHub.length);
      const [a, b] = [await snapshot(fd!.db), await snapshot(cr!.db)];
      expect(b).toEqual(a);
      expect([...onHub].sort()).toEqual(a.events.map((e) => (e as { id: string }).id));
      expect((await streamEvents(fd!.db, `ticket:${id}`)).filter((e) => e.type === 'ticket.noted').length).toBe(6);
    } finally {
      second.dispose();
      estate.close();
    }
  });

  it('F20: two stations with one node id (a cloned disk) stamp two events with the same hlc: ids stay unique, the hub keeps both, and both stations fold them to the same settings', async () => {
    const estate = await joinedEstate(hub, 20, { names: ['front-desk', 'control-room'] });
    const [fd, cr] = estate.stations;
    try {
      for (let pass = 0; pass < 2; pass++) for (const station of estate.stations) await station.syncUntilQuiet();
      const fdRecord = (await readMeta<StationRecord>(fd!.db, 'station'))!;
      const crRecord = (await readMeta<StationRecord>(cr!.db, 'station'))!;
      // The clone: the same node id, the same log, the same (stopped) clock: the same next stamp.
      const frozen = () => Date.parse('2026-01-01T00:00:00.000Z');
      const resume = await lastHlc(fd!.db);
      expect(await lastHlc(cr!.db)).toBe(resume);
      const stores = [
        new EventStore(fd!.db, { name: fdRecord.stationName, code: fdRecord.stationCode, nodeId: fdRecord.nodeId }, resume, frozen),
        new EventStore(cr!.db, { name: crRecord.stationName, code: crRecord.stationCode, nodeId: fdRecord.nodeId }, resume, frozen),
      ];
      await changeDeskSettings(stores[0]!, { idleLockMinutes: 7 }, estate.manager);
      await changeDeskSettings(stores[1]!, { idleLockMinutes: 42 }, estate.manager);
      const [x] = await loggedEvents(fd!.db).then((es) => es.slice(-1));
      const [y] = await loggedEvents(cr!.db).then((es) => es.slice(-1));
      expect(x!.hlc).toBe(y!.hlc);
      expect(x!.id).not.toBe(y!.id);
      for (let pass = 0; pass < 2; pass++) for (const station of estate.stations) await station.syncUntilQuiet();
      const onHub = new Set((await estate.raw[0]!.pullAll()).map((e) => e.id as string));
      expect(onHub.has(x!.id) && onHub.has(y!.id)).toBe(true);
      const [a, b] = [await snapshot(fd!.db), await snapshot(cr!.db)];
      expect(b.events).toEqual(a.events);
      expect(b.projections.settings).toEqual(a.projections.settings);
      expect(b).toEqual(a);
    } finally {
      estate.close();
    }
  });
});
