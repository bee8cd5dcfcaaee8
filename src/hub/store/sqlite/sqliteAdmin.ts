// The SQLite store's administrative side: stations, status, backup and restore. These run in
// the CLIs' own processes, next to a running hub (WAL lets them).
import type { BackupRecord } from '../../backup/format';
import { StoreRefusal } from '../errors';
import { siteOf, toInfo as rowToInfo, type StationRow as Row } from '../rows';
import type { CreateStationResult, SiteStatus, StationInfo } from '../types';
import { writeMeta, type Db } from './open';
import { SQL } from './sql';

type StationRow = Row<string>;
const toInfo = (r: StationRow): StationInfo => rowToInfo(r, (t) => t);

interface EventRow {
  seq: number; id: string; stream: string; type: string; hlc: string; station: string; actor: string | null;
  payload: string; received_at: string;
}

const siteId = (db: Db, site: string) => db.prepare(SQL.siteByName).pluck().get(site) as number | undefined;

export function createStation(db: Db, site: string, name: string, tokenHash: string): CreateStationResult {
  return db.transaction((): CreateStationResult => {
    const now = new Date().toISOString();
    const id = siteId(db, site) ?? Number(db.prepare(SQL.insertSite).run(site, 0, now).lastInsertRowid);
    const existing = db.prepare(SQL.stationByName).get(id, name) as { station_id: number; revoked_at: string | null } | undefined;
    if (!existing) {
      db.prepare(SQL.insertStation).run(id, name, tokenHash, now);
      return 'created';
    }
    if (existing.revoked_at === null) return 'exists';
    db.prepare(SQL.reissueStation).run(tokenHash, existing.station_id);
    return 'reissued';
  }).immediate();
}

export function revokeStation(db: Db, site: string, name: string): boolean {
  const id = siteId(db, site);
  const station = id === undefined ? undefined : (db.prepare(SQL.stationByName).get(id, name) as { station_id: number } | undefined);
  if (!station) return false;
  db.prepare(SQL.revokeStation).run(new Date().toISOString(), station.station_id);
  return true;
}

export function listStations(db: Db, site: string): StationInfo[] | null {
  const id = siteId(db, site);
  return id === undefined ? null : (db.prepare(SQL.listStations).all(id) as StationRow[]).map(toInfo);
}

export function status(db: Db): SiteStatus[] {
  return db.transaction(() =>
    (db.prepare(SQL.sites).all() as { site_id: number; name: string; last_seq: number }[]).map((s) => ({
      site: s.name,
      eventCount: db.prepare(SQL.siteEventCount).pluck().get(s.site_id) as number,
      lastSeq: s.last_seq,
      stations: (db.prepare(SQL.listStations).all(s.site_id) as StationRow[]).map(toInfo),
    })),
  )();
}

/** One read transaction: in WAL mode every statement in it sees the same snapshot. */
export function exportAll(db: Db, write: (record: BackupRecord) => void): void {
  db.transaction(() => {
    const sites = db.prepare(SQL.sites).all() as { site_id: number; name: string; last_seq: number; created_at: string }[];
    for (const s of sites) write({ kind: 'site', site: s.name, lastSeq: s.last_seq, createdAt: s.created_at });
    for (const r of db.prepare(SQL.exportStations).all() as (StationRow & { site: string; token_hash: string })[]) {
      write({ kind: 'station', site: r.site, tokenHash: r.token_hash, ...toInfo(r) });
    }
    const events = db.prepare(SQL.exportEvents);
    for (const s of sites) {
      for (const r of events.iterate(s.site_id) as Iterable<EventRow>) {
        write({
          kind: 'event', site: s.name, seq: r.seq, id: r.id, stream: r.stream, type: r.type, hlc: r.hlc,
          station: r.station, actor: r.actor, payload: r.payload, receivedAt: r.received_at,
        });
      }
    }
  })();
}

export async function importAll(db: Db, records: AsyncIterable<BackupRecord>, newEpoch: string): Promise<void> {
  const ids = new Map<string, number>();
  const insertEvent = db.prepare(SQL.insertEvent);
  const insertStation = db.prepare(SQL.importStation);
  // A manual transaction, because reading the file awaits between rows; nothing else uses this
  // connection meanwhile, and other processes wait on SQLite's write lock.
  db.exec('BEGIN IMMEDIATE');
  try {
    if ((db.prepare(SQL.anyRow).get() as { n: number }).n !== 0) throw new StoreRefusal('the store is not empty');
    for await (const r of records) {
      if (r.kind === 'site') {
        ids.set(r.site, Number(db.prepare(SQL.insertSite).run(r.site, r.lastSeq, r.createdAt).lastInsertRowid));
      } else if (r.kind === 'station') {
        insertStation.run(siteOf(ids, r.site), r.name, r.tokenHash, r.createdAt, r.revokedAt, r.lastSeenAt, r.lastPushAt, r.lastPullAt, r.lastPulledSeq);
      } else {
        insertEvent.run(siteOf(ids, r.site), r.seq, r.id, r.stream, r.type, r.hlc, r.station, r.actor, r.payload, r.receivedAt);
      }
    }
    writeMeta(db, 'hub_epoch', newEpoch);
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
