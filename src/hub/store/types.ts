// The one interface both stores implement. The HTTP layer and the CLIs see only this, so the
// SQLite and PostgreSQL hubs behave alike by construction.
import type { BackupRecord } from '../backup/format';
import type { PageReader, PullSlice } from './pullPage';
import type { IncomingEvent, StationInfo } from './rows';

export type { IncomingEvent, StationInfo, StoredContent, StoredEventRow } from './rows';

/** A station as its token identifies it. */
export interface StationIdentity {
  siteId: number;
  site: string;
  stationId: number;
  station: string;
}

/** `init` creates a store and refuses an existing one; `existing` refuses an uncreated one;
 * `restore` accepts either (restore.ts refuses one that holds anything). */
export type OpenMode = 'init' | 'existing' | 'restore';

export type PushOutcome = 'stored' | 'duplicate' | 'conflict';

/** What a station did, buffered in memory and written now and then (see contacts.ts). */
export interface ContactUpdate {
  stationId: number;
  lastSeenAt: string;
  lastPushAt?: string;
  lastPullAt?: string;
  lastPulledSeq?: number;
}

export interface SiteStatus {
  site: string;
  eventCount: number;
  lastSeq: number;
  stations: StationInfo[];
}

export type CreateStationResult = 'created' | 'reissued' | 'exists';

export interface HubStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Where the data live, without secrets (for the start line and the CLIs). */
  readonly location: string;
  readonly hubEpoch: string;
  readonly schemaVersion: number;

  stationByTokenHash(tokenHash: string): Promise<StationIdentity | null>;
  /** Whether the site knows a station of that name (revoked ones included), for relays. */
  stationExists(siteId: number, name: string): Promise<boolean>;
  /** Stores the events in order in one durable transaction; seq follows commit order. */
  push(siteId: number, events: IncomingEvent[]): Promise<PushOutcome[]>;
  /** Pushes with the same lane write one after another (the site's lock, or the one writer). */
  pushLane(siteId: number): string;
  /** A reader of a page of at most `limit` events, cut at about 4 MiB of JSON (pullPage.ts). */
  pull(siteId: number, after: number, limit: number): PageReader;
  /** One slice of a page, cut by the store at `maxBytes` of payload (pullPage.ts's FetchEvents). */
  pullSlice(siteId: number, after: number, n: number, maxBytes: number): Promise<PullSlice> | PullSlice;
  recordContacts(updates: ContactUpdate[]): Promise<void>;

  createStation(site: string, name: string, tokenHash: string): Promise<CreateStationResult>;
  listStations(site: string): Promise<StationInfo[] | null>;
  revokeStation(site: string, name: string): Promise<boolean>;
  status(): Promise<SiteStatus[]>;
  /** Streams a consistent snapshot of the whole store. */
  exportAll(write: (record: BackupRecord) => Promise<void> | void): Promise<void>;
  isEmpty(): Promise<boolean>;
  /** Loads a backup into this empty store in one transaction and gives it a new epoch. */
  importAll(records: AsyncIterable<BackupRecord>, newEpoch: string): Promise<void>;
  /** Throws StoreUnavailableError when the store is gone or failing (health, S5/S10). */
  check(): Promise<void>;
  close(): Promise<void>;
}
