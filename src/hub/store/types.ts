// The one interface both stores implement. The HTTP layer and the CLIs see only this, so the
// SQLite and PostgreSQL hubs behave alike by construction.
import type { BackupRecord } from '../backup/format';

/** A station as its token identifies it. */
export interface StationIdentity {
  siteId: number;
  site: string;
  stationId: number;
  station: string;
}

/** A pushed event that passed every check that needs no stored state. */
export interface IncomingEvent {
  id: string;
  stream: string;
  type: string;
  hlc: string;
  station: string;
  actor: string | null;
  /** The payload as compact JSON, exactly as it will be pulled. */
  payload: string;
}

/** What the store holds of an event: the seven fields, the payload as stored JSON text. */
export type StoredContent = IncomingEvent;

export type PushOutcome = 'stored' | 'duplicate' | 'conflict';

/** A stored event as pulled: its site-wide `seq` and the seven fields. */
export interface StoredEventRow extends IncomingEvent {
  seq: number;
}

export interface PullPage {
  rows: StoredEventRow[];
  /** Whether the site held events beyond the page when it was read. */
  more: boolean;
}

/** What a station did, buffered in memory and written now and then (see contacts.ts). */
export interface ContactUpdate {
  stationId: number;
  lastSeenAt: string;
  lastPushAt?: string;
  lastPullAt?: string;
  lastPulledSeq?: number;
}

export interface StationInfo {
  name: string;
  createdAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  lastPushAt: string | null;
  lastPullAt: string | null;
  lastPulledSeq: number | null;
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
  pull(siteId: number, after: number, limit: number): Promise<PullPage>;
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
  close(): Promise<void>;
}
