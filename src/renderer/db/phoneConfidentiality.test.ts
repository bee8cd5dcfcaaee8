import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TEST_STATION, testDatabase } from '../testing/testStation';
import Dexie from 'dexie';
import { DeskDatabase } from './database';
import { schemaV7 } from './schema';
import { setupStation } from '../features/setup/setupStation';
import { createTicket, type IntakeValues } from '../features/intake/createTicket';
import { changeStatus, revealTicketPhone } from '../features/ticket/ticketCommands';
import { ticketTimeline } from '../features/ticket/ticketQueries';
import { queryQueue, type QueueScope } from '../features/queue/queueQuery';

// S6 / R-CONFIDENTIAL: a role without `phone.unmask` cannot find a request by the caller's
// number, full or partial; a role with it still can.

const leak: IntakeValues = {
  channel: 'phone', kind: 'repair', urgency: 'normal', building: '3', room: '1502', callerName: '张三',
  callerPhone: '+8613812345678', description: '厨房漏水', paid: false, receivedAt: Date.parse('2026-11-22T08:00:00Z'),
};

function open(name: string) {
  const db = testDatabase(name);
  return db;
}

async function found(db: DeskDatabase, search: string, phones: boolean, scope: QueueScope = 'all') {
  return (await queryQueue(db, { kind: null, scope, search, limit: 50, phones })).tickets.map((t) => t.id);
}

describe('searching by a caller\'s number', () => {
  it('S6: the control room finds no request by the full number or its last 7 digits; a clerk does', async () => {
    const db = open(`s6-${Math.random()}`);
    const { store, managerId } = await setupStation(db, TEST_STATION);
    const open1 = await createTicket(db, store, 'Asia/Shanghai', leak, managerId);
    const closed = await createTicket(db, store, 'Asia/Shanghai', { ...leak, callerPhone: '13812345678', description: '门禁坏了' }, managerId);
    await changeStatus(store, closed.id, 'closed', managerId);
    for (const scope of ['active', 'closed', 'all'] as const) {
      for (const query of ['+8613812345678', '8613812345678', '13812345678', '2345678', '1381234', '138 1234 5678', '3-1502 13812345678']) {
        expect(await found(db, query, false, scope), `${scope} ${query}`).toEqual([]);
      }
    }
    // Everything else about the request is still found by any role.
    expect(await found(db, '3-1502', false)).toEqual([closed.id, open1.id]);
    // A role that may see numbers finds it by the digits as stored (and with other terms).
    expect(await found(db, '8613812345678', true)).toEqual([open1.id]);
    expect(await found(db, '1381234', true, 'closed')).toEqual([closed.id]);
    expect(await found(db, '漏水 86138', true, 'active')).toEqual([open1.id]);
  });
});

describe('revealing a request\'s number', () => {
  it('S6: a reveal is an event on the request\'s stream with who and when; the number stays whole in the store', async () => {
    const db = open(`s6-reveal-${Math.random()}`);
    const { store, managerId } = await setupStation(db, TEST_STATION);
    const { id } = await createTicket(db, store, 'Asia/Shanghai', leak, managerId);
    const before = await db.tickets.get(id);
    await revealTicketPhone(store, id, managerId);
    const timeline = await ticketTimeline(db, id);
    expect(timeline.map((e) => [e.type, e.actor])).toEqual([['ticket.opened', managerId], ['ticket.phoneRevealed', managerId]]);
    expect(timeline[1]!.payload).toEqual({});
    const after = await db.tickets.get(id);
    expect(after?.callerPhone).toBe('+8613812345678');
    expect(after?.terms).toEqual(before?.terms);
  });
});

describe('schema v8 upgrade', () => {
  it('S6: a v7 store\'s requests keep their terms (no rewrite) yet no masked role finds them by number', async () => {
    const name = `upgrade-v7-${Math.random()}`;
    const old = new Dexie(name);
    old.version(7).stores(schemaV7);
    await old.open();
    const base = { kind: 'repair', status: 'open', building: '3', room: '1502', unitKey: '3-1502', callerName: '张三', noteCount: 0 };
    const v7 = [
      // As the v7 fold wrote them: the number among the plain terms (under ~a: while open).
      { ...base, id: 't-open', number: 'FD-20261122-001', createdAt: 3, active: 1, callerPhone: '+8613812345678', description: '漏水',
        terms: ['~a:fd-20261122-001', '~a:20261122', '~a:001', '~a:3-1502', '~a:1502', '~a:3', '~a:张三', '~a:三', '~a:8613812345678', '~a:漏水', '~a:水'] },
      { ...base, id: 't-closed', number: 'FD-20261122-002', createdAt: 2, active: 0, status: 'closed', callerPhone: '13812345678', description: '回电 13900001111',
        terms: ['fd-20261122-002', '20261122', '002', '3-1502', '1502', '3', '张三', '三', '13812345678', '回电', '电', '13900001111'] },
      { ...base, id: 't-nophone', number: 'FD-20261122-003', createdAt: 1, active: 1, callerPhone: '', description: '电梯',
        terms: ['~a:fd-20261122-003', '~a:电梯', '~a:梯'] },
    ];
    await old.table('tickets').bulkPut(v7);
    old.close();

    const db = open(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(8);
    // Nothing rewritten: opening a two-year store costs no pass over its requests.
    for (const row of v7) expect((await db.tickets.get(row.id))?.terms).toEqual(row.terms);
    for (const scope of ['active', 'closed', 'all'] as const) {
      for (const q of ['13812345678', '8613812345678', '1381234', '861381234']) expect(await found(db, q, false, scope)).toEqual([]);
    }
    expect(await found(db, '13812345678', true)).toEqual(['t-closed']);
    expect(await found(db, '8613812345678', true)).toEqual(['t-open']);
    // What was typed in a description stays plain text, found by anyone, as before.
    expect(await found(db, '13900001111', false)).toEqual(['t-closed']);
    expect(await found(db, '漏水', false)).toEqual(['t-open']);
    expect(await found(db, '3-1502', false)).toEqual(['t-open', 't-closed']);
  });
});
