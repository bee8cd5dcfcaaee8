// The row shapes both stores and the backup share. Kept apart from types.ts (which names the
// backup's records) so backup/format.ts and store/types.ts do not import each other.
import type { DeskEvent } from '../../shared/events/envelope';
import { StoreRefusal } from './errors';

/** A pushed event that passed every check needing no stored state: the shared envelope, its
 * payload as the compact JSON text that will be pulled. */
export type IncomingEvent = Omit<DeskEvent, 'payload'> & { payload: string };

/** What the store holds of an event: the seven fields, the payload as stored JSON text. */
export type StoredContent = IncomingEvent;

/** A stored event as pulled: its site-wide `seq` and the seven fields. */
export interface StoredEventRow extends IncomingEvent {
  seq: number;
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

/** A stations row as either database returns it; `T` is its time type (text or Date). */
export interface StationRow<T> {
  name: string; created_at: T; revoked_at: T | null; last_seen_at: T | null;
  last_push_at: T | null; last_pull_at: T | null; last_pulled_seq: number | null;
}

export function toInfo<T>(r: StationRow<T>, iso: (t: T) => string): StationInfo {
  const opt = (t: T | null) => (t === null ? null : iso(t));
  return {
    name: r.name, createdAt: iso(r.created_at), revokedAt: opt(r.revoked_at), lastSeenAt: opt(r.last_seen_at),
    lastPushAt: opt(r.last_push_at), lastPullAt: opt(r.last_pull_at), lastPulledSeq: r.last_pulled_seq,
  };
}

/** The new store's id of a site a backup defined earlier (restore). */
export function siteOf(ids: Map<string, number>, site: string): number {
  const id = ids.get(site);
  if (id === undefined) throw new StoreRefusal(`the backup names site ${site} before defining it`);
  return id;
}
