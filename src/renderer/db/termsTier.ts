// Issue 13, the incremental pull on a two-year store: where a ticket row's search terms are
// indexed. The `*terms` index of a big store holds millions of keys; a new ticket's ~25 terms
// land all over it, and IndexedDB's backend pays for every scattered key (on the 1,000,000-event
// store, 250 new tickets' rows took over a second with their terms, under 0.1 s without). So a
// ticket written lately keeps its terms under FRESH_TERM_PREFIX, a small region of the same
// index, and is merged into the rest when the desk is idle (termsMerger.ts). Search looks in
// both (queueQuery.ts). Everything else reads the row as if there were one tier: a Dexie reading
// hook takes the prefix off, so folds, screens and comparisons never see it.
import Dexie, { type Table } from 'dexie';
import type { Ticket } from '@shared/tickets/ticketFold';
import { FRESH_TERM_PREFIX, unfreshTerm } from '@shared/text/searchTerms';

/** Rows read with their terms in the fresh tier (as the reading hook returned them). */
const readFresh = new WeakSet<object>();

const isFreshTerm = (term: string) => term.startsWith(FRESH_TERM_PREFIX);

/** How a page's or a save's ticket rows are written: `bulk` (a page with more to come) puts new rows straight into the big index. */
export type TermsTier = 'fresh' | 'bulk';

/** Installed once per database: rows come back with their terms as the fold made them. */
export function installTermsTier(tickets: Table<Ticket, string>): void {
  tickets.hook('reading', (row: Ticket) => {
    if (!row || !Array.isArray(row.terms) || !row.terms.some(isFreshTerm)) return row;
    const plain = { ...row, terms: row.terms.map(unfreshTerm) };
    readFresh.add(plain);
    return plain;
  });
}

/** Whether this row, as read through the hook, was in the fresh tier. */
export const wasFresh = (row: unknown): boolean => typeof row === 'object' && row !== null && readFresh.has(row);

/**
 * The row to store for a folded ticket. A new ticket, or one still fresh, goes (stays) in the
 * fresh tier; one already merged stays in the big index (its keys there would otherwise be
 * rewritten twice). In `bulk` (a first pull's pages) everything goes to the big index at once.
 */
export function storedTicket(after: Ticket, before: Ticket | null, tier: TermsTier): Ticket {
  const fresh = tier === 'fresh' && (before === null || wasFresh(before));
  const terms = after.terms.map(unfreshTerm);
  return { ...after, terms: fresh ? terms.map((t) => FRESH_TERM_PREFIX + t) : terms };
}

/** Ids of tickets whose terms are still in the fresh tier, up to `max`. */
export async function freshTicketIds(db: { tickets: Table<Ticket, string> }, max: number): Promise<string[]> {
  // A row sits under each of its terms (about 25, at most a few hundred): one read of the keys of
  // the first rows' worth, not a cursor step per key. Fewer than `max` rows may come back; the
  // next batch takes the rest.
  const keys = await db.tickets.where('terms').startsWith(FRESH_TERM_PREFIX).limit(max * 64).primaryKeys();
  return [...new Set(keys)].slice(0, max);
}

/**
 * Moves up to `max` fresh tickets' terms into the big index, in one transaction (a row written
 * meanwhile by a save or a pull is read again inside it, so nothing is lost). Returns how many
 * moved; 0 when the fresh tier is empty.
 */
export function mergeFreshTerms(db: Dexie & { tickets: Table<Ticket, string> }, max: number): Promise<number> {
  return db.transaction('rw', db.tickets, async () => {
    const ids = await freshTicketIds(db, max);
    if (!ids.length) return 0;
    const rows = (await db.tickets.bulkGet(ids)).filter((row): row is Ticket => row !== undefined && wasFresh(row));
    // The hook gave them back without the prefix: written as read, they are in the big index.
    if (rows.length) await db.tickets.bulkPut(rows);
    return rows.length;
  });
}
