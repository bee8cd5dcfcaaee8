import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TEST_STATION, testDatabase } from '../../testing/testStation';
import { EventStore } from '../../db/eventStore';
import { setupStation } from '../setup/setupStation';
import { createTicket, type IntakeValues } from '../intake/createTicket';
import { changeStatus } from '../ticket/ticketCommands';
import { queryQueue, type QueueScope } from './queueQuery';
import { plainTerms } from '@shared/text/searchTerms';
import type { DeskDatabase } from '../../db/database';

// A closed request's search terms are indexed under the month it was opened in (`~m202703:水管`,
// searchTerms.ts), so the big index of a two-year store grows at one end; a search reads the
// months newest first, and the plain terms of requests closed before this, as they are.

const pipe: IntakeValues = {
  channel: 'phone', kind: 'repair', urgency: 'normal', building: '3', room: '1502', callerName: '张三',
  callerPhone: '13812345678', description: '水管漏水', paid: false, receivedAt: Date.parse('2027-03-10T02:00:00Z'),
};

async function found(db: DeskDatabase, search: string, scope: QueueScope, limit = 50, phones = false) {
  return (await queryQueue(db, { kind: null, scope, search, limit, phones })).tickets.map((t) => t.id);
}

describe('closed requests searched by month', () => {
  it('a request closed is indexed under its opening month, found newest month first with the old plain-indexed ones; reopened it is open again', async () => {
    const db = testDatabase(`months-${Math.random()}`);
    const setup = await setupStation(db, TEST_STATION);
    let now = Date.parse('2027-03-10T02:00:00Z');
    const store = new EventStore(db, setup.store.station, null, () => now);
    const { managerId } = setup;
    const march = await createTicket(db, store, 'Asia/Shanghai', pipe, managerId, now);
    await changeStatus(store, march.id, 'closed', managerId);
    now = Date.parse('2027-05-10T02:00:00Z');
    const may = await createTicket(db, store, 'Asia/Shanghai', { ...pipe, description: '水管爆裂', receivedAt: now }, managerId, now);
    await changeStatus(store, may.id, 'closed', managerId);
    const open = await createTicket(db, store, 'Asia/Shanghai', { ...pipe, description: '水管堵塞', receivedAt: now }, managerId, now);
    // A request closed before month keys (April): its terms plain, as the earlier folds wrote them.
    const marchRow = (await db.tickets.get(march.id))!;
    await db.tickets.put({ ...marchRow, id: 'april-legacy', number: 'FD-20270401-001', createdAt: Date.parse('2027-04-01T02:00:00Z'), terms: plainTerms(marchRow.terms) });

    expect(marchRow.terms.length).toBeGreaterThan(5);
    expect(marchRow.terms.every((t) => t.startsWith('~m202703:'))).toBe(true);
    expect((await db.tickets.get(may.id))!.terms.every((t) => t.startsWith('~m202705:'))).toBe(true);
    expect((await db.tickets.get(open.id))!.terms.every((t) => t.startsWith('~a:'))).toBe(true);

    // Exact and prefix, newest first across months and the plain-indexed request.
    expect(await found(db, '水管', 'closed')).toEqual([may.id, 'april-legacy', march.id]);
    expect(await found(db, '水管', 'all')).toEqual([open.id, may.id, 'april-legacy', march.id]);
    expect(await found(db, '水管', 'active')).toEqual([open.id]);
    expect(await found(db, '水管', 'closed', 2)).toEqual([may.id, 'april-legacy']);
    expect(await found(db, 'FD-202705', 'closed')).toEqual([may.id]);
    expect(await found(db, 'FD-202705', 'all')).toEqual([open.id, may.id]);
    expect(await found(db, '漏水', 'all')).toEqual(['april-legacy', march.id]);
    // Every term of a query must match: 爆裂 only in May's.
    expect(await found(db, '水管 爆裂', 'all')).toEqual([may.id]);
    // S6: the caller's number of a closed request, only for a role that may see numbers.
    expect(await found(db, '13812345678', 'closed')).toEqual([]);
    expect(await found(db, '13812345678', 'closed', 50, true)).toEqual([may.id, 'april-legacy', march.id]);

    // Reopened: under the open prefix again, found as open; closed again: back under March.
    await changeStatus(store, march.id, 'open', managerId);
    expect((await db.tickets.get(march.id))!.terms.every((t) => t.startsWith('~a:'))).toBe(true);
    expect(await found(db, '漏水', 'active')).toEqual([march.id]);
    await changeStatus(store, march.id, 'closed', managerId);
    expect((await db.tickets.get(march.id))!.terms).toEqual(marchRow.terms);
  });
});
