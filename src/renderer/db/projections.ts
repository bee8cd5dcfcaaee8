import Dexie, { type Table } from 'dexie';
import type { DeskEvent } from '@shared/events/envelope';
import { streamKind } from '@shared/events/envelope';
import { foldTicket } from '@shared/tickets/ticketFold';
import { foldStaff, type StaffMember } from '@shared/staff/staffFold';
import { foldDeskSettings } from '@shared/station/settingsFold';
import { foldUnit } from '@shared/directory/unitFold';
import { foldResident } from '@shared/directory/residentFold';
import { foldCall } from '@shared/calls/callFold';
import { foldShiftStream } from '@shared/shifts/shiftStreamFold';
import { foldKey } from '@shared/keys/keyFold';
import { foldLeftover } from '@shared/shifts/leftoverFold';
import type { DeskDatabase } from './database';
import { deadlineWrites } from './deadlineProjection';
import { logOrder, streamEvents, streamLogged } from './eventLog';
import type { Ticket } from '@shared/tickets/ticketFold';
import type { DeskSettingsRow } from '@shared/station/settingsFold';
import { ticketWrites, type TermsTier } from './termsTier';
import { decide, readAuthority, readMissingActors, refusal, type Authority, type RefusedEvent } from './authority';

/** A projection table kept as the fold of one kind of stream. */
export interface Projection {
  table: string;
  key: (event: DeskEvent) => string;
  fold: (row: never, event: DeskEvent) => unknown;
}

const byStreamId = (event: DeskEvent) => event.stream.slice(event.stream.indexOf(':') + 1);

export const projections: Record<string, Projection> = {
  ticket: { table: 'tickets', key: byStreamId, fold: foldTicket as Projection['fold'] },
  staff: { table: 'staff', key: byStreamId, fold: foldStaff as Projection['fold'] },
  settings: { table: 'settings', key: () => 'desk', fold: foldDeskSettings as Projection['fold'] },
  unit: { table: 'units', key: byStreamId, fold: foldUnit as Projection['fold'] },
  resident: { table: 'residents', key: byStreamId, fold: foldResident as Projection['fold'] },
  call: { table: 'calls', key: byStreamId, fold: foldCall as Projection['fold'] },
  // Issue 16: who holds the desk, shift logs and daily reports; the key register; the leftover-issues file.
  shift: { table: 'shifts', key: byStreamId, fold: foldShiftStream as Projection['fold'] },
  key: { table: 'keys', key: byStreamId, fold: foldKey as Projection['fold'] },
  leftover: { table: 'leftovers', key: byStreamId, fold: foldLeftover as Projection['fold'] },
};

/** The tables a save writes besides the log: the projections and the refused-events list (S7). */
export function projectionTables(): string[] {
  return [...new Set([...Object.values(projections).map((p) => p.table), 'refusedEvents', 'deadlines', 'freshTerms'])];
}

/**
 * Applies an event to its projection inside the caller's transaction (the event is already in
 * the log). The stream is re-folded from the log in hlc order when the event is older than the
 * row's last one (a remote event arriving late), or when there is no row yet but the stream
 * already holds other events (an edit that arrived by sync before its "added"), so the same
 * events in any order give the same row.
 */
export async function project(db: DeskDatabase, event: DeskEvent): Promise<void> {
  const [state, authority] = await Dexie.Promise.all([readStreams(db, [event]), readAuthority(db, [event])]);
  const { row, logged } = state.get(event.stream) ?? { row: null, logged: 0 };
  // The event itself is already in the log here.
  state.set(event.stream, { row, logged: Math.max(0, logged - 1) });
  await Promise.all(await projectAll(db, [event], state, authority));
}

/** A stream's row and whether the log already holds events of it (counted up to 2). */
export interface StreamState {
  row: { lastHlc?: string } | null;
  logged: number;
}

const projectionOf = (stream: string) => projections[streamKind(stream)];
const tableOf = (db: DeskDatabase, projection: Projection) => db.table(projection.table) as Table<{ lastHlc?: string }, string>;

/**
 * Reads, all at once, the rows and logged-event counts of the streams these events (or drafts)
 * write to (`legacy`: whether the pre-v16 table must be counted too: eventLog.legacyHeld). Made before the events are added, so it can go out with other reads of the same
 * transaction (the ticket counter) in one round trip to the IndexedDB backend.
 */
export function readStreams(db: DeskDatabase, events: readonly { stream: string }[], legacy = true): Dexie.Promise<Map<string, StreamState>> {
  const streams = [...new Set(events.map((e) => e.stream))].filter((stream) => projectionOf(stream));
  // Dexie's own promises throughout: they keep the transaction's zone for the writes after them.
  const states = streams.map((stream) => {
    const projection = projectionOf(stream)!;
    const key = projection.key({ stream } as DeskEvent);
    return Dexie.Promise.all([tableOf(db, projection).get(key), streamLogged(db, stream, 2, legacy)]).then(([row, logged]): [string, StreamState] => [stream, { row: row ?? null, logged }]);
  });
  return Dexie.Promise.all(states).then((entries) => new Map(entries));
}

/**
 * Folds events, just added in the caller's transaction, into their projections from the state
 * `readStreams` and `readAuthority` saw before they were added. Staff streams go first, so an
 * event of the same save acts with the standing they give (setup: the first manager, then the
 * station's settings by that manager). The writes are returned unawaited, one per table (a
 * pulled page's rows go out as one bulk write per table: one request, and Dexie's change
 * tracking takes them as a batch): the caller awaits them before the transaction ends (a failed
 * write then aborts it). `tier`: where new tickets' search terms go (termsTier.ts).
 */
export async function projectAll(db: DeskDatabase, events: readonly DeskEvent[], before: Map<string, StreamState>, authority: Authority, tier: TermsTier = 'fresh'): Promise<Promise<unknown>[]> {
  const byStream = new Map<string, DeskEvent[]>();
  for (const event of events) {
    if (!projectionOf(event.stream)) continue;
    const batch = byStream.get(event.stream);
    if (batch) batch.push(event);
    else byStream.set(event.stream, [event]);
  }
  const state = (stream: string) => before.get(stream) ?? { row: null, logged: 0 };
  const folded: Folded[] = [];
  for (const [stream, batch] of byStream) {
    if (streamKind(stream) !== 'staff') continue;
    // Dexie's promise around our own async work: a native await would lose the transaction's zone,
    // and the next stream's reads and writes would run outside the caller's transaction.
    const done = await Dexie.Promise.resolve(projectStream(db, stream, batch, state(stream), authority));
    if (done.row) authority.members.set((done.row as StaffMember).id, done.row as StaffMember);
    folded.push(done);
  }
  const others = [...byStream].filter(([stream]) => streamKind(stream) !== 'staff');
  folded.push(...(await Dexie.Promise.all(others.map(([stream, batch]) => projectStream(db, stream, batch, state(stream), authority)))));
  // Ticket rows go out with their search terms' tier (termsTier.ts); every other table as folded.
  const tickets = folded.filter((f) => f.put && f.table === 'tickets').map((f) => ({ before: state(f.stream).row as Ticket | null, after: f.row as Ticket }));
  const writes = [...writeFolded(db, folded, 'tickets'), ...ticketWrites(db, tickets, tier)];
  // Issue 15: the running clocks of the tickets written, and every clock again when the tuning changed.
  const settings = folded.find((f) => f.put && f.table === 'settings');
  if (tickets.length || settings) {
    writes.push(deadlineWrites(db, tickets, settings ? { before: state(settings.stream).row as DeskSettingsRow | null, after: settings.row as DeskSettingsRow } : null));
  }
  return writes;
}

/** What folding one stream produced: its row to write (if it changed) and the refusal list's changes. */
interface Folded {
  stream: string;
  table: string;
  /** The row after the fold; `put` when it must be written. */
  row: unknown;
  put: boolean;
  refused: RefusedEvent[];
  /** Events a re-fold applied: no longer refused. */
  unrefused: string[];
}

/** The rows (except `apart`'s, written by the caller) and the refusal list's changes. */
function writeFolded(db: DeskDatabase, folded: readonly Folded[], apart: string): Promise<unknown>[] {
  const rows = new Map<string, unknown[]>();
  for (const f of folded) {
    if (!f.put || f.table === apart) continue;
    const list = rows.get(f.table);
    if (list) list.push(f.row);
    else rows.set(f.table, [f.row]);
  }
  const writes: Promise<unknown>[] = [...rows].map(([table, list]) => (list.length === 1 ? db.table(table).put(list[0]) : db.table(table).bulkPut(list)));
  const refused = folded.flatMap((f) => f.refused);
  const unrefused = folded.flatMap((f) => f.unrefused);
  if (refused.length) writes.push(db.refusedEvents.bulkPut(refused));
  if (unrefused.length) writes.push(db.refusedEvents.bulkDelete(unrefused));
  return writes;
}

async function projectStream(db: DeskDatabase, stream: string, batch: DeskEvent[], { row, logged }: StreamState, authority: Authority): Promise<Folded> {
  const projection = projectionOf(stream)!;
  // Order is (hlc, id), as the log's [stream+hlc] index gives it: two events with one hlc (a
  // cloned node id, F20) must fold in the same order on every station, so a tie with the row's
  // last event re-folds too.
  const inOrder = batch.every((event, i) => i === 0 || logOrder(batch[i - 1]!, event) < 0);
  const late = row?.lastHlc !== undefined && batch[0]!.hlc <= row.lastHlc;
  const editsBeforeRow = !row && logged > 0;
  const refold = late || editsBeforeRow || !inOrder;
  // The log (which holds the batch now) in hlc order decides.
  const events = refold ? await streamEvents(db, stream) : batch;
  if (refold) await Dexie.Promise.resolve(readMissingActors(db, authority, events));
  const refused: RefusedEvent[] = [];
  const applied: string[] = [];
  const next = events.reduce<unknown>((current, event) => {
    const decision = decide(authority, event, current);
    if (!decision.ok) {
      refused.push(refusal(event, decision.reason));
      return current;
    }
    applied.push(event.id);
    return projection.fold(current as never, event);
  }, refold ? null : row);
  return {
    stream,
    table: projection.table,
    row: next,
    // A fold that left the row as it was (the same object: a ticket's note) writes nothing.
    put: Boolean(next) && (refold || next !== row),
    refused,
    // A re-fold decides again from the whole log: an event refused before may be applied now.
    unrefused: refold ? applied : [],
  };
}
