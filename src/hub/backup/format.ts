// The backup file: one JSON record per line (NDJSON), the same for both stores so a backup of
// SQLite restores into PostgreSQL and back. A header opens it; an end record with the counts
// closes it, so a truncated file is refused instead of restored half.

import type { StationInfo, StoredEventRow } from '../store/rows';

export const BACKUP_FORMAT = 'dutydesk-hub-backup';
export const BACKUP_VERSION = 1;

export interface HeaderRecord {
  kind: 'header';
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  hubEpoch: string;
  store: 'sqlite' | 'postgres';
  schemaVersion: number;
}

export interface SiteRecord {
  kind: 'site';
  site: string;
  lastSeq: number;
  createdAt: string;
}

export interface StationRecord extends StationInfo {
  kind: 'station';
  site: string;
  tokenHash: string;
}

export interface EventRecord extends StoredEventRow {
  kind: 'event';
  site: string;
  receivedAt: string;
}

export interface EndRecord {
  kind: 'end';
  sites: number;
  stations: number;
  events: number;
}

/** What a store writes and reads; the header and end records are the CLI's business. */
export type BackupRecord = SiteRecord | StationRecord | EventRecord;
export type BackupLine = HeaderRecord | BackupRecord | EndRecord;
