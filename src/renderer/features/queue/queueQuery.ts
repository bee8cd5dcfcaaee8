import Dexie, { type Collection } from 'dexie';
import type { RequestKind } from '@shared/domain/requestKinds';
import type { Ticket } from '@shared/tickets/ticketFold';
import { queryTerms } from '@shared/text/searchTerms';
import type { DeskDatabase } from '../../db/database';

export type QueueScope = 'active' | 'closed' | 'all';

export interface QueueFilter {
  kind: RequestKind | null;
  scope: QueueScope;
  search: string;
  limit: number;
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

function matches(ticket: Ticket, kind: RequestKind | null, scope: QueueScope, terms: string[]): boolean {
  if (kind && ticket.kind !== kind) return false;
  if (scope === 'active' && ticket.active !== 1) return false;
  if (scope === 'closed' && ticket.active !== 0) return false;
  return terms.every((term) => ticket.terms.some((t) => t.startsWith(term)));
}

export async function queryQueue(db: DeskDatabase, { kind, scope, search, limit }: QueueFilter): Promise<Ticket[]> {
  const terms = queryTerms(search);
  if (terms.length === 0) return byFilter(db, kind, scope).limit(limit).toArray();
  // The longest term is the most selective: look it up exactly first (index order = id order =
  // creation order for UUIDv7), then as a prefix for what is being typed.
  const lead = [...terms].sort((a, b) => b.length - a.length)[0]!;
  const keep = (t: Ticket) => matches(t, kind, scope, terms);
  const exact = await db.tickets.where('terms').equals(lead).reverse().filter(keep).limit(limit).toArray();
  if (exact.length >= limit) return exact;
  // A multi-entry prefix range holds a ticket once per matching term (1502 and 1503 for "150"):
  // remember every ticket taken, not only the exact ones, so none is listed twice.
  const seen = new Set(exact.map((t) => t.id));
  const fresh = (t: Ticket) => {
    if (seen.has(t.id) || !keep(t)) return false;
    seen.add(t.id);
    return true;
  };
  const prefix = await db.tickets.where('terms').startsWith(lead).filter(fresh).limit(limit - exact.length).toArray();
  return [...exact, ...prefix].sort((a, b) => b.createdAt - a.createdAt);
}
