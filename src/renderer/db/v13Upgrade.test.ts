import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { formatHlc } from '@shared/hlc';
import type { RequestKind } from '@shared/domain/requestKinds';
import { foldTicket, type Ticket } from '@shared/tickets/ticketFold';
import { DeskDatabase } from './database';
import { CURRENT_SCHEMA_VERSION, schemaV7 } from './schema';
import { queryQueue } from '../features/queue/queueQuery';

// Schema v13 (issue 14): a store with data from v7 opens with every request where it was (the
// active set did not change: `resolved` is active, so no row is rewritten) and the registers'
// `[kind+receivedAt]` index built over the rows as they are.

const databases: DeskDatabase[] = [];
afterEach(() => databases.splice(0).forEach((db) => db.close()));

const HOUR = 3_600_000;
const DAY0 = Date.parse('2026-11-20T00:00:00Z');
const stamp = (millis: number) => formatHlc({ millis, counter: 0, node: '00000000000000fd' });

/** A row as the v7 fold wrote it (no `pinned`, no handling): saved at `createdAt`, received at `receivedAt`. */
function v7Row(id: string, kind: RequestKind, description: string, createdAt: number, receivedAt: number, closed = false): Ticket {
  const opened = foldTicket(null, {
    id: `${id}-opened`, stream: `ticket:${id}`, type: 'ticket.opened', hlc: stamp(createdAt), station: 'front-desk', actor: 'm1',
    payload: { number: `FD-${id}`, channel: 'phone', kind, urgency: 'normal', building: '3', room: '1502', unitKey: '3-1502', callerName: '张三', callerPhone: '', description, paid: false, receivedAt },
  })!;
  const row = closed
    ? foldTicket(opened, { id: `${id}-closed`, stream: `ticket:${id}`, type: 'ticket.statusChanged', hlc: stamp(createdAt + HOUR), station: 'front-desk', actor: 'm1', payload: { status: 'closed' } })!
    : opened;
  const { pinned: _pinned, ...v7 } = row;
  return v7 as Ticket;
}

describe('schema v13', () => {
  it('a v7 store keeps every request, its active ones found as before, and lists a kind by received time', async () => {
    const rows = [
      v7Row('r1', 'repair', '厨房水管漏水', DAY0 + 9 * HOUR, DAY0 + 9 * HOUR),
      v7Row('r2', 'repair', '电梯异响', DAY0 + 10 * HOUR, DAY0 + 10 * HOUR, true),
      // 补单: the night's request entered in the morning at its real time (02:00, saved 08:00 the next day).
      v7Row('r3', 'repair', '楼道灯不亮', DAY0 + 32 * HOUR, DAY0 + 26 * HOUR),
      v7Row('r4', 'repair', '门禁故障', DAY0 + 30 * HOUR, DAY0 + 30 * HOUR),
      v7Row('r5', 'repair', '窗户漏风', DAY0 + 80 * HOUR, DAY0 + 80 * HOUR),
      v7Row('c1', 'complaint', '保洁不打扫楼道', DAY0 + 27 * HOUR, DAY0 + 27 * HOUR),
      v7Row('c2', 'complaint', '噪音扰民', DAY0 + 11 * HOUR, DAY0 + 11 * HOUR, true),
    ];
    const name = `upgrade-v13-${Math.random()}`;
    const old = new Dexie(name);
    old.version(7).stores(schemaV7);
    await old.open();
    await old.table('tickets').bulkPut(rows);
    old.close();

    const db = new DeskDatabase(name);
    databases.push(db);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect((await db.tickets.toCollection().primaryKeys()).sort()).toEqual(['c1', 'c2', 'r1', 'r2', 'r3', 'r4', 'r5']);
    // No row was rewritten: each is as the v7 fold left it.
    for (const row of rows) expect(await db.tickets.get(row.id)).toEqual(row);

    const active = await db.tickets.where('[active+createdAt]').between([1, Dexie.minKey], [1, Dexie.maxKey]).primaryKeys();
    expect(active).toEqual(['r1', 'c1', 'r4', 'r3', 'r5']);
    const found = await queryQueue(db, { kind: null, scope: 'active', search: '楼道', limit: 50 });
    expect(found.tickets.map((t) => t.id).sort()).toEqual(['c1', 'r3']);
    const closedNotFound = await queryQueue(db, { kind: null, scope: 'active', search: '电梯', limit: 50 });
    expect(closedNotFound.tickets).toEqual([]);

    // The repair register for the second day (UTC here; the register picks the station's day):
    // received in that range, in received order, the back-filled one at 02:00.
    const from = DAY0 + 24 * HOUR;
    const to = DAY0 + 48 * HOUR;
    const register = await db.tickets.where('[kind+receivedAt]').between(['repair', from], ['repair', to], true, false).toArray();
    expect(register.map((t) => t.id)).toEqual(['r3', 'r4']);
    const whole = await db.tickets.where('[kind+receivedAt]').between(['repair', Dexie.minKey], ['repair', Dexie.maxKey]).primaryKeys();
    expect(whole).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
  });
});
