import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import type { Ticket } from '@shared/tickets/ticketFold';
import { DeskDatabase } from './database';
import { V16_FRESH_PREFIX } from './termsTier';
import { CURRENT_SCHEMA_VERSION, schemaV16 } from './schema';
import { TEST_STATION, testDatabase } from '../testing/testStation';
import { setupStation } from '../features/setup/setupStation';
import { createTicket } from '../features/intake/createTicket';
import { queryQueue } from '../features/queue/queueQuery';
import { leak } from '../sync/syncTestKit';

// Schema v17 (issue 13): the fresh tier's terms move from a `~f:` prefix in the row's own terms
// to records. A v16 store's rows under the prefix are merged into the big index by the upgrade,
// and search finds every request as before.

const databases: Dexie[] = [];
afterEach(() => databases.splice(0).forEach((db) => db.close()));

describe('schema v17', () => {
  it('merges a v16 store’s rows kept under ~f: into the big index; both kinds of row are found', async () => {
    const source = testDatabase();
    databases.push(source);
    const { store, managerId } = await setupStation(source, TEST_STATION);
    const a = (await createTicket(source, store, TEST_STATION.timeZone, leak, managerId)).id;
    const b = (await createTicket(source, store, TEST_STATION.timeZone, { ...leak, description: '客厅停电' }, managerId)).id;
    const [rowA, rowB] = (await source.tickets.bulkGet([a, b])) as Ticket[];

    const name = `upgrade-v17-${Math.random()}`;
    const v16 = new Dexie(name);
    v16.version(16).stores(schemaV16);
    await v16.open();
    // As v16 kept them: one still fresh (its terms under the prefix), one merged.
    await v16.table('tickets').bulkPut([{ ...rowA!, terms: rowA!.terms.map((t) => V16_FRESH_PREFIX + t) }, rowB!]);
    v16.close();

    const db = new DeskDatabase(name);
    databases.push(db);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const raw = (await db.tickets.where(':id').anyOf([a, b]).raw().toArray()) as (Ticket & { fresh?: string[] })[];
    expect(raw.map((row) => row.terms.some((t) => t.startsWith(V16_FRESH_PREFIX)))).toEqual([false, false]);
    expect(await db.tickets.get(a)).toEqual(rowA);
    expect(await db.tickets.get(b)).toEqual(rowB);
    const found = async (search: string) => (await queryQueue(db, { kind: null, scope: 'active', search, limit: 50 })).tickets.map((t) => t.id);
    expect(await found('漏水')).toEqual([a]);
    expect(await found('停电')).toEqual([b]);
    expect(await found('张三')).toEqual([b, a]);
  });
});
