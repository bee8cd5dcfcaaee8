import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '@shared/ids';
import type { CallerIdCall } from '@shared/bridge/contract';
import { DeskDatabase } from '../../db/database';
import { EventStore } from '../../db/eventStore';
import { receiveCall } from './callCommands';
import { loggedEvents } from '../../testing/testStation';

// S17: the host replays its recent calls to a (re)connecting renderer; each is logged once.

const shenzhen = { countryCode: '86', areaCode: '755' };
const databases: DeskDatabase[] = [];
afterEach(() => databases.splice(0).forEach((db) => db.close()));

function fresh() {
  const db = new DeskDatabase(`calls-${Math.random()}`);
  databases.push(db);
  return { db, store: new EventStore(db, { name: 'front-desk', code: 'FD', nodeId: 'a1b2c3d4e5f60708' }, null) };
}

const ring = (): CallerIdCall => {
  const at = Date.now();
  return { id: uuidv7(at), number: '13800138000', name: null, withheld: false, numberStatus: 'present', at };
};

describe('receiveCall', () => {
  it('S17: a call delivered again (live, then replayed after a reconnect) is logged once', async () => {
    const { db, store } = fresh();
    const call = ring();
    const first = await receiveCall(db, store, shenzhen, call, null);
    expect(first?.incoming).toMatchObject({ callId: call.id, e164: '+8613800138000' });
    await first?.logged;
    expect(await receiveCall(db, store, shenzhen, call, null)).toBeNull();
    expect(await db.calls.count()).toBe(1);
    expect((await loggedEvents(db)).filter((e) => e.type === 'call.received')).toHaveLength(1);
  });

  it('S17: two deliveries of one call that overlap still log it once', async () => {
    const { db, store } = fresh();
    const call = ring();
    const [a, b] = await Promise.all([receiveCall(db, store, shenzhen, call, null), receiveCall(db, store, shenzhen, call, null)]);
    expect([a, b].filter((r) => r !== null)).toHaveLength(1);
    await (a ?? b)?.logged;
    const other = ring();
    await (await receiveCall(db, store, shenzhen, other, null))?.logged;
    expect((await db.calls.toArray()).map((c) => c.id).sort()).toEqual([call.id, other.id].sort());
  });
});
