// What the renderer's database tests share: the station they set up and fresh databases on
// fake-indexeddb (the test file imports 'fake-indexeddb/auto' first), closed after each test.
import { afterEach } from 'vitest';
import type { DeskEvent } from '@shared/events/envelope';
import { DeskDatabase } from '../db/database';
import { allEvents, countEvents, eventsById } from '../db/eventLog';
import type { SetupInput } from '../features/setup/setupStation';

/** 翠湖花园's front desk and its first manager (a 6-digit PIN, as managers need). */
export const TEST_STATION: SetupInput = {
  estateName: '翠湖花园', stationName: 'front-desk', stationCode: 'FD', timeZone: 'Asia/Shanghai',
  countryCode: '86', areaCode: '755', managerName: '李经理', pin: '246813', language: 'zh-CN',
};

const opened: DeskDatabase[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

/** A new database of its own name, closed after the test. */
export function testDatabase(name = `test-${Math.random()}`): DeskDatabase {
  const db = new DeskDatabase(name);
  opened.push(db);
  return db;
}

/** Every event the station's log holds, in the log's order (records and the pre-v16 table: db/eventLog.ts). */
export const loggedEvents = (db: DeskDatabase) => allEvents(db);

/** How many events the station's log holds. */
export const loggedCount = (db: DeskDatabase) => countEvents(db);

/** The logged event with this id, or undefined. */
export const loggedEvent = (db: DeskDatabase, id: string) => eventsById(db, [id]).then((found) => found[0]);

/** Changes a logged event where it is kept (a test tampering with the log, as a bad disk or an old bug would). */
export async function updateLogged(db: DeskDatabase, id: string, changes: Partial<DeskEvent>): Promise<void> {
  const record = await db.log.where('ids').equals(id).first();
  if (!record) throw new Error(`no logged event ${id}`);
  await db.log.put({ ...record, events: record.events.map((e) => (e.id === id ? { ...e, ...changes } : e)) });
}
