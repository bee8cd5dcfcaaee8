import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TEST_STATION, testDatabase, loggedCount } from '../../testing/testStation';
import { setupStation } from '../setup/setupStation';
import { addStaff } from '../staff/staffCommands';
import { KeyRefusedError, registerKey, takeKeyStep } from './keyCommands';
import { readKeyRegister } from './keyQueries';

// R-KEYS on a real store: a refused step writes nothing (no event, no outbox row, the row as it
// was); the register lists keys out first.

const NOW = Date.parse('2026-12-06T09:00:00+08:00');
const drawn = { kind: 'drawn' as const, png: 'data:image/png;base64,iVBORw0KGgo=' };

async function desk() {
  const db = testDatabase();
  const { store, managerId } = await setupStation(db, TEST_STATION);
  const clerk = { id: await addStaff(db, store, { name: '王芳', role: 'clerk', language: 'zh-CN', pin: '1234' }, managerId), role: 'clerk' as const };
  return { db, store, clerk };
}

describe('key commands (R-KEYS)', () => {
  it('R-KEYS: a plant-room key lent for other than work is refused and nothing is written; for work it is lent and listed first', async () => {
    const { db, store, clerk } = await desk();
    const owner = await registerKey(db, store, { at: NOW, label: 'A 3-1502', category: 'owner', filedUnder: '3-1502' }, clerk, NOW);
    const pump = await registerKey(db, store, { at: NOW, label: 'B 水泵房', category: 'plantRoom', filedUnder: '2号水泵' }, clerk, NOW);
    const before = { events: await loggedCount(db), outbox: await db.outbox.count(), row: await db.keys.get(pump) };
    const lend = (purpose: 'work' | 'other') => takeKeyStep(db, store, pump, 'key.lent', { at: NOW, borrower: '王工', identity: 'staffCard', purpose, purposeText: '取物品', signature: drawn }, clerk, NOW);
    await expect(lend('other')).rejects.toEqual(new KeyRefusedError('workOnly'));
    expect({ events: await loggedCount(db), outbox: await db.outbox.count(), row: await db.keys.get(pump) }).toEqual(before);
    await lend('work');
    expect((await readKeyRegister(db, null)).map((k) => [k.id, k.out])).toEqual([[pump, 1], [owner, 0]]);
    expect((await readKeyRegister(db, 'owner')).map((k) => k.id)).toEqual([owner]);
  });

  it('R-KEYS: an owner\'s key is deposited before it is lent; a label already registered is refused', async () => {
    const { db, store, clerk } = await desk();
    const id = await registerKey(db, store, { at: NOW, label: '3-1502', category: 'owner', filedUnder: '3-1502' }, clerk, NOW);
    await expect(takeKeyStep(db, store, id, 'key.lent', { at: NOW, borrower: '李四', identity: 'ownerAuthorised', purpose: 'owner', purposeText: '开门', signature: drawn }, clerk, NOW)).rejects.toMatchObject({ code: 'notHeld' });
    await takeKeyStep(db, store, id, 'key.deposited', { at: NOW, owner: '张三', signature: drawn }, clerk, NOW);
    expect(await db.keys.get(id)).toMatchObject({ held: 1, owner: '张三' });
    await expect(registerKey(db, store, { at: NOW, label: '3-1502', category: 'owner', filedUnder: '3-1502' }, clerk, NOW)).rejects.toMatchObject({ code: 'duplicateLabel' });
  });
});
