import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '@shared/events/envelope';
import { formatHlc } from '@shared/hlc';
import type { DutyRow } from '@shared/shifts/dutyFold';
import { TEST_STATION, testDatabase, loggedEvents } from '../../testing/testStation';
import { project } from '../../db/projections';
import { setupStation } from '../setup/setupStation';
import { addStaff } from '../staff/staffCommands';
import { createTicket, type IntakeValues } from '../intake/createTicket';
import { takeDeskBack, transferDesk, DutyRefusedError } from './dutyCommands';
import { handedOver, knownStations, nightActivity } from './dutyQueries';
import { streamEvents } from '../../db/eventLog';

// Issue 16, R-NIGHT-TRANSFER on a real store (fake-indexeddb through the EventStore): the front
// desk ('front-desk', TEST_STATION) hands the desk to the control room's station at night and
// takes it back in the morning, having read what the night handled.

const TZ = 'Asia/Shanghai';
const MINUTE = 60_000;

const repair = (values: Partial<IntakeValues> = {}): IntakeValues => ({
  channel: 'phone', kind: 'repair', urgency: 'normal', building: '3', room: '1502', callerName: '张三',
  callerPhone: '13800138000', description: '厨房水管漏水', paid: false, receivedAt: Date.now() - MINUTE, ...values,
});

async function desk() {
  const db = testDatabase();
  const { store, managerId } = await setupStation(db, TEST_STATION);
  const clerkId = await addStaff(db, store, { name: '王文员', role: 'clerk', language: 'zh-CN', pin: '2468' }, managerId);
  const row = async () => ((await db.shifts.get('desk')) as DutyRow | undefined) ?? null;
  let n = 0;
  /** An event saved on the control room's station, applied as a pulled page applies it. */
  const fromControlRoom = async (stream: string, type: string, actor: string | null, payload: Record<string, unknown>) => {
    n += 1;
    const event: DeskEvent = { id: `cr-${n}`, stream, type, hlc: formatHlc({ millis: Date.now(), counter: n, node: '00000000000000cc' }), station: 'control-room', actor, payload };
    await db.transaction('rw', db.tables, async () => {
      await db.events.add(event);
      await project(db, event);
    });
  };
  return { db, store, managerId, clerkId, row, fromControlRoom };
}

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => (e instanceof DutyRefusedError ? e.code : e));

describe('the night transfer (dutyCommands)', () => {
  it('R-NIGHT-TRANSFER: the clerk transfers the desk to the control room\'s station, with a note; it holds the desk from then', async () => {
    const { db, store, clerkId, row } = await desk();
    const at = Date.now();
    await transferDesk(db, store, 'control-room', '  3-1502 漏水待维修回复 ', clerkId, at);
    expect((await row())?.holder).toEqual({ station: 'control-room', staffId: null, since: at });
    const [event] = await streamEvents(db, 'shift:desk');
    expect(event).toMatchObject({ type: 'duty.transferred', actor: clerkId, station: 'front-desk', payload: { at, toStation: 'control-room', text: '3-1502 漏水待维修回复' } });
  });

  it('R-NIGHT-TRANSFER: only the station holding the desk (or any, while nobody does) transfers it, never to itself', async () => {
    const { db, store, clerkId, row, fromControlRoom } = await desk();
    expect(await refusal(transferDesk(db, store, 'front-desk', '', clerkId))).toBe('sameStation');
    // The control room holds it (a transfer made elsewhere): the front desk cannot send it on.
    await fromControlRoom('shift:desk', 'duty.transferred', clerkId, { at: Date.now(), toStation: 'control-room' });
    expect(await refusal(transferDesk(db, store, 'annex', '', clerkId))).toBe('notHolder');
    expect((await row())?.holder.station).toBe('control-room');
    // Nothing of the refused ones was saved: the one transfer is the control room's.
    expect((await streamEvents(db, 'shift:desk')).map((e) => e.station)).toEqual(['control-room']);
  });

  it('R-NIGHT-TRANSFER: the desk takes it back in the morning on its own station; not while it holds it, nor when nobody transferred it', async () => {
    const { db, store, clerkId, row } = await desk();
    expect(await refusal(takeDeskBack(db, store, clerkId))).toBe('notAway');
    await transferDesk(db, store, 'control-room', '', clerkId);
    const morning = Date.now();
    await takeDeskBack(db, store, clerkId, morning);
    expect((await row())?.holder).toEqual({ station: 'front-desk', staffId: clerkId, since: morning });
    const taken = (await loggedEvents(db)).find((e) => e.type === 'duty.takenBack');
    expect(taken?.payload).toEqual({ at: morning, fromStation: 'control-room', readConfirmed: true });
    expect(await refusal(takeDeskBack(db, store, clerkId))).toBe('notAway');
  });

  it('R-NIGHT-TRANSFER: the transfer lists the open requests with their next deadline', async () => {
    const { db, store, managerId } = await desk();
    const { id, number } = await createTicket(db, store, TZ, repair(), managerId);
    const over = await handedOver(db);
    expect(over.requests.map((r) => r.ticket.number)).toEqual([number]);
    expect(over.requests[0]!.nextDue).toEqual({ ruleId: 'R-REPAIR-ORDER-5MIN', dueAt: (await db.tickets.get(id))!.receivedAt + 5 * MINUTE });
    expect(over.unacknowledged).toEqual([]);
    expect(await knownStations(db)).toEqual(['front-desk']);
  });

  it('R-NIGHT-TRANSFER: taking back lists the night\'s requests (back-fills marked), its calls and its alarms, not what came before', async () => {
    const { db, store, managerId, clerkId, fromControlRoom } = await desk();
    const before = await createTicket(db, store, TZ, repair({ description: '白天的报修' }), managerId);
    await new Promise((r) => setTimeout(r, 5));
    const since = Date.now();
    await transferDesk(db, store, 'control-room', '', clerkId, since);
    await new Promise((r) => setTimeout(r, 5));
    // The night: a back-fill (补单) entered here, a call and an acknowledged alarm on the control room's station.
    const backfill = await createTicket(db, store, TZ, repair({ description: '对讲机报修', receivedAt: since - 30 * MINUTE, backfill: { reason: '夜班纸质登记' } }), managerId);
    await fromControlRoom('call:c1', 'call.received', null, { number: '13800138000', e164: '+8613800138000', name: null, withheld: false, numberStatus: 'present', at: Date.now(), unitKeys: [] });
    await fromControlRoom(`ticket:${before.id}`, 'ticket.alarmAcknowledged', managerId, { at: Date.now(), rule: 'R-REPAIR-ORDER-5MIN', dueAt: since });
    const night = await nightActivity(db, since);
    expect(night.requests).toMatchObject([{ ticketId: backfill.id, number: backfill.number, backfilled: true, station: 'front-desk', description: '对讲机报修' }]);
    expect(night.calls.map((c) => ({ id: c.id, station: c.station }))).toEqual([{ id: 'c1', station: 'control-room' }]);
    expect(night.alarms).toMatchObject([{ ticketId: before.id, number: before.number, kind: 'acknowledged', station: 'control-room', actor: managerId }]);
  });
});
