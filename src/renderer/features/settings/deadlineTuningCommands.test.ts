import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '@shared/events/envelope';
import { TEST_STATION, testDatabase, loggedCount } from '../../testing/testStation';
import { project } from '../../db/projections';
import { setupStation } from '../setup/setupStation';
import { addStaff } from '../staff/staffCommands';
import { createTicket, type IntakeValues } from '../intake/createTicket';
import { tuneDeadline } from './deadlineTuningCommands';

// Issue 15: the estate's tuning on a real store: it re-times the running clocks in db.deadlines,
// only the manager's counts (S7, permission deadline.tune), and it is last writer wins per rule.

const TZ = 'Asia/Shanghai';
const MINUTE = 60_000;
const RECEIVED = Date.now() - 2 * MINUTE;

const repair = (values: Partial<IntakeValues> = {}): IntakeValues => ({
  channel: 'phone', kind: 'repair', urgency: 'normal', building: '3', room: '1502', callerName: '张三',
  callerPhone: '13800138000', description: '厨房水管漏水', paid: false, receivedAt: RECEIVED, ...values,
});

async function desk() {
  const db = testDatabase();
  const { store, managerId } = await setupStation(db, TEST_STATION);
  const supervisorId = await addStaff(db, store, { name: '陈主管', role: 'supervisor', language: 'zh-CN', pin: '135790' }, managerId);
  const otherManagerId = await addStaff(db, store, { name: '赵经理', role: 'manager', language: 'zh-CN', pin: '975310' }, managerId);
  const { id } = await createTicket(db, store, TZ, repair(), supervisorId, Date.now());
  const dueOf = async (rule: string) => (await db.deadlines.get(`${id}|${rule}`))?.dueAt;
  const tuning = async () => (await db.settings.get('desk'))?.deadlineTuning ?? {};
  /** A tuning event from another station of the estate, applied as a pulled page applies it. */
  const remote = async (hlc: string, actor: string, payload: Record<string, unknown>) => {
    const event: DeskEvent = { id: `remote-${hlc}`, stream: 'settings', type: 'settings.deadlineTuned', hlc, station: 'control-room', actor, payload };
    await db.transaction('rw', db.tables, async () => {
      await db.events.add(event);
      await project(db, event);
    });
    return event;
  };
  return { db, store, managerId, supervisorId, otherManagerId, ticketId: id, dueOf, tuning, remote };
}

describe('tuning a deadline rule (deadlineTuningCommands)', () => {
  it('R-REPAIR-ORDER-5MIN: the manager\'s 10 minutes re-time the running repair\'s clock; back to defaults puts it back at 5', async () => {
    const { store, managerId, dueOf, tuning } = await desk();
    expect(await dueOf('R-REPAIR-ORDER-5MIN')).toBe(RECEIVED + 5 * MINUTE);
    await tuneDeadline(store, 'R-REPAIR-ORDER-5MIN', { durationMinutes: 10, warnMinutes: 3 }, managerId);
    expect(await tuning()).toEqual({ 'R-REPAIR-ORDER-5MIN': { durationMinutes: 10, warnMinutes: 3 } });
    expect(await dueOf('R-REPAIR-ORDER-5MIN')).toBe(RECEIVED + 10 * MINUTE);
    await tuneDeadline(store, 'R-REPAIR-ORDER-5MIN', null, managerId);
    expect(await tuning()).toEqual({});
    expect(await dueOf('R-REPAIR-ORDER-5MIN')).toBe(RECEIVED + 5 * MINUTE);
  });

  it('S7: a supervisor\'s tuning is refused by the fold: listed, the tuning and the due times unchanged', async () => {
    const { db, store, supervisorId, dueOf, tuning } = await desk();
    await tuneDeadline(store, 'R-REPAIR-ORDER-5MIN', { durationMinutes: 30 }, supervisorId);
    expect(await tuning()).toEqual({});
    expect(await dueOf('R-REPAIR-ORDER-5MIN')).toBe(RECEIVED + 5 * MINUTE);
    expect(await db.refusedEvents.toArray()).toMatchObject([{ type: 'settings.deadlineTuned', actor: supervisorId, reason: 'notPermitted' }]);
  });

  it('two managers tuning two rules both keep theirs; for one rule the later tuning wins, whatever arrives last', async () => {
    const { store, managerId, otherManagerId, dueOf, tuning, remote } = await desk();
    await tuneDeadline(store, 'R-REPAIR-ORDER-5MIN', { durationMinutes: 10 }, managerId);
    await remote('2099-01-02T00:00:00.000Z-0001-00000000000000cc', otherManagerId, { rule: 'R-COMPLAINT-CONTACT', tuning: { durationMinutes: 2 * 24 * 60 } });
    expect(await tuning()).toEqual({ 'R-REPAIR-ORDER-5MIN': { durationMinutes: 10 }, 'R-COMPLAINT-CONTACT': { durationMinutes: 2 * 24 * 60 } });
    // The same rule: the newer (2099-01-03) stays when an older one (2099-01-01) arrives after it.
    await remote('2099-01-03T00:00:00.000Z-0001-00000000000000cc', otherManagerId, { rule: 'R-REPAIR-ORDER-5MIN', tuning: { durationMinutes: 7 } });
    await remote('2099-01-01T00:00:00.000Z-0001-00000000000000dd', managerId, { rule: 'R-REPAIR-ORDER-5MIN', tuning: { durationMinutes: 20 } });
    expect(await tuning()).toEqual({ 'R-REPAIR-ORDER-5MIN': { durationMinutes: 7 }, 'R-COMPLAINT-CONTACT': { durationMinutes: 2 * 24 * 60 } });
    expect(await dueOf('R-REPAIR-ORDER-5MIN')).toBe(RECEIVED + 7 * MINUTE);
  });

  it('refuses a tuning its schema does not take before anything is written', async () => {
    const { db, store, managerId } = await desk();
    const before = await loggedCount(db);
    await expect(tuneDeadline(store, 'R-REPAIR-ORDER-5MIN', { durationMinutes: 0 }, managerId)).rejects.toThrow();
    await expect(tuneDeadline(store, 'R-REPAIR-ORDER-5MIN', { durationMinutes: 2.5 }, managerId)).rejects.toThrow();
    expect(await loggedCount(db)).toBe(before);
  });
});
