import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { formatHlc } from '@shared/hlc';
import type { DeskEvent } from '@shared/events/envelope';
import { foldTicket, type Ticket } from '@shared/tickets/ticketFold';
import type { TicketOpenedPayload } from '@shared/tickets/ticketEvents';
import { DeskDatabase } from './database';
import { CURRENT_SCHEMA_VERSION, schemaV13 } from './schema';

// Schema v14 (issue 15): a store from v13 opens with the pending-deadlines projection filled from
// its open requests' running clocks, under the estate's tuning as the settings row holds it; the
// closed ones and the clocks already stopped have no row.

const databases: DeskDatabase[] = [];
afterEach(() => databases.splice(0).forEach((db) => db.close()));

const MINUTE = 60_000;
const T0 = Date.parse('2026-11-22T08:00:00Z');
let n = 0;
const ev = (ticket: string, type: string, millis: number, payload: object): DeskEvent => ({
  id: `e${++n}`, stream: `ticket:${ticket}`, type, hlc: formatHlc({ millis, counter: n, node: '00000000000000fd' }), station: 'front-desk', actor: 'm1', payload: payload as Record<string, unknown>,
});
const opened = (id: string, overrides: Partial<TicketOpenedPayload>) => ev(id, 'ticket.opened', T0, {
  number: `FD-${id}`, channel: 'phone', kind: 'repair', urgency: 'normal', building: '3', room: '1502', unitKey: '3-1502', callerName: '张三', callerPhone: '', description: '漏水', paid: false, receivedAt: T0, ...overrides,
});
const fold = (events: DeskEvent[]) => events.reduce<Ticket | null>((t, e) => foldTicket(t, e), null)!;

describe('schema v14', () => {
  it('fills db.deadlines from the open requests only, timed by the stored tuning', async () => {
    const rows = [
      fold([opened('r1', {})]),
      fold([opened('r2', {}), ev('r2', 'ticket.workOrderIssued', T0 + 3 * MINUTE, { at: T0 + 3 * MINUTE, orderNumber: 'FD-W1', department: 'engineering' })]),
      fold([opened('c1', { kind: 'complaint' }), ev('c1', 'ticket.closed', T0 + MINUTE, { at: T0 + MINUTE, outcome: 'withdrawn', text: '撤回' })]),
      fold([opened('i1', { kind: 'inquiry', channel: 'phone' })]),
    ];
    const name = `upgrade-v14-${Math.random()}`;
    const old = new Dexie(name);
    old.version(13).stores(schemaV13);
    await old.open();
    await old.table('tickets').bulkPut(rows);
    await old.table('settings').put({ key: 'desk', idleLockMinutes: 5, defaultLanguage: 'zh-CN', departments: ['x'], commonAreas: ['y'], fieldHlc: {}, lastHlc: '', deadlineTuning: { 'R-REPAIR-ORDER-5MIN': { durationMinutes: 10 } } });
    old.close();

    const db = new DeskDatabase(name);
    databases.push(db);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const deadlines = await db.deadlines.orderBy('dueAt').toArray();
    expect(deadlines).toEqual([
      // R-REPAIR-ORDER-5MIN tuned to 10 minutes.
      { id: 'r1|R-REPAIR-ORDER-5MIN', ticketId: 'r1', ruleId: 'R-REPAIR-ORDER-5MIN', dueAt: T0 + 10 * MINUTE },
      // Ordered at 08:03: the 5 minutes stopped, the chase runs for 24 h.
      { id: 'r2|R-REPAIR-CHASE', ticketId: 'r2', ruleId: 'R-REPAIR-CHASE', dueAt: T0 + 3 * MINUTE + 24 * 60 * MINUTE },
    ]);
  });
});
