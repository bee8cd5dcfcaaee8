import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TEST_STATION, testDatabase } from '../../testing/testStation';
import { setupStation } from '../setup/setupStation';
import { createTicket, type IntakeValues } from '../intake/createTicket';
import { changeStatus } from '../ticket/ticketCommands';
import { queryQueue } from './queueQuery';

// U20: the default queue view (open requests) shows the urgent ones above the rest, newest
// first within each; closing an urgent request unpins it.

const base: IntakeValues = {
  channel: 'phone', kind: 'repair', urgency: 'normal', building: '3', room: '1502', callerName: '张三',
  callerPhone: '', description: '厨房漏水', paid: false, receivedAt: Date.parse('2026-11-22T08:00:00Z'),
};


async function station() {
  const db = testDatabase(`u20-${Math.random()}`);
  return { db, ...(await setupStation(db, TEST_STATION)) };
}

describe('the open-requests queue', () => {
  it('U20: urgent open requests come first, newest first within urgent and within the rest', async () => {
    const { db, store, managerId } = await station();
    const add = (urgency: 'urgent' | 'normal', description: string, kind: IntakeValues['kind'] = 'repair') =>
      createTicket(db, store, 'Asia/Shanghai', { ...base, urgency, description, kind }, managerId).then((t) => t.id);
    const n1 = await add('normal', '一');
    const u1 = await add('urgent', '二', 'medical');
    const n2 = await add('normal', '三');
    const u2 = await add('urgent', '四');
    const n3 = await add('normal', '五');
    const ids = async (kind: IntakeValues['kind'] | null = null, limit = 50) => (await queryQueue(db, { kind, scope: 'active', search: '', limit })).tickets.map((t) => t.id);
    expect(await ids()).toEqual([u2, u1, n3, n2, n1]);
    // A page is the first `limit` of that order; a kind filter keeps the order.
    expect(await ids(null, 3)).toEqual([u2, u1, n3]);
    expect(await ids('repair')).toEqual([u2, n3, n2, n1]);
    // A closed urgent request is no longer pinned (and not listed among the open ones).
    await changeStatus(store, u2, 'closed', managerId);
    expect(await ids()).toEqual([u1, n3, n2, n1]);
    expect((await db.tickets.get(u2))?.pinned).toBeUndefined();
    // Reopened, it is pinned again; "all" stays newest first.
    await changeStatus(store, u2, 'open', managerId);
    expect(await ids()).toEqual([u2, u1, n3, n2, n1]);
    expect((await queryQueue(db, { kind: null, scope: 'all', search: '', limit: 50 })).tickets.map((t) => t.id)).toEqual([n3, u2, n2, u1, n1]);
    // Only urgent open tickets carry a key in the sparse index.
    expect(await db.tickets.orderBy('pinned').primaryKeys()).toEqual([u1, u2]);
  });
});
