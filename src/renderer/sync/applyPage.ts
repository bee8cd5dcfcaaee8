// Step 3 of a run, the hot path of a new station's bootstrap: one pulled page applied in ONE
// read-write transaction with the cursor (F1–F3, F7: a crash or a failing fold never skips or
// half-applies a page). As in EventStore.append: every read goes out first (held ids, the
// streams' rows, the actors), then every write, awaited once; no await per event.
import Dexie from 'dexie';
import type { DeskEvent } from '@shared/events/envelope';
import { checkEvent } from '@shared/events/registry';
import type { SyncEvent } from '@shared/sync/syncContract';
import type { DeskDatabase, UnknownEventEntry } from '../db/database';
import { projectAll, projectionTables, readStreams } from '../db/projections';
import { streamKind } from '@shared/events/envelope';
import { readAuthority } from '../db/authority';
import { META, wireEvent } from './syncMeta';

export interface PageResult {
  /** Events new to this store that were folded. */
  added: number;
  /** Events new to this store that this version cannot check (F12): kept in `unknownEvents`. */
  notUnderstood: number;
  /** The highest hlc of the page, for the clock (F4: received once per page). */
  maxHlc: string | null;
}

export const applyTables = () => ['events', 'unknownEvents', 'meta', ...projectionTables()];

/** The page's events split by the registry (P2): known → folded, the rest kept with the reason. */
export type EventCheck = typeof checkEvent;

function sort(events: readonly SyncEvent[], check: EventCheck): { known: DeskEvent[]; unknown: UnknownEventEntry[]; maxHlc: string | null } {
  const seen = new Set<string>();
  const known: DeskEvent[] = [];
  const unknown: UnknownEventEntry[] = [];
  let maxHlc: string | null = null;
  for (const raw of events) {
    if (seen.has(raw.id)) continue;
    seen.add(raw.id);
    const event = wireEvent(raw);
    if (maxHlc === null || event.hlc > maxHlc) maxHlc = event.hlc;
    const result = check(event);
    if (result.ok) known.push(event);
    else unknown.push({ ...event, reason: `${result.reason}: ${result.detail}`.slice(0, 500) });
  }
  return { known, unknown, maxHlc };
}

/**
 * Adds the events not held yet (by id, in `events` or `unknownEvents`) and folds the known ones,
 * inside the caller's transaction. `more` writes go out with them (the cursor). Throws, aborting
 * the transaction, when anything fails.
 */
export async function addRemote(db: DeskDatabase, events: readonly SyncEvent[], more: Promise<unknown>[] = [], check: EventCheck = checkEvent): Promise<PageResult> {
  const { known, unknown, maxHlc } = sort(events, check);
  const ids = [...known, ...unknown].map((e) => e.id);
  const [inLog, inUnknown, streams, authority, refused] = await Dexie.Promise.all([
    db.events.bulkGet(ids),
    db.unknownEvents.bulkGet(ids),
    readStreams(db, known),
    readAuthority(db, known),
    readRefusedOf(db, known),
  ]);
  const held = new Set(ids.filter((_, i) => inLog[i] !== undefined || inUnknown[i] !== undefined));
  const fresh = known.filter((e) => !held.has(e.id));
  const freshUnknown = unknown.filter((e) => !held.has(e.id));
  const writes = [...more];
  const later = (write: Promise<unknown>) => {
    write.catch(() => undefined); // awaited below; this only keeps it from being reported unhandled meanwhile
    writes.push(write);
  };
  if (fresh.length) later(db.events.bulkAdd(fresh));
  if (freshUnknown.length) later(db.unknownEvents.bulkAdd(freshUnknown));
  // A stream with an event refused for want of an actor this page brings is re-folded from the
  // log (no row and a logged history make projectAll do so), in the same call: one fold pass.
  for (const event of refused) streams.set(event.stream, { row: null, logged: 2 });
  const again = refused.filter((e) => !fresh.some((f) => f.stream === e.stream));
  for (const write of await Dexie.Promise.resolve(projectAll(db, [...fresh, ...again], streams, authority))) later(write);
  await Promise.all(writes);
  return { added: fresh.length, notUnderstood: freshUnknown.length, maxHlc };
}

/**
 * Events refused because their actor was unknown (or lacked standing) when they were folded are
 * decided again when that actor's staff events arrive in a later page (a journal replay, a
 * page boundary between a staff member's "added" and their first ticket), so every station ends
 * with the same rows whatever the delivery order. One event per such stream; refused events are
 * few, and only a page with staff events reads them.
 */
function readRefusedOf(db: DeskDatabase, known: readonly DeskEvent[]): Dexie.Promise<DeskEvent[]> {
  const staff = new Set(known.filter((e) => streamKind(e.stream) === 'staff').map((e) => e.stream.slice('staff:'.length)));
  if (staff.size === 0) return Dexie.Promise.resolve([]);
  return db.refusedEvents.toArray().then((all) => {
    const byStream = new Map(all.filter((r) => r.actor !== null && staff.has(r.actor)).map((r) => [r.stream, r.id]));
    if (byStream.size === 0) return [];
    return db.events.bulkGet([...byStream.values()]).then((found) => found.filter((e): e is DeskEvent => e !== undefined));
  });
}

/** Applies one pulled page and moves the cursor to `last`, in one transaction. */
export function applyPage(db: DeskDatabase, events: readonly SyncEvent[], last: number, epoch: string | null, check: EventCheck = checkEvent): Promise<PageResult> {
  return db.transaction('rw', applyTables(), () => {
    const more: Promise<unknown>[] = [db.meta.put({ key: META.cursor, value: last })];
    if (epoch !== null) more.push(db.meta.put({ key: META.hubEpoch, value: epoch }));
    more.forEach((w) => w.catch(() => undefined));
    return addRemote(db, events, more, check);
  });
}
