import type { Ticket } from '../tickets/ticketFold';
import type { DeadlineRuleId } from './deadlineRules';
import { pendingDeadlines } from './pendingDeadlines';
import type { DeadlineTimings } from './tuning';

// Issue 15: the pending-deadlines projection. One row per clock running on a request, indexed by
// its due time, kept by the folds as events arrive (local or synced): the alarm list is read from
// these rows and the few tickets they name, never from a whole table. A row says only which clock
// runs and when it is due; everything else is derived from the ticket at the time it is shown.

export interface DeadlineRow {
  /** `<ticketId>|<ruleId>` */
  id: string;
  ticketId: string;
  ruleId: DeadlineRuleId;
  /** Under the estate's tuning when it was folded (a paused clock: as if it resumed then). */
  dueAt: number;
}

export const deadlineRowId = (ticketId: string, ruleId: DeadlineRuleId) => `${ticketId}|${ruleId}`;

/** The rows of a ticket's running clocks (none for no ticket or a closed one). */
export function deadlineRowsOf(ticket: Ticket | null | undefined, timings: DeadlineTimings, now: number): DeadlineRow[] {
  if (!ticket) return [];
  return pendingDeadlines(ticket, timings, now).map((d) => ({ id: deadlineRowId(ticket.id, d.ruleId), ticketId: ticket.id, ruleId: d.ruleId, dueAt: d.dueAt }));
}

/** What to write when a ticket row changes from `before` to `after`: rows to put (new or moved) and ids to delete. */
export function deadlineRowChanges(before: Ticket | null | undefined, after: Ticket | null | undefined, timings: DeadlineTimings, now: number): { put: DeadlineRow[]; remove: string[] } {
  const old = new Map(deadlineRowsOf(before, timings, now).map((row) => [row.id, row.dueAt]));
  const next = deadlineRowsOf(after, timings, now);
  const put = next.filter((row) => old.get(row.id) !== row.dueAt);
  const kept = new Set(next.map((row) => row.id));
  return { put, remove: [...old.keys()].filter((id) => !kept.has(id)) };
}
