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

/** A complaint received now: its R-COMPLAINT-CONTACT clock runs for 3 days (nothing rings during the bench). */
async function saveComplaint(): Promise<number> {
  const { db, store, timeZone, actor } = await open();
  await createTicket(db, store, timeZone, { ...intakeValues(Date.now() - 1000), kind: 'complaint', urgency: 'normal' }, actor);
  return performance.timeOrigin + performance.now();
}

async function seedComplaints(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await saveComplaint();
}

async function runningClocks(): Promise<number> {
  return (await open()).db.deadlines.count();
}

export const alarmBench = { saveComplaint, seedComplaints, runningClocks };
export type AlarmBench = typeof alarmBench;
(globalThis as unknown as { alarmBench: AlarmBench }).alarmBench = alarmBench;
