import Dexie, { type Transaction } from 'dexie';
import type { Ticket } from '@shared/tickets/ticketFold';
import type { DeskSettingsRow } from '@shared/station/settingsFold';
import { deadlineRowChanges, deadlineRowsOf, type DeadlineRow } from '@shared/deadlines/deadlineIndex';
import { resolveTuning, type DeadlineTimings } from '@shared/deadlines/tuning';
import type { DeskDatabase } from './database';

// Issue 15: keeps the `deadlines` table (shared/deadlines/deadlineIndex.ts) inside the save's or
// the pulled page's own transaction, so it is never behind the tickets it indexes.

/** The estate's timings as the settings row holds them (unusable tuning falls back per rule). */
export function timingsOf(settings: DeskSettingsRow | null | undefined): DeadlineTimings {
  return resolveTuning(settings?.deadlineTuning ?? null).timings;
}

export interface TicketChange {
  before: Ticket | null;
  after: Ticket | null;
}

/**
 * The deadline rows' writes for tickets folded in this transaction, and for a tuning change (every
 * row re-timed: the table holds only the running clocks, a few hundred at most). Returned
 * unawaited like the projections' own writes.
 */
export function deadlineWrites(db: DeskDatabase, changes: readonly TicketChange[], settings: { before: DeskSettingsRow | null; after: DeskSettingsRow | null } | null, now = Date.now()): Dexie.Promise<unknown> {
  const retuned = settings && JSON.stringify(settings.before?.deadlineTuning ?? {}) !== JSON.stringify(settings.after?.deadlineTuning ?? {});
  // A save's ticket needs the estate's timings: kept per database between saves (one read less in
  // every save's transaction), dropped whenever the settings table changes, here or in another tab.
  const cached = settings ? undefined : knownTimings.get(db);
  const timingsNow = settings ? Dexie.Promise.resolve(timingsOf(settings.after)) : cached ? Dexie.Promise.resolve(cached) : db.settings.get('desk').then(timingsOf);
  return timingsNow.then((timings) => {
    if (!settings) rememberTimings(db, timings);
    const put: DeadlineRow[] = [];
    const remove: string[] = [];
    for (const { before, after } of changes) {
      const change = deadlineRowChanges(before, after, timings, now);
      put.push(...change.put);
      remove.push(...change.remove);
    }
    const writes: Dexie.Promise<unknown>[] = [];
    if (put.length) writes.push(db.deadlines.bulkPut(put));
    if (remove.length) writes.push(db.deadlines.bulkDelete(remove));
    if (retuned) writes.push(retimeAll(db.deadlines, db.tickets, timings, now));
    return Dexie.Promise.all(writes);
  });
}

const knownTimings = new WeakMap<DeskDatabase, DeadlineTimings>();
const watched = new WeakSet<DeskDatabase>();

function rememberTimings(db: DeskDatabase, timings: DeadlineTimings) {
  knownTimings.set(db, timings);
  if (watched.has(db)) return;
  watched.add(db);
  const settingsPart = `idb://${db.name}/settings/`;
  Dexie.on('storagemutated', (parts) => {
    if (Object.keys(parts).some((part) => part.startsWith(settingsPart))) knownTimings.delete(db);
  });
}

type Tables = Pick<DeskDatabase, 'deadlines' | 'tickets'>;

/** Every running clock's row again under new timings (the tickets named by the rows, no others). */
function retimeAll(deadlines: Tables['deadlines'], tickets: Tables['tickets'], timings: DeadlineTimings, now: number): Dexie.Promise<unknown> {
  return deadlines.toArray().then((rows) => {
    const ids = [...new Set(rows.map((row) => row.ticketId))];
    return tickets.bulkGet(ids).then((found) => {
      const next = found.flatMap((ticket) => deadlineRowsOf(ticket, timings, now));
      const kept = new Set(next.map((row) => row.id));
      return Dexie.Promise.all([deadlines.bulkPut(next), deadlines.bulkDelete(rows.map((row) => row.id).filter((id) => !kept.has(id)))]);
    });
  });
}

/** Schema v14: the rows of the open tickets' running clocks (an index range: the open tickets only). */
export function fillDeadlines(tx: Transaction) {
  const now = Date.now();
  return tx.table<DeskSettingsRow, string>('settings').get('desk').then((settings) => {
    const timings = timingsOf(settings);
    const rows: DeadlineRow[] = [];
    return tx.table<Ticket, string>('tickets').where('[active+createdAt]').between([1, Dexie.minKey], [1, Dexie.maxKey])
      .each((ticket) => {
        rows.push(...deadlineRowsOf(ticket, timings, now));
      })
      .then(() => tx.table<DeadlineRow, string>('deadlines').bulkPut(rows));
  });
}
