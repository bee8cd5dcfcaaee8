import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SaveError } from '../../src/renderer/db/eventStore';
import { readMeta } from '../../src/renderer/db/meta';
import { createTicket } from '../../src/renderer/features/intake/createTicket';
import { joinedEstate, useSyncHub } from './support/estate';
import { snapshot } from './support/snapshot';
import { loggedCount, loggedEvents } from '../../src/renderer/testing/testStation';

// The station's own store failing under sync (sync-research.md §3.1 F14, F15, F17). F13 (a schema
// upgrade blocked by another window) is covered where the database is: src/renderer/db/
// permissions.test.ts "S18: the old connection closes on versionchange ...".

const values = { channel: 'phone', kind: 'repair', urgency: 'normal', building: '3', room: '1502', callerName: '张三', callerPhone: '13800138000', description: '厨房漏水', paid: false, receivedAt: Date.now() } as const;
const quota = () => new DOMException('simulated: the disk is full', 'QuotaExceededError');

describe('the station store under sync', () => {
  const hub = useSyncHub();

  it('F14: a wiped IndexedDB is noticed at the next start (instance id against the host\'s record), said on screen, refilled from the journal and the hub; events saved offline are not lost', async () => {
    const estate = await joinedEstate(hub, 14, { names: ['front-desk', 'control-room'] });
    const [fd, cr] = estate.stations;
    try {
      await createTicket(cr!.db, cr!.store!, 'Asia/Shanghai', values, estate.manager);
      await cr!.syncUntilQuiet();
      // Saved while the hub is unreachable: only in IndexedDB and the host's journal.
      cr!.net.down = true;
      const offline = await createTicket(cr!.db, cr!.store!, 'Asia/Shanghai', { ...values, description: '停电' }, estate.manager);
      await createTicket(fd!.db, fd!.store!, 'Asia/Shanghai', { ...values, description: '电梯困人' }, estate.manager);
      await fd!.syncUntilQuiet();
      const identity = await readMeta(cr!.db, 'station');
      // The store is lost between runs (Electron reset its LevelDB).
      cr!.close();
      await Dexie.delete(cr!.dbName);
      await cr!.open();
      expect(cr!.instanceCheck).toMatchObject({ reset: true, replayed: expect.any(Number) });
      expect(cr!.instanceCheck!.replayed).toBeGreaterThanOrEqual(1);
      expect(cr!.engine.status().resetDetectedAt ?? (await readMeta<number>(cr!.db, 'sync:resetAt'))).toBeTypeOf('number');
      expect(await readMeta(cr!.db, 'station')).toEqual(identity);
      // Back in the log at once (folded once its actor's staff row has come back from the hub).
      expect(await loggedEvents(cr!.db).then((es) => es.filter((e) => e.stream === `ticket:${offline.id}`).length)).toBe(1);
      expect(await cr!.db.outbox.count()).toBeGreaterThanOrEqual(1);
      await cr!.syncUntilQuiet();
      await fd!.syncUntilQuiet();
      expect(await snapshot(cr!.db)).toEqual(await snapshot(fd!.db));
      expect(await fd!.db.tickets.get(offline.id)).toBeDefined();
      const ids = (await estate.raw[0]!.pullAll()).map((e) => e.id as string);
      expect(new Set(ids).size).toBe(ids.length);
      expect(cr!.host.journal).toEqual([]);
    } finally {
      estate.close();
    }
  });

  it('F15: a full disk fails a save atomically with the quota reason (outbox, counter and cursor untouched), and fails a pull run as local without moving the cursor; both work once there is room', async () => {
    const estate = await joinedEstate(hub, 15, { names: ['front-desk', 'control-room'] });
    const [fd, cr] = estate.stations;
    try {
      const fail = () => {
        throw quota();
      };
      cr!.db.log.hook('creating', fail);
      const before = { outbox: await cr!.db.outbox.count(), events: await loggedCount(cr!.db), meta: await cr!.db.meta.toArray() };
      const error = await createTicket(cr!.db, cr!.store!, 'Asia/Shanghai', values, estate.manager).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SaveError);
      expect((error as SaveError).reason).toBe('quota');
      expect({ outbox: await cr!.db.outbox.count(), events: await loggedCount(cr!.db), meta: await cr!.db.meta.toArray() }).toEqual(before);

      await createTicket(fd!.db, fd!.store!, 'Asia/Shanghai', values, estate.manager);
      await fd!.syncUntilQuiet();
      const cursor = await readMeta<number>(cr!.db, 'sync:cursor');
      const run = await cr!.sync();
      expect(run !== 'cut' && run.record.failure).toBe('local');
      expect(run !== 'cut' && run.record.message).toMatch(/quota/);
      expect(await readMeta<number>(cr!.db, 'sync:cursor')).toBe(cursor);
      expect(await loggedCount(cr!.db)).toBe(before.events);

      cr!.db.log.hook('creating').unsubscribe(fail);
      await createTicket(cr!.db, cr!.store!, 'Asia/Shanghai', values, estate.manager);
      await cr!.syncUntilQuiet();
      await fd!.syncUntilQuiet();
      expect(await snapshot(cr!.db)).toEqual(await snapshot(fd!.db));
    } finally {
      estate.close();
    }
  });

  it('F17: every read-write transaction of a save and a push asks IndexedDB for strict durability; a pull\'s (already durable at the hub, cursor with it) relaxed', async () => {
    const estate = await joinedEstate(hub, 17, { names: ['front-desk', 'control-room'] });
    const [fd, cr] = estate.stations;
    const proto = globalThis.IDBDatabase.prototype;
    const original = proto.transaction;
    const seen: { mode: string | undefined; durability: string | undefined; names: string[] }[] = [];
    proto.transaction = function (this: IDBDatabase, names: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) {
      seen.push({ mode, durability: options?.durability, names: [names].flat() });
      return original.call(this, names, mode, options);
    } as typeof original;
    try {
      // Dexie binds the connection's transaction method when it opens: reopen under the spy.
      await fd!.restart();
      await cr!.restart();
      await createTicket(fd!.db, fd!.store!, 'Asia/Shanghai', values, estate.manager);
      await fd!.syncUntilQuiet();
      await cr!.syncUntilQuiet();
      const writes = seen.filter((t) => t.mode === 'readwrite');
      const pulls = writes.filter((t) => t.names.includes('unknownEvents') && !t.names.includes('outbox'));
      const others = writes.filter((t) => !pulls.includes(t));
      // The save (events + outbox), the push's settling (outbox), and the pulled page.
      expect(others.some((t) => t.names.includes('outbox') && t.names.includes('events'))).toBe(true);
      expect(others.some((t) => t.names.includes('outbox') && !t.names.includes('events'))).toBe(true);
      expect(pulls.length).toBeGreaterThan(0);
      expect(others.every((t) => t.durability === 'strict')).toBe(true);
      expect(pulls.every((t) => t.durability === 'relaxed')).toBe(true);
    } finally {
      proto.transaction = original;
      estate.close();
    }
  });
});
