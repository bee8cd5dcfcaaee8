// The event log's one door (schema v16). Events are kept in records of up to LOG_RECORD_EVENTS
// events and LOG_RECORD_BYTES: a save's events, a pulled page's events in slices. Each record is
// indexed by every event it holds: `&*ids` (unique: an event is held once, whichever record
// holds it), `*hlcs` (the log in hlc order) and `*sh` (stream and hlc, shKey: a stream's history
// in order, as the old `[stream+hlc]` index gave it). IndexedDB's cost is per record more than per index key, so
// a page of 1000 events written as a few records costs a fraction of 1000 records (see
// docs/benchmarks.md, "What a log of grouped records would cost").
//
// Events written before v16 stay in the old `events` table (no rewrite of a two-year store):
// every read here also reads it and merges, and the pull's duplicate check asks it only when it
// holds anything. Nothing writes to `events` any more.
//
// Reads use Dexie's own promises throughout: they run inside the callers' transactions and
// live queries, whose zone a native await would lose.
import Dexie, { type IndexableType } from 'dexie';
import type { DeskEvent } from '@shared/events/envelope';
import type { DeskDatabase } from './database';

/** One record of the log. `n` is the store's own key (the order records were written in). */
export interface LogRecord {
  n?: number;
  ids: string[];
  hlcs: string[];
  sh: string[];
  events: DeskEvent[];
}

/** Events per record at most: reading one stream's history reads its records whole. */
export const LOG_RECORD_EVENTS = 250;

/**
 * Serialised bytes per record at most. Chromium moves a value of over 64 KiB out of LevelDB into
 * a blob file of its own (IDBValueWrapper::kWrapThreshold): written at commit, read back as a
 * file, held in the page meanwhile. Measured: records of 250 events (about 140 KB) made a pull's
 * commit 125–170 ms where it had taken 5, and doubled the renderer's memory.
 */
export const LOG_RECORD_BYTES = 56 * 1024;

/**
 * An upper bound of an event's share of a record as V8 serialises it: strings at two bytes a
 * character where they may hold Chinese, the keys' copies of id, hlc and stream once more.
 */
function recordBytes(event: DeskEvent): number {
  const text = JSON.stringify(event.payload).length + event.type.length + (event.actor?.length ?? 0) + event.station.length;
  return 2 * text + 3 * (event.id.length + event.hlc.length) + 2 * event.stream.length + 64;
}

/** The tables a transaction that reads or writes the log must hold. */
export const LOG_TABLES = ['log', 'events'] as const;

/** The log's order: hlc, then id (two events with one hlc fold in the same order on every station). */
export function logOrder(a: DeskEvent, b: DeskEvent): number {
  return a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * An event's entry in the `sh` index: its stream, then its hlc. A string, not an array key: the
 * NUL sorts before every character of a stream's name, so the entries sort by stream then hlc as
 * [stream, hlc] would, and Dexie's change tracking compares strings far faster than arrays.
 */
function shKey(stream: string, hlc: string): string {
  return `${stream}\u0000${hlc}`;
}

function recordOf(events: readonly DeskEvent[]): LogRecord {
  return { ids: events.map((e) => e.id), hlcs: events.map((e) => e.hlc), sh: events.map((e) => shKey(e.stream, e.hlc)), events: [...events] };
}

/** Splits events into records (LOG_RECORD_EVENTS, LOG_RECORD_BYTES), a stream's events kept together where they fit. */
function recordsOf(events: readonly DeskEvent[]): LogRecord[] {
  const ordered = events.length > 1 ? [...events].sort((a, b) => (a.station < b.station ? -1 : a.station > b.station ? 1 : a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0)) : events;
  const records: LogRecord[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < ordered.length; i++) {
    const size = recordBytes(ordered[i]!);
    if (i > start && (i - start >= LOG_RECORD_EVENTS || bytes + size > LOG_RECORD_BYTES)) {
      records.push(recordOf(ordered.slice(start, i)));
      start = i;
      bytes = 0;
    }
    bytes += size;
  }
  if (start < ordered.length) records.push(recordOf(ordered.slice(start)));
  return records;
}

/**
 * Appends events new to the store (a save's, stamped here), in as few records as fit.
 * An id already held fails the write (and so the caller's transaction), as the old log's key did.
 */
export function appendToLog(db: DeskDatabase, events: readonly DeskEvent[]): Dexie.Promise<unknown> {
  if (events.length === 0) return Dexie.Promise.resolve();
  const records = recordsOf(events);
  return records.length === 1 ? db.log.add(records[0]!) : db.log.bulkAdd(records);
}

/** Whether the pre-v16 `events` table holds anything (then reads and the duplicate check ask it too). */
export function legacyHeld(db: DeskDatabase): Dexie.Promise<boolean> {
  return db.events
    .limit(1)
    .count()
    .then((n) => n > 0);
}

/**
 * Adds the events not held yet, inside the caller's transaction, and answers the ones added, in
 * the order given.
 * `legacy`: whether the old table must be asked too (legacyHeld). The records are added as they
 * are; one refused for an id held already (the unique `ids` index) is made again of its events
 * not held, each asked for by id: a page of others' events costs no lookup, and a page holding
 * this station's own events pulled back after a push (records of one station go together) pays
 * a lookup per event of those records only.
 */
export function addNewToLog(db: DeskDatabase, events: readonly DeskEvent[], legacy: boolean): Dexie.Promise<DeskEvent[]> {
  if (events.length === 0) return Dexie.Promise.resolve([]);
  const unheldInLegacy = legacy
    ? db.events.bulkGet(events.map((e) => e.id)).then((found) => events.filter((_, i) => found[i] === undefined))
    : Dexie.Promise.resolve([...events]);
  return unheldInLegacy.then((candidates) => {
    const records = recordsOf(candidates);
    // Answered in the order given (a page's order), not the records': the folds check it.
    return Dexie.Promise.all(records.map((record) => addRecord(db, record))).then((added) => {
      const ids = new Set(added.flat().map((e) => e.id));
      return candidates.filter((e) => ids.has(e.id));
    });
  });
}

function addRecord(db: DeskDatabase, record: LogRecord): Dexie.Promise<DeskEvent[]> {
  return db.log.add(record).then(
    () => record.events,
    (error: unknown) => {
      if ((error as { name?: string } | null)?.name !== 'ConstraintError') throw error;
      return heldIds(db, record.ids).then((held) => {
        const fresh = record.events.filter((e) => !held.has(e.id));
        return fresh.length ? db.log.add(recordOf(fresh)).then(() => fresh) : [];
      });
    },
  );
}

/** The ids of `ids` the log holds (one index count each: no record is read). */
function heldIds(db: DeskDatabase, ids: readonly string[]): Dexie.Promise<Set<string>> {
  return Dexie.Promise.all(ids.map((id) => db.log.where('ids').equals(id).count())).then((counts) => new Set(ids.filter((_, i) => counts[i]! > 0)));
}

/** The events of `records` (read by key, each once) that `keep` accepts. */
function eventsOf(db: DeskDatabase, keys: readonly number[], keep: (event: DeskEvent) => boolean): Dexie.Promise<DeskEvent[]> {
  const distinct = [...new Set(keys)];
  if (distinct.length === 0) return Dexie.Promise.resolve([]);
  return db.log.bulkGet(distinct).then((records) => records.flatMap((r) => (r ? r.events.filter(keep) : [])));
}

interface Walk {
  limit?: number;
  reverse?: boolean;
}

/** An index range of the log: `sh` or `hlcs`, IndexedDB's bounds. */
interface LogRange {
  index: 'sh' | 'hlcs';
  lower: string;
  upper: string;
  lowerOpen?: boolean;
  upperOpen?: boolean;
}

/**
 * The first `limit` events (last, `reverse`) of an index range in the log's order, merged with
 * the old table's. The index gives the records holding the first `limit` matching entries. An
 * event that ranks among the first `limit` has its entry there, unless it shares its key with
 * the last entry taken (two events with one hlc in different records): the records holding that
 * key are read too. Sorting the matching events of those records and cutting at `limit` is then
 * exact.
 */
function walk(db: DeskDatabase, range: LogRange, legacy: Dexie.Collection<DeskEvent, string>, keep: (event: DeskEvent) => boolean, { limit, reverse }: Walk): Dexie.Promise<DeskEvent[]> {
  const bound = <T, K>(c: Dexie.Collection<T, K>) => {
    let out = reverse ? c.reverse() : c;
    if (limit !== undefined) out = out.limit(limit);
    return out;
  };
  const entries = bound(db.log.where(range.index).between(range.lower, range.upper, !range.lowerOpen, !range.upperOpen));
  let fromLog: Dexie.Promise<DeskEvent[]>;
  if (limit === undefined) fromLog = entries.primaryKeys().then((keys) => eventsOf(db, keys, keep));
  else {
    // One walk of the index gives each entry's key and record.
    const records: number[] = [];
    let edge: IndexableType | undefined;
    fromLog = entries
      .eachKey((key, cursor) => {
        records.push(cursor.primaryKey);
        edge = key;
      })
      .then(() =>
        records.length < limit || edge === undefined
          ? eventsOf(db, records, keep)
          : db.log
              .where(range.index)
              .equals(edge)
              .primaryKeys()
              .then((tied) => eventsOf(db, [...records, ...tied], keep)),
      );
  }
  const fromLegacy = bound(legacy).toArray();
  return Dexie.Promise.all([fromLog, fromLegacy]).then(([a, b]) => {
    const seen = new Set<string>();
    const all = [...a, ...b].filter((e) => !seen.has(e.id) && (seen.add(e.id), true)).sort(logOrder);
    if (reverse) all.reverse();
    return limit === undefined ? all : all.slice(0, limit);
  });
}

/** A stream's events in the log's order (`reverse`: newest first), up to `limit`. */
export function streamEvents(db: DeskDatabase, stream: string, options: Walk = {}): Dexie.Promise<DeskEvent[]> {
  return walk(
    db,
    { index: 'sh', lower: shKey(stream, ''), upper: shKey(stream, '\uffff') },
    db.events.where('[stream+hlc]').between([stream, ''], [stream, '\uffff']),
    (e) => e.stream === stream,
    options,
  );
}

/** The events of every stream whose name starts with `prefix` ("staff:"), by stream then hlc. */
export function streamPrefixEvents(db: DeskDatabase, prefix: string): Dexie.Promise<DeskEvent[]> {
  return walk(
    db,
    { index: 'sh', lower: prefix, upper: `${prefix}\uffff` },
    db.events.where('[stream+hlc]').between([prefix, ''], [`${prefix}\uffff`, '\uffff']),
    (e) => e.stream.startsWith(prefix),
    {},
  ).then((events) => events.sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : logOrder(a, b))));
}

/** How many events of `stream` the log holds, counted up to `upTo` (an index count, no record read). */
export function streamLogged(db: DeskDatabase, stream: string, upTo: number, legacy = true): Dexie.Promise<number> {
  const inLog = db.log.where('sh').between(shKey(stream, ''), shKey(stream, '\uffff')).limit(upTo).count();
  const inLegacy = legacy ? db.events.where('[stream+hlc]').between([stream, ''], [stream, '\uffff']).limit(upTo).count() : Dexie.Promise.resolve(0);
  return Dexie.Promise.all([inLog, inLegacy]).then(([a, b]) => Math.min(upTo, a + b));
}

/**
 * How many events of the streams from `first` to `last` (both included, by name) the log holds,
 * counted up to `upTo`: one index count for a run of streams (a pulled page's new ones are
 * mostly none: pageStreams.ts).
 */
export function streamsLoggedBetween(db: DeskDatabase, first: string, last: string, upTo: number, legacy = true): Dexie.Promise<number> {
  const inLog = db.log.where('sh').between(shKey(first, ''), shKey(last, '\uffff')).limit(upTo).count();
  const inLegacy = legacy ? db.events.where('[stream+hlc]').between([first, ''], [last, '\uffff']).limit(upTo).count() : Dexie.Promise.resolve(0);
  return Dexie.Promise.all([inLog, inLegacy]).then(([a, b]) => Math.min(upTo, a + b));
}

/** Events by hlc: from `from` (exclusive with `fromOpen`) up to `to` (exclusive), oldest first, up to `limit`. */
export function eventsByHlc(db: DeskDatabase, range: { from: string; to?: string; fromOpen?: boolean }, options: Walk = {}): Dexie.Promise<DeskEvent[]> {
  const to = range.to ?? '\uffff';
  const inRange = (e: DeskEvent) => (range.fromOpen ? e.hlc > range.from : e.hlc >= range.from) && e.hlc < to;
  return walk(db, { index: 'hlcs', lower: range.from, upper: to, lowerOpen: range.fromOpen, upperOpen: true }, db.events.where('hlc').between(range.from, to, !range.fromOpen, false), inRange, options);
}

/**
 * The newest event `accept` takes, walking the log back from its newest hlc in steps of `step`
 * entries (the clock's resume point: boot.ts).
 */
export function newestEvent(db: DeskDatabase, accept: (event: DeskEvent) => boolean, step = 200): Dexie.Promise<DeskEvent | undefined> {
  const before = (to: string): Dexie.Promise<DeskEvent | undefined> =>
    eventsByHlc(db, { from: '', to }, { reverse: true, limit: step }).then((events) => {
      const found = events.find(accept);
      if (found || events.length < step) return found;
      return before(events[events.length - 1]!.hlc);
    });
  return before('\uffff');
}

/** The events with these ids the log holds (in no particular order). */
export function eventsById(db: DeskDatabase, ids: readonly string[]): Dexie.Promise<DeskEvent[]> {
  if (ids.length === 0) return Dexie.Promise.resolve([]);
  const wanted = new Set(ids);
  const fromLog = db.log
    .where('ids')
    .anyOf([...wanted])
    .primaryKeys()
    .then((keys) => eventsOf(db, keys, (e) => wanted.has(e.id)));
  const fromLegacy = db.events.bulkGet([...wanted]).then((found) => found.filter((e): e is DeskEvent => e !== undefined));
  return Dexie.Promise.all([fromLog, fromLegacy]).then(([a, b]) => {
    const byId = new Map([...b, ...a].map((e) => [e.id, e]));
    return [...byId.values()];
  });
}

/** Every event of the log in its order (tests, exports; reads the whole log). */
export function allEvents(db: DeskDatabase): Dexie.Promise<DeskEvent[]> {
  return Dexie.Promise.all([db.log.toArray(), db.events.toArray()]).then(([records, legacy]) => {
    const byId = new Map([...legacy, ...records.flatMap((r) => r.events)].map((e) => [e.id, e]));
    return [...byId.values()].sort(logOrder);
  });
}

/** How many events the log holds (reads every record's ids). */
export function countEvents(db: DeskDatabase): Dexie.Promise<number> {
  return Dexie.Promise.all([db.log.orderBy('ids').count(), db.events.count()]).then(([a, b]) => a + b);
}
