import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { DeskDatabase } from './database';
import { CURRENT_SCHEMA_VERSION, schemaV9 } from './schema';
import { queryQueue } from '../features/queue/queueQuery';

// U20 / schema v10: a store with data from v9 opens with its urgent open tickets pinned (and
// only those), so the queue lists them first at once.

const databases: DeskDatabase[] = [];
afterEach(() => databases.splice(0).forEach((db) => db.close()));

const row = (id: string, createdAt: number, active: 0 | 1, urgency: 'urgent' | 'normal') => ({
  id, number: `FD-20261122-00${createdAt}`, kind: 'repair', urgency, status: active ? 'open' : 'closed', active, createdAt,
  unitKey: '3-1502', callerPhone: '', terms: [active ? '~a:3' : '3'],
});

describe('schema v10', () => {
  it('U20: the upgrade pins the urgent open tickets of a v9 store, not the closed or ordinary ones', async () => {
    const name = `upgrade-v10-${Math.random()}`;
    const old = new Dexie(name);
    old.version(9).stores(schemaV9);
    await old.open();
    await old.table('tickets').bulkPut([
      row('n-open', 1, 1, 'normal'), row('u-open', 2, 1, 'urgent'), row('u-closed', 3, 0, 'urgent'), row('n-newest', 4, 1, 'normal'),
    ]);
    old.close();
    const db = new DeskDatabase(name);
    databases.push(db);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.tickets.count()).toBe(4);
    expect(await db.tickets.orderBy('pinned').primaryKeys()).toEqual(['u-open']);
    expect((await db.tickets.get('u-open'))?.pinned).toBe(2);
    const open = await queryQueue(db, { kind: null, scope: 'active', search: '', limit: 50 });
    expect(open.tickets.map((t) => t.id)).toEqual(['u-open', 'n-newest', 'n-open']);
  });
});
