import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TEST_STATION, testDatabase, loggedCount } from '../../testing/testStation';
import { setupStation } from '../setup/setupStation';
import { addStaff } from '../staff/staffCommands';
import { logRegisterExport } from './exportRegister';
import { streamEvents } from '../../db/eventLog';

// R-CONFIDENTIAL: a register leaving the desk as a file is logged like a directory export: who,
// when, which register and dates, how many rows, and whether the numbers in it were in full.

describe('register exports are logged (R-CONFIDENTIAL)', () => {
  it('an export is an event on the exports stream with its actor; a malformed one writes nothing', async () => {
    const db = testDatabase();
    const { store, managerId } = await setupStation(db, TEST_STATION);
    const controlRoom = await addStaff(db, store, { name: '赵值班', role: 'controlRoom', language: 'zh-CN', pin: '2468' }, managerId);
    const from = Date.parse('2026-12-05T16:00:00Z');
    await logRegisterExport(store, controlRoom, { register: 'repair', from, to: from + 86_400_000, rows: 12, unmasked: false });
    const logged = await streamEvents(db, 'directory:exports');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ type: 'register.exported', actor: controlRoom, payload: { register: 'repair', rows: 12, unmasked: false } });
    // The same event goes to the hub like any other.
    expect(await db.outbox.get(logged[0]!.id)).toBeDefined();

    const before = await loggedCount(db);
    await expect(logRegisterExport(store, managerId, { register: 'keys' as never, from, to: from, rows: 1, unmasked: true })).rejects.toThrow();
    expect(await loggedCount(db)).toBe(before);
  });
});
