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

/**
 * Where the clock resumes: the latest hlc in the log (an index lookup), or the one older
 * versions of the app wrote to meta on every save, whichever is later. Saves no longer write it to meta: the
 * log's own index already holds it, one write less per save.
 */
export async function lastHlc(db: DeskDatabase): Promise<string | null> {
  const [logged, kept] = await Promise.all([db.events.orderBy('hlc').last(), readMeta<string>(db, 'hlc')]);
  const candidates = [logged?.hlc, kept].filter((h): h is string => typeof h === 'string');
  return candidates.length ? candidates.reduce((a, b) => (a > b ? a : b)) : null;
}

export async function boot(db = new DeskDatabase()): Promise<Booted> {
  const persisted = await requestPersistence();
  await db.open();
  const station = (await readMeta<StationRecord>(db, 'station')) ?? null;
  const store = station ? new EventStore(db, identityOf(station), await lastHlc(db)) : null;
  return { db, station, store, persisted };
}
