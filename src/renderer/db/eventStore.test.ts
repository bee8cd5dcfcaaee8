import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TEST_STATION, testDatabase, loggedEvents, loggedCount, loggedEvent } from '../testing/testStation';
import Dexie from 'dexie';
import { DeskDatabase } from './database';
import { CURRENT_SCHEMA_VERSION, schemaV1, schemaV5 } from './schema';
import { boot, lastHlc } from '../desk/boot';
import { EventStore } from './eventStore';
import { setupStation } from '../features/setup/setupStation';
import { createTicket as openTicket, type IntakeValues } from '../features/intake/createTicket';
import { MAX_SEARCH_CANDIDATES, queryQueue } from '../features/queue/queueQuery';
import { changeStatus } from '../features/ticket/ticketCommands';
import { ticketTimeline } from '../features/ticket/ticketQueries';
import { signIn } from '../features/signin/signIn';
import { project } from './projections';
import type { DeskEvent } from '@shared/events/envelope';

const leak: IntakeValues = {
  channel: 'phone', kind: 'repair', urgency: 'urgent', building: '3栋', room: '1502', callerName: '张三',
  callerPhone: '13800138000', description: '厨房水管漏水', paid: false, receivedAt: Date.parse('2026-11-22T08:00:00Z'),
};

function freshDb() {
  const db = testDatabase(`test-${Math.random()}`);
  return db;
}

describe('event store', () => {
  it('sets up a station and its first manager, and finds them again after a restart', async () => {
    const db = freshDb();
    const { managerId } = await setupStation(db, TEST_STATION);
    db.close();
    const again = await boot(new DeskDatabase(db.name));
    expect(again.station).toMatchObject({ stationCode: 'FD', timeZone: 'Asia/Shanghai' });
    const manager = await again.db.staff.get(managerId);
    expect(manager).toMatchObject({ name: '李经理', role: 'manager', active: 1 });
    expect(JSON.stringify(manager)).not.toContain('246813');
    const events = await loggedEvents(again.db);
    expect(events.every((e) => e.station === 'front-desk' && e.actor === managerId)).toBe(true);
    again.db.close();
  });

  it('resumes its clock after the last event in the log when restarted, even with the clock set back', async () => {
    const db = freshDb();
    const { store, managerId } = await setupStation(db, TEST_STATION);
    const first = await openTicket(db, store, 'Asia/Shanghai', leak, managerId);
    const [opened] = await ticketTimeline(db, first.id);
    db.close();
    const again = await boot(new DeskDatabase(db.name));
    // The wall clock now reads an hour earlier than when the first ticket was saved.
    const earlier = new EventStore(again.db, again.store!.station, await lastHlc(again.db), () => Date.now() - 3_600_000);
    const t = await openTicket(again.db, earlier, 'Asia/Shanghai', leak, managerId);
    await changeStatus(earlier, t.id, 'inProgress', managerId);
    const later = await ticketTimeline(again.db, t.id);
    expect(later.every((e) => e.hlc > opened!.hlc)).toBe(true);
    expect(await again.db.meta.get('hlc')).toBeUndefined(); // the log alone tells where the clock was
    again.db.close();
  });

  it('numbers tickets with the station code and the station day, one sequence per day', async () => {
    const db = freshDb();
    const { store, managerId } = await setupStation(db, TEST_STATION);
    const day1 = Date.parse('2026-11-22T08:00:00Z');
    const a = await openTicket(db, store, 'Asia/Shanghai', leak, managerId, day1);
    const b = await openTicket(db, store, 'Asia/Shanghai', leak, managerId, day1 + 1000);
    const c = await openTicket(db, store, 'Asia/Shanghai', leak, managerId, Date.parse('2026-11-22T16:30:00Z'));
    expect([a.number, b.number, c.number]).toEqual(['FD-20261122-001', 'FD-20261122-002', 'FD-20261123-001']);
    const ticket = await db.tickets.get(a.id);
    expect(ticket).toMatchObject({ unitKey: '3-1502', building: '3', room: '1502', status: 'open', active: 1, createdBy: managerId });
    expect(await db.outbox.count()).toBe(await loggedCount(db));
  });

  it('leaves nothing half-written when a save fails', async () => {
    const db = freshDb();
    const { store, managerId } = await setupStation(db, TEST_STATION);
    const before = { events: await loggedCount(db), tickets: await db.tickets.count(), meta: await db.meta.toArray() };
    await expect(openTicket(db, store, 'Asia/Shanghai', { ...leak, description: '' }, managerId)).rejects.toThrow();
    await expect(store.append([{ stream: 'ticket:x', type: 'ticket.opened', payload: { nonsense: true } }], managerId)).rejects.toMatchObject({ reason: 'invalid' });
    expect({ events: await loggedCount(db), tickets: await db.tickets.count(), meta: await db.meta.toArray() }).toEqual(before);
  });

  it('reports a closed database as such', async () => {
    const db = freshDb();
    const { store, managerId } = await setupStation(db, TEST_STATION);
    db.close();
    await expect(openTicket(db, store, 'Asia/Shanghai', leak, managerId)).rejects.toMatchObject({ reason: 'closed' });
  });

  it('filters the queue by kind and status, and searches number, unit and text', async () => {
    const db = freshDb();
    const { store, managerId } = await setupStation(db, TEST_STATION);
    const t0 = Date.parse('2026-11-22T08:00:00Z');
    const repair = await openTicket(db, store, 'Asia/Shanghai', leak, managerId, t0);
    const complaint = await openTicket(db, store, 'Asia/Shanghai', { ...leak, kind: 'complaint', building: '5', room: '201', description: '楼上噪音扰民' }, managerId, t0 + 1);
    await changeStatus(store, repair.id, 'closed', managerId);
    const numbers = async (f: Partial<Parameters<typeof queryQueue>[1]>) =>
      (await queryQueue(db, { kind: null, scope: 'active', search: '', limit: 50, ...f })).tickets.map((t) => t.number);
    expect(await numbers({})).toEqual([complaint.number]);
    expect(await numbers({ scope: 'closed' })).toEqual([repair.number]);
    expect(await numbers({ scope: 'all' })).toEqual([complaint.number, repair.number]);
    expect(await numbers({ scope: 'all', kind: 'repair' })).toEqual([repair.number]);
    expect(await numbers({ kind: 'repair' })).toEqual([]);
    expect(await numbers({ scope: 'all', search: '噪音' })).toEqual([complaint.number]);
    expect(await numbers({ scope: 'all', search: '3-1502' })).toEqual([repair.number]);
    expect(await numbers({ scope: 'all', search: repair.number.toLowerCase() })).toEqual([repair.number]);
    expect(await numbers({ scope: 'all', search: '20126' })).toEqual([]);
    expect(await numbers({ scope: 'all', search: '漏水 1502' })).toEqual([repair.number]);
    // The closed repair is no longer found among open requests, and is found again when reopened.
    expect(await numbers({ search: '漏水' })).toEqual([]);
    await changeStatus(store, repair.id, 'open', managerId);
    expect(await numbers({ search: '漏水' })).toEqual([repair.number]);
  });

  it('stops a search at the candidate limit and says so, instead of walking every ticket', async () => {
    const db = freshDb();
    const { store, managerId } = await setupStation(db, TEST_STATION);
    await db.tickets.bulkPut(Array.from({ length: MAX_SEARCH_CANDIDATES + 10 }, (_, i) => ({
      ...(null as never), id: `t${String(i).padStart(6, '0')}`, number: `X-${i}`, kind: 'repair' as const, active: 0 as const, status: 'closed' as const,
      createdAt: i, receivedAt: i, unitKey: '1-101', terms: ['电梯'],
    })));
    await openTicket(db, store, 'Asia/Shanghai', { ...leak, kind: 'disaster', description: '电梯困人' }, managerId);
    const result = await queryQueue(db, { kind: 'disaster', scope: 'all', search: '电梯', limit: 50 });
    expect(result.truncated).toBe(true);
    const active = await queryQueue(db, { kind: 'disaster', scope: 'active', search: '电梯', limit: 50 });
    expect(active).toMatchObject({ truncated: false, tickets: [expect.objectContaining({ kind: 'disaster' })] });
  });

  it('keeps the timeline of who did what, in order', async () => {
    const db = freshDb();
    const { store, managerId } = await setupStation(db, TEST_STATION);
    const t = await openTicket(db, store, 'Asia/Shanghai', leak, managerId);
    await changeStatus(store, t.id, 'inProgress', managerId);
    const timeline = await ticketTimeline(db, t.id);
    expect(timeline.map((e) => [e.type, e.actor])).toEqual([['ticket.opened', managerId], ['ticket.statusChanged', managerId]]);
  });

  it('gives the same projection whatever order the events arrive in', async () => {
    const db = freshDb();
    const { store, managerId } = await setupStation(db, TEST_STATION);
    const t = await openTicket(db, store, 'Asia/Shanghai', leak, managerId);
    await changeStatus(store, t.id, 'inProgress', managerId);
    const [, inProgress] = await ticketTimeline(db, t.id);
    // A remote "closed" stamped just before the local "inProgress" arrives after it.
    const late: DeskEvent = {
      id: 'remote-1', stream: `ticket:${t.id}`, type: 'ticket.statusChanged', actor: managerId, station: 'control-room',
      hlc: inProgress!.hlc.replace(/[0-9a-f]{16}$/, '0000000000000000'), payload: { status: 'closed' },
    };
    expect(late.hlc < inProgress!.hlc).toBe(true);
    await db.transaction('rw', db.tables, async () => {
      await db.events.add(late);
      await project(db, late);
    });
    // The local "inProgress" is later than the remote "closed", so it wins on every station.
    expect((await db.tickets.get(t.id))?.status).toBe('inProgress');
  });

  it('applies an edit that arrived before the record it edits, once that record arrives', async () => {
    const db = freshDb();
    const { managerId } = await setupStation(db, TEST_STATION);
    const pin = { algorithm: 'PBKDF2-SHA256', iterations: 100_000, salt: '0'.repeat(32), hash: '1'.repeat(64) };
    const remote = (id: string, type: string, hlc: string, payload: object): DeskEvent =>
      ({ id, stream: 'staff:remote-1', type, hlc, station: 'control-room', actor: managerId, payload: payload as Record<string, unknown> });
    const rename = remote('r2', 'staff.updated', '2099-11-22T09:00:00.000Z-0000-00000000000000aa', { name: '王芳芳' });
    const added = remote('r1', 'staff.added', '2099-11-22T08:00:00.000Z-0000-00000000000000aa', { name: '王芳', role: 'clerk', language: 'zh-CN', pin });
    for (const event of [rename, added]) {
      await db.transaction('rw', db.tables, async () => {
        await db.events.add(event);
        await project(db, event);
      });
    }
    expect(await db.staff.get('remote-1')).toMatchObject({ name: '王芳芳', role: 'clerk' });
  });

  it('locks a person out after five wrong PINs and records it', async () => {
    const db = freshDb();
    const { store, managerId } = await setupStation(db, TEST_STATION);
    const now = Date.parse('2026-11-22T08:00:00Z');
    for (let i = 0; i < 4; i++) expect(await signIn(db, store, managerId, '1111', 'unlock', now)).toMatchObject({ ok: false, reason: 'wrongPin' });
    expect(await signIn(db, store, managerId, '1111', 'unlock', now)).toMatchObject({ ok: false, reason: 'lockedOut' });
    expect(await signIn(db, store, managerId, '246813', 'unlock', now + 1000)).toMatchObject({ ok: false, reason: 'lockedOut' });
    expect(await signIn(db, store, managerId, '246813', 'unlock', now + 61_000)).toMatchObject({ ok: true });
    expect(await loggedEvents(db).then((es) => es.filter((e) => e.type === 'staff.lockedOut').length)).toBe(1);
  });
});

describe('schema upgrade', () => {
  it('opens a version 1 database with its data intact and the new index usable', async () => {
    const name = `upgrade-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores(schemaV1);
    await old.open();
    await old.table('tickets').put({ id: 't1', number: 'FD-20261122-001', createdAt: 1, active: 1, kind: 'repair', unitKey: '3-1502', terms: ['3'], callerPhone: '+8613800138000' });
    await old.table('events').put({ id: 'e1', stream: 'ticket:t1', hlc: 'x', type: 'ticket.opened', station: 'FD', actor: null, payload: {} });
    old.close();
    const db = new DeskDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await loggedEvent(db, 'e1')).toBeTruthy();
    expect((await db.tickets.where('callerPhone').equals('+8613800138000').toArray()).map((t) => t.id)).toEqual(['t1']);
    // The open ticket is now found by the open-requests search, once.
    expect((await db.tickets.where('terms').equals('~a:3').toArray()).map((t) => t.id)).toEqual(['t1']);
    expect((await db.tickets.get('t1'))?.terms).toEqual(['~a:3']);
    // v7: the indexes no query used are gone, the ones the queue and caller ID use are there.
    const indexes = db.tickets.schema.indexes.map((i) => i.name);
    expect(indexes).not.toContain('number');
    expect(indexes).not.toContain('unitKey');
    expect(indexes).toEqual(expect.arrayContaining(['[active+createdAt]', 'terms', 'callerPhone', '[unitKey+createdAt]']));
    db.close();
  });

  it('keeps one copy of an open ticket\'s terms after v5, and leaves closed tickets alone', async () => {
    const name = `upgrade-v5-${Math.random()}`;
    const old = new Dexie(name);
    old.version(5).stores(schemaV5);
    await old.open();
    await old.table('tickets').bulkPut([
      { id: 'open', number: 'FD-20261122-001', createdAt: 2, active: 1, kind: 'repair', unitKey: '3-1502', terms: ['漏水', '水', '~a:漏水', '~a:水'] },
      { id: 'closed', number: 'FD-20261122-002', createdAt: 1, active: 0, kind: 'repair', unitKey: '3-1502', terms: ['漏水', '水'] },
    ]);
    old.close();
    const db = new DeskDatabase(name);
    await db.open();
    expect((await db.tickets.get('open'))?.terms).toEqual(['~a:漏水', '~a:水']);
    expect((await db.tickets.get('closed'))?.terms).toEqual(['漏水', '水']);
    const ids = async (scope: 'active' | 'closed' | 'all') => (await queryQueue(db, { kind: null, scope, search: '漏水', limit: 50 })).tickets.map((t) => t.id);
    expect([await ids('active'), await ids('closed'), await ids('all')]).toEqual([['open'], ['closed'], ['open', 'closed']]);
    db.close();
  });
});
