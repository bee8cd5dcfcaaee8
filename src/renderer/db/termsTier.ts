// Issue 13, the incremental pull on a two-year store: where a ticket row's search terms are
// indexed. The `*terms` index of a big store holds millions of keys; a new ticket's ~22 terms
// land all over it, and IndexedDB's backend pays for every scattered key (on the 1,000,000-event
// store, 250 new tickets' rows took over a second with their terms, under 0.1 s without). So a
// ticket written lately (the fresh tier) carries no term key: its terms sit unindexed in the row
// (`fresh`), and one record per save or page (`freshTerms`, schema v17) holds the distinct terms
// of its fresh tickets, multi-entry, with their ids: 250 tickets' 5,500 keys become about 1,600
// in one record (bench:sync rawCosts). The idle desk merges fresh tickets into the big index
// (termsMerger.ts). Search looks in both (queueQuery.ts). Everything else reads the row as if
// there were one tier: a Dexie reading hook puts the terms back, so folds, screens and
// comparisons never see the difference.
import Dexie, { type Table, type Transaction } from 'dexie';
import type { Ticket } from '@shared/tickets/ticketFold';

/** A save's or a page's fresh tickets: their distinct terms (indexed) and their ids. */
export interface FreshTermsRecord {
  n?: number;
  terms: string[];
  ids: string[];
}

/** A ticket row as stored while fresh: no indexed term, the terms kept aside. */
type StoredTicket = Ticket & { fresh?: string[] };

/** Rows read while fresh (as the reading hook returned them). */
const readFresh = new WeakSet<object>();

/** How a page's or a save's ticket rows are written: `bulk` (a page with more to come) puts new rows straight into the big index. */
export type TermsTier = 'fresh' | 'bulk';

/** Installed once per database: rows come back with their terms as the fold made them. */
export function installTermsTier(tickets: Table<Ticket, string>): void {
  tickets.hook('reading', (row: StoredTicket) => {
    if (!row || !Array.isArray(row.fresh)) return row;
    const { fresh, ...rest } = row;
    const plain = { ...rest, terms: fresh };
    readFresh.add(plain);
    return plain;
  });
}

/** Whether this row, as read through the hook, was in the fresh tier. */
export const wasFresh = (row: unknown): boolean => typeof row === 'object' && row !== null && readFresh.has(row);

/**
 * Whether a folded ticket is written fresh: a new ticket, or one still fresh; one already merged
 * stays in the big index (its keys there would otherwise be rewritten twice). In `bulk` (a first
 * pull's pages) everything goes to the big index at once.
 */
export const writesFresh = (before: Ticket | null, tier: TermsTier): boolean => tier === 'fresh' && (before === null || wasFresh(before));

/**
 * The writes of folded tickets: each row, and one record of the fresh ones' distinct terms.
 * Returned unawaited, like the projections' other writes.
 */
export function ticketWrites(db: { tickets: Table<Ticket, string>; freshTerms: Table<FreshTermsRecord, number> }, tickets: readonly { after: Ticket; before: Ticket | null }[], tier: TermsTier): Promise<unknown>[] {
  const terms = new Set<string>();
  const ids: string[] = [];
  const rows = tickets.map(({ after, before }): StoredTicket => {
    if (!writesFresh(before, tier)) return after;
    ids.push(after.id);
    for (const term of after.terms) terms.add(term);
    return { ...after, terms: [], fresh: after.terms };
  });
  const writes: Promise<unknown>[] = [];
  if (rows.length) writes.push(rows.length === 1 ? db.tickets.put(rows[0]!) : db.tickets.bulkPut(rows));
  if (ids.length) writes.push(db.freshTerms.add({ terms: [...terms], ids }));
  return writes;
}

/**
 * Moves up to `max` fresh tickets, oldest records first, into the big index in one transaction
 * (rows are read again inside it, so a save made meanwhile is kept); a record goes once none of
 * its tickets is fresh. Returns how many tickets moved; `done` when there was nothing left.
 */
export function mergeFreshTerms(db: Dexie & { tickets: Table<Ticket, string>; freshTerms: Table<FreshTermsRecord, number> }, max: number): Promise<{ moved: number; done: boolean }> {
  return db.transaction('rw', db.tickets, db.freshTerms, async () => {
    const records = await db.freshTerms.orderBy('n').limit(max).toArray();
    let moved = 0;
    for (const record of records) {
      // A ticket named by an older record too may have been merged just above: no longer fresh.
      const rows = (await db.tickets.bulkGet(record.ids)).filter((row): row is Ticket => row !== undefined && wasFresh(row));
      // The hook gave them back with their terms in place: written as read, they are in the big index.
      const now = rows.slice(0, max - moved);
      if (now.length) await db.tickets.bulkPut(now);
      if (now.length === rows.length) await db.freshTerms.delete(record.n!);
      moved += now.length;
      if (moved >= max) break;
    }
    return { moved, done: records.length === 0 };
  });
}

/** Schema v16's fresh tier (never shipped beyond issue 13's own stop): a row's terms under this prefix. */
export const V16_FRESH_PREFIX = '~f:';

/** Schema v17: rows kept under the `~f:` prefix (the fresh tier before records) into the big index. */
export function mergeOldFreshPrefix(tx: Transaction) {
  const tickets = tx.table<Ticket, string>('tickets');
  return tickets.where('terms').startsWith(V16_FRESH_PREFIX).primaryKeys().then((keys) => {
    const ids = [...new Set(keys)];
    return tickets.bulkGet(ids).then((rows) => tickets.bulkPut(rows.filter((row): row is Ticket => row !== undefined).map((row) => ({ ...row, terms: row.terms.map((t) => (t.startsWith(V16_FRESH_PREFIX) ? t.slice(V16_FRESH_PREFIX.length) : t)) }))));
  });
}
