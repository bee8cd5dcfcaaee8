// The in-page half of the alarm handover bench (bench/alarmHandover.ts bundles this file and runs
// it in the desk's own page): saves through createTicket and the real EventStore, as the desk does.
import './desk/zodJitless';
import { DeskDatabase } from '../src/renderer/db/database';
import { EventStore } from '../src/renderer/db/eventStore';
import { lastHlc } from '../src/renderer/desk/boot';
import { createTicket } from '../src/renderer/features/intake/createTicket';
import { intakeValues } from './seedStore';

let session: { db: DeskDatabase; store: EventStore; timeZone: string; actor: string } | null = null;

async function open() {
  if (session) return session;
  const db = new DeskDatabase();
  await db.open();
  const station = (await db.meta.get('station'))?.value as { stationName: string; stationCode: string; nodeId: string; timeZone: string };
  const manager = await db.staff.orderBy('name').first();
  if (!station || !manager) throw new Error('set the station up first');
  session = { db, store: new EventStore(db, { name: station.stationName, code: station.stationCode, nodeId: station.nodeId }, await lastHlc(db)), timeZone: station.timeZone, actor: manager.id };
  return session;
}

/**
 * A complaint received now: its R-COMPLAINT-CONTACT clock runs for 3 days (nothing rings during the
 * bench). A repair's 5 minutes instead, once more than MAX_ALARMS clocks run (the soonest are kept).
 */
async function saveComplaint(kind: 'complaint' | 'repair' = 'complaint'): Promise<number> {
  const { db, store, timeZone, actor } = await open();
  await createTicket(db, store, timeZone, { ...intakeValues(Date.now() - 1000), kind, urgency: 'normal' }, actor);
  return performance.timeOrigin + performance.now();
}

async function seedComplaints(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await saveComplaint();
}

/**
 * The desk bench's burst (bench/desk.ts), here: `count` requests of every kind saved back to back
 * through createTicket, each timed from the call to its commit, while the root derives the alarms.
 */
async function timeBurst(count: number): Promise<{ ms: number[]; startedAt: number; endedAt: number }> {
  const { db, store, timeZone, actor } = await open();
  const ms: number[] = [];
  const startedAt = performance.timeOrigin + performance.now();
  for (let i = 0; i < count; i++) {
    const values = intakeValues(Date.now() - Math.floor(Math.random() * 60_000));
    const t0 = performance.now();
    await createTicket(db, store, timeZone, values, actor);
    ms.push(performance.now() - t0);
  }
  return { ms, startedAt, endedAt: performance.timeOrigin + performance.now() };
}

async function runningClocks(): Promise<number> {
  return (await open()).db.deadlines.count();
}

export const alarmBench = { saveComplaint, seedComplaints, timeBurst, runningClocks };
export type AlarmBench = typeof alarmBench;
(globalThis as unknown as { alarmBench: AlarmBench }).alarmBench = alarmBench;
