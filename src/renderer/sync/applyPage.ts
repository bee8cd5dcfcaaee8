// Step 3 of a run, the hot path of a new station's bootstrap: a pulled page applied with the
// cursor, in one transaction or in slices of whole streams with the cursor in the last (F1–F3,
// F7: a crash or a failing fold never skips or half-applies a stream, never moves the cursor past
// what is applied). In a transaction the streams' rows and counts and the actors are read first
// (in runs: db/pageStreams.ts), then the events are added, then every write goes out, awaited
// once; no await per event.
import Dexie, { type Table } from 'dexie';
import type { DeskEvent } from '@shared/events/envelope';
import { checkEvent } from '@shared/events/registry';
import type { SyncEvent } from '@shared/sync/syncContract';
import type { DeskDatabase, UnknownEventEntry } from '../db/database';
import { projectAll, projectionTables } from '../db/projections';
import { readPageStreams } from '../db/pageStreams';
import { streamKind } from '@shared/events/envelope';
import { readAuthority } from '../db/authority';
import { META, wireEvent } from './syncMeta';
import { perfTrace } from '../diagnostics/perfTrace';
import { givesWay, noSaveUnderWay } from '../db/saveGate';
import type { TermsTier } from '../db/termsTier';
import { addNewToLog, eventsById, legacyHeld, LOG_TABLES } from '../db/eventLog';

export interface PageResult {
  /** Events new to this store that were folded. */
  added: number;
  /** Events new to this store that this version cannot check (F12): kept in `unknownEvents`. */
  notUnderstood: number;
  /** The highest hlc of the page, for the clock (F4: received once per page). */
  maxHlc: string | null;
}

export const applyTables = () => [...LOG_TABLES, 'unknownEvents', 'meta', ...projectionTables()];

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
 *
 * The log's own uniqueness says what was held: a record refused for a duplicate id holds an
 * event already here (eventLog.addNewToLog; no lookup per event for a page of others' events). The
 * rows of the streams they touch, their counts of logged events and the actors are read just
 * before the adds, so they are the store's state before the page.
 */
export async function addRemote(db: DeskDatabase, events: readonly SyncEvent[], more: Promise<unknown>[] = [], check: EventCheck = checkEvent, tier: TermsTier = 'fresh'): Promise<PageResult> {
  perfTrace('apply:start');
  const { known, unknown, maxHlc } = sort(events, check);
  perfTrace('apply:checked');
  const writes = [...more];
  const later = (write: Promise<unknown>) => {
    write.catch(() => undefined); // awaited below; this only keeps it from being reported unhandled meanwhile
    writes.push(write);
  };
  // An event kept as not understood and now understood is moved at start (unknownEvents.ts);
  // one still in `unknownEvents` is held whatever this version makes of it.
  // The old log (before schema v16) is asked about each event only when it holds anything.
  const [heldAsUnknown, legacy] = known.length
    ? await Dexie.Promise.all([heldIn(db.unknownEvents, known.map((e) => e.id)), legacyHeld(db)])
    : [new Set<string>(), false];
  const candidates = heldAsUnknown.size ? known.filter((e) => !heldAsUnknown.has(e.id)) : known;
  // The streams' rows and counts and the actors are read first, in runs (pageStreams.ts: a few
  // requests for a page's hundreds of streams), so they are the store before this page; then
  // the adds.
  const [streams, authority] = await Dexie.Promise.all([readPageStreams(db, candidates, legacy), readAuthority(db, candidates)]);
  perfTrace('apply:readsDone');
  const [fresh, freshUnknown] = await Dexie.Promise.all([addNewToLog(db, candidates, legacy), addNew(db.unknownEvents, unknown)]);
  perfTrace('apply:added');
  const refused = await readRefusedOf(db, fresh);
  perfTrace('apply:read');
  // A stream with an event refused for want of an actor this page brings is re-folded from the
  // log (no row and a logged history make projectAll do so), in the same call: one fold pass.
  for (const event of refused) streams.set(event.stream, { row: null, logged: 2 });
  const again = refused.filter((e) => !fresh.some((f) => f.stream === e.stream));
  for (const write of await Dexie.Promise.resolve(projectAll(db, [...fresh, ...again], streams, authority, tier))) later(write);
  perfTrace('apply:folded');
  await Promise.all(writes);
  perfTrace('apply:written');
  return { added: fresh.length, notUnderstood: freshUnknown.length, maxHlc };
}

/** The ids of `ids` held in `table` (only asked when the table holds anything: it is mostly empty). */
function heldIn(table: Table<{ id: string }, string>, ids: string[]): Dexie.Promise<Set<string>> {
  return table
    .limit(1)
    .count()
    .then((any) => (any ? table.bulkGet(ids).then((rows) => new Set(ids.filter((_, i) => rows[i] !== undefined))) : new Set<string>()));
}

/** Adds `rows`; the ones refused as duplicate keys are held already and left out of the answer. */
function addNew<T extends { id: string }>(table: Table<T, string>, rows: readonly T[]): Dexie.Promise<T[]> {
  if (rows.length === 0) return Dexie.Promise.resolve([]);
  return table.bulkAdd(rows as T[]).then(
    () => [...rows],
    (error: unknown) => {
      // Only duplicates are expected; anything else aborts the transaction as before.
      if (!(error instanceof Dexie.BulkError) || !Object.values(error.failuresByPos).every((e) => (e as { name?: string }).name === 'ConstraintError')) throw error;
      return rows.filter((_, i) => !(i in error.failuresByPos));
    },
  );
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
    return eventsById(db, [...byStream.values()]);
  });
}

/** Applies one pulled page and moves the cursor to `last`, in one transaction. */
export function applyPage(db: DeskDatabase, events: readonly SyncEvent[], last: number, epoch: string | null, check: EventCheck = checkEvent): Promise<PageResult> {
  return pullTransaction(db, () => {
    const more: Promise<unknown>[] = [db.meta.put({ key: META.cursor, value: last })];
    if (epoch !== null) more.push(db.meta.put({ key: META.hubEpoch, value: epoch }));
    more.forEach((w) => w.catch(() => undefined));
    return addRemote(db, events, more, check);
  });
}

/**
 * A pull's transaction: the page's tables (no outbox). `DeskDatabase` gives such transactions
 * relaxed durability (database.ts, `isPullScope`): what they write is already durable at the hub,
 * and the cursor moves in the same transaction, so a power cut that loses the last commits rolls
 * cursor and events back together and they are pulled again.
 */
export function pullTransaction<T>(db: DeskDatabase, scope: () => Promise<T>): Promise<T> {
  return db.transaction('rw', applyTables(), scope);
}

/**
 * A page applied in slices, each its own short transaction, so a save (which must wait for the
 * transaction in progress on the same tables) waits for one slice, not a page: `budget()` gives
 * how many events the next slice may hold (small while someone works at the desk). A stream's
 * events of the page stay together in one slice (one fold, one row write, however many events it
 * got in the page), staff streams go first (the others act with the standing they give), and the
 * cursor moves only with the last slice: a crash between slices leaves whole streams applied
 * (events and rows together) and the cursor before the page, whose events already held are then
 * skipped when it is pulled again. Nothing is skipped, nothing half-folded (F1–F3, F7). `rest(last)`
 * gives the milliseconds to wait before each slice (none while nobody works at the desk); `tier`
 * where new tickets' search terms go (db/termsTier.ts: `bulk` for a page with more to come).
 */
export async function applyPageInSlices(
  db: DeskDatabase,
  events: readonly SyncEvent[],
  last: number,
  epoch: string | null,
  budget: (lastSlice: { events: number; ms: number } | null) => number,
  check: EventCheck = checkEvent,
  clock: () => number = () => performance.now(),
  rest: (lastSlice: { events: number; ms: number } | null) => number = () => 0,
  tier: TermsTier = 'fresh',
): Promise<PageResult> {
  const groups = new Map<string, SyncEvent[]>();
  for (const event of events) {
    const group = groups.get(event.stream);
    if (group) group.push(event);
    else groups.set(event.stream, [event]);
  }
  const ordered = [...groups.values()].sort((a, b) => Number(streamKind(b[0]!.stream) === 'staff') - Number(streamKind(a[0]!.stream) === 'staff'));
  const total: PageResult = { added: 0, notUnderstood: 0, maxHlc: null };
  let lastSlice: { events: number; ms: number } | null = null;
  let i = 0;
  /** Where a slice gave way to a save: the slice begun there again holds its ground (the pull always moves on). */
  let gaveWayAt = -1;
  do {
    const from = i;
    const size = Math.max(1, budget(lastSlice));
    const slice: SyncEvent[] = [];
    while (i < ordered.length && (slice.length === 0 || slice.length + ordered[i]!.length <= size)) slice.push(...ordered[i++]!);
    const final = i >= ordered.length;
    // While someone works at the desk the pull leaves the tables (and this thread) alone between
    // slices for a while, then a save at the desk goes first (saveGate.ts); the slice's time
    // counts from its start.
    const pause = rest(lastSlice);
    if (pause > 0) await new Promise((resume) => setTimeout(resume, pause));
    await noSaveUnderWay(db);
    const started = clock();
    perfTrace(`slice:start ${slice.length}`);
    const result = await sliceTransaction(db, from !== gaveWayAt, () => {
      const more: Promise<unknown>[] = [];
      if (final) {
        more.push(db.meta.put({ key: META.cursor, value: last }));
        if (epoch !== null) more.push(db.meta.put({ key: META.hubEpoch, value: epoch }));
      }
      more.forEach((w) => w.catch(() => undefined));
      return addRemote(db, slice, more, check, tier);
    });
    if (result === null) {
      // It gave way to a save and wrote nothing: its streams go again after the save, in a slice
      // sized anew (short, now that someone works at the desk), which does not give way again.
      perfTrace('slice:gaveWay');
      gaveWayAt = i = from;
      continue;
    }
    lastSlice = { events: slice.length, ms: clock() - started };
    perfTrace('slice:done');
    total.added += result.added;
    total.notUnderstood += result.notUnderstood;
    if (result.maxHlc && (total.maxHlc === null || result.maxHlc > total.maxHlc)) total.maxHlc = result.maxHlc;
  } while (i < ordered.length);
  return total;
}

/**
 * One slice's transaction, which gives way to a save at the desk: if a save begins while the slice
 * still makes its requests, the slice's transaction is aborted (nothing of it is written; it is
 * applied again after the save) and the answer is null, so the save waits only for the abort, not
 * for the slice. Once its requests are done the slice commits, and a save waits for that commit.
 * Any other failure is thrown as it came. `yields` false: the slice holds its ground.
 */
async function sliceTransaction(db: DeskDatabase, yields: boolean, scope: () => Promise<PageResult>): Promise<PageResult | null> {
  let gaveWay = false;
  try {
    return await pullTransaction(db, () => {
      if (!yields) return scope();
      const transaction = Dexie.currentTransaction;
      const stop = givesWay(db, () => {
        if (!transaction.active) return; // already ending: failed, or aborted for an earlier save
        try {
          transaction.abort();
          gaveWay = true;
        } catch {
          // The store's transaction already ended (a failure): nothing to give way.
        }
      });
      return scope().finally(stop);
    });
  } catch (error) {
    if (gaveWay) return null;
    throw error;
  }
}
