import { DeskDatabase } from '../db/database';
import { EventStore, type StationIdentity } from '../db/eventStore';
import { readMeta } from '../db/meta';
import type { StationConfiguredPayload } from '@shared/station/stationEvents';
import { DEFAULT_MAX_DRIFT_MS, parseHlc } from '@shared/hlc';
import { newestEvent } from '../db/eventLog';

export interface StationRecord extends StationConfiguredPayload {
  configuredAt: number;
}

export interface Booted {
  db: DeskDatabase;
  station: StationRecord | null;
  store: EventStore | null;
  persisted: boolean;
  /** F14: this store was found reset at boot and refilled from the host's journal. */
  reset?: boolean;
}

/** What boot needs of the host to notice a wiped store (F14): the instance check and the journal. */
export interface InstanceChecker {
  check(db: DeskDatabase): Promise<{ reset: boolean }>;
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

/** Meta key of the last clock offset measured against the hub (F1), read at boot. */
export const CLOCK_OFFSET_KEY = 'sync:clockOffset';

export async function readClockOffset(db: DeskDatabase): Promise<number> {
  const kept = await readMeta<number>(db, CLOCK_OFFSET_KEY);
  return typeof kept === 'number' && Number.isFinite(kept) ? kept : 0;
}

/**
 * Where the clock resumes: the latest hlc in the log (an index lookup), or the one older
 * versions of the app wrote to meta on every save, whichever is later. Saves no longer write it to meta: the
 * log's own index already holds it, one write less per save.
 * F2: a remote stamp more than 10 minutes ahead of our (hub-corrected) clock is skipped, as the
 * HLC skips it when it arrives, so a restart does not resume from it either. Our own stamps are
 * always taken (ahead only if our clock stepped back: the HLC must still move forward).
 */
export async function lastHlc(db: DeskDatabase, now: () => number = Date.now): Promise<string | null> {
  const [station, offset] = await Promise.all([readMeta<StationRecord>(db, 'station'), readClockOffset(db)]);
  const limit = now() + offset + DEFAULT_MAX_DRIFT_MS;
  const own = station?.stationName;
  const [logged, kept] = await Promise.all([
    newestEvent(db, (e) => e.station === own || (parseHlc(e.hlc)?.millis ?? Infinity) <= limit),
    readMeta<string>(db, 'hlc'),
  ]);
  const candidates = [logged?.hlc, kept].filter((h): h is string => typeof h === 'string');
  return candidates.length ? candidates.reduce((a, b) => (a > b ? a : b)) : null;
}

/** The store of a configured station: the clock resumes where it was, corrected by the kept offset. */
export async function openStore(db: DeskDatabase, station: StationRecord): Promise<EventStore> {
  const [resume, offset] = await Promise.all([lastHlc(db), readClockOffset(db)]);
  return new EventStore(db, identityOf(station), resume, Date.now, offset);
}

/**
 * Opens the database; with `instance`, checks first whether the store was wiped (F14) and
 * refills it from the journal, before the station record decides between setup, join and
 * sign-in. A failing check (an older host) is reported by `onCheckFailed` and does not stop boot.
 */
export async function boot(db = new DeskDatabase(), instance?: InstanceChecker, onCheckFailed?: (error: unknown) => void): Promise<Booted> {
  const persisted = await requestPersistence();
  await db.open();
  let reset = false;
  if (instance) {
    try {
      reset = (await instance.check(db)).reset;
    } catch (error) {
      onCheckFailed?.(error);
    }
  }
  const station = (await readMeta<StationRecord>(db, 'station')) ?? null;
  const store = station ? await openStore(db, station) : null;
  return { db, station, store, persisted, reset };
}
