// The store for a company with many estates. A push is one transaction that first locks its
// site's row (FOR UPDATE): seq allocation, inserts and the counter update all happen under the
// lock and it is released by COMMIT, so seq is handed out in commit order per site while pushes
// of different sites run in parallel.
import type pg from 'pg';
import type { BackupRecord } from '../../backup/format';
import { StoreRefusal, StoreUnavailableError } from '../errors';
import { PageReader, type PullSlice } from '../pullPage';
import { planPush } from '../pushPlan';
import type {
  ContactUpdate, CreateStationResult, HubStore, IncomingEvent, OpenMode, PushOutcome, SiteStatus, StationIdentity,
  StationInfo, StoredContent, StoredEventRow,
} from '../types';
import * as admin from './postgresAdmin';
import { migratePostgres } from './migrate';
import { createPool, inTransaction, isStoreLost, query, redact } from './pool';
import { SQL } from './sql';

export class PostgresStore implements HubStore {
  readonly kind = 'postgres';

  /** Set when the database or its tables vanished (S10); cleared once the schema is found again. */
  private lost = false;
  private refinding: Promise<void> | null = null;

  private constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
    public schemaVersion: number,
    public hubEpoch: string,
  ) {}

  static async open(
    connectionString: string, mode: OpenMode = 'existing', onIdleError: (error: Error) => void = () => undefined,
  ): Promise<PostgresStore> {
    const pool = createPool(connectionString, onIdleError);
    const where = redact(connectionString);
    try {
      const { version, epoch } = await migratePostgres(pool, mode, where);
      return new PostgresStore(pool, where, version, epoch);
    } catch (error) {
      await pool.end().catch(() => undefined);
      if (isStoreLost(error)) throw new StoreRefusal(`the database of ${where} does not exist: create it, then run \`npm run hub:init\``);
      throw error;
    }
  }

  /**
   * Runs one store operation. After the database vanished every operation first looks for the
   * schema again (migrate in `existing` mode: it never creates one) and takes a restored store's
   * new epoch; until it is found, 503. Concurrent requests share one look.
   */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    if (this.lost) {
      this.refinding ??= this.refind().finally(() => (this.refinding = null));
      await this.refinding;
    }
    try {
      return await work();
    } catch (error) {
      if (!isStoreLost(error)) throw error;
      this.lost = true;
      throw new StoreUnavailableError(`the hub's PostgreSQL store is gone (${message(error)})`, { cause: error });
    }
  }

  private async refind(): Promise<void> {
    try {
      const { version, epoch } = await migratePostgres(this.pool, 'existing', this.location);
      this.schemaVersion = version;
      this.hubEpoch = epoch;
      this.lost = false;
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw error;
      throw new StoreUnavailableError(`the hub's PostgreSQL store is still missing (${message(error)})`, { cause: error });
    }
  }

  async stationByTokenHash(tokenHash: string): Promise<StationIdentity | null> {
    const [row] = await this.guard(() => query<{ station_id: number; station: string; site_id: number; site: string }>(
      this.pool, SQL.stationByToken, [tokenHash]));
    return row ? { siteId: row.site_id, site: row.site, stationId: row.station_id, station: row.station } : null;
  }

  async stationExists(siteId: number, name: string): Promise<boolean> {
    return (await this.guard(() => query(this.pool, SQL.stationExists, [siteId, name]))).length > 0;
  }

  async push(siteId: number, events: IncomingEvent[]): Promise<PushOutcome[]> {
    return this.guard(() => inTransaction(this.pool, async (c) => {
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
    }));
  }

  /** Sites lock their own row: pushes of different sites run side by side. */
  pushLane(siteId: number): string {
    return `site:${siteId}`;
  }

  pull(siteId: number, after: number, limit: number): PageReader {
    return new PageReader((from, n, maxBytes) => this.pullSlice(siteId, from, n, maxBytes), after, limit);
  }

  /**
   * One slice of a page (pullPage.ts's FetchEvents). The server cuts it at `maxBytes` of payload
   * (sql.ts), so no more than about one slice ever crosses the wire or sits in the client.
   */
  async pullSlice(siteId: number, after: number, n: number, maxBytes: number): Promise<PullSlice> {
    const rows = await this.guard(() => query<StoredEventRow & { read_bytes: number }>(this.pool, SQL.pull, [siteId, after, n, maxBytes]));
    // Fewer than `n` and the last one short of the budget: the next row, had there been one
    // among the `n`, would have been kept, so the site holds no more.
    const cut = rows.length < n && rows.length > 0 && (rows.at(-1)?.read_bytes ?? 0) >= maxBytes;
    return { rows, cut };
  }

  async recordContacts(updates: ContactUpdate[]): Promise<void> {
    await this.guard(() => inTransaction(this.pool, async (c) => {
      for (const u of updates) {
        await c.query(SQL.contact, [u.stationId, u.lastSeenAt, u.lastPushAt ?? null, u.lastPullAt ?? null, u.lastPulledSeq ?? null]);
      }
    }));
  }

  createStation(site: string, name: string, tokenHash: string): Promise<CreateStationResult> {
    return this.guard(() => admin.createStation(this.pool, site, name, tokenHash));
  }
  listStations(site: string): Promise<StationInfo[] | null> {
    return this.guard(() => admin.listStations(this.pool, site));
  }
  revokeStation(site: string, name: string): Promise<boolean> {
    return this.guard(() => admin.revokeStation(this.pool, site, name));
  }
  status(): Promise<SiteStatus[]> {
    return this.guard(() => admin.status(this.pool));
  }
  exportAll(write: (record: BackupRecord) => void): Promise<void> {
    return this.guard(() => admin.exportAll(this.pool, write));
  }
  async isEmpty(): Promise<boolean> {
    return !(await this.guard(() => query<{ any: boolean }>(this.pool, SQL.anyRow)))[0]?.any;
  }
  async check(): Promise<void> {
    await this.guard(() => query(this.pool, SQL.readMeta, ['hub_epoch']));
  }
  async importAll(records: AsyncIterable<BackupRecord>, newEpoch: string): Promise<void> {
    await admin.importAll(this.pool, records, newEpoch);
    this.hubEpoch = newEpoch;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
