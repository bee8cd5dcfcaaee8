import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie, { type DBCore, type ObservabilitySet } from 'dexie';
import { streams, type DeskEvent } from '@shared/events/envelope';
import { DEADLINE_TUNED } from '@shared/station/stationEvents';
import { ticketNumber } from '@shared/tickets/ticketNumber';
import { TEST_STATION, testDatabase } from '../../testing/testStation';
import { setupStation } from '../setup/setupStation';
import { addStaff } from '../staff/staffCommands';
import { createTicket, type IntakeValues } from '../intake/createTicket';
import { takeStep } from '../handling/stepCommands';
import { applyPage } from '../../sync/applyPage';
import type { DeskDatabase } from '../../db/database';
import { acknowledgeAlarm, ClockRefusedError, escalateAlarm, snoozeAlarm } from './clockCommands';
import { ALARMS_SINCE_KEY, createAlarmDeriver, deriveAlarms, toHostList } from './deriveAlarms';

// The alarm list as the root derives it, on a real store (fake-indexeddb through the EventStore):
// the deadlines projection says which clocks run, the tickets they name say the rest, and the
// host is handed only what must ring.

const TZ = 'Asia/Shanghai';
const MINUTE = 60_000;
const RECEIVED = Date.now() - 2 * MINUTE;

const request = (values: Partial<IntakeValues> = {}): IntakeValues => ({
  channel: 'phone', kind: 'repair', urgency: 'normal', building: '3', room: '1502', callerName: '张三',
  callerPhone: '13800138000', description: '厨房水管漏水', paid: false, receivedAt: RECEIVED, ...values,
});

async function desk() {
  const db = testDatabase();
  const { store, managerId } = await setupStation(db, TEST_STATION);
  const clerkId = await addStaff(db, store, { name: '王芳', role: 'clerk', language: 'zh-CN', pin: '1234' }, managerId);
  const clerk = { id: clerkId, role: 'clerk' as const };
  const open = async (values: Partial<IntakeValues> = {}) => (await createTicket(db, store, TZ, request(values), clerkId)).id;
  // The station has had alarms for an hour (a deadline past before that would be listed late, silent).
  await db.meta.put({ key: ALARMS_SINCE_KEY, value: Date.now() - 60 * MINUTE });
  return { db, store, managerId, clerk, open };
}

const rules = async (db: DeskDatabase, now = Date.now()) => (await deriveAlarms(db, now)).map((v) => v.ruleId);

describe('deriveAlarms and the host list', () => {
  it('R-REPAIR-ORDER-5MIN: a saved non-urgent repair has its row, listed with its unit and handed over with warn, due and escalation', async () => {
    const { db, open } = await desk();
    const id = await open();
    expect(await db.deadlines.toArray()).toEqual([{ id: `${id}|R-REPAIR-ORDER-5MIN`, ticketId: id, ruleId: 'R-REPAIR-ORDER-5MIN', dueAt: RECEIVED + 5 * MINUTE }]);
    const [view] = await deriveAlarms(db);
    expect(view).toMatchObject({ id: `${id}|R-REPAIR-ORDER-5MIN`, kind: 'repair', urgency: 'normal', where: '3-1502', level: 'pending' });
    expect(toHostList([view!])).toEqual([{
      id: `${id}|R-REPAIR-ORDER-5MIN`, dueAt: RECEIVED + 5 * MINUTE, warnAt: RECEIVED + 3 * MINUTE, escalateAt: RECEIVED + 15 * MINUTE,
      labels: { ticketId: id, number: view!.number, ruleId: 'R-REPAIR-ORDER-5MIN', where: '3-1502' },
    }]);
  });

  it('R-REPAIR-ORDER-5MIN, R-REPAIR-CHASE: the work order stops the 5 minutes and starts the chase; closing stops every clock', async () => {
    const { db, store, clerk, open } = await desk();
    const id = await open();
    const now = Date.now();
    await takeStep(db, store, id, 'ticket.workOrderIssued', { at: now, orderNumber: '', department: 'engineering' }, clerk, TZ, now);
    expect(await rules(db)).toEqual(['R-REPAIR-CHASE']);
    await takeStep(db, store, id, 'ticket.closed', { at: now, outcome: 'withdrawn', text: '住户撤回' }, clerk, TZ, now);
    expect(await db.deadlines.count()).toBe(0);
    expect(await deriveAlarms(db)).toEqual([]);
  });

  it('a deadline already past before the station had alarms (an upgraded or newly joined store) is listed late and never handed over; one due after rings', async () => {
    const { db, open } = await desk();
    await db.meta.delete(ALARMS_SINCE_KEY);
    // Two years of requests: one left open since last month, its 5 minutes long gone.
    await open({ receivedAt: Date.now() - 30 * 24 * 60 * MINUTE, room: '0101' });
    // The root's deriver begins the station's alarms (a one-shot read only reads when they began).
    const first = await createAlarmDeriver(db)('all');
    expect(first).toMatchObject([{ ruleId: 'R-REPAIR-ORDER-5MIN', late: true, rings: false, level: 'overdue' }]);
    expect(toHostList(first)).toEqual([]);
    expect(await db.meta.get(ALARMS_SINCE_KEY)).toMatchObject({ value: expect.any(Number) });
    // A request received now, after the station's alarms began: it rings.
    await open({ receivedAt: Date.now() });
    expect(toHostList(await deriveAlarms(db))).toHaveLength(1);
  });

  it('R-REPAIR-ORDER-5MIN: an acknowledgement synced from another station takes the round out of the host list; it stays listed', async () => {
    const { db, clerk, open } = await desk();
    const id = await open({ receivedAt: Date.now() - 6 * MINUTE });
    const [ringing] = await deriveAlarms(db);
    expect(ringing?.level).toBe('overdue');
    expect(toHostList([ringing!])).toHaveLength(1);
    const ack: DeskEvent = {
      id: 'remote-ack-1', stream: streams.ticket(id), type: 'ticket.alarmAcknowledged', hlc: `${new Date().toISOString()}-0001-00000000000000cc`,
      station: 'control-room', actor: clerk.id, payload: { at: Date.now(), rule: 'R-REPAIR-ORDER-5MIN', dueAt: ringing!.dueAt },
    };
    await applyPage(db, [ack], 1, null);
    const views = await deriveAlarms(db);
    expect(views[0]).toMatchObject({ ruleId: 'R-REPAIR-ORDER-5MIN', acknowledged: { by: clerk.id } });
    expect(toHostList(views)).toEqual([]);
  });

  it('R-REPAIR-ORDER-5MIN: a snooze hands the round over due when it ends; an escalation leaves no escalation to arm', async () => {
    const { db, store, clerk, open } = await desk();
    await open({ receivedAt: Date.now() - 16 * MINUTE });
    const [view] = await deriveAlarms(db);
    await snoozeAlarm(db, store, view!, 10, '正在联系工程部', clerk);
    const [snoozed] = toHostList(await deriveAlarms(db));
    expect(snoozed!.dueAt).toBeGreaterThan(Date.now() + 9 * MINUTE);
    expect(snoozed!.escalateAt).toBe(snoozed!.dueAt);
    await escalateAlarm(db, store, view!, 'supervisor', null);
    await expect(escalateAlarm(db, store, view!, 'supervisor', null)).rejects.toMatchObject({ code: 'alreadyEscalated' });
    const [escalated] = toHostList(await deriveAlarms(db));
    expect(escalated).not.toHaveProperty('escalateAt');
    await acknowledgeAlarm(db, store, view!, clerk);
    const error = await acknowledgeAlarm(db, store, view!, clerk).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClockRefusedError);
    expect(toHostList(await deriveAlarms(db))).toEqual([]);
  });

  it('R-REPAIR-ORDER-5MIN: the manager\'s tuning moves the due times handed over', async () => {
    const { db, store, managerId, open } = await desk();
    await open();
    expect(toHostList(await deriveAlarms(db))[0]?.dueAt).toBe(RECEIVED + 5 * MINUTE);
    await store.append([{ stream: streams.settings, type: DEADLINE_TUNED, payload: { rule: 'R-REPAIR-ORDER-5MIN', tuning: { durationMinutes: 8, warnMinutes: 1 } } }], managerId);
    expect(await db.deadlines.toArray()).toMatchObject([{ dueAt: RECEIVED + 8 * MINUTE }]);
    expect(toHostList(await deriveAlarms(db))[0]).toMatchObject({ dueAt: RECEIVED + 8 * MINUTE, warnAt: RECEIVED + 7 * MINUTE });
  });

  it('R-REPAIR-ORDER-5MIN: a back-filled request entered after its 5 minutes is listed late but never handed to the alarm clock', async () => {
    const { db, open } = await desk();
    await open({ receivedAt: Date.now() - 3 * 3_600_000, backfill: { reason: '夜班对讲机报修,早上补录' } });
    const views = await deriveAlarms(db);
    expect(views).toMatchObject([{ ruleId: 'R-REPAIR-ORDER-5MIN', late: true, rings: false, level: 'overdue' }]);
    expect(toHostList(views)).toEqual([]);
  });

  it('1,000 running clocks derive from the projection and the tickets it names: no whole-table read of tickets', async () => {
    const { db, store, clerk } = await desk();
    const day = '20261122';
    for (let batch = 0; batch < 10; batch++) {
      const drafts = Array.from({ length: 100 }, (_, i) => {
        const n = batch * 100 + i;
        const { building, room, ...values } = request({ room: String(1000 + n) });
        return { stream: streams.ticket(`t-${String(n).padStart(4, '0')}`), type: 'ticket.opened', payload: { ...values, building, room, unitKey: `${building}-${room}`, number: ticketNumber('FD', day, n + 1) } };
      });
      await store.append(drafts as never, clerk.id);
    }
    const reads: string[] = [];
    // A middleware takes effect when the database opens: reopened with a spy on the tickets table.
    db.close();
    db.use({
      stack: 'dbcore', name: 'ticketReads', create: (down: DBCore): DBCore => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'tickets') return table;
          return {
            ...table,
            getMany: (req) => (reads.push(`getMany:${req.keys.length}`), table.getMany(req)),
            get: (req) => (reads.push('get'), table.get(req)),
            query: (req) => (reads.push('query'), table.query(req)),
            openCursor: (req) => (reads.push('openCursor'), table.openCursor(req)),
            count: (req) => (reads.push('count'), table.count(req)),
          };
        },
      }),
    });
    await db.open();
    const views = await deriveAlarms(db);
    expect(views).toHaveLength(1000);
    expect(toHostList(views)).toHaveLength(1000);
    expect(reads).toEqual(['getMany:1000']);

    // The root's deriver after that: a save reads only the ticket it touched (Dexie's
    // storagemutated names it), a tick with no change reads no ticket at all.
    const derive = createAlarmDeriver(db);
    await derive('all');
    reads.length = 0;
    const seen: ObservabilitySet[] = [];
    const listen = (parts: ObservabilitySet) => void seen.push(parts);
    Dexie.on('storagemutated', listen);
    const one = views[500]!;
    await acknowledgeAlarm(db, store, { ...one, level: 'due' }, clerk).catch(() => undefined);
    await takeStep(db, store, one.ticketId, 'ticket.supervisorConsulted', { at: Date.now(), whom: '李主管' }, clerk, TZ);
    Dexie.on.storagemutated.unsubscribe(listen);
    // (The saves read their own ticket; only the derivation's reads count from here.)
    reads.length = 0;
    const after = await derive(seen);
    expect(reads).toEqual(['getMany:1']);
    expect(after.filter((v) => v.ticketId === one.ticketId).map((v) => v.ruleId).sort()).toEqual([one.ruleId, 'R-REPLY-5MIN'].sort());
    reads.length = 0;
    expect(await derive([])).toHaveLength(1001);
    expect(reads).toEqual([]);
  });

  it('R-REPAIR-ORDER-5MIN: a pulled page of more than 64 new repair requests is sorted anew, and still tells the host only those requests (a patch, not the whole list)', async () => {
    const { db, open } = await desk();
    for (let i = 0; i < 5; i++) await open({ receivedAt: Date.now() - (30 - i) * MINUTE, room: String(1100 + i) });
    const derive = createAlarmDeriver(db);
    await derive('all');
    const seen: ObservabilitySet[] = [];
    const listen = (parts: ObservabilitySet) => void seen.push(parts);
    Dexie.on('storagemutated', listen);
    const page: string[] = [];
    for (let i = 0; i < 70; i++) page.push(await open({ receivedAt: Date.now() - (20 - i / 10) * MINUTE, room: String(2100 + i) }));
    Dexie.on.storagemutated.unsubscribe(listen);
    const now = Date.now();
    const kept = await derive([...seen], now);
    expect(derive.lastChanged).not.toBeNull();
    expect([...derive.lastChanged!.keys()].sort()).toEqual([...page].sort());
    for (const { before, after } of derive.lastChanged!.values()) {
      expect(before).toEqual([]);
      expect(after.map((v) => v.ruleId)).toContain('R-REPAIR-ORDER-5MIN');
    }
    expect(kept.map((v) => `${v.id}@${v.dueAt}`)).toEqual((await createAlarmDeriver(db)('all', now)).map((v) => `${v.id}@${v.dueAt}`));
  });

  it('R-REPAIR-ORDER-5MIN, R-REPAIR-CHASE: the list kept in order change by change is the list derived anew, the listed window included (a burst of saves, work orders, closes)', async () => {
    const { db, store, clerk, open } = await desk();
    const LIMIT = 5;
    // Received over the last hour, a minute apart: their 5 minutes fall due in that order.
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await open({ receivedAt: Date.now() - (60 - i) * MINUTE, room: String(1000 + i) }));
    const derive = createAlarmDeriver(db, { limit: LIMIT });
    await derive('all');
    const seen: ObservabilitySet[] = [];
    const listen = (parts: ObservabilitySet) => void seen.push(parts);
    const anew = async (now: number) => (await createAlarmDeriver(db, { limit: LIMIT })('all', now)).map((v) => `${v.id}@${v.dueAt}`);
    // Each step, and whether the kept list can follow it alone (a listed one closed lets in rows
    // the first read left out: read again).
    const steps: [() => Promise<unknown>, 'kept' | 'read again'][] = [
      // Sooner than all: pushes the 5th out of the window.
      [() => open({ receivedAt: Date.now() - 90 * MINUTE, room: '2001' }), 'kept'],
      // Later than all: not listed.
      [() => open({ receivedAt: Date.now(), room: '2002' }), 'kept'],
      // A work order: the 5 minutes stop, the chase starts (another due time, another place).
      [() => takeStep(db, store, ids[1]!, 'ticket.workOrderIssued', { at: Date.now(), orderNumber: '', department: 'engineering' }, clerk, TZ), 'kept'],
      // Closing a listed one lets the next one in (a row the first read left out).
      [() => takeStep(db, store, ids[0]!, 'ticket.closed', { at: Date.now(), outcome: 'withdrawn', text: '住户撤回' }, clerk, TZ), 'read again'],
      [() => takeStep(db, store, ids[2]!, 'ticket.closed', { at: Date.now(), outcome: 'withdrawn', text: '住户撤回' }, clerk, TZ), 'read again'],
      // Two saves before one derivation (a burst).
      [async () => {
        await open({ receivedAt: Date.now() - 70 * MINUTE, room: '2003' });
        await open({ receivedAt: Date.now() - 75 * MINUTE, room: '2004' });
        await takeStep(db, store, ids[4]!, 'ticket.workOrderIssued', { at: Date.now(), orderNumber: '', department: 'engineering' }, clerk, TZ);
      }, 'kept'],
    ];
    for (const [step, how] of steps) {
      seen.length = 0;
      Dexie.on('storagemutated', listen);
      await step();
      Dexie.on.storagemutated.unsubscribe(listen);
      const now = Date.now();
      const kept = await derive([...seen], now);
      expect(derive.lastChanged === null ? 'read again' : 'kept').toBe(how);
      expect(kept.map((v) => `${v.id}@${v.dueAt}`)).toEqual(await anew(now));
    }
    // A change to nothing it lists: the very same array (the bar does not render again).
    const before = await derive([{}]);
    expect(await derive([{}])).toBe(before);
    expect(derive.lastChanged?.size).toBe(0);
    // A tick (no change: the levels move with the clock) computes everything again.
    await derive([]);
    expect(derive.lastChanged).toBeNull();
  });
});
