// The embedded store. better-sqlite3 is synchronous and SQLite has one writer, so a push is one
// IMMEDIATE transaction that reads the site's counter, inserts and commits before anything else
// runs: seq is handed out in commit order by construction. (Grouping concurrent pushes into one
// commit was measured: no gain in throughput, and a batch of 10 then waited for its group's
// thousands of rows, so each push commits alone.)
import type { BackupRecord } from '../../backup/format';
import { StoreRefusal, StoreUnavailableError } from '../errors';
import { planPush } from '../pushPlan';
import { PageReader, type PullRow, type PullSlice } from '../pullPage';
import type {
  ContactUpdate, CreateStationResult, HubStore, IncomingEvent, OpenMode, PushOutcome, SiteStatus, StationIdentity,
  StationInfo, StoredContent,
} from '../types';
import * as admin from './sqliteAdmin';
import type { Statement } from 'better-sqlite3';
import { statSync } from 'node:fs';
import { migrateSqlite, openSqlite, removeSqlite, sqliteFile, type Db } from './open';
import { SQL } from './sql';

export class SqliteStore implements HubStore {
  readonly kind = 'sqlite';
  readonly location: string;
  readonly schemaVersion: number;
  // Kept in memory so even an answer about a failing disk carries it; only a restore changes it.
  hubEpoch: string;
  private db: Db;
  private statements = new Map<string, Statement>();
  /** The file opened, by device and inode (S5): a file deleted or replaced under us is a lost store. */
  private readonly identity: { dev: number; ino: number };

  constructor(dataDir: string, mode: OpenMode = 'existing') {
    this.location = sqliteFile(dataDir);
    this.db = openSqlite(dataDir, mode);
    try {
      const { version, epoch } = migrateSqlite(this.db, mode, this.location);
      this.schemaVersion = version;
      this.hubEpoch = epoch;
    } catch (error) {
      this.db.close();
      // Leave nothing behind of a store hub:init failed to make; an existing one is untouched.
      if (mode === 'init' && !(error instanceof StoreRefusal)) removeSqlite(dataDir);
      throw error;
    }
    const { dev, ino } = statSync(this.location);
    this.identity = { dev, ino };
  }

  async stationByTokenHash(tokenHash: string): Promise<StationIdentity | null> {
    const row = this.run(() => this.db.prepare(SQL.stationByToken).get(tokenHash)) as
      | { station_id: number; station: string; site_id: number; site: string }
      | undefined;
    return row ? { siteId: row.site_id, site: row.site, stationId: row.station_id, station: row.station } : null;
  }

  async stationExists(siteId: number, name: string): Promise<boolean> {
    return this.run(() => this.db.prepare(SQL.stationExists).get(siteId, name)) !== undefined;
  }

  async push(siteId: number, events: IncomingEvent[]): Promise<PushOutcome[]> {
    return this.run(() => this.db.transaction(() => this.pushInTransaction(siteId, events)).immediate());
  }

  /** SQLite has one writer for every site. */
  pushLane(): string {
    return 'sqlite';
  }

  private pushInTransaction(siteId: number, events: IncomingEvent[]): PushOutcome[] {
    const byId = this.statement(SQL.eventById);
    const existing = new Map<string, StoredContent>();
    for (const e of events) {
      const held = byId.get(siteId, e.id) as StoredContent | undefined;
      if (held !== undefined) existing.set(e.id, held);
    }
    const plan = planPush(events, existing);
    let seq = this.statement(SQL.siteLastSeq).pluck().get(siteId) as number;
    const insert = this.statement(SQL.insertEvent);
    const now = new Date().toISOString();
    for (const e of plan.toStore) insert.run(siteId, ++seq, e.id, e.stream, e.type, e.hlc, e.station, e.actor, e.payload, now);
    if (plan.toStore.length > 0) this.statement(SQL.setSiteLastSeq).run(seq, siteId);
    return plan.outcomes;
  }

  private statement(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) this.statements.set(sql, (stmt = this.db.prepare(sql)));
    return stmt;
  }

  pull(siteId: number, after: number, limit: number): PageReader {
    return new PageReader((from, n, maxBytes) => this.pullSlice(siteId, from, n, maxBytes), after, limit);
  }

  /**
   * One slice of a page (pullPage.ts's FetchEvents): rows are stepped through one by one and the
   * statement is closed once their payloads reach `maxBytes`, so rows beyond are never loaded.
   */
  pullSlice(siteId: number, after: number, n: number, maxBytes: number): PullSlice {
    return this.run(() => {
      const rows: PullRow[] = [];
      let bytes = 0;
      const it = this.statement(SQL.pull).iterate(siteId, after, n) as IterableIterator<PullRow>;
      try {
        for (let r = it.next(); !r.done; r = it.next()) {
          rows.push(r.value);
          bytes += Buffer.byteLength(r.value.payload as string);
          if (bytes >= maxBytes) return { rows, cut: true };
        }
      } finally {
        it.return?.();
      }
      return { rows, cut: false };
    });
  }

  async recordContacts(updates: ContactUpdate[]): Promise<void> {
    const stmt = this.db.prepare(SQL.contact);
    const tx = this.db.transaction(() => {
      for (const u of updates) stmt.run({ lastPushAt: null, lastPullAt: null, lastPulledSeq: null, ...u });
    });
    this.run(() => tx.immediate());
  }

  async createStation(site: string, name: string, tokenHash: string): Promise<CreateStationResult> {
    return this.run(() => admin.createStation(this.db, site, name, tokenHash));
  }
  async listStations(site: string): Promise<StationInfo[] | null> {
    return this.run(() => admin.listStations(this.db, site));
  }
  async revokeStation(site: string, name: string): Promise<boolean> {
    return this.run(() => admin.revokeStation(this.db, site, name));
  }
  async status(): Promise<SiteStatus[]> {
    return this.run(() => admin.status(this.db));
  }
  async exportAll(write: (record: BackupRecord) => void): Promise<void> {
    this.run(() => admin.exportAll(this.db, write));
  }
  async isEmpty(): Promise<boolean> {
    return this.run(() => (this.db.prepare(SQL.anyRow).get() as { n: number }).n === 0);
  }
  async importAll(records: AsyncIterable<BackupRecord>, newEpoch: string): Promise<void> {
    this.checkFile();
    await admin.importAll(this.db, records, newEpoch);
    this.hubEpoch = newEpoch;
  }

  async check(): Promise<void> {
    this.run(() => this.db.prepare(SQL.readMeta).get('hub_epoch'));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /**
   * S5: SQLite keeps writing to a deleted file's inode and would answer `stored` for events no
   * one will ever read again. One stat per request is cheap; a changed or missing file is a
   * lost store (503) until an operator restarts the hub: it is never recreated here.
   */
  private checkFile(): void {
    let now: { dev: number; ino: number } | null = null;
    try {
      now = statSync(this.location);
    } catch {
      // gone
    }
    if (!now || now.dev !== this.identity.dev || now.ino !== this.identity.ino) {
      throw new StoreUnavailableError(`the SQLite file ${this.location} was deleted or replaced under the running hub; restart it`);
    }
  }

  /** Disk full, I/O errors and lock timeouts are the store failing, not the request. */
  private run<T>(work: () => T): T {
    this.checkFile();
    try {
      return work();
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (/^SQLITE_(FULL|IOERR|BUSY|LOCKED|CANTOPEN|READONLY|CORRUPT|NOTADB)/.test(code)) {
        throw new StoreUnavailableError(`the hub's SQLite store is failing (${code})`, { cause: error });
      }
      throw error;
    }
  }
}
