// F14: IndexedDB wiped or replaced under Electron (an update, a full disk, a hard restart). The
// store's instance id lives in meta AND in the host's instance record beside the data; at boot
// they are compared. A reset store (the host knew another one, or we have no station but the
// host does) gets the station identity back from the host's record, the journal's events not yet
// acknowledged by the hub (applied like pulled ones AND queued in the outbox, so they still go
// out), and a cursor at 0 (the hub refills the rest); the screen says so (meta `sync:resetAt`).
import { uuidv7 } from '@shared/ids';
import type { InstanceRecord } from '@shared/sync/syncContract';
import type { DeskDatabase } from '../db/database';
import { readMeta } from '../db/meta';
import type { StationRecord } from '../desk/boot';
import { addRemote, applyTables } from './applyPage';
import type { SyncTransport } from './transport';
import { META } from './syncMeta';

export interface InstanceCheck {
  /** The store was found reset and refilled from the journal. */
  reset: boolean;
  /** Journal events replayed into it. */
  replayed: number;
}

type InstanceTransport = Pick<SyncTransport, 'instance' | 'journalPending'>;

async function ownRecord(db: DeskDatabase): Promise<InstanceRecord> {
  const [kept, station] = await Promise.all([readMeta<string>(db, META.instanceId), readMeta<StationRecord>(db, 'station')]);
  const instanceId = kept ?? uuidv7();
  if (!kept) await db.meta.put({ key: META.instanceId, value: instanceId });
  return { instanceId, station: (station as unknown as Record<string, unknown>) ?? null };
}

function isStationRecord(value: Record<string, unknown> | null | undefined): value is Record<string, unknown> & StationRecord {
  return !!value && typeof value.stationName === 'string' && typeof value.stationCode === 'string' && typeof value.nodeId === 'string' && typeof value.estateName === 'string';
}

/** Replays the host journal's pending events into the store (idempotent: held ids are skipped). */
export async function replayJournal(db: DeskDatabase, transport: InstanceTransport): Promise<number> {
  let from = 0;
  let replayed = 0;
  for (;;) {
    const page = await transport.journalPending(from);
    if (page.events.length) {
      await db.transaction('rw', [...applyTables(), 'outbox'], async () => {
        const outbox = db.outbox.bulkPut(page.events.map((e) => ({ id: e.id, hlc: e.hlc, event: e })));
        outbox.catch(() => undefined);
        const result = await addRemote(db, page.events, [outbox]);
        replayed += result.added + result.notUnderstood;
      });
    }
    if (page.next === null || page.next <= from) return replayed;
    from = page.next;
  }
}

/** The boot-time check (before deciding between setup, join and sign-in). */
export async function checkInstance(db: DeskDatabase, transport: InstanceTransport, now: () => number = Date.now): Promise<InstanceCheck> {
  const record = await ownRecord(db);
  const answer = await transport.instance(record, false);
  const hostStation = answer.previous?.station;
  const reset = answer.status === 'reset' || (record.station === null && isStationRecord(hostStation));
  // `new` kept this record and `same` refreshed the station in it (null before setup or a join):
  // nothing more to send, one round trip to the host per start.
  if (!reset) return { reset: false, replayed: 0 };
  const station = record.station ?? (isStationRecord(hostStation) ? hostStation : null);
  await db.transaction('rw', db.meta, () =>
    Promise.all([
      station && !record.station ? db.meta.put({ key: 'station', value: station }) : undefined,
      // The hub refills the rest from the start; no epoch kept, so no re-push of a store that is new.
      db.meta.put({ key: META.cursor, value: 0 }),
      db.meta.delete(META.hubEpoch),
      db.meta.delete(META.relay),
    ]),
  );
  const replayed = await replayJournal(db, transport);
  // A store lost before it was ever set up, with nothing journaled, lost nothing: no notice.
  const lostSomething = isStationRecord(hostStation) || replayed > 0;
  if (lostSomething) await db.meta.put({ key: META.resetAt, value: now() });
  await transport.instance({ instanceId: record.instanceId, station: station ?? null }, true);
  return { reset: lostSomething, replayed };
}

/** After setup or a join: the host's record gets the station identity (F14 restores it from there). */
export async function rememberInstance(db: DeskDatabase, transport: Pick<SyncTransport, 'instance'>): Promise<void> {
  await transport.instance(await ownRecord(db), true);
}
