import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TEST_STATION, testDatabase } from '../../testing/testStation';
import { setupStation } from '../setup/setupStation';
import { createTicket, type IntakeValues } from '../intake/createTicket';
import { queryQueue } from './queueQuery';

// U6 / U18: the queue search reads a unit as staff type it (A座, 3栋1502室) into the unit key a
// ticket is indexed under, and a search with nothing searchable in it finds nothing.

const base: IntakeValues = {
  channel: 'phone', kind: 'repair', urgency: 'normal', building: 'A座', room: '1001', callerName: '张三',
  callerPhone: '', description: '厨房漏水', paid: false, receivedAt: Date.parse('2026-11-22T08:00:00Z'),
};


describe('queue search spellings', () => {
  it('U6: A座, A座1001, A栋, 3栋1502 and 3栋1502室 find the tickets of those units; U18: an emoji finds nothing', async () => {
    const db = testDatabase(`queue-units-${Math.random()}`);
    const { store, managerId } = await setupStation(db, TEST_STATION);
    const a = await createTicket(db, store, 'Asia/Shanghai', base, managerId);
    const b = await createTicket(db, store, 'Asia/Shanghai', { ...base, building: '3', room: '1502', description: '门禁坏了' }, managerId);
    const found = async (search: string) => (await queryQueue(db, { kind: null, scope: 'all', search, limit: 50 })).tickets.map((t) => t.id);
    for (const query of ['A座', 'A座1001', 'A栋', 'ａ座１００１', 'A座1001 漏水', 'A-1001']) expect(await found(query), query).toEqual([a.id]);
    for (const query of ['3栋1502', '3栋1502室', '3栋', '3-1502', '３－１５０２']) expect(await found(query), query).toEqual([b.id]);
    expect(await found('B座')).toEqual([]);
    for (const query of ['😀', '🙂🙂', '？！']) expect(await found(query), query).toEqual([]);
    expect(await found('')).toEqual([b.id, a.id]);
  });
});
