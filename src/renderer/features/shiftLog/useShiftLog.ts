import { useLiveQuery } from 'dexie-react-hooks';
import type { CallRecord } from '@shared/calls/callFold';
import type { DeadlineTimings } from '@shared/deadlines/tuning';
import type { Ticket } from '@shared/tickets/ticketFold';
import type { DeskDatabase } from '../../db/database';
import { timingsOf } from '../../db/deadlineProjection';
import { toEntry, type LogEntry } from './logEntries';
import { readWholeLog, type Span } from './shiftLogQuery';
import { mergeByTime, readBackfillsReceivedIn } from './backfillQuery';

export interface LoadedLog {
  entries: LogEntry[];
  truncated: boolean;
  tickets: Map<string, Ticket>;
  calls: Map<string, CallRecord>;
  names: Map<string, string>;
  timings: DeadlineTimings;
}

const NO_BACKFILLS = { entries: [], truncated: false };

/**
 * The log of a span with the rows it names (requests, calls, actors' names): bounded reads, by key.
 * `backfillsReceived`: with the 补单 received in the span and saved after it (a shift's log; the
 * daily report counts what was done on its day, so it leaves them out).
 */
export async function loadLog(db: DeskDatabase, span: Span, max?: number, backfillsReceived = true): Promise<LoadedLog> {
  const [{ events, truncated: cut }, received] = await Promise.all([readWholeLog(db, span, max), backfillsReceived ? readBackfillsReceivedIn(db, span) : NO_BACKFILLS]);
  const entries = mergeByTime(events.map(toEntry), received.entries);
  const truncated = cut || received.truncated;
  const ticketIds = [...new Set(entries.flatMap((e) => (e.ticketId ? [e.ticketId] : [])))];
  const callIds = [...new Set(entries.filter((e) => e.kind === 'call').map((e) => e.event.stream.slice('call:'.length)))];
  const actorIds = [...new Set(entries.flatMap((e) => (e.event.actor ? [e.event.actor] : [])))];
  const [tickets, calls, staff, settings] = await Promise.all([db.tickets.bulkGet(ticketIds), db.calls.bulkGet(callIds), db.staff.bulkGet(actorIds), db.settings.get('desk')]);
  return {
    entries,
    truncated,
    tickets: new Map(tickets.flatMap((t) => (t ? [[t.id, t] as const] : []))),
    calls: new Map(calls.flatMap((c) => (c ? [[c.id, c] as const] : []))),
    names: new Map(staff.flatMap((s) => (s ? [[s.id, s.name] as const] : []))),
    timings: timingsOf(settings),
  };
}

/** Live: the log follows new events of its span (and the rows they name) as they are saved or synced. */
export function useShiftLog(db: DeskDatabase, span: Span, max?: number, backfillsReceived = true): LoadedLog | undefined {
  return useLiveQuery(() => loadLog(db, span, max, backfillsReceived), [db, span.start, span.end, max, backfillsReceived]);
}

const NO_NAMES = new Map<string, string>();

/** Staff names by id (who reviewed, marked, signed: not always an actor of the log itself). */
export function useStaffNames(db: DeskDatabase, ids: readonly string[]): Map<string, string> {
  const key = [...new Set(ids)].sort().join(',');
  return useLiveQuery(async () => {
    const wanted = key ? key.split(',') : [];
    const staff = await db.staff.bulkGet(wanted);
    return new Map(staff.flatMap((s) => (s ? [[s.id, s.name] as const] : [])));
  }, [db, key]) ?? NO_NAMES;
}
