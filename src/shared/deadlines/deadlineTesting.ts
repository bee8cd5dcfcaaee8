// What the deadline tests share: one rule's running deadline on a ticket folded by the step
// helpers (tickets/handling/stepTesting.ts), at a fake clock (plain epoch ms).
import type { Ticket } from '../tickets/ticketFold';
import type { DeadlineRuleId } from './deadlineRules';
import type { DeadlinePause } from './pausedClock';
import { pendingDeadlines, type DeadlineLevel, type PendingDeadline } from './pendingDeadlines';
import { DEFAULT_TIMINGS, type DeadlineTimings } from './tuning';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** The deadline of `rule` running on the ticket at `now`, if any. */
export function deadline(ticket: Ticket, rule: DeadlineRuleId, now: number, timings: DeadlineTimings = DEFAULT_TIMINGS, pauses: readonly DeadlinePause[] = []): PendingDeadline | undefined {
  return pendingDeadlines(ticket, timings, now, pauses).find((d) => d.ruleId === rule);
}

/** The level of `rule` at each instant ('none': not running). */
export function levels(ticket: Ticket, rule: DeadlineRuleId, instants: readonly number[], pauses: readonly DeadlinePause[] = []): (DeadlineLevel | 'none')[] {
  return instants.map((now) => deadline(ticket, rule, now, DEFAULT_TIMINGS, pauses)?.level ?? 'none');
}

/** The times of a deadline, for one toMatchObject. */
export function times(d: PendingDeadline | undefined) {
  return d && { startedAt: d.startedAt, warnAt: d.warnAt, dueAt: d.dueAt, overdueAt: d.overdueAt, escalateAfter: d.escalateAfter, escalateTo: d.escalateTo };
}
