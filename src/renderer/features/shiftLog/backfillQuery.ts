// R-NIGHT-TRANSFER / R-MORNING-REVIEW: a back-fill (补单) belongs to the shift its received time
// falls in, though it was saved in a later one (the night's paper or radio requests entered in the
// morning). The log reads it by the tickets' `[kind+receivedAt]` index over the shift's time, a
// bounded range per kind, and keeps those saved outside the shift (the rest are in its own events).
import { REQUEST_KINDS } from '@shared/domain/requestKinds';
import { TICKET_OPENED } from '@shared/tickets/ticketEvents';
import type { DeskDatabase } from '../../db/database';
import { toEntry, type LogEntry } from './logEntries';
import type { Span } from './shiftLogQuery';
import { streamEvents } from '../../db/eventLog';

/** Requests of one kind received in one shift, read at most (a shift takes tens, not thousands). */
export const RECEIVED_SCAN_LIMIT = 1000;

export async function readBackfillsReceivedIn(db: DeskDatabase, span: Span): Promise<{ entries: LogEntry[]; truncated: boolean }> {
  const byKind = await Promise.all(REQUEST_KINDS.map((kind) => db.tickets.where('[kind+receivedAt]').between([kind, span.start], [kind, span.end], true, false).limit(RECEIVED_SCAN_LIMIT + 1).toArray()));
  const truncated = byKind.some((rows) => rows.length > RECEIVED_SCAN_LIMIT);
  const late = byKind.flatMap((rows) => rows.slice(0, RECEIVED_SCAN_LIMIT)).filter((t) => t.backfilled === 1 && (t.createdAt < span.start || t.createdAt >= span.end));
  const opened = await Promise.all(late.map((t) => {
    return streamEvents(db, `ticket:${t.id}`).then((events) => events.find((e) => e.type === TICKET_OPENED));
  }));
  const entries = late.flatMap((t, i) => (opened[i] ? [{ ...toEntry(opened[i]!), receivedHere: t.receivedAt }] : []));
  return { entries, truncated };
}

/** The shift's own entries (saved in it, hlc order) with the back-fills received in it, by when each happened; stable. */
export function mergeByTime(saved: readonly LogEntry[], received: readonly LogEntry[]): LogEntry[] {
  if (received.length === 0) return [...saved];
  return [...saved, ...received].sort((a, b) => entryTime(a) - entryTime(b));
}

/** Where an entry sits in a log: a back-fill received in the shift at its received time, the rest at their save. */
export const entryTime = (e: LogEntry) => e.receivedHere ?? e.savedAt;
