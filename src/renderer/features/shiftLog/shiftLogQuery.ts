// R-MORNING-REVIEW: a shift's log is every event saved in its time, read through the events
// table's `hlc` index (an hlc starts with its ISO time, shared/hlc.ts, so a time range is a string
// range), a page at a time, in hlc order. Never a whole-table read; a printout stops at LOG_MAX_EVENTS.
import type { DeskEvent } from '@shared/events/envelope';
import type { DeskDatabase } from '../../db/database';
import { eventsByHlc } from '../../db/eventLog';

export const LOG_PAGE_SIZE = 200;
/** A printout or export stops here (a shift of a very busy estate); the screen says so. */
export const LOG_MAX_EVENTS = 5000;

export interface Span {
  start: number;
  end: number;
}

/** The streams a shift log shows: requests, calls, the desk's duty, shift logs and reports, keys, leftovers. */
const LOGGED_KINDS = ['ticket:', 'call:', 'shift:', 'key:', 'leftover:'];
export const isLogged = (event: DeskEvent) => LOGGED_KINDS.some((prefix) => event.stream.startsWith(prefix));

/** The hlc strings of `[start, end)`: `start`'s ISO time sorts before every stamp of that millisecond, `end`'s before every stamp of its own. */
export function hlcBounds(span: Span): [string, string] {
  return [new Date(span.start).toISOString(), new Date(span.end).toISOString()];
}

/**
 * Up to `limit` logged events saved in `[start, end)` after the stamp `after` (exclusive), in hlc
 * order; `next` is the stamp to go on from, or null at the end of the span. Events of other
 * streams (sign-ins, settings) are skipped but still count towards the page's reads.
 */
export async function readLogPage(db: DeskDatabase, span: Span, after: string | null, limit = LOG_PAGE_SIZE): Promise<{ events: DeskEvent[]; next: string | null }> {
  const [lo, hi] = hlcBounds(span);
  const from = after && after > lo ? after : lo;
  const read = await eventsByHlc(db, { from, to: hi, fromOpen: Boolean(after) }, { limit });
  const next = read.length === limit ? read[read.length - 1]!.hlc : null;
  return { events: read.filter(isLogged), next };
}

/** The whole log of the span, page by page (printing, export, the review); `truncated` past `max`. */
export async function readWholeLog(db: DeskDatabase, span: Span, max = LOG_MAX_EVENTS): Promise<{ events: DeskEvent[]; truncated: boolean }> {
  const events: DeskEvent[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { events: DeskEvent[]; next: string | null } = await readLogPage(db, span, after);
    events.push(...page.events);
    if (events.length >= max) return { events: events.slice(0, max), truncated: page.next !== null || events.length > max };
    if (!page.next) return { events, truncated: false };
    after = page.next;
  }
}
