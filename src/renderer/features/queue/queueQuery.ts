import Dexie, { type Collection } from 'dexie';
import type { RequestKind } from '@shared/domain/requestKinds';
import type { Ticket } from '@shared/tickets/ticketFold';
import { ACTIVE_TERM_PREFIX, PHONE_TERM_PREFIX, queryTerms, tokenize } from '@shared/text/searchTerms';
import type { DeskDatabase } from '../../db/database';

export type QueueScope = 'active' | 'closed' | 'all';

export interface QueueFilter {
  kind: RequestKind | null;
  scope: QueueScope;
  search: string;
  limit: number;
  /**
   * S6 / R-CONFIDENTIAL: true only for a role with `phone.unmask`; then a digit term also finds
   * callers' numbers (indexed under PHONE_TERM_PREFIX). Otherwise a number finds nothing.
   */
  phones?: boolean;
}

const MIN = Dexie.minKey;
const MAX = Dexie.maxKey;

/** Newest first, always through an index and a limit: never a count or a whole-table read. */
function byFilter(db: DeskDatabase, kind: RequestKind | null, scope: QueueScope): Collection<Ticket, string> {
  const active = scope === 'active' ? 1 : 0;
  if (kind && scope !== 'all') return db.tickets.where('[kind+active+createdAt]').between([kind, active, MIN], [kind, active, MAX]).reverse();
  if (kind) return db.tickets.where('[kind+createdAt]').between([kind, MIN], [kind, MAX]).reverse();
  if (scope !== 'all') return db.tickets.where('[active+createdAt]').between([active, MIN], [active, MAX]).reverse();
  return db.tickets.orderBy('createdAt').reverse();
}

/**
 * U20: the open requests, the urgent ones above the rest, newest first within each. The urgent
 * open tickets are few and read through the sparse `pinned` or `[kind+pinned]` index (schema
 * v10), bounded by the limit; the rest is the usual `[active+createdAt]` range without them.
 */
async function urgentFirst(db: DeskDatabase, kind: RequestKind | null, limit: number): Promise<Ticket[]> {
  const pinned = await (kind ? db.tickets.where('[kind+pinned]').between([kind, MIN], [kind, MAX]) : db.tickets.orderBy('pinned')).reverse().limit(limit).toArray();
  const rest = limit - pinned.length;
  if (rest <= 0) return pinned;
  // Every pinned request is among those just read (fewer than the limit), so the newest
  // `rest + pinned.length` open ones hold at least `rest` others: one getAll in index order,
  // where a Dexie filter walks a cursor, a round trip to the IndexedDB backend per row.
  const others = (await byFilter(db, kind, 'active').limit(limit).toArray()).filter((t) => t.pinned === undefined).slice(0, rest);
  return [...pinned, ...others];
}

const DIGITS = /^\d+$/;

/** The forms a query term is looked for in: plain, and for a number also as a caller's number. */
function termForms(term: string, phones: boolean): string[] {
  return phones && DIGITS.test(term) ? [term, PHONE_TERM_PREFIX + term] : [term];
}

function matches(ticket: Ticket, kind: RequestKind | null, scope: QueueScope, terms: string[][], phones: boolean): boolean {
  if (kind && ticket.kind !== kind) return false;
  if (scope === 'active' && ticket.active !== 1) return false;
  if (scope === 'closed' && ticket.active !== 0) return false;
  // Requests saved before schema v8 carry their caller's number as plain terms: a role without
  // `phone.unmask` must not find them by it (S6), so those terms do not count for it.
  const hidden = !phones && ticket.callerPhone ? new Set(tokenize(ticket.callerPhone)) : null;
  // An open ticket's terms carry ACTIVE_TERM_PREFIX; a query term never does (tokenize keeps no "~" or ":").
  // A phone term is found only by a form that carries PHONE_TERM_PREFIX (termForms).
  return terms.every((forms) => ticket.terms.some((t) => {
    const from = t.startsWith(ACTIVE_TERM_PREFIX) ? ACTIVE_TERM_PREFIX.length : 0;
    if (hidden?.has(from ? t.slice(from) : t)) return false;
    return forms.some((form) => t.startsWith(form, from));
  }));
}

/**
 * A search reads at most this many candidates from the term index: a common word with a rare
 * filter must not walk every ticket. Past it the queue says so and asks for a narrower search.
 */
export const MAX_SEARCH_CANDIDATES = 3000;

export interface QueueResult {
  tickets: Ticket[];
  /** True when the search stopped at MAX_SEARCH_CANDIDATES: there may be more matches. */
  truncated: boolean;
}

export async function queryQueue(db: DeskDatabase, { kind, scope, search, limit, phones = false }: QueueFilter): Promise<QueueResult> {
  const terms = queryTerms(search);
  // U18: a search with nothing searchable in it (emoji, punctuation) matches nothing, not everything.
  if (terms.length === 0 && search.trim()) return { tickets: [], truncated: false };
  if (terms.length === 0 && scope === 'active') return { tickets: await urgentFirst(db, kind, limit), truncated: false };
  if (terms.length === 0) return { tickets: await byFilter(db, kind, scope).limit(limit).toArray(), truncated: false };
  // The longest term is the most selective: look it up exactly first (index order = id order =
  // creation order for UUIDv7), then as a prefix for what is being typed. Open requests are
  // indexed under their own prefixed terms (withActiveTerms), closed ones plain: "all" reads both.
  // Each is looked up in the big index and in the records of the fresh tier (db/termsTier.ts):
  // two lookups a key, however old the store.
  const lead = [...terms].sort((a, b) => b.length - a.length)[0]!;
  const keys = termForms(lead, phones).flatMap((form) => (scope === 'active' ? [ACTIVE_TERM_PREFIX + form] : scope === 'closed' ? [form] : [ACTIVE_TERM_PREFIX + form, form]));
  const forms = terms.map((term) => termForms(term, phones));
  let examined = 0;
  // A multi-entry prefix range holds a ticket once per matching term (1502 and 1503 for "150"),
  // and a ticket written before schema v6 may sit under both keys: remember every ticket taken,
  // so none is listed twice.
  const seen = new Set<string>();
  const take = (t: Ticket) => {
    examined++;
    if (seen.has(t.id) || !matches(t, kind, scope, forms, phones)) return false;
    seen.add(t.id);
    return true;
  };
  const stop = () => examined >= MAX_SEARCH_CANDIDATES;
  const newest = (lists: Ticket[][], n: number) => lists.flat().sort((a, b) => b.createdAt - a.createdAt).slice(0, n);
  // The fresh tier's tickets under a key: the records that hold it name them (a record may name a
  // ticket whose terms changed since; `take` checks the row as it is now).
  const fresh = async (key: string, prefix: boolean): Promise<Ticket[]> => {
    const records = await (prefix ? db.freshTerms.where('terms').startsWith(key) : db.freshTerms.where('terms').equals(key)).toArray();
    const rows = await db.tickets.bulkGet([...new Set(records.flatMap((r) => r.ids))]);
    return rows.filter((t): t is Ticket => t !== undefined && !stop() && take(t));
  };
  // The newest `limit` of the union are among the newest `limit` of each key.
  const exact = newest(await Promise.all(keys.flatMap((key) => [db.tickets.where('terms').equals(key).reverse().until(stop).filter(take).limit(limit).toArray(), fresh(key, false)])), limit);
  if (exact.length >= limit || stop()) return { tickets: exact, truncated: stop() };
  const rest = limit - exact.length;
  const prefix = await Promise.all(keys.flatMap((key) => [db.tickets.where('terms').startsWith(key).until(stop).filter(take).limit(rest).toArray(), fresh(key, true)]));
  return { tickets: newest([exact, ...prefix], limit), truncated: stop() };
}
