// What the renderer's database tests share: the station they set up and fresh databases on
// fake-indexeddb (the test file imports 'fake-indexeddb/auto' first), closed after each test.
import { afterEach } from 'vitest';
import { DeskDatabase } from '../db/database';
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
