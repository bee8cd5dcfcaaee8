import Dexie from 'dexie';
import { ticketLeftoverId } from '@shared/shifts/leftoverEvents';
import type { Ticket } from '@shared/tickets/ticketFold';
import type { DeskDatabase } from '../../db/database';

// R-LEFTOVER: requests open for long (received more than the estate's `leftoverAfterDays` ago,
// not done yet) and not in the leftover-issues file, read through `[active+createdAt]` ranges
// with limits: the bench store holds ~2,000 such requests, a two-year store more closed ones.

const DAY = 86_400_000;
/** Shown at most; one more is read to say "more". */
export const LONG_OPEN_SHOWN = 50;
/** Rows per read of the old range; filed ones are skipped and the next rows read. */
const PAGE = 100;
/** Old rows read at most per listing (a file holding hundreds of them still lists the rest up to here). */
const MAX_SCANNED = 1000;
/** The newest open requests looked through for back-fills received before the cutoff. */
const RECENT_SCANNED = 300;

export interface LongOpenList {
  /** Oldest received first. */
  requests: Ticket[];
  /** More than those shown (or more left unread past the scan's bound). */
  more: boolean;
}

/** Not done: `resolved` still counts as active for follow-up, but the request itself is done. */
const stillOpen = (t: Ticket, cutoff: number) => t.status !== 'resolved' && t.status !== 'closed' && t.receivedAt < cutoff;

async function unfiled(db: DeskDatabase, tickets: readonly Ticket[]): Promise<Ticket[]> {
  const filed = await db.leftovers.bulkGet(tickets.map((t) => ticketLeftoverId(t.id)));
  return tickets.filter((_, i) => !filed[i]);
}

export async function longOpenRequests(db: DeskDatabase, now: number, afterDays: number, shown = LONG_OPEN_SHOWN): Promise<LongOpenList> {
  const cutoff = now - afterDays * DAY;
  const found: Ticket[] = [];
  let exhausted = false;
  // Opened before the cutoff, so received before it too (a request is received no later than it is saved).
  for (let offset = 0; found.length <= shown; offset += PAGE) {
    if (offset >= MAX_SCANNED) break;
    const page = await db.tickets.where('[active+createdAt]').between([1, Dexie.minKey], [1, cutoff], true, false).offset(offset).limit(PAGE).toArray();
    found.push(...(await unfiled(db, page.filter((t) => stillOpen(t, cutoff)))));
    if (page.length < PAGE) {
      exhausted = true;
      break;
    }
  }
  // A back-fill (补单) saved since the cutoff counts from its received time.
  const recent = await db.tickets.where('[active+createdAt]').between([1, cutoff], [1, Dexie.maxKey]).reverse().limit(RECENT_SCANNED).toArray();
  found.push(...(await unfiled(db, recent.filter((t) => t.backfilled === 1 && stillOpen(t, cutoff)))));
  const requests = found.sort((a, b) => a.receivedAt - b.receivedAt || a.id.localeCompare(b.id));
  return { requests: requests.slice(0, shown), more: requests.length > shown || !exhausted };
}
