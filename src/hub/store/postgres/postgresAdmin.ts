// The PostgreSQL store's administrative side: stations, status, backup and restore.
import type pg from 'pg';
import type { BackupRecord, EventRecord } from '../../backup/format';
import { StoreRefusal } from '../errors';
import { siteOf, toInfo as rowToInfo, type StationRow as Row } from '../rows';
import type { CreateStationResult, SiteStatus, StationInfo } from '../types';
import { inTransaction, query, type Client } from './pool';
import { SQL } from './sql';

type Time = Date | null;
type StationRow = Row<Date>;
const toInfo = (r: StationRow): StationInfo => rowToInfo(r, (t) => t.toISOString());
interface SiteRow { site_id: number; name: string; last_seq: number; created_at: Date }

const EXPORT_PAGE = 5000;
const IMPORT_BATCH = 1000;

export function createStation(pool: pg.Pool, site: string, name: string, tokenHash: string): Promise<CreateStationResult> {
  return inTransaction(pool, async (c) => {
    const now = new Date().toISOString();
    const siteId = (await c.query<{ site_id: number }>(SQL.insertSite, [site, 0, now])).rows[0]?.site_id;
    const existing = (await c.query<{ station_id: number; revoked_at: Time }>(SQL.stationByName, [siteId, name])).rows[0];
    if (!existing) {
      await c.query(SQL.insertStation, [siteId, name, tokenHash, now]);
      return 'created';
    }
    if (existing.revoked_at === null) return 'exists';
    await c.query(SQL.reissueStation, [tokenHash, existing.station_id]);
    return 'reissued';
  });
}

export async function revokeStation(pool: pg.Pool, site: string, name: string): Promise<boolean> {
  await query(pool, SQL.revokeStation, [site, name]);
  return (await query(pool, SQL.stationNamed, [site, name])).length > 0;
}

export async function listStations(pool: pg.Pool, site: string): Promise<StationInfo[] | null> {
  const [row] = await query<{ site_id: number }>(pool, SQL.siteByName, [site]);
  return row ? (await query<StationRow>(pool, SQL.listStations, [row.site_id])).map(toInfo) : null;
}

export function status(pool: pg.Pool): Promise<SiteStatus[]> {
  return inTransaction(pool, async (c) => {
    const out: SiteStatus[] = [];
    for (const s of (await c.query<SiteRow>(SQL.sites)).rows) {
      const count = (await c.query<{ n: number }>(SQL.siteEventCount, [s.site_id])).rows[0]?.n ?? 0;
      const stations = (await c.query<StationRow>(SQL.listStations, [s.site_id])).rows.map(toInfo);
      out.push({ site: s.name, eventCount: count, lastSeq: s.last_seq, stations });
    }
    return out;
  }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
}

/** One REPEATABLE READ snapshot, read in keyset pages so memory stays flat. */
export function exportAll(pool: pg.Pool, write: (record: BackupRecord) => void): Promise<void> {
  return inTransaction(pool, async (c) => {
    const sites = (await c.query<SiteRow>(SQL.sites)).rows;
    for (const s of sites) write({ kind: 'site', site: s.name, lastSeq: s.last_seq, createdAt: s.created_at.toISOString() });
    for (const r of (await c.query<StationRow & { site: string; token_hash: string }>(SQL.exportStations)).rows) {
      write({ kind: 'station', site: r.site, tokenHash: r.token_hash, ...toInfo(r) });
    }
    for (const s of sites) {
      for (let after = 0; ;) {
        const page = (await c.query(SQL.exportEvents, [s.site_id, after, EXPORT_PAGE])).rows;
        for (const r of page) {
          write({
            kind: 'event', site: s.name, seq: r.seq, id: r.id, stream: r.stream, type: r.type, hlc: r.hlc, station: r.station,
            actor: r.actor, payload: r.payload, receivedAt: (r.received_at as Date).toISOString(),
          });
          after = r.seq;
        }
        if (page.length < EXPORT_PAGE) break;
      }
    }
  }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
}

export function importAll(pool: pg.Pool, records: AsyncIterable<BackupRecord>, newEpoch: string): Promise<void> {
  return inTransaction(pool, async (c) => {
    if ((await c.query<{ any: boolean }>(SQL.anyRow)).rows[0]?.any) throw new StoreRefusal('the store is not empty');
    const ids = new Map<string, number>();
    let batch: EventRecord[] = [];
    for await (const r of records) {
      if (r.kind === 'site') {
        ids.set(r.site, (await c.query<{ site_id: number }>(SQL.insertSite, [r.site, r.lastSeq, r.createdAt])).rows[0]?.site_id ?? 0);
      } else if (r.kind === 'station') {
        await c.query(SQL.importStation, [siteOf(ids, r.site), r.name, r.tokenHash, r.createdAt, r.revokedAt, r.lastSeenAt,
          r.lastPushAt, r.lastPullAt, r.lastPulledSeq]);
      } else {
        batch.push(r);
        if (batch.length >= IMPORT_BATCH) batch = await insertEvents(c, ids, batch);
      }
    }
    await insertEvents(c, ids, batch);
    await c.query(SQL.writeMeta, ['hub_epoch', newEpoch]);
  });
}

async function insertEvents(c: Client, ids: Map<string, number>, rows: EventRecord[]): Promise<EventRecord[]> {
  if (rows.length === 0) return [];
  const col = <K extends keyof EventRecord>(k: K) => rows.map((r) => r[k]);
  await c.query(SQL.importEvents, [rows.map((r) => siteOf(ids, r.site)), col('seq'), col('id'), col('stream'), col('type'),
    col('hlc'), col('station'), col('actor'), col('payload'), col('receivedAt')]);
  return [];
}
