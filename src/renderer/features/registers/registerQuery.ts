// R-RECORD: a register's requests in received order, read a page at a time through the
// `[kind+receivedAt]` index (schema v13), one bounded range per kind of the form, merged in
// shared/registers. Never a whole-table read, never a count.
import type { RequestKind } from '@shared/domain/requestKinds';
import { REGISTER_KINDS, type RegisterId } from '@shared/registers/registerKinds';
import { isAfter, mergePage, type MergedPage, type RegisterCursor } from '@shared/registers/registerPaging';
import type { Ticket } from '@shared/tickets/ticketFold';
import type { DeskDatabase } from '../../db/database';

export const REGISTER_PAGE_SIZE = 50;
/** A printout or export stops here (several months of one form); the screen says so. */
export const REGISTER_MAX_ROWS = 5000;

export interface Span {
  start: number;
  end: number;
}

/** Up to `limit` requests of `kind` after the cursor, received in `[start, end)`. */
function kindRange(db: DeskDatabase, kind: RequestKind, span: Span, after: RegisterCursor | null, limit: number): Promise<Ticket[]> {
  const from = after ? Math.max(after.receivedAt, span.start) : span.start;
  // Rows of the cursor's own instant with a smaller id were on an earlier page: skipped here.
  return db.tickets.where('[kind+receivedAt]').between([kind, from], [kind, span.end], true, false)
    .filter((t) => isAfter(t, after)).limit(limit).toArray();
}

export async function readRegisterPage(db: DeskDatabase, register: RegisterId, span: Span, after: RegisterCursor | null, limit = REGISTER_PAGE_SIZE): Promise<MergedPage<Ticket>> {
  const lists = await db.transaction('r', db.tickets, () => Promise.all(REGISTER_KINDS[register].map((kind) => kindRange(db, kind, span, after, limit + 1))));
  return mergePage(lists, limit);
}

/** Every request of the range, page by page (printing, export); `truncated` past REGISTER_MAX_ROWS. */
export async function readWholeRegister(db: DeskDatabase, register: RegisterId, span: Span): Promise<{ tickets: Ticket[]; truncated: boolean }> {
  const tickets: Ticket[] = [];
  let after: RegisterCursor | null = null;
  for (;;) {
    const page: MergedPage<Ticket> = await readRegisterPage(db, register, span, after, 200);
    tickets.push(...page.rows);
    if (!page.next) return { tickets, truncated: false };
    if (tickets.length >= REGISTER_MAX_ROWS) return { tickets: tickets.slice(0, REGISTER_MAX_ROWS), truncated: true };
    after = page.next;
  }
}

/** The names of the staff who recorded these requests, by id (primary key reads only). */
export async function staffNames(db: DeskDatabase, tickets: readonly Ticket[]): Promise<Map<string, string>> {
  const ids = [...new Set(tickets.flatMap((t) => (t.createdBy ? [t.createdBy] : [])))];
  const rows = await db.staff.bulkGet(ids);
  return new Map(rows.flatMap((s) => (s ? [[s.id, s.name] as const] : [])));
}
