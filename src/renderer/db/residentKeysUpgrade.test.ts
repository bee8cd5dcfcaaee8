import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { DeskDatabase } from './database';
import { CURRENT_SCHEMA_VERSION, schemaV10 } from './schema';
import { searchDirectory } from '../features/directory/directoryQueries';

// U18 / schema v11: a store with residents folded at v10 (keys without a number's last digits
// or ü spelled u) opens with their keys rebuilt, so `5678` and `lubu` find them at once.

const databases: DeskDatabase[] = [];
afterEach(() => databases.splice(0).forEach((db) => db.close()));

const resident = (id: string, name: string, e164: string, active: 0 | 1) => ({
  id, unitId: '3-1502', name, relation: 'owner', phoneNumbers: [{ e164 }], notes: '', active, added: 1,
  phones: active ? [e164] : [], searchKeys: active ? [name, e164.slice(3)] : [], fieldHlc: {}, lastHlc: '',
});

describe('schema v11', () => {
  it('U18: the upgrade rebuilds the search keys of a v10 store\'s residents; moved-out ones stay unfound', async () => {
    const name = `upgrade-v11-${Math.random()}`;
    const old = new Dexie(name);
    old.version(10).stores(schemaV10);
    await old.open();
    await old.table('units').put({ id: '3-1502', key: '3-1502', building: '3', room: '1502', floor: 15, notes: '', added: 1, searchKeys: ['3-1502'], fieldHlc: {}, lastHlc: '' });
    await old.table('residents').bulkPut([resident('lv', '吕布', '+8613812345678', 1), resident('gone', '吕蒙', '+8613912345678', 0)]);
    old.close();
    const db = new DeskDatabase(name);
    databases.push(db);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    for (const query of ['5678', 'lubu', 'lvbu']) {
      const hits = await searchDirectory(db, query, 20, true);
      expect(hits.flatMap((h) => h.matchedIds), query).toEqual(['lv']);
    }
    expect((await db.residents.get('gone'))?.searchKeys).toEqual([]);
  });
});
