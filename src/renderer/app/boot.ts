import { DeskDatabase } from '../db/database';
import { EventStore, type StationIdentity } from '../db/eventStore';
import { readMeta } from '../db/meta';
import type { StationConfiguredPayload } from '@shared/station/stationEvents';

export interface StationRecord extends StationConfiguredPayload {
  configuredAt: number;
}

export interface Booted {
  db: DeskDatabase;
  station: StationRecord | null;
  store: EventStore | null;
  persisted: boolean;
}

/** Asks the browser to keep our data under storage pressure; the answer is logged and shown. */
async function requestPersistence(): Promise<boolean> {
  try {
    if (await navigator.storage?.persisted?.()) return true;
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

export function identityOf(station: StationRecord): StationIdentity {
  return { name: station.stationName, code: station.stationCode, nodeId: station.nodeId };
}

export async function boot(db = new DeskDatabase()): Promise<Booted> {
  const persisted = await requestPersistence();
  await db.open();
  const station = (await readMeta<StationRecord>(db, 'station')) ?? null;
  const store = station ? new EventStore(db, identityOf(station), (await readMeta<string>(db, 'hlc')) ?? null) : null;
  return { db, station, store, persisted };
}
