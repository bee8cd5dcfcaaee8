// The store for a company with many estates. A push is one transaction that first locks its
// site's row (FOR UPDATE): seq allocation, inserts and the counter update all happen under the
// lock and it is released by COMMIT, so seq is handed out in commit order per site while pushes
// of different sites run in parallel.
import type pg from 'pg';
import type { BackupRecord } from '../../backup/format';
import { planPush } from '../pushPlan';
import type {
  ContactUpdate, CreateStationResult, HubStore, IncomingEvent, PullPage, PushOutcome, SiteStatus, StationIdentity,
  StationInfo, StoredContent, StoredEventRow,
} from '../types';
import * as admin from './postgresAdmin';
import { migratePostgres } from './migrate';
import { createPool, inTransaction, query, redact } from './pool';
import { SQL } from './sql';

export class PostgresStore implements HubStore {
  readonly kind = 'postgres';

  private constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
    readonly schemaVersion: number,
    public hubEpoch: string,
  ) {}

  static async open(connectionString: string, onIdleError: (error: Error) => void = () => undefined): Promise<PostgresStore> {
    const pool = createPool(connectionString, onIdleError);
    try {
      const { version, epoch } = await migratePostgres(pool);
      return new PostgresStore(pool, redact(connectionString), version, epoch);
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
  }

  async stationByTokenHash(tokenHash: string): Promise<StationIdentity | null> {
    const [row] = await query<{ station_id: number; station: string; site_id: number; site: string }>(
      this.pool, SQL.stationByToken, [tokenHash]);
    return row ? { siteId: row.site_id, site: row.site, stationId: row.station_id, station: row.station } : null;
  }

  async stationExists(siteId: number, name: string): Promise<boolean> {
    return (await query(this.pool, SQL.stationExists, [siteId, name])).length > 0;
  }

  async push(siteId: number, events: IncomingEvent[]): Promise<PushOutcome[]> {
    return inTransaction(this.pool, async (c) => {
      const lastSeq = (await c.query<{ last_seq: number }>(SQL.lockSite, [siteId])).rows[0]?.last_seq ?? 0;
      const found = await c.query<StoredContent>(SQL.existingEvents, [siteId, events.map((e) => e.id)]);
      const plan = planPush(events, new Map(found.rows.map((r) => [r.id, r])));
      const rows = plan.toStore;
      if (rows.length > 0) {
        await c.query(SQL.insertEvents, [
          siteId, rows.map((_, i) => lastSeq + 1 + i), rows.map((e) => e.id), rows.map((e) => e.stream),
          rows.map((e) => e.type), rows.map((e) => e.hlc), rows.map((e) => e.station), rows.map((e) => e.actor),
          rows.map((e) => e.payload), lastSeq + rows.length,
        ]);
      }
      return plan.outcomes;
    });
  }

  /** Sites lock their own row: pushes of different sites run side by side. */
  pushLane(siteId: number): string {
    return `site:${siteId}`;
  }

  async pull(siteId: number, after: number, limit: number): Promise<PullPage> {
    // One row more than asked tells, in the same snapshot, whether more are there.
    const rows = await query<StoredEventRow>(this.pool, SQL.pull, [siteId, after, limit + 1]);
    const more = rows.length > limit;
    if (more) rows.pop();
    return { rows, more };
  }

  async recordContacts(updates: ContactUpdate[]): Promise<void> {
    await inTransaction(this.pool, async (c) => {
      for (const u of updates) {
        await c.query(SQL.contact, [u.stationId, u.lastSeenAt, u.lastPushAt ?? null, u.lastPullAt ?? null, u.lastPulledSeq ?? null]);
      }
    });
  }

  createStation(site: string, name: string, tokenHash: string): Promise<CreateStationResult> {
    return admin.createStation(this.pool, site, name, tokenHash);
  }
  listStations(site: string): Promise<StationInfo[] | null> {
    return admin.listStations(this.pool, site);
  }
  revokeStation(site: string, name: string): Promise<boolean> {
    return admin.revokeStation(this.pool, site, name);
  }
  status(): Promise<SiteStatus[]> {
    return admin.status(this.pool);
  }
  exportAll(write: (record: BackupRecord) => void): Promise<void> {
    return admin.exportAll(this.pool, write);
  }
  async isEmpty(): Promise<boolean> {
    return !(await query<{ any: boolean }>(this.pool, SQL.anyRow))[0]?.any;
  }
  async importAll(records: AsyncIterable<BackupRecord>, newEpoch: string): Promise<void> {
    await admin.importAll(this.pool, records, newEpoch);
    this.hubEpoch = newEpoch;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
