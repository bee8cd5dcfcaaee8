// Tests only: stations on fake-indexeddb around a FakeHub (the test file imports
// 'fake-indexeddb/auto' first).
import { TEST_STATION, testDatabase } from '../testing/testStation';
import { setupStation } from '../features/setup/setupStation';
import { createTicket, type IntakeValues } from '../features/intake/createTicket';
import type { DeskDatabase } from '../db/database';
import type { EventStore } from '../db/eventStore';
import { createSyncEngine, type SyncEngineOptions } from './syncEngine';
import { fakeTransport, type FakeHub, type FakeStationTransport } from './fakeHub';
import type { SyncEngine } from './engineTypes';

export const leak: IntakeValues = {
  channel: 'phone', kind: 'repair', urgency: 'normal', building: '3栋', room: '1502', callerName: '张三',
  callerPhone: '13800138000', description: '厨房水管漏水', paid: false, receivedAt: Date.parse('2026-11-22T08:00:00Z'),
};

export interface TestStation {
  db: DeskDatabase;
  store: EventStore;
  managerId: string;
  transport: FakeStationTransport;
  engine: SyncEngine;
  openTicket(values?: Partial<IntakeValues>): Promise<string>;
}

export async function foundingStation(hub: FakeHub, options: Partial<SyncEngineOptions> = {}): Promise<TestStation> {
  const db = testDatabase();
  const { store, managerId } = await setupStation(db, TEST_STATION);
  const transport = fakeTransport(hub, TEST_STATION.stationName);
  const engine = createSyncEngine({ db, transport, clock: store, ...options });
  return {
    db, store, managerId, transport, engine,
    openTicket: async (values = {}) => (await createTicket(db, store, TEST_STATION.timeZone, { ...leak, ...values }, managerId)).id,
  };
}

/** A station that has joined nothing yet: a fresh store pulling the estate. */
export function emptyStation(hub: FakeHub, name: string, options: Partial<SyncEngineOptions> = {}) {
  const db = testDatabase();
  const transport = fakeTransport(hub, name);
  const engine = createSyncEngine({ db, transport, ...options });
  return { db, transport, engine };
}

/** A table's rows by id, for comparing two stations' projections. */
export async function rows(db: DeskDatabase, table: string): Promise<unknown[]> {
  return (await db.table(table).toArray()).sort((a: { id?: string; key?: string }, b: { id?: string; key?: string }) => String(a.id ?? a.key).localeCompare(String(b.id ?? b.key)));
}
