import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '@shared/events/envelope';
import { TEST_STATION, testDatabase, loggedEvents, loggedCount, loggedEvent } from '../../testing/testStation';
import { setupStation } from '../setup/setupStation';
import { addStaff } from '../staff/staffCommands';
import { createTicket, type IntakeValues } from '../intake/createTicket';
import { project } from '../../db/projections';
import { StepRefusedError, takeStep } from './stepCommands';

// The commands' side of the rulebook on a real store: a refused step is refused inside the
// save's transaction and writes nothing; a work order gets the station's next number of the
// day; a supervisor's step taken by a clerk is refused here and, arriving by sync, by the fold (S7).

const TZ = 'Asia/Shanghai';
const RECEIVED = Date.parse('2026-11-22T08:00:00Z');
const NOW = RECEIVED + 3_600_000;

const request = (values: Partial<IntakeValues> = {}): IntakeValues => ({
  channel: 'phone', kind: 'repair', urgency: 'normal', building: '3', room: '1502', callerName: '张三',
  callerPhone: '13800138000', description: '厨房水管漏水', paid: false, receivedAt: RECEIVED, ...values,
});

async function desk() {
  const db = testDatabase();
  const { store, managerId } = await setupStation(db, TEST_STATION);
  const clerkId = await addStaff(db, store, { name: '王芳', role: 'clerk', language: 'zh-CN', pin: '1234' }, managerId);
  const supervisorId = await addStaff(db, store, { name: '陈主管', role: 'supervisor', language: 'zh-CN', pin: '135790' }, managerId);
  const clerk = { id: clerkId, role: 'clerk' as const };
  const supervisor = { id: supervisorId, role: 'supervisor' as const };
  const open = async (values: Partial<IntakeValues> = {}) => (await createTicket(db, store, TZ, request(values), clerkId, RECEIVED)).id;
  /** What a refused save must leave as it was. */
  const snapshot = async (ticketId: string) => ({ events: await loggedCount(db), outbox: await db.outbox.count(), row: await db.tickets.get(ticketId), meta: await db.meta.toArray() });
  return { db, store, managerId, clerk, supervisor, open, snapshot };
}

describe('taking a step (stepCommands)', () => {
  it('补单: the received time may be set back with its reason, never ahead of the clock; a refused request writes nothing', async () => {
    const { db, store, clerk } = await desk();
    const before = await loggedCount(db);
    await expect(createTicket(db, store, TZ, request({ receivedAt: RECEIVED + 10 * 60_000, backfill: { reason: '夜班补录' } }), clerk.id, RECEIVED)).rejects.toMatchObject({ reason: 'invalid' });
    expect(await loggedCount(db)).toBe(before);
    const { id } = await createTicket(db, store, TZ, request({ receivedAt: RECEIVED - 6 * 3_600_000, backfill: { reason: '夜班对讲机报修,早上补录' } }), clerk.id, RECEIVED);
    const row = await db.tickets.get(id);
    expect(row).toMatchObject({ receivedAt: RECEIVED - 6 * 3_600_000, backfilled: 1, handling: { backfill: { reason: '夜班对讲机报修,早上补录' } } });
  });

  it('R-REPAIR-RETURN: a refused step throws its code and writes nothing: no event, no outbox row, the row unchanged', async () => {
    const { db, store, clerk, open, snapshot } = await desk();
    const id = await open();
    const before = await snapshot(id);
    const error = await takeStep(db, store, id, 'ticket.repairReturned', { at: NOW, result: 'fixed', text: '已修好' }, clerk, TZ, NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepRefusedError);
    expect(error).toMatchObject({ code: 'notOrdered' });
    expect(await snapshot(id)).toEqual(before);
  });

  it('R-NO-BUCK-PASSING: a referral without whom is refused before anything is written', async () => {
    const { db, store, clerk, open, snapshot } = await desk();
    const id = await open({ kind: 'other' });
    const before = await snapshot(id);
    await expect(takeStep(db, store, id, 'ticket.closed', { at: NOW, outcome: 'referred', text: '非物业范围' }, clerk, TZ, NOW)).rejects.toThrow();
    expect(await snapshot(id)).toEqual(before);
  });

  it('R-REPAIR-ORDER-5MIN: work orders issued on one day are numbered FD-W<day>-01, -02; a refused one uses no number', async () => {
    const { db, store, clerk, open } = await desk();
    const [a, b, complaint] = [await open(), await open(), await open({ kind: 'complaint' })];
    const order = { at: NOW, orderNumber: '', department: 'engineering', technician: '刘师傅' };
    await expect(takeStep(db, store, complaint, 'ticket.workOrderIssued', order, clerk, TZ, NOW)).rejects.toMatchObject({ code: 'wrongKind' });
    const first = await takeStep(db, store, a, 'ticket.workOrderIssued', order, clerk, TZ, NOW);
    const second = await takeStep(db, store, b, 'ticket.workOrderIssued', order, clerk, TZ, NOW + 1000);
    expect([first.orderNumber, second.orderNumber]).toEqual(['FD-W20261122-01', 'FD-W20261122-02']);
    expect((await db.tickets.get(a))?.handling?.workOrders).toEqual([{ number: 'FD-W20261122-01', department: 'engineering', technician: '刘师傅', issuedAt: NOW }]);
    const logged = (await loggedEvents(db)).filter((e) => e.type === 'ticket.workOrderIssued');
    expect(logged.map((e) => e.payload.orderNumber).sort()).toEqual(['FD-W20261122-01', 'FD-W20261122-02']);
    // The next station day (Asia/Shanghai midnight is 16:00 UTC) starts again at 01.
    const nextDay = Date.parse('2026-11-22T16:30:00Z');
    const third = await takeStep(db, store, b, 'ticket.workOrderIssued', { ...order, at: nextDay }, clerk, TZ, nextDay);
    expect(third.orderNumber).toBe('FD-W20261123-01');
  });

  it('R-INQUIRY-WRITTEN: a clerk cannot send the written reply (notPermitted); a supervisor can', async () => {
    const { db, store, clerk, supervisor, open, snapshot } = await desk();
    const id = await open({ kind: 'inquiry', channel: 'written', description: '咨询车位租赁' });
    const reply = { at: NOW, text: '车位租赁的书面答复' };
    const before = await snapshot(id);
    await expect(takeStep(db, store, id, 'ticket.writtenReplySent', reply, clerk, TZ, NOW)).rejects.toMatchObject({ code: 'notPermitted' });
    expect(await snapshot(id)).toEqual(before);
    await takeStep(db, store, id, 'ticket.writtenReplySent', reply, supervisor, TZ, NOW);
    expect(await db.tickets.get(id)).toMatchObject({ status: 'resolved', handling: { writtenReplyAt: NOW } });
    expect(await db.outbox.count()).toBe(before.outbox + 1);
  });

  it('S7: a clerk\'s written reply arriving by sync is refused by the fold, listed, and leaves the row as it was, also when re-folded', async () => {
    const { db, supervisor, clerk, open } = await desk();
    const id = await open({ kind: 'inquiry', channel: 'written', description: '咨询车位租赁' });
    const remote = async (hlc: string, actor: string, extra: Partial<DeskEvent> = {}) => {
      const event: DeskEvent = { id: `remote-${hlc}`, stream: `ticket:${id}`, type: 'ticket.writtenReplySent', hlc, station: 'control-room', actor, payload: { at: NOW, text: '书面答复' }, ...extra };
      await db.transaction('rw', db.tables, async () => {
        await db.events.add(event);
        await project(db, event);
      });
      return event;
    };
    const before = await db.tickets.get(id);
    const byClerk = await remote('2099-01-01T00:00:00.000Z-0001-00000000000000cc', clerk.id);
    expect(await db.tickets.get(id)).toEqual(before);
    expect(await db.refusedEvents.toArray()).toMatchObject([{ id: byClerk.id, type: 'ticket.writtenReplySent', actor: clerk.id, reason: 'notPermitted' }]);
    expect(await loggedEvent(db, byClerk.id)).toBeTruthy();
    // An older event of the stream arrives late: the stream is re-folded from the log, and the
    // clerk's reply is decided again the same way.
    await remote('2098-01-01T00:00:00.000Z-0001-00000000000000cc', clerk.id, { type: 'ticket.answered', payload: { at: NOW, text: '已口头答复' } });
    const refolded = await db.tickets.get(id);
    expect(refolded?.handling?.answeredAt).toBe(NOW);
    expect(refolded?.handling?.writtenReplyAt).toBeUndefined();
    expect(refolded?.status).toBe('inProgress');
    expect((await db.refusedEvents.toArray()).map((r) => r.id)).toEqual([byClerk.id]);
    // The same reply by the supervisor is applied.
    await remote('2099-01-02T00:00:00.000Z-0001-00000000000000cc', supervisor.id);
    expect((await db.tickets.get(id))?.handling?.writtenReplyAt).toBe(NOW);
  });
});
